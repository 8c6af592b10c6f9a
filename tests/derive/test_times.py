"""macros.derive.times: opening times written for people."""

from __future__ import annotations

from typing import Any

import pytest

from macros.derive.offer import EntryView
from macros.derive.site import SiteViews
from macros.derive.times import opening_text
from macros.validate.model.times import OpeningTime
from macros.validate.site_data import SiteData
from macros.words import load_words

EN = load_words("en-GB")


def opening(**fields: Any) -> OpeningTime:
    return OpeningTime.model_validate(fields)


def entry(views: SiteViews, section_id: str, entry_id: str) -> EntryView:
    return next(item for item in views.sections[section_id].entries if item.id == entry_id)


def test_one_day() -> None:
    time = opening(days=["saturday"], opens="10:00", closes="12:00")
    assert opening_text(time, EN) == "Saturday, 10:00 to 12:00"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["tuesday", "thursday"], "Tuesday and Thursday, 09:30 to 16:00"),
        (["monday", "wednesday", "friday"], "Monday, Wednesday and Friday, 09:30 to 16:00"),
        # The days in the order written, not sorted.
        (["friday", "monday"], "Friday and Monday, 09:30 to 16:00"),
    ],
)
def test_several_days(days: list[str], expected: str) -> None:
    assert opening_text(opening(days=days, opens="09:30", closes="16:00"), EN) == expected


def test_every_week_says_no_more_than_the_days() -> None:
    every_week = opening(days=["monday"], opens="09:00", closes="10:00", every="week")
    assert opening_text(every_week, EN) == "Monday, 09:00 to 10:00"
    # A starting date says nothing for something on every week.
    started = opening(
        days=["monday"], opens="09:00", closes="10:00", every="week", starting="2026-01-05"
    )
    assert opening_text(started, EN) == "Monday, 09:00 to 10:00"


def test_every_other_week_with_its_starting_date() -> None:
    time = opening(
        days=["thursday"], opens="17:30", closes="19:30", every="2 weeks", starting="2026-01-08"
    )
    assert opening_text(time, EN) == (
        "Thursday, 17:30 to 19:30, every other week (starting 8 January 2026)"
    )
    without_date = opening(days=["thursday"], opens="17:30", closes="19:30", every="2 weeks")
    assert opening_text(without_date, EN) == "Thursday, 17:30 to 19:30, every other week"


@pytest.mark.parametrize(
    ("every", "said"), [("month", "once a month"), ("4 weeks", "every 4 weeks")]
)
def test_once_a_month_and_every_four_weeks(every: str, said: str) -> None:
    time = opening(days=["wednesday"], opens="13:00", closes="15:00", every=every)
    assert opening_text(time, EN) == f"Wednesday, 13:00 to 15:00, {said}"


def test_a_note() -> None:
    time = opening(days=["saturday"], opens="10:00", closes="12:00", note="phone line only")
    assert opening_text(time, EN) == "Saturday, 10:00 to 12:00 (phone line only)"
    # The note comes last, after how often and from when.
    monthly = opening(
        days=["friday"],
        opens="18:00",
        closes="20:00",
        every="month",
        starting="2026-02-06",
        note="except in August",
    )
    assert opening_text(monthly, EN) == (
        "Friday, 18:00 to 20:00, once a month (starting 6 February 2026) (except in August)"
    )


def test_a_note_stays_as_written() -> None:
    # Plain text: the template escapes it.
    time = opening(days=["monday"], opens="09:00", closes="10:00", note="<b>closed</b> {x}")
    assert opening_text(time, EN) == "Monday, 09:00 to 10:00 (<b>closed</b> {x})"


def test_the_fixture_sites_times(views: SiteViews) -> None:
    group = entry(views, "always-current", "young-parents-group")
    assert group.places[0].opening_times == (
        "Thursday, 17:30 to 19:30, every other week (starting 8 January 2026)",
    )
    drop_in = entry(views, "always-current", "drop-in")
    assert drop_in.opening_times == ("Saturday, 10:00 to 12:00 (phone line only)",)


def test_a_note_in_english_is_marked_on_another_languages_page_and_the_feed_stays_plain(
    data: SiteData, views: SiteViews
) -> None:
    """The note ("phone line only") has no translation: the Arabic page marks it as
    English; the plain words (the Open Referral feed's) never carry markup."""
    from macros.derive.site import derive_site

    english = entry(views, "always-current", "drop-in")
    assert [str(time) for time in english.opening_times_html] == list(english.opening_times)
    arabic = entry(
        derive_site(data, views.places, load_words("ar"), views.build_date, "ar"),
        "always-current",
        "drop-in",
    )
    (shown,) = arabic.opening_times_html
    assert '<span lang="en-GB" dir="ltr">phone line only</span>' in shown
    assert "<" not in arabic.opening_times[0] and "phone line only" in arabic.opening_times[0]
    group = entry(views, "always-current", "young-parents-group")
    assert [str(t) for t in group.places[0].opening_times_html] == list(
        group.places[0].opening_times
    )
