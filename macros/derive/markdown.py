"""Turn editors' Markdown snippets from data into safe HTML.

Data text may contain Markdown (bold, links, lists). It is converted, then
sanitised with nh3 (Ammonia) so that nothing executable reaches a page, even
if a data file were edited carelessly or maliciously.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from functools import lru_cache
from html import unescape
from pathlib import Path

import markdown
import nh3
from markupsafe import Markup

from macros.cache_files import write_whole

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
# A link the sanitiser took the address from (javascript:, an unknown scheme): it goes
# nowhere, so only its words are kept (a link attribute on an <a> without href is not
# valid HTML, and a screen reader would still announce a link).
_DEAD_LINK = re.compile(r'<a rel="noopener noreferrer">(.*?)</a>', re.DOTALL)


# Snippets converted by the last build, kept in .cache/ (see use_markdown_cache). Only
# the converter's output is kept: it is sanitised again on every build, so what reaches
# a page never depends on a file outside the repository.
_stored: dict[str, str] = {}
_used: dict[str, str] = {}
_CACHE_VERSION = f"clo-markdown-1 markdown-{markdown.__version__}"


def _markdown(text: str) -> str:
    """``markdown.markdown(text, output_format="html")``, reusing one converter per thread.

    Setting up a converter costs more than converting a short snippet; ``reset()``
    clears everything one conversion leaves behind, so the output is the same.
    """
    html = _stored.get(text)
    if html is None:
        # Converted earlier in this process (a page, then the Open Referral feed).
        html = _used.get(text)
    if html is None:
        converter = getattr(_converters, "markdown", None)
        if converter is None:
            converter = _converters.markdown = markdown.Markdown(output_format="html")
        html = converter.reset().convert(text)
    _used[text] = html
    return html


def use_markdown_cache(folder: Path) -> None:
    """Reuse the snippets the last build converted (saved by ``save_markdown_cache``).

    Converting every snippet again took a tenth of a build at 1,000 offer entries. A
    missing, unreadable or older-version file is ignored: everything is converted.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> use_markdown_cache(folder)
    >>> str(markdown_to_html("A **bold** step, cached"))
    '<p>A <strong>bold</strong> step, cached</p>'
    >>> save_markdown_cache(folder)
    >>> _stored.clear(); use_markdown_cache(folder)
    >>> _stored["A **bold** step, cached"]
    '<p>A <strong>bold</strong> step, cached</p>'
    """
    _stored.clear()
    try:
        saved = json.loads(_cache_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(saved, dict):
        _stored.update(
            (key, value)
            for key, value in saved.items()
            if isinstance(key, str) and isinstance(value, str)
        )


def used_snippets() -> dict[str, str]:
    """The snippets this process converted or reused (what ``save_markdown_cache`` keeps)."""
    return dict(_used)


def keep_snippets(snippets: dict[str, str]) -> None:
    """Keep another process's snippets with this one's (a language built side by side),
    so that ``save_markdown_cache`` keeps them too.

    >>> keep_snippets({"*x*": "<p><em>x</em></p>"}); used_snippets()["*x*"]
    '<p><em>x</em></p>'
    """
    _used.update(
        (key, value)
        for key, value in snippets.items()
        if isinstance(key, str) and isinstance(value, str)
    )


def save_markdown_cache(folder: Path) -> None:
    """Keep the snippets this process converted or reused, so the file does not keep
    snippets that were edited away before this build started."""
    target = _cache_file(folder)
    with contextlib.suppress(OSError):  # a read-only checkout still builds, more slowly
        write_whole(target, json.dumps(_used, ensure_ascii=False))


def _cache_file(folder: Path) -> Path:
    version = hashlib.sha256(_CACHE_VERSION.encode()).hexdigest()[:8]
    return folder / f"markdown-{version}.json"


@lru_cache(maxsize=CACHE_SIZE)
def markdown_to_html(text: str) -> Markup:
    """Markdown -> sanitised HTML.

    >>> str(markdown_to_html("Get **£100** a year."))
    '<p>Get <strong>£100</strong> a year.</p>'
    >>> str(markdown_to_html("<script>alert(1)</script>[x](javascript:alert(1))"))
    '<p>x</p>'
    """
    if _PLAIN.fullmatch(text) and not _LIST_START.match(text):
        # What the converter and the sanitiser would return, without running them.
        return Markup(f"<p>{text}</p>")
    return Markup(sanitise(_markdown(text)).strip())


def sanitise(html: str) -> str:
    """The one sanitiser for HTML made from data: only the tags and links a summary needs.

    >>> sanitise('<p onclick="x">Hi <script>alert(1)</script><a href="javascript:x">a</a></p>')
    '<p>Hi a</p>'
    """
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return _DEAD_LINK.sub(r"\1", cleaned)


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
    >>> plain_text("Free prescriptions,  for you.")
    'Free prescriptions, for you.'
    """
    if _PLAIN.fullmatch(text) and not _LIST_START.match(text):
        # Nothing in it means anything to Markdown or HTML: the converter would return it
        # as it is (the Open Referral feed asks for every entry's summary and steps).
        return " ".join(text.split())
    html = _markdown(text)
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
