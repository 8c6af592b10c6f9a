"""macros.publish.staging: a build writes beside the site and swaps in only on success."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros.publish.staging import Staging, replace_folder


def test_build_writes_to_a_staging_folder_and_swaps_it_in(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    staging = Staging()
    staging.start("build")
    config = staging.redirect({"site_dir": str(site), "strict": True})
    written = Path(config["site_dir"])
    assert written == tmp_path / f"site.partial-{os.getpid()}"
    written.mkdir()
    (written / "new.html").write_text("new", encoding="utf-8")
    staging.swap(config)
    assert (site / "new.html").is_file() and not (site / "old.html").exists()
    assert not written.exists() and not (tmp_path / "site.previous").exists()
    staging.finish()


def test_a_strict_warning_keeps_the_last_good_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    staging = Staging()
    staging.start("build")
    config = staging.redirect({"site_dir": str(site), "strict": True})
    Path(config["site_dir"]).mkdir()
    logging.getLogger("mkdocs.test").warning("a broken link")
    staging.swap(config)
    assert (site / "old.html").read_text(encoding="utf-8") == "old"
    staging.finish()
    assert list(tmp_path.glob("site.partial*")) == []


def test_serve_is_left_alone(tmp_path: Path) -> None:
    staging = Staging()
    staging.start("serve")
    config = {"site_dir": str(tmp_path / "served"), "strict": False}
    assert staging.redirect(config)["site_dir"] == str(tmp_path / "served")
    staging.swap(config)
    staging.finish()


def test_a_killed_build_s_leftovers_are_removed_by_the_next(tmp_path: Path) -> None:
    (tmp_path / "site.partial-99999").mkdir()
    (tmp_path / "site.previous").mkdir()
    staging = Staging()
    staging.start("build")
    staging.redirect({"site_dir": str(tmp_path / "site"), "strict": True})
    assert not (tmp_path / "site.partial-99999").exists()
    assert not (tmp_path / "site.previous").exists()
    staging.finish()


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    first, second = Staging(), Staging()
    first.start("build")
    second.start("build")
    first.redirect({"site_dir": str(tmp_path / "site"), "strict": True})
    waited: list[float] = []

    def run_second() -> None:
        started = time.monotonic()
        second.redirect({"site_dir": str(tmp_path / "site"), "strict": True})
        waited.append(time.monotonic() - started)

    thread = threading.Thread(target=run_second)
    thread.start()
    time.sleep(0.5)
    assert waited == []  # still waiting
    first.finish()
    thread.join(timeout=5)
    assert waited and waited[0] >= 0.5
    second.finish()


def test_a_site_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the site's folder should be", encoding="utf-8")
    staging = Staging()
    staging.start("build")
    with pytest.raises(PluginError) as caught:
        staging.redirect({"site_dir": str(blocker / "site"), "strict": True})
    message = str(caught.value)
    assert message.startswith(f"cannot write the built site to {blocker / 'site'}: ")
    assert "\n" not in message


def test_folders_are_exchanged_so_the_site_is_never_missing(tmp_path: Path) -> None:
    site, new = tmp_path / "site", tmp_path / "new"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    replace_folder(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not new.exists() and not (tmp_path / "site.previous").exists()
