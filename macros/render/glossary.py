"""Mark the first use of each glossary term on a page, and list the words used at its end.

The page's finished HTML (its prose and its macros' blocks, in reading order) is read
as tags and text. Only text is changed, and only outside headings, links, code,
buttons, labels, summaries, other marked words and anything that is not shown as text
(scripts, styles, SVG): attributes are never touched. Where the terms are comes from
``macros/derive/glossary.py``; this module only writes the links.

Each first use becomes a link to the term's definition in a list at the end of the page
("Words on this page"), like a footnote: a link works with a keyboard, a tap and a
screen reader, without JavaScript and offline, and the page is not left. The link's
``aria-describedby`` names the definition, so a screen reader reads it when the link is
focused, without following it; the definition links back to where the word was used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape

from markupsafe import Markup

from macros.derive.glossary import GlossaryView, TermMatcher, first_uses
from macros.derive.html_tags import ATTRIBUTES, COMMENT
from macros.derive.urls import relative_url
from macros.render.engine import render
from macros.words import Words

# A comment, a tag (attribute values may hold ">" when quoted) or a declaration.
_TOKEN = re.compile(rf"{COMMENT}|<(/?)([A-Za-z][A-Za-z0-9-]*)({ATTRIBUTES})>|<![^>]*>", re.DOTALL)
SKIPPED = frozenset(
    {
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "abbr",
        "dfn", "button", "label", "summary", "select", "option", "textarea", "svg",
        "math", "script", "style", "template", "title", "noscript", "iframe", "object",
        "legend",
    }
)  # fmt: skip
"""Elements whose text is never marked: a link in them would be wrong (a link in a link,
a heading, a button) or their text is not prose."""
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
# Text not shown on screen: a link in it would take the focus where nobody can see it.
_HIDDEN = re.compile(
    r"""(?:^|\s)hidden(?:[\s=/]|$)|aria-hidden=["']?true|class=["'][^"']*visually-hidden""",
    re.IGNORECASE,
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
"""Elements whose content is not HTML: read up to their end tag without looking inside."""


def mark_terms(html: str, matcher: TermMatcher) -> tuple[str, list[str]]:
    """``html`` with the first use of each term made a link, and the ids marked, in order.

    >>> from macros.derive.glossary import term_matcher
    >>> matcher = term_matcher([("pa", "PA"), ("plan", "pathway plan")])
    >>> html, ids = mark_terms(
    ...     '<h2>Your PA</h2><p title="PA">Your <a href="x">PA</a> &amp; PA '
    ...     "write your pathway plan with your PA.</p>", matcher)
    >>> ids
    ['pa', 'plan']
    >>> print(html)  # doctest: +NORMALIZE_WHITESPACE
    <h2>Your PA</h2><p title="PA">Your <a href="x">PA</a> &amp;
    <a class="clo-term" href="#clo-term-pa" id="clo-use-pa" aria-describedby="clo-def-pa">PA</a>
    write your <a class="clo-term" href="#clo-term-plan" id="clo-use-plan"
    aria-describedby="clo-def-plan">pathway plan</a> with your PA.</p>
    """
    seen: set[str] = set()
    marked: list[str] = []
    out: list[str] = []  # what changed, with the HTML before it: html[:copied]
    copied = position = 0
    skipping: list[str] = []
    tokens = _TOKEN.finditer(html)
    while True:
        tag = next(tokens, None)
        end = tag.start() if tag is not None else len(html)
        # Most runs of text (spaces between tags, words with no term) are looked at in
        # place by one search, without being copied.
        if end > position and not skipping and matcher.has_term(html, position, end):
            text = html[position:end]
            new_text = _mark_text(text, matcher, seen, marked)
            if new_text is not text:
                out += (html[copied:position], new_text)
                copied = end
        if tag is None:
            break
        position = tag.end()
        closing, name, attributes = tag.group(1, 2, 3)
        if not name:
            continue  # a comment or declaration
        name = name.lower()
        if closing:
            if name in skipping:
                del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
        elif name in _RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, position)
            position = close.end() if close else len(html)
            tokens = _TOKEN.finditer(html, position)  # nothing in it is a tag
        elif name in _VOID or attributes.rstrip().endswith("/"):
            continue
        elif name in SKIPPED or name in skipping or _HIDDEN.search(attributes):
            # Inside a skipped element, its own kind nested in it is counted too, so
            # that its end tag is the one that ends the skipping.
            skipping.append(name)
    if not out:
        return html, marked
    out.append(html[copied:])
    return "".join(out), marked


def _mark_text(text: str, matcher: TermMatcher, seen: set[str], marked: list[str]) -> str:
    """One run of text with its terms' first uses as links (unchanged if there are none)."""
    plain = unescape(text)
    uses = first_uses(plain, matcher, seen)
    if not uses:
        return text
    pieces = []
    start = 0
    for use in uses:
        marked.append(use.term_id)
        pieces.append(escape(plain[start : use.start], quote=False))
        pieces.append(
            f'<a class="clo-term" href="#clo-term-{use.term_id}" id="clo-use-{use.term_id}" '
            f'aria-describedby="clo-def-{use.term_id}">'
            f"{escape(plain[use.start : use.end], quote=False)}</a>"
        )
        start = use.end
    pieces.append(escape(plain[start:], quote=False))
    return "".join(pieces)


def mark_page(
    html: str,
    glossary: GlossaryView,
    words: Words,
    page_url: str,
    placed: Callable[[str], str] | None = None,
) -> str:
    """The page's HTML with its terms' first uses marked and, at its end, the list of
    the words it uses (passed through ``placed``, if given, which may mark its language);
    the page as it was when it uses none.

    >>> from macros.validate.model.glossary import GlossaryFile, GlossaryTerm
    >>> from macros.derive.glossary import glossary_view
    >>> from macros.words import load_words
    >>> view = glossary_view(GlossaryFile(terms=[GlossaryTerm(
    ...     id="pa", term="PA", definition="Your personal adviser.")]), "glossary/")
    >>> html = mark_page("<p>Ask your PA.</p>", view, load_words("en-GB"), "offer/money/")
    >>> 'id="clo-def-pa">Your personal adviser.</span>' in html, 'href="../../glossary/"' in html
    (True, True)
    >>> mark_page("<p>Ask us.</p>", view, load_words("en-GB"), "offer/money/")
    '<p>Ask us.</p>'
    """
    marked, ids = mark_terms(html, glossary.matcher)
    if not ids:
        return html
    words_html: Markup = render(
        "glossary-words.html",
        words,
        terms=[glossary.by_id[term_id] for term_id in ids],
        glossary_url=(relative_url(page_url, glossary.page) if glossary.page is not None else None),
    )
    return f"{marked}\n{placed(words_html) if placed is not None else words_html}"
