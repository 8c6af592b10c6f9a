"""Macro HTML kept out of Python-Markdown's way until the page is converted.

A block macro (``{{ offer_section("money") }}``) returns finished HTML. Left in the
Markdown, Python-Markdown's HTML parser read every tag of it again only to pass it
through unchanged: at 5,000 offer entries that was the largest part of what our build
cost over plain mkdocs-material. Instead the macro leaves a short token on the page
(``stash``) and keeps the HTML on the page object; after conversion, ``put_back``
(called by the ``on_page_content`` hook) puts the HTML back in place of the token and
tells MkDocs the ids in it, so links to them are still checked, and adds the headings in
it to the page's table of contents, which Markdown made before they were there.
"""

from __future__ import annotations

import re
import secrets
from html import escape, unescape
from typing import Any

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents

BLOCKS_ATTRIBUTE = "clo_html_blocks"
TOKEN_PREFIX = "clo-html-block-"
# Tokens differ from build to build, so text on a page can never pass for one.
_NONCE = secrets.token_hex(6)
_TOKEN = re.compile(r"(?:<p>)?(" + TOKEN_PREFIX + r"[0-9a-f]+-[0-9]+)(?:</p>)?")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_LANG = re.compile(r"""\slang=["']([^"']*)["']""")
_DIR = re.compile(r"""\sdir=["']([^"']*)["']""")
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.DOTALL)
UNLISTED = "data-clo-unlisted"
"""On a heading with an id that the table of contents leaves out: one of the hidden steps
of "Am I a care leaver?", whose id names its section for screen readers but which a
link could not show."""
_TAG = re.compile(r"<[^>]*>")


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


def put_back(html: str, page: Any, toc_depth: int = 6) -> str:
    """Put the HTML of block macros back in place of their tokens, and list their headings
    (down to level ``toc_depth``) in the page's table of contents.

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
    toc = getattr(page, "toc", None)
    if toc is not None and any(_HEADING.search(blocks[token]) for token in placed):
        page.toc = table_of_contents(html, toc, toc_depth)
    delattr(page, BLOCKS_ATTRIBUTE)
    return html


def headings(html: str) -> list[tuple[int, str, str, str]]:
    """(level, id, words as HTML, language) of each heading with an id in ``html``, in
    order. ``language`` is its own ``lang`` and ``dir`` as attributes, or "".

    >>> headings('<h2 id="rent" class="x">Rent <a href="#">&amp; bills</a></h2><h3>No id</h3>')
    [(2, 'rent', 'Rent &amp; bills', '')]
    >>> headings('<h2 id="money" lang="en-GB" dir="ltr">Money</h2>')
    [(2, 'money', 'Money', ' lang="en-GB" dir="ltr"')]
    >>> headings('<h2 id="step-title" data-clo-unlisted>Your age?</h2>')
    []
    """
    found = []
    for match in _HEADING.finditer(html):
        attributes = match.group(2) or ""
        ids = _ID.findall(attributes)
        if ids and UNLISTED not in attributes:
            words = " ".join(unescape(_TAG.sub("", match.group(3))).split())
            found.append(
                (int(match.group(1)), ids[0], escape(words, quote=False), _language(attributes))
            )
    return found


def _language(attributes: str) -> str:
    language, direction = _LANG.search(attributes), _DIR.search(attributes)
    if language is None:
        return ""
    marks = f' lang="{escape(unescape(language.group(1)))}"'
    if direction is not None:
        marks += f' dir="{escape(unescape(direction.group(1)))}"'
    return marks


def table_of_contents(html: str, listed: Any, toc_depth: int = 6) -> TableOfContents:
    """The table of contents of a page's finished ``html``: every heading with an id,
    nested by level. Those Markdown ``listed`` keep its words (a ``data-toc-label`` among
    them); those from block macros are added where they stand, down to ``toc_depth``.

    Titles are markup, as MkDocs defines them: the theme, which escapes what it is given
    (macros/publish/theme.py), places them as they are. A heading in a language of its
    own (``lang``) is listed in it.

    >>> toc = table_of_contents('<h1 id="money">Money</h1><h2 id="rent">Rent</h2>', [])
    >>> [(item.title, [child.url for child in item.children]) for item in toc]
    [(Markup('Money'), ['#rent'])]
    >>> [item.title for item in table_of_contents('<h2 id="rent" lang="en-GB">Rent</h2>', [])]
    [Markup('<span lang="en-GB">Rent</span>')]
    """
    titles: dict[str, str] = {}

    def remember(items: Any) -> None:
        for item in items:
            titles[item.id] = item.title
            remember(item.children)

    remember(listed)
    top: list[AnchorLink] = []
    open_items: list[AnchorLink] = []
    for level, anchor, words, language in headings(html):
        if anchor not in titles and level > toc_depth:
            continue
        title = titles.get(anchor, words)
        if language and not title.startswith(f"<span{language}>"):
            # An English title on an Arabic page is listed as English, as its heading
            # is: a screen reader reads it so, and it lines up as it does (WCAG 3.1.2).
            # (A table made again from this one's titles has them marked already.)
            title = f"<span{language}>{title}</span>"
        link = AnchorLink(Markup(title), anchor, level)
        while open_items and open_items[-1].level >= level:
            open_items.pop()
        (open_items[-1].children if open_items else top).append(link)
        open_items.append(link)
    if top:
        # As MkDocs does: the first item is the active one.
        top[0].active = True  # type: ignore[attr-defined]
    return TableOfContents(top)
