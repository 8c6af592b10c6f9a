"""macros.render.html_blocks: macro HTML kept out of Markdown and put back in its place.

Ported from the unit parts of tests/test_html_blocks.py (the built-site parts stay there
for the build tests).
"""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from macros.publish import mkdocs_hooks
from macros.render.html_blocks import (
    BLOCKS_ATTRIBUTE,
    TOKEN_PREFIX,
    MisplacedBlock,
    put_back,
    stash,
)


class File:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri


class FakePage:
    def __init__(self, src_uri: str = "offer/money.md") -> None:
        self.present_anchor_ids: set[str] = set()
        self.file = File(src_uri)


def test_stash_keeps_the_html_on_the_page_and_leaves_a_token_on_its_own_line() -> None:
    page = FakePage()
    placeholder = stash(page, '<div id="x">X</div>')
    assert placeholder.startswith("\n\n") and placeholder.endswith("\n\n")
    token = placeholder.strip()
    assert token.startswith(TOKEN_PREFIX)
    assert "<" not in token and " " not in token
    assert getattr(page, BLOCKS_ATTRIBUTE) == {token: '<div id="x">X</div>'}


def test_without_a_page_the_html_itself_is_returned() -> None:
    assert stash(None, "<p>Hi</p>") == "<p>Hi</p>"


def test_each_block_gets_its_own_token() -> None:
    page = FakePage()
    tokens = {stash(page, f"<p>{i}</p>").strip() for i in range(3)}
    assert len(tokens) == 3


def test_each_token_is_replaced_by_its_own_html_and_ids_become_anchors() -> None:
    page = FakePage()
    first = stash(page, '<h2 id="rent">Rent</h2>').strip()
    second = stash(page, "<h2 id='bills'>Bills</h2>").strip()
    html = put_back(f"<p>{second}</p>\n<p>Text</p>\n<p>{first}</p>", page)
    assert html == "<h2 id='bills'>Bills</h2>\n<p>Text</p>\n<h2 id=\"rent\">Rent</h2>"
    assert page.present_anchor_ids == {"rent", "bills"}
    assert not hasattr(page, BLOCKS_ATTRIBUTE)


def test_a_token_outside_a_paragraph_is_replaced_too() -> None:
    page = FakePage()
    token = stash(page, "<div>Block</div>").strip()
    assert put_back(f"<div>{token}</div>", page) == "<div><div>Block</div></div>"


def test_a_page_without_blocks_is_left_alone() -> None:
    page = FakePage()
    html = f"<p>{TOKEN_PREFIX}abc-1</p>"
    assert put_back(html, page) == html
    assert page.present_anchor_ids == set()


def test_text_that_looks_like_a_token_is_left_alone() -> None:
    page = FakePage()
    token = stash(page, "<p>Real</p>").strip()
    lookalike = f"<p>{TOKEN_PREFIX}000000000000-1</p>"
    assert put_back(f"{lookalike}\n<p>{token}</p>", page) == f"{lookalike}\n<p>Real</p>"


def test_a_token_markdown_did_not_keep_is_an_error_naming_the_page() -> None:
    page = FakePage("offer/money.md")
    stash(page, "<p>lost</p>")
    with pytest.raises(MisplacedBlock, match=r"^docs/offer/money\.md: .*on a line of its own"):
        put_back("<p>nothing here</p>", page)


def test_a_page_without_a_file_is_still_named() -> None:
    class Bare:
        pass

    page = Bare()
    stash(page, "<p>lost</p>")
    with pytest.raises(MisplacedBlock, match="docs/a page"):
        put_back("", page)


def test_the_hook_reports_a_misplaced_block_as_a_build_error() -> None:
    page = FakePage("gallery.md")
    token = stash(page, '<div id="g">G</div>').strip()
    assert mkdocs_hooks.on_page_content(f"<p>{token}</p>", page, {}, None) == '<div id="g">G</div>'
    assert page.present_anchor_ids == {"g"}
    stash(page, "<p>lost</p>")
    with pytest.raises(PluginError, match=r"docs/gallery\.md: .*on a line of its own"):
        mkdocs_hooks.on_page_content("<p>nothing</p>", page, {}, None)
