"""How the pages that list the whole offer stay light when the offer is large.

The offer overview lists every entry under its section while the offer is small; past
``OVERVIEW_LIST_MAX`` entries it lists each section with how many entries it has (a
phone could not lay out or scroll a page of thousands of links: 5,000 entries made
17,700 elements), and the age filter counts, per section, the entries for each age.
The finder's page for an age does the same past ``FINDER_LIST_MAX`` results (5,000
entries give up to 3,700 results an age, about 70,000 elements): each section with how
many results it has, and what the finder's script needs to count them again for the
answers in the address. The reviewers' page shows the ``REVIEW_ROWS_SHOWN`` soonest
reviews in full, and says where the rest are (``review.json``, the ``review``
command). All work without JavaScript; the section pages list every entry.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from macros.derive.finder import ResultSection
from macros.derive.offer import EntryView, SectionView

T = TypeVar("T")

OVERVIEW_LIST_MAX = 400
"""Entries the overview lists one by one; a real council's offer has 50 to 150."""
REVIEW_ROWS_SHOWN = 100
"""Rows of the reviewers' page shown in full, soonest first (about 18 elements each)."""
FINDER_LIST_MAX = 120
"""Results an age's finder page lists one by one (about 19 elements each, so at most
about 2,600 on the page); a real council's offer has 40 to 90 at one age."""


def fits_age(entry: EntryView, age: int) -> bool:
    """Whether someone of ``age`` can get the entry (no bound is no limit), as the age
    filter in clo.js decides.

    >>> from types import SimpleNamespace as E
    >>> fits_age(E(age_from=18, age_to=None), 17), fits_age(E(age_from=None, age_to=21), 17)
    (False, True)
    """
    return (entry.age_from is None or age >= entry.age_from) and (
        entry.age_to is None or age <= entry.age_to
    )


@dataclass(frozen=True)
class OverviewSection:
    """A section as the compact overview lists it."""

    section: SectionView
    age_counts: tuple[int, ...]
    """Entries for each age the filter offers, in its order."""


@dataclass(frozen=True)
class OverviewView:
    compact: bool
    """True when the offer is too large to list every entry on the overview."""
    sections: tuple[OverviewSection, ...]


def overview_view(
    sections: Sequence[SectionView], ages: Sequence[int], list_max: int = OVERVIEW_LIST_MAX
) -> OverviewView:
    """The overview's sections, compact past ``list_max`` entries.

    Example: 625 sections of 8 entries -> ``compact`` is True and each section carries
    ``age_counts`` such as ``(8, 8, 7, ...)``; the example's 80 entries -> False.
    """
    entries = sum(len(section.entries) for section in sections)
    compact = entries > list_max
    return OverviewView(
        compact,
        tuple(
            OverviewSection(
                section,
                tuple(sum(fits_age(entry, age) for entry in section.entries) for age in ages)
                if compact
                else (),
            )
            for section in sections
        ),
    )


@dataclass(frozen=True)
class FinderSectionCount:
    """A section as a compact finder page lists it."""

    section: SectionView
    count: int
    """Its results at the page's age."""
    browser_counts: str
    """JSON for ``data-clo-counts``: ``[[clauses, results], ...]``, how many results
    need each set of clauses the browser still checks (``[]``: none), so the script
    can count the section again for the answers in the address."""


def finder_counts(
    groups: Sequence[ResultSection], list_max: int = FINDER_LIST_MAX
) -> tuple[FinderSectionCount, ...]:
    """Each section of an age's results with its counts when there are more than
    ``list_max`` results; ``()`` when the page lists every result.

    Example: 3,043 results at 19 in 624 sections -> 624 counts, one of them
    ``count=5`` with ``browser_counts='[[[],4],[[["where",["north"]]],1]]'``.
    """
    if sum(len(group.results) for group in groups) <= list_max:
        return ()
    counted = []
    for group in groups:
        needs = Counter(result.browser_needs for result in group.results)
        pairs = [[json.loads(key) if key else [], number] for key, number in sorted(needs.items())]
        counted.append(
            FinderSectionCount(
                group.section,
                len(group.results),
                json.dumps(pairs, separators=(",", ":"), ensure_ascii=False),
            )
        )
    return tuple(counted)


def shown_rows(rows: Sequence[T], shown: int = REVIEW_ROWS_SHOWN) -> tuple[T, ...]:
    """The rows the reviewers' page shows in full: the first ``shown`` (soonest first).

    >>> shown_rows(list(range(5)), 3)
    (0, 1, 2)
    """
    return tuple(rows[:shown])
