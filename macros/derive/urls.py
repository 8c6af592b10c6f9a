"""Addresses: where each page is, where each thing is shown, and links between pages.

Raw HTML from macros is not rewritten by MkDocs, so links are made relative here; they
then work on any host, under any path, and from a file:// copy.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from macros.validate.pages import MacroCall


def page_url(src_path: str) -> str:
    """The site URL of a Markdown page (MkDocs' directory URLs).

    >>> page_url("offer/money.md"), page_url("offer/index.md"), page_url("index.md")
    ('offer/money/', 'offer/', '')
    """
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


@dataclass(frozen=True)
class Places:
    """The page that shows each thing, as site URLs, found from the macros pages call.

    A fork may move or rename any page: links follow the macro, not a fixed path.
    """

    sections: Mapping[str, str] = field(default_factory=dict)
    """Page of each offer section, by section id."""
    principles: str | None = None
    """Page that shows the principles (``principles()``), if any."""
    action_plan: str | None = None
    """Page that shows the action plan (``action_plan()``), if any."""
    overview: str | None = None
    """Page that shows the whole offer (``offer_overview()``), if any."""
    arrangements: str | None = None
    """Page that shows the arrangements for moving to adult life (``arrangements()``)."""
    changes: str | None = None
    """Page that lists what changed (``changes()``), if any."""
    finder: str | None = None
    """The finder's first question, "How old are you?" (``finder_age()``), if any."""
    finder_situations: str | None = None
    """The finder's question "Do any of these apply to you?" (``finder_situations()``)."""
    finder_where: str | None = None
    """The finder's question "Where do you live?" (``finder_where()``)."""
    finder_results: str | None = None
    """The Markdown file of the finder's results page (``finder_results()``), e.g.
    ``finder/results.md``: a page is made from it for each age, beside it."""
    care_leaver_check: str | None = None
    """The "Am I a care leaver?" page (``care_leaver_check()``), if any."""
    glossary: str | None = None
    """Page that explains the words of the glossary (``glossary()``), if any."""
    easy_read: Mapping[str, str] = field(default_factory=dict)
    """Easy Read page of each section that has one (``easy_read("money")``), by section id."""

    def section(self, section_id: str) -> str:
        """Where a section is shown (``offer/<id>/`` when no page shows it yet).

        >>> Places({"money": "help/money/"}).section("money"), Places().section("rent")
        ('help/money/', 'offer/rent/')
        """
        return self.sections.get(section_id, f"offer/{section_id}/")

    def finder_result(self, age: int) -> str | None:
        """The results page for an age, beside the results page's file, or None.

        >>> Places(finder_results="finder/results.md").finder_result(19)
        'finder/19/'
        """
        if self.finder_results is None:
            return None
        return page_url(posixpath.join(posixpath.dirname(self.finder_results), f"{age}.md"))

    def finder_result_file(self, age: int) -> str | None:
        """The Markdown file made for an age's results page, or None.

        >>> Places(finder_results="finder/results.md").finder_result_file(19)
        'finder/19.md'
        """
        if self.finder_results is None:
            return None
        return posixpath.join(posixpath.dirname(self.finder_results), f"{age}.md")

    def principle(self, principle_id: str) -> str | None:
        """Where a principle is explained, or None when no page shows the principles.

        >>> Places(principles="strategy/where-we-want-to-be/").principle("voice")
        'strategy/where-we-want-to-be/#voice'
        """
        return f"{self.principles}#{principle_id}" if self.principles is not None else None


def places_from(calls: Iterable[MacroCall]) -> Places:
    """Where each thing is shown, from the macros the pages call (first page wins).

    >>> calls = [MacroCall("offer_section", ("money",), "offer/money.md", 3),
    ...          MacroCall("principles", (), "strategy/where-we-want-to-be.md", 9)]
    >>> places = places_from(calls)
    >>> places.section("money"), places.principles
    ('offer/money/', 'strategy/where-we-want-to-be/')
    """
    sections: dict[str, str] = {}
    easy_read: dict[str, str] = {}
    pages: dict[str, str] = {}
    sources: dict[str, str] = {}
    for call in calls:
        if call.name == "offer_section" and call.args and isinstance(call.args[0], str):
            sections.setdefault(call.args[0], page_url(call.page))
        if call.name == "easy_read" and call.args and isinstance(call.args[0], str):
            easy_read.setdefault(call.args[0], page_url(call.page))
        pages.setdefault(call.name, page_url(call.page))
        sources.setdefault(call.name, call.page)
    return Places(
        sections=sections,
        principles=pages.get("principles"),
        action_plan=pages.get("action_plan"),
        overview=pages.get("offer_overview"),
        arrangements=pages.get("arrangements"),
        changes=pages.get("changes"),
        finder=pages.get("finder_age"),
        finder_situations=pages.get("finder_situations"),
        finder_where=pages.get("finder_where"),
        finder_results=sources.get("finder_results"),
        care_leaver_check=pages.get("care_leaver_check"),
        glossary=pages.get("glossary"),
        easy_read=easy_read,
    )


def relative_url(from_page_url: str, to_url: str) -> str:
    """Link from one page URL (directory style) to another site URL.

    >>> relative_url("offer/money/", "strategy/where-we-want-to-be/#voice")
    '../../strategy/where-we-want-to-be/#voice'
    >>> relative_url("", "offer/money/#grant")
    'offer/money/#grant'
    >>> relative_url("offer/money/", "offer/money/#grant")
    '#grant'
    """
    path, _, fragment = to_url.partition("#")
    start = "/" + from_page_url
    if not start.endswith("/"):
        start = posixpath.dirname(start) + "/"
    target = "/" + path
    if target == start and fragment:
        return f"#{fragment}"
    return _relative_path(start, path) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=16_384)
def _relative_path(start: str, path: str) -> str:
    """``path`` (a site URL without its #fragment) relative to the folder ``start``.

    Cached: a large offer links to the same few pages thousands of times.
    """
    relative = posixpath.relpath("/" + path, start)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


SEARCH_FOLDER = "search"


def search_index_folder(language: str) -> str:
    """Where one language's search index is, as a path in the site (it is written by
    ``macros/publish/search_index.py`` and read by ``assets/clo-search.js``).

    >>> search_index_folder("en-GB")
    'search/en-gb/'
    """
    return f"{SEARCH_FOLDER}/{language.lower()}/"
