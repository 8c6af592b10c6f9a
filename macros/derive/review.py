"""Review dates and statuses for offer sections and entries: pure functions.

A section is *current* until ``due_soon_days`` before its next review date,
then *due soon* (including the due date itself), and *overdue* from the day
after the due date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class ReviewState(StrEnum):
    current = "current"
    due_soon = "due_soon"
    overdue = "overdue"


def add_interval(start: dt.date, interval: str) -> dt.date:
    """Add ``N weeks``, ``N months`` or ``N years`` to a date; month ends are clamped.

    >>> add_interval(dt.date(2026, 1, 31), "1 month")
    datetime.date(2026, 2, 28)
    >>> add_interval(dt.date(2024, 2, 29), "1 year")
    datetime.date(2025, 2, 28)
    >>> add_interval(dt.date(2026, 3, 12), "6 weeks")
    datetime.date(2026, 4, 23)
    """
    match = re.fullmatch(r"([1-9][0-9]*) (week|month|year)s?", interval.strip())
    if match is None:
        raise ValueError(f"not an interval: {interval!r}; use e.g. '6 weeks', '6 months', '1 year'")
    count, unit = int(match.group(1)), match.group(2)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def next_review_on(
    last_reviewed_on: dt.date,
    review_in: str | None,
    review_by: dt.date | None,
    default_review_in: str,
) -> dt.date:
    """The next review date: ``review_by`` if set, else last review plus the interval.

    >>> next_review_on(dt.date(2025, 3, 12), None, None, "1 year")
    datetime.date(2026, 3, 12)
    >>> next_review_on(dt.date(2025, 3, 12), "6 months", None, "1 year")
    datetime.date(2025, 9, 12)
    >>> next_review_on(dt.date(2025, 3, 12), None, dt.date(2025, 5, 1), "1 year")
    datetime.date(2025, 5, 1)
    """
    if review_by is not None:
        return review_by
    return add_interval(last_reviewed_on, review_in or default_review_in)


def review_state(due_on: dt.date, today: dt.date, due_soon_days: int) -> ReviewState:
    """Where a review stands on ``today``.

    >>> review_state(dt.date(2026, 3, 12), dt.date(2026, 3, 12), 30).value
    'due_soon'
    >>> review_state(dt.date(2026, 3, 12), dt.date(2026, 3, 13), 30).value
    'overdue'
    >>> review_state(dt.date(2026, 3, 12), dt.date(2026, 2, 9), 30).value
    'current'
    """
    if today > due_on:
        return ReviewState.overdue
    if (due_on - today).days <= due_soon_days:
        return ReviewState.due_soon
    return ReviewState.current


@dataclass(frozen=True)
class Review:
    """The finished review values a template shows."""

    last_reviewed_on: dt.date
    next_review_on: dt.date
    state: ReviewState


def review(
    last_reviewed_on: dt.date,
    review_in: str | None,
    review_by: dt.date | None,
    default_review_in: str,
    due_soon_days: int,
    today: dt.date,
) -> Review:
    """Work out a section's review.

    >>> r = review(dt.date(2025, 3, 12), None, None, "1 year", 30, dt.date(2026, 4, 1))
    >>> (r.next_review_on.isoformat(), r.state.value)
    ('2026-03-12', 'overdue')
    """
    due = next_review_on(last_reviewed_on, review_in, review_by, default_review_in)
    return Review(last_reviewed_on, due, review_state(due, today, due_soon_days))
