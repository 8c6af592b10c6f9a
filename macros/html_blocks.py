"""Macro HTML kept out of Python-Markdown's way until the page is converted.

A block macro (``{{ offer_section("money") }}``) returns finished HTML. Left in the
Markdown, Python-Markdown's HTML parser read every tag of it again only to pass it
through unchanged: at 5,000 offer entries that was the largest part of what our build
cost over plain mkdocs-material. Instead the macro leaves a short token on the page and
keeps the HTML on the page object; after conversion, ``on_page_content`` in
``macros/hooks.py`` puts the HTML back in place of the token (and tells MkDocs the ids
in it, so links to them are still checked).
"""

from __future__ import annotations

import secrets
from typing import Any

# Shared with macros/hooks.py, which imports nothing from this package.
BLOCKS_ATTRIBUTE = "clo_html_blocks"
TOKEN_PREFIX = "clo-html-block-"
# Tokens differ from build to build, so text on a page can never pass for one.
_NONCE = secrets.token_hex(6)


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
