"""The reviewers' list: every section and separately reviewed entry, soonest review first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from macros.derive.arrangements import ArrangementsView
from macros.derive.offer import ReviewView, SectionView
from macros.words import Words


@dataclass(frozen=True)
class ReviewRow:
    kind: str
    """``section`` or ``entry``."""
    kind_label: str
    id: str
    title: str
    owner: str | None
    url: str
    review: ReviewView
    title_lang: str | None = None
    """Set when the title is shown in English on another language's page."""
    owner_lang: str | None = None
    """Likewise for the owner."""


def review_rows(
    sections: Iterable[SectionView], arrangements: ArrangementsView | None, words: Words
) -> tuple[ReviewRow, ...]:
    """Rows sorted by next review date (soonest, i.e. most overdue, first), then title.

    Example: a section due 2026-01-01 comes before one due 2026-06-01.
    """
    rows: list[ReviewRow] = []
    if arrangements is not None:
        rows.append(
            ReviewRow(
                "arrangements",
                words("review.kind_arrangements"),
                "arrangements",
                arrangements.title,
                arrangements.owner,
                arrangements.url or "",
                arrangements.review,
                arrangements.content_lang,
                arrangements.content_lang,
            )
        )
    for section in sections:
        rows.append(
            ReviewRow(
                "section",
                words("review.kind_section"),
                section.id,
                section.title,
                section.owner,
                section.url,
                section.review,
                section.content_lang,
                section.owner_lang,
            )
        )
        for entry in section.entries:
            if entry.review is not None:
                rows.append(
                    ReviewRow(
                        "entry",
                        words("review.kind_entry"),
                        entry.id,
                        words("review.entry_title", entry=entry.title, section=section.title),
                        section.owner,
                        entry.url,
                        entry.review,
                        # The title mixes the entry's and section's words with the
                        # catalogue's: no one language to mark it with.
                        owner_lang=section.owner_lang,
                    )
                )
    return tuple(sorted(rows, key=lambda row: (row.review.next_due_iso, row.title)))
