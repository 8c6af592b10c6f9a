"""Block macros' HTML, kept out of Markdown (macros/render/html_blocks.py), on built pages."""

from __future__ import annotations

from pathlib import Path

from macros.render.html_blocks import TOKEN_PREFIX
from macros.validate.site_data import SiteData
from tests.conftest import run_build, search_index_text


def test_no_token_reaches_a_built_page(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert pages
    for page in pages:
        assert TOKEN_PREFIX not in page.read_text("utf-8"), page
    index = search_index_text(site_dir)
    assert index
    assert TOKEN_PREFIX not in index


def test_markdown_links_to_anchors_in_macro_html_are_still_checked(
    fixture_copy: Path, tmp_path: Path, data: SiteData
) -> None:
    # docs/offer/money.md shows the always-overdue section: its entries are macro HTML.
    entry = data.offer["always-overdue"].entries[0]
    page = fixture_copy / "docs" / "need-help-now.md"
    text = page.read_text("utf-8")
    page.write_text(text + f"\n[{entry.title}](offer/money.md#{entry.id})\n", "utf-8")
    good = run_build(fixture_copy, tmp_path / "good")
    assert good.returncode == 0, good.output
    page.write_text(text + "\n[Nothing](offer/money.md#no-such-entry)\n", "utf-8")
    result = run_build(fixture_copy, tmp_path / "bad")
    assert result.returncode != 0
    assert "no-such-entry" in result.output
