"""Macro HTML kept out of Python-Markdown's way until the page is converted.

A block macro (``{{ offer_section("money") }}``) returns finished HTML. Left in the
Markdown, Python-Markdown's HTML parser read every tag of it again only to pass it
through unchanged: at 5,000 offer entries that was the largest part of what our build
cost over plain mkdocs-material. Instead the macro leaves a short token on the page
(``stash``) and keeps the HTML on the page object; after conversion, ``put_back``
(called by the ``on_page_content`` hook) puts the HTML back in place of the token and
tells MkDocs the ids in it, so links to them are still checked.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

BLOCKS_ATTRIBUTE = "clo_html_blocks"
TOKEN_PREFIX = "clo-html-block-"
# Tokens differ from build to build, so text on a page can never pass for one.
_NONCE = secrets.token_hex(6)
_TOKEN = re.compile(r"(?:<p>)?(" + TOKEN_PREFIX + r"[0-9a-f]+-[0-9]+)(?:</p>)?")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


class MisplacedBlock(ValueError):
    """A block macro's output could not be put back (it was inside a list, link or code)."""


def stash(page: Any, html: str) -> str:
    """Keep ``html`` on ``page`` and return the token that stands for it.

    Without a page (a macro rendered outside any page) the HTML itself is returned.

    >>> class Page: pass
    >>> page = Page()
    >>> token = stash(page, "<p>Hi</p>").strip()
    >>> token.startswith(TOKEN_PREFIX), getattr(page, BLOCKS_ATTRIBUTE)[token]
    (True, '<p>Hi</p>')
    >>> stash(None, "<p>Hi</p>")
    '<p>Hi</p>'
    """
    if page is None:
        return html
    blocks: dict[str, str] | None = getattr(page, BLOCKS_ATTRIBUTE, None)
    if blocks is None:
        blocks = {}
        setattr(page, BLOCKS_ATTRIBUTE, blocks)
    token = f"{TOKEN_PREFIX}{_NONCE}-{len(blocks) + 1}"
    blocks[token] = html
    # A line of its own: Markdown makes it a paragraph, whatever comes before or after.
    return f"\n\n{token}\n\n"


def put_back(html: str, page: Any) -> str:
    """Put the HTML of block macros back in place of their tokens.

    >>> class Page: pass
    >>> page = Page()
    >>> page.present_anchor_ids = set()
    >>> token = stash(page, '<h2 id="rent">Rent</h2>').strip()
    >>> put_back(f"<p>{token}</p>", page)
    '<h2 id="rent">Rent</h2>'
    >>> page.present_anchor_ids
    {'rent'}
    """
    blocks: dict[str, str] | None = getattr(page, BLOCKS_ATTRIBUTE, None)
    if not blocks:
        return html
    placed: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        token = match.group(1)
        if token not in blocks:
            return match.group(0)
        placed.add(token)
        return blocks[token]

    html = _TOKEN.sub(replace, html)
    if set(blocks) - placed:
        where = getattr(getattr(page, "file", None), "src_uri", "a page")
        raise MisplacedBlock(
            f"docs/{where}: a macro's output could not be placed; put each macro such as "
            '{{ offer_section("money") }} on a line of its own, not inside a list, '
            "table, link or code"
        )
    anchors = getattr(page, "present_anchor_ids", None)
    if anchors is not None:
        for token in placed:
            anchors.update(_ID.findall(blocks[token]))
    delattr(page, BLOCKS_ATTRIBUTE)
    return html
