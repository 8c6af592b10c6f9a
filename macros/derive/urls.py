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
    easy_read: Mapping[str, str] = field(default_factory=dict)
    """Easy Read page of each section that has one (``easy_read("money")``), by section id."""

    def section(self, section_id: str) -> str:
        """Where a section is shown (``offer/<id>/`` when no page shows it yet).

        >>> Places({"money": "help/money/"}).section("money"), Places().section("rent")
        ('help/money/', 'offer/rent/')
        """
        return self.sections.get(section_id, f"offer/{section_id}/")

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
    for call in calls:
        if call.name == "offer_section" and call.args and isinstance(call.args[0], str):
            sections.setdefault(call.args[0], page_url(call.page))
        if call.name == "easy_read" and call.args and isinstance(call.args[0], str):
            easy_read.setdefault(call.args[0], page_url(call.page))
        pages.setdefault(call.name, page_url(call.page))
    return Places(
        sections=sections,
        principles=pages.get("principles"),
        action_plan=pages.get("action_plan"),
        overview=pages.get("offer_overview"),
        arrangements=pages.get("arrangements"),
        changes=pages.get("changes"),
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
