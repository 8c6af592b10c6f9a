"""macros.publish.open_referral.locations: opening times as RFC 5545-style schedules,
places as locations with a UK address."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.site import SiteViews
from macros.publish.open_referral.context import FeedContext, feed_context
from macros.publish.open_referral.locations import location, schedule
from macros.validate.model import Place
from macros.validate.model.times import OpeningTime
from macros.validate.site_data import SiteData


@pytest.fixture(scope="module")
def context(views: SiteViews, data: SiteData) -> FeedContext:
    return feed_context(views, data, "https://example.org/care-leavers/")


def opening(**fields: object) -> OpeningTime:
    return OpeningTime.model_validate(
        {"days": ["thursday"], "opens": "17:30", "closes": "19:30", **fields}
    )


def test_every_week_is_weekly_on_its_days(context: FeedContext) -> None:
    made = schedule(opening(days=["monday", "friday"]), ("k",), context, service_id="s")
    assert (made["freq"], made["interval"], made["byday"]) == ("WEEKLY", 1, "MO,FR")
    assert (made["opens_at"], made["closes_at"]) == ("17:30", "19:30")
    assert made["service_id"] == "s"
    assert made["description"] == "Monday and Friday, 17:30 to 19:30"
    assert "dtstart" not in made and "notes" not in made


@pytest.mark.parametrize(("every", "interval"), [("2 weeks", 2), ("4 weeks", 4)])
def test_every_few_weeks_is_weekly_with_an_interval_from_its_first_day(
    context: FeedContext, every: str, interval: int
) -> None:
    made = schedule(opening(every=every, starting=dt.date(2026, 1, 8)), ("k",), context)
    assert (made["freq"], made["interval"], made["byday"]) == ("WEEKLY", interval, "TH")
    assert made["dtstart"] == "2026-01-08"


@pytest.mark.parametrize(
    ("starting", "byday"),
    [
        (dt.date(2026, 1, 8), "2TH"),  # second Thursday
        (dt.date(2026, 1, 1), "1TH"),
        (dt.date(2026, 1, 29), "-1TH"),  # a fifth Thursday is the last one
    ],
)
def test_every_month_is_the_same_weekday_of_the_month_as_its_first_day(
    context: FeedContext, starting: dt.date, byday: str
) -> None:
    made = schedule(opening(every="month", starting=starting), ("k",), context)
    assert (made["freq"], made["interval"], made["byday"]) == ("MONTHLY", 1, byday)


def test_every_month_without_a_first_day_is_said_only_in_words(context: FeedContext) -> None:
    made = schedule(opening(every="month", note="ask first"), ("k",), context)
    assert "freq" not in made and "byday" not in made
    assert made["description"].startswith("Thursday, 17:30 to 19:30, ")
    assert made["notes"] == "ask first"


def test_a_schedules_id_depends_on_its_key_only(context: FeedContext) -> None:
    first = schedule(opening(), ("service", "a", "0"), context)
    assert first["id"] == schedule(opening(opens="09:00"), ("service", "a", "0"), context)["id"]
    assert first["id"] != schedule(opening(), ("service", "a", "1"), context)["id"]


def test_an_address_is_split_into_street_and_town(context: FeedContext) -> None:
    two_parts = Place(id="hub", name="Hub", address="1 High Street, Northtown", postcode="te2 2bb")
    (address,) = location(two_parts, context)["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "1 High Street",
        "Northtown",
        "TE2 2BB",
    )
    assert (address["state_province"], address["country"]) == ("Testborough", "GB")
    one_part = Place(id="hall", name="Hall", address="Town Hall", postcode="TE1 1AA")
    (address,) = location(one_part, context)["addresses"]
    assert (address["address_1"], address["city"]) == ("Town Hall", "Testborough")


def test_a_place_without_a_postcode_has_no_address(context: FeedContext) -> None:
    bus = Place(id="bus", name="The bus", address="Anywhere", accessibility="A ramp.")
    made = location(bus, context)
    assert "addresses" not in made
    assert made["accessibility"][0]["description"] == "A ramp."
    assert made["location_type"] == "physical"
