"""macros.derive.money: amounts of money written for people, and which are shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from macros.derive.money import amount_text, amounts_shown
from macros.derive.site import SiteViews
from macros.validate.model import Amount
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")
LONG_AGO = "2020-04-01"
"""A from date more than a year before the build date: not said."""


def amount(**fields: Any) -> Amount:
    return Amount.model_validate({"from": LONG_AGO, **fields})


@pytest.mark.parametrize(
    ("value", "per", "expected"),
    [
        (2000, "once", "£2,000, paid once"),
        ("57.90", "week", "£57.90 a week"),
        ("250.5", "month", "£250.50 a month"),
        (1200, "year", "£1,200 a year"),
    ],
)
def test_each_per(value: object, per: str, expected: str) -> None:
    assert amount_text(amount(value=value, per=per), EN, BUILD_DATE) == expected


def test_up_to() -> None:
    assert amount_text(amount(value=3000, per="once", up_to=True), EN, BUILD_DATE) == (
        "Up to £3,000, paid once"
    )
    assert amount_text(amount(value=3000, per="once", up_to=False), EN, BUILD_DATE) == (
        "£3,000, paid once"
    )


def test_for_whom() -> None:
    text = amount_text(
        amount(value=60, per="week", up_to=True, **{"for": "Under 18"}), EN, BUILD_DATE
    )
    assert text == "Under 18: up to £60 a week"
    # HTML, with the data's words escaped: the template places it as it is.
    hostile = amount(value=10, per="once", **{"for": "<script>x</script>"})
    assert amount_text(hostile, EN, BUILD_DATE) == "&lt;script&gt;x&lt;/script&gt;: £10, paid once"


@pytest.mark.parametrize(
    ("from_date", "said"),
    [
        # Less than a year before the build date (2026-11-23): said.
        ("2026-04-01", True),
        ("2025-11-24", True),
        # A year or more: not said, it is simply the amount.
        ("2025-11-23", False),
        ("2025-04-01", False),
        # Still to come: said.
        ("2027-04-01", True),
    ],
)
def test_recent_and_upcoming_from_dates_are_said(from_date: str, said: bool) -> None:
    text = amount_text(amount(value="57.90", per="week", **{"from": from_date}), EN, BUILD_DATE)
    shown = EN.date(dt.date.fromisoformat(from_date))
    if said:
        assert text == f"£57.90 a week, from {shown}"
    else:
        assert text == "£57.90 a week"


def test_an_end_date_is_said() -> None:
    ending = amount(value=1000, per="year", up_to=True, to="2027-08-31")
    assert amount_text(ending, EN, BUILD_DATE) == "Up to £1,000 a year, until 31 August 2027"
    recent = amount(value=1000, per="year", **{"from": "2026-09-01", "to": "2027-08-31"})
    assert amount_text(recent, EN, BUILD_DATE) == (
        "£1,000 a year, from 1 September 2026, until 31 August 2027"
    )


def test_everything_at_once() -> None:
    full = amount(
        value="12.5",
        per="month",
        up_to=True,
        **{"for": "Parents", "from": "2026-09-01"},
        to="2027-03-31",
    )
    assert amount_text(full, EN, BUILD_DATE) == (
        "Parents: up to £12.50 a month, from 1 September 2026, until 31 March 2027"
    )


def test_amounts_shown_leaves_out_ended_amounts_and_marks_upcoming_ones() -> None:
    amounts = [
        amount(value=1200, per="year", **{"from": "2025-09-01", "to": "2026-08-31"}),
        amount(value=1000, per="year", **{"from": "2026-09-01", "to": "2027-08-31"}),
        amount(value=1100, per="year", **{"from": "2027-09-01"}),
    ]
    shown = amounts_shown(amounts, EN, BUILD_DATE)
    assert [(view.value, view.from_iso, view.upcoming) for view in shown] == [
        ("£1,000", "2026-09-01", False),
        ("£1,100", "2027-09-01", True),
    ]
    assert shown[1].text == "£1,100 a year, from 1 September 2027"


def test_an_amount_ending_on_the_build_date_is_still_shown() -> None:
    last_day = amount(value=5, per="week", to=BUILD_DATE.isoformat())
    ended = amount(value=5, per="week", to=(BUILD_DATE - dt.timedelta(days=1)).isoformat())
    assert [view.value for view in amounts_shown([last_day, ended], EN, BUILD_DATE)] == ["£5"]
    starts_today = amount(value=6, per="week", **{"from": BUILD_DATE.isoformat()})
    (view,) = amounts_shown([starts_today], EN, BUILD_DATE)
    assert view.upcoming is False


def test_no_amounts() -> None:
    assert amounts_shown([], EN, BUILD_DATE) == ()


def test_the_fixture_sites_amounts(views: SiteViews) -> None:
    money = {entry.id: entry for entry in views.sections["always-overdue"].entries}
    # The grant went up on 1 April 2026: only the new amount is shown, with its date.
    assert [view.text for view in money["setting-up-home"].amounts] == [
        "Up to £2,500, paid once, from 1 April 2026"
    ]
    assert [view.text for view in money["money-at-16"].amounts] == ["£57.90 a week"]
    assert [(view.value, view.upcoming) for view in money["college-bursary"].amounts] == [
        ("£1,000", False),
        ("£1,100", True),
    ]
    assert money["money-advice"].amounts == ()
