"""Macro HTML kept out of Markdown (macros/html_blocks.py) and put back by the hook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros import hooks, html_blocks
from macros.validate.site_data import load_site_data
from tests.conftest import ROOT, run_build


class FakePage:
    def __init__(self) -> None:
        self.present_anchor_ids: set[str] = set()


def test_the_hook_and_the_macros_agree_on_the_attribute_and_tokens() -> None:
    page = FakePage()
    token = html_blocks.stash(page, '<div id="x">X</div>').strip()
    assert hooks._BLOCKS_ATTRIBUTE == html_blocks.BLOCKS_ATTRIBUTE
    assert hooks._TOKEN.fullmatch(f"<p>{token}</p>")


def test_each_token_is_replaced_by_its_own_html_and_ids_become_anchors() -> None:
    page = FakePage()
    first = html_blocks.stash(page, '<h2 id="rent">Rent</h2>').strip()
    second = html_blocks.stash(page, '<h2 id="bills">Bills</h2>').strip()
    html = hooks.on_page_content(f"<p>{second}</p>\n<p>Text</p>\n<p>{first}</p>", page, {}, None)
    assert html == ('<h2 id="bills">Bills</h2>\n<p>Text</p>\n<h2 id="rent">Rent</h2>')
    assert page.present_anchor_ids == {"rent", "bills"}
    assert not hasattr(page, html_blocks.BLOCKS_ATTRIBUTE)


def test_a_token_markdown_did_not_keep_is_an_error_naming_the_page() -> None:
    page = FakePage()
    html_blocks.stash(page, "<p>lost</p>")
    with pytest.raises(PluginError, match="on a line of its own"):
        hooks.on_page_content("<p>nothing here</p>", page, {}, None)


def test_no_token_reaches_a_built_page(site_dir: Path) -> None:
    for page in site_dir.rglob("*.html"):
        assert html_blocks.TOKEN_PREFIX not in page.read_text("utf-8"), page


def test_markdown_links_to_anchors_in_macro_html_are_still_checked(
    project_copy: Path, tmp_path: Path
) -> None:
    data = load_site_data(ROOT)
    section_id, section = next(iter(data.offer.items()))
    entry = section.entries[0]
    page = project_copy / "docs" / "need-help-now.md"
    text = page.read_text("utf-8")
    page.write_text(text + f"\n[{entry.title}](offer/{section_id}.md#{entry.id})\n", "utf-8")
    assert run_build(project_copy, tmp_path / "good").returncode == 0
    page.write_text(text + f"\n[Nothing](offer/{section_id}.md#no-such-entry)\n", "utf-8")
    result = run_build(project_copy, tmp_path / "bad")
    assert result.returncode != 0
    assert re.search(r"no-such-entry", result.output)
