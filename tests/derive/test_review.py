"""macros.derive.review: review dates and statuses at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.offer import review_view
from macros.derive.review import (
    Review,
    ReviewState,
    add_interval,
    next_review_on,
    review,
    review_state,
)
from macros.words import load_words

D = dt.date


@pytest.mark.parametrize(
    ("start", "interval", "expected"),
    [
        (D(2026, 3, 12), "6 weeks", D(2026, 4, 23)),
        (D(2026, 3, 12), "1 week", D(2026, 3, 19)),
        (D(2026, 3, 12), "6 months", D(2026, 9, 12)),
        (D(2026, 8, 31), "6 months", D(2027, 2, 28)),  # month end clamped
        (D(2027, 8, 31), "6 months", D(2028, 2, 29)),  # into a leap February
        (D(2026, 1, 31), "1 month", D(2026, 2, 28)),
        (D(2026, 3, 31), "1 month", D(2026, 4, 30)),
        (D(2024, 2, 29), "1 year", D(2025, 2, 28)),  # leap day, next year has none
        (D(2024, 2, 29), "4 years", D(2028, 2, 29)),
        (D(2026, 11, 30), "3 months", D(2027, 2, 28)),  # across a year end
        (D(2026, 12, 15), "2 weeks", D(2026, 12, 29)),
        (D(2026, 12, 25), "1 week", D(2027, 1, 1)),
        (D(2026, 5, 1), "2 years", D(2028, 5, 1)),
        (D(2026, 5, 1), "18 months", D(2027, 11, 1)),
    ],
)
def test_add_interval(start: dt.date, interval: str, expected: dt.date) -> None:
    assert add_interval(start, interval) == expected


@pytest.mark.parametrize("bad", ["six months", "0 months", "6 fortnights", "", "6"])
def test_add_interval_rejects_nonsense(bad: str) -> None:
    with pytest.raises(ValueError, match="not an interval"):
        add_interval(D(2026, 1, 1), bad)


def test_review_by_wins_over_intervals() -> None:
    assert next_review_on(D(2026, 1, 1), None, D(2026, 2, 2), "1 year") == D(2026, 2, 2)
    assert next_review_on(D(2026, 1, 1), "6 weeks", D(2026, 2, 2), "1 year") == D(2026, 2, 2)


def test_section_interval_wins_over_the_default() -> None:
    assert next_review_on(D(2026, 1, 1), "1 week", None, "1 year") == D(2026, 1, 8)


def test_default_interval_used_when_section_sets_none() -> None:
    assert next_review_on(D(2026, 1, 1), None, None, "6 weeks") == D(2026, 2, 12)


DUE = D(2026, 3, 12)


@pytest.mark.parametrize(
    ("today", "window", "expected"),
    [
        (D(2026, 3, 12), 30, ReviewState.due_soon),  # due today: not yet overdue
        (D(2026, 3, 13), 30, ReviewState.overdue),  # the day after
        (D(2026, 3, 11), 30, ReviewState.due_soon),  # due tomorrow
        (D(2026, 2, 10), 30, ReviewState.due_soon),  # exactly the window
        (D(2026, 2, 9), 30, ReviewState.current),  # one day outside the window
        (D(2026, 3, 11), 0, ReviewState.current),  # no window: current until due
        (D(2026, 3, 12), 0, ReviewState.due_soon),
        (D(2027, 3, 12), 30, ReviewState.overdue),
    ],
)
def test_review_state_edges(today: dt.date, window: int, expected: ReviewState) -> None:
    assert review_state(DUE, today, window) == expected


def test_leap_day_due_date() -> None:
    result = review(D(2027, 8, 29), "6 months", None, "1 year", 30, D(2028, 3, 1))
    assert result.next_review_on == D(2028, 2, 29)
    assert result.state == ReviewState.overdue
    view = review_view(result, 30, load_words("en-GB"))
    assert view.label == "Being reviewed"
    assert view.overdue
    assert (view.next_due, view.next_due_iso) == ("29 February 2028", "2028-02-29")


@pytest.mark.parametrize(
    ("state", "label"),
    [
        (ReviewState.current, "Up to date"),
        (ReviewState.due_soon, "Review due soon"),
        (ReviewState.overdue, "Being reviewed"),
    ],
)
def test_each_state_has_its_words(state: ReviewState, label: str) -> None:
    view = review_view(review_state_at(state), 30, load_words("en-GB"))
    assert (view.state, view.label) == (state.value, label)
    assert view.overdue is (state is ReviewState.overdue)


def review_state_at(state: ReviewState) -> Review:
    """A review in ``state`` on 2026-03-12."""
    today = D(2026, 3, 12)
    due = {
        ReviewState.current: D(2026, 6, 1),
        ReviewState.due_soon: D(2026, 3, 20),
        ReviewState.overdue: D(2026, 3, 1),
    }[state]
    result = review(D(2025, 1, 1), None, due, "1 year", 30, today)
    assert result.state is state
    return result
