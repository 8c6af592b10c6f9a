"""check-links --external checks links to other sites; here the other site is local."""

from __future__ import annotations

from pathlib import Path

from macros.tools.cli import check_links_main
from macros.tools.link_check import check_links, serve


def site_linking_to(tmp_path: Path, targets: list[str]) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    links = "".join(f'<a href="{target}">link</a>' for target in targets)
    (site / "index.html").write_text(
        f"<!doctype html><html lang='en'><title>t</title><body>{links}</body></html>",
        encoding="utf-8",
    )
    return site


def other_site(tmp_path: Path) -> Path:
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "ok.html").write_text("<!doctype html><title>ok</title>", encoding="utf-8")
    return folder


def test_external_links_are_checked_against_another_server(tmp_path: Path) -> None:
    with serve(other_site(tmp_path)) as other:
        good = site_linking_to(tmp_path, [f"{other}ok.html"])
        assert check_links(good, external=True).returncode == 0


def test_broken_external_link_fails(tmp_path: Path) -> None:
    with serve(other_site(tmp_path)) as other:
        bad = site_linking_to(tmp_path, [f"{other}ok.html", f"{other}gone.html"])
        result = check_links(bad, external=True)
    assert result.returncode != 0
    assert "gone.html" in result.stdout


def test_command_needs_a_built_site(tmp_path: Path) -> None:
    assert check_links_main(["--site", str(tmp_path / "nothing")]) == 1
