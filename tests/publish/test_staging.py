"""macros.publish.staging: a build writes beside the site and swaps in only on success."""

from __future__ import annotations

import logging
from pathlib import Path

from macros.publish.staging import Staging


def test_build_writes_to_a_staging_folder_and_swaps_it_in(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    staging = Staging()
    staging.start("build")
    config = staging.redirect({"site_dir": str(site), "strict": True})
    written = Path(config["site_dir"])
    assert written == tmp_path / "site.partial"
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
    assert not (tmp_path / "site.partial").exists()


def test_serve_is_left_alone(tmp_path: Path) -> None:
    staging = Staging()
    staging.start("serve")
    config = {"site_dir": str(tmp_path / "served"), "strict": False}
    assert staging.redirect(config)["site_dir"] == str(tmp_path / "served")
    staging.swap(config)
    staging.finish()
