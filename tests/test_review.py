"""macros.review: review dates and statuses at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.review import ReviewState, add_interval, next_review_on, review, review_state

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
    with pytest.raises(ValueError):
        add_interval(D(2026, 1, 1), bad)


def test_review_by_wins_over_intervals() -> None:
    assert next_review_on(D(2026, 1, 1), None, D(2026, 2, 2), "1 year") == D(2026, 2, 2)


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
    assert result.label == "Being reviewed"
