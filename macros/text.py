"""Turn editors' Markdown snippets from data into safe HTML.

Data text may contain Markdown (bold, links, lists). It is converted, then
sanitised with nh3 (Ammonia) so that nothing executable reaches a page, even
if a data file were edited carelessly or maliciously.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from html import unescape

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "a", "strong", "em", "ul", "ol", "li", "br", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}
# Enough for every snippet of a large offer (5,000 entries have about 25,000), so that
# `mkdocs serve` converts only what changed when it rebuilds after an edit.
CACHE_SIZE = 65_536

_converters = threading.local()

# One line of words and ordinary punctuation, starting with a letter or digit: nothing in
# it means anything to Markdown or HTML (no * _ ` [ ] < > & # \ | ~, no line break, no
# tab, no non-breaking space), so it converts to itself in a paragraph. Most steps and
# conditions are like this; skipping the converter for them is most of a build's
# Markdown time.
_PLAIN = re.compile(r"[^\W_](?:[^\W_]|[ £€$%',.;:?!/()\"@+=-])*(?<! )")
# "2. Apply" would be a numbered list.
_LIST_START = re.compile(r"\d+\.(?: |$)")


def _markdown(text: str) -> str:
    """``markdown.markdown(text, output_format="html")``, reusing one converter per thread.

    Setting up a converter costs more than converting a short snippet; ``reset()``
    clears everything one conversion leaves behind, so the output is the same.
    """
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(output_format="html")
    return converter.reset().convert(text)


@lru_cache(maxsize=CACHE_SIZE)
def markdown_to_html(text: str) -> Markup:
    """Markdown -> sanitised HTML.

    >>> str(markdown_to_html("Get **£100** a year."))
    '<p>Get <strong>£100</strong> a year.</p>'
    >>> str(markdown_to_html("<script>alert(1)</script>[x](javascript:alert(1))"))
    '<p><a rel="noopener noreferrer">x</a></p>'
    """
    if _PLAIN.fullmatch(text) and not _LIST_START.match(text):
        # What the converter and the sanitiser would return, without running them.
        return Markup(f"<p>{text}</p>")
    html = _markdown(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean.strip())


def markdown_inline(text: str) -> Markup:
    """Markdown for one line of text, without the wrapping paragraph.

    >>> str(markdown_inline("Call *today*"))
    'Call <em>today</em>'
    """
    html = str(markdown_to_html(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


@lru_cache(maxsize=CACHE_SIZE)
def plain_text(text: str) -> str:
    """Markdown -> plain text on one line, e.g. for a meta description.

    >>> plain_text("Get **money** for [college](https://example.org).")
    'Get money for college.'
    """
    html = _markdown(text)
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
