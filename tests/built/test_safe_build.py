"""A failed build leaves the previously built site byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import run_build


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


BREAKAGES = {
    # A strict-mode warning: only found while the pages are being written.
    "broken-markdown-link": ("docs/accessibility.md", "\n[Read more](no-such-page.md)\n"),
    # Caught by the page check before anything is written.
    "misspelt-variable": ("docs/index.md", "\n{{ councl.name }}\n"),
    # Caught by the data check before anything is written.
    "bad-data": ("data/site.yml", "\nunknown_top_level_key: 1\n"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_failed_build_keeps_the_last_good_site(
    fixture_copy: Path, tmp_path: Path, breakage: str
) -> None:
    site = tmp_path / "site"
    first = run_build(fixture_copy, site)
    assert first.returncode == 0, first.output
    before = snapshot(site)
    assert "index.html" in before

    relative, text = BREAKAGES[breakage]
    append(fixture_copy / relative, text)
    second = run_build(fixture_copy, site)

    assert second.returncode != 0
    assert snapshot(site) == before
    assert not (tmp_path / "site.partial").exists()
    assert "Traceback" not in second.output


def test_successful_build_replaces_the_site(fixture_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_build(fixture_copy, site).returncode == 0
    (site / "stale-file.txt").write_text("left over from an old build", encoding="utf-8")
    assert run_build(fixture_copy, site).returncode == 0
    assert not (site / "stale-file.txt").exists()
    assert (site / "index.html").is_file()
    assert not (tmp_path / "site.partial").exists()
    assert not (tmp_path / "site.previous").exists()


def test_same_inputs_and_epoch_give_identical_files(fixture_copy: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run_build(fixture_copy, first).returncode == 0
    assert run_build(fixture_copy, second).returncode == 0
    files = snapshot(first)
    assert "assets/gallery" in " ".join(files), "pictures are part of the comparison"
    assert files == snapshot(second)
