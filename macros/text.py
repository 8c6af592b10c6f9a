"""Turn editors' Markdown snippets from data into safe HTML.

Data text may contain Markdown (bold, links, lists). It is converted, then
sanitised with nh3 (Ammonia) so that nothing executable reaches a page, even
if a data file were edited carelessly or maliciously.
"""

from __future__ import annotations

from functools import lru_cache
from html import unescape

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "a", "strong", "em", "ul", "ol", "li", "br", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}


@lru_cache(maxsize=4096)
def markdown_to_html(text: str) -> Markup:
    """Markdown -> sanitised HTML.

    >>> str(markdown_to_html("Get **£100** a year."))
    '<p>Get <strong>£100</strong> a year.</p>'
    >>> str(markdown_to_html("<script>alert(1)</script>[x](javascript:alert(1))"))
    '<p><a rel="noopener noreferrer">x</a></p>'
    """
    html = markdown.markdown(text, output_format="html")
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


def plain_text(text: str) -> str:
    """Markdown -> plain text on one line, e.g. for a meta description.

    >>> plain_text("Get **money** for [college](https://example.org).")
    'Get money for college.'
    """
    html = markdown.markdown(text, output_format="html")
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
