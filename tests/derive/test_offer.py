"""macros.derive.offer: every section and entry of the fixture offer as finished values."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.offer import (
    OfferContext,
    SectionView,
    ages_text,
    offer_views,
    section_view,
)
from macros.derive.urls import Places
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")
FIXTURE_PLACES = Places(
    sections={
        "always-overdue": "offer/money/",
        "always-current": "offer/health/",
        "due-soon": "offer/housing/",
        "hostile": "offer/hostile/",
    },
    principles="strategy/principles/",
)


def context(
    data: SiteData, places: Places = FIXTURE_PLACES, today: dt.date = BUILD_DATE
) -> OfferContext:
    principles = {principle.id: principle for principle in data.principles.principles}
    return OfferContext(principles, places, data.settings.review, EN, today)


def sections(data: SiteData, places: Places = FIXTURE_PLACES) -> dict[str, SectionView]:
    return offer_views(data.offer, context(data, places))


@pytest.mark.parametrize(
    ("age_from", "age_to", "in_list", "expected"),
    [
        (18, 25, False, "Ages 18 to 25"),
        (21, 21, False, "Age 21"),
        (16, 17, True, "ages 16 to 17"),
        (19, 19, True, "age 19"),
    ],
)
def test_ages_text(age_from: int, age_to: int, in_list: bool, expected: str) -> None:
    assert ages_text(age_from, age_to, EN, in_list) == expected


def test_sections_keep_the_overview_order(data: SiteData) -> None:
    assert (
        list(sections(data))
        == list(data.offer)
        == [
            "always-overdue",
            "always-current",
            "due-soon",
            "hostile",
        ]
    )


@pytest.mark.parametrize(
    ("section_id", "state", "label", "last", "due"),
    [
        ("always-overdue", "overdue", "Being reviewed", "15 January 2020", "15 July 2020"),
        ("always-current", "current", "Up to date", "10 January 2026", "10 January 2099"),
        ("due-soon", "due_soon", "Review due soon", "1 June 2026", "1 December 2026"),
        # review_in: 6 months from 1 October 2026.
        ("hostile", "current", "Up to date", "1 October 2026", "1 April 2027"),
    ],
)
def test_section_reviews_on_the_build_date(
    data: SiteData, section_id: str, state: str, label: str, last: str, due: str
) -> None:
    review = sections(data)[section_id].review
    assert (review.state, review.label, review.last_reviewed, review.next_due) == (
        state,
        label,
        last,
        due,
    )
    assert review.due_soon_days == data.settings.review.due_soon_days == 30
    assert review.overdue is (state == "overdue")


def test_an_entry_reviewed_on_its_own_keeps_its_sections_interval(data: SiteData) -> None:
    health = sections(data)["always-current"]
    own = {entry.id: entry.review for entry in health.entries}
    assert own["health-passport"] is None  # reviewed with its section
    review = own["free-prescriptions"]
    assert review is not None
    # The section runs 10 January 2026 to 10 January 2099; the entry was checked on
    # 1 March 2026, so it is due 1 March 2099.
    assert (review.last_reviewed_iso, review.next_due_iso) == ("2026-03-01", "2099-03-01")
    assert review.state == "current"


def test_an_entry_falls_overdue_on_its_own_dates(data: SiteData) -> None:
    later = offer_views(data.offer, context(data, today=dt.date(2099, 2, 1)))
    health = later["always-current"]
    assert health.review.state == "overdue"
    entry = next(entry for entry in health.entries if entry.id == "free-prescriptions")
    assert entry.review is not None and entry.review.state == "due_soon"


def test_entry_values(data: SiteData) -> None:
    money = sections(data)["always-overdue"]
    entry = money.entries[0]
    assert entry.id == "setting-up-home"
    assert entry.section_id == "always-overdue"
    assert entry.url == "offer/money/#setting-up-home"
    assert str(entry.summary_html) == (
        "<p>A grant of <strong>£2,000</strong> to buy what you need for your first home.</p>"
    )
    assert (entry.ages, entry.ages_in_list) == ("Ages 18 to 25", "ages 18 to 25")
    assert [str(step) for step in entry.steps] == [
        "Talk to your adviser.",
        "Make a list of what you need.",
    ]
    assert [str(condition) for condition in entry.conditions] == [
        "You are moving into your own home."
    ]
    assert (entry.provider, entry.provider_type_id) == ("Leaving Care Service", "council")
    assert (entry.phone, entry.phone_href) == ("01632 960 011", "tel:+441632960011")
    assert entry.email == "grants@example.org"
    assert entry.web == "https://www.example.org/leaving-care/grant"
    assert (entry.duty, entry.duty_label) == ("statutory", "You have a legal right to this")


def test_an_entry_without_contact_details_has_none(data: SiteData) -> None:
    entry = sections(data)["always-overdue"].entries[1]
    assert entry.id == "money-at-16"
    assert (entry.phone, entry.phone_href, entry.email, entry.web) == (None, None, None, None)
    assert entry.duty_label == "You have a legal right to this"
    health = sections(data)["always-current"].entries[1]
    assert health.duty_label == "A local extra: the law does not require it, we offer it by choice"


def test_principle_links_follow_places(data: SiteData) -> None:
    entry = sections(data)["always-overdue"].entries[0]
    assert [(link.id, link.name, link.url) for link in entry.principles] == [
        (
            "preparation-for-adulthood",
            "Preparation for adulthood",
            "strategy/principles/#preparation-for-adulthood",
        ),
        ("best-interests", "Best interests", "strategy/principles/#best-interests"),
    ]
    moved = sections(data, Places(sections={"always-overdue": "help/cash/"}, principles="why/"))
    entry = moved["always-overdue"].entries[0]
    assert entry.url == "help/cash/#setting-up-home"
    assert moved["always-overdue"].url == "help/cash/"
    assert [link.url for link in entry.principles] == [
        "why/#preparation-for-adulthood",
        "why/#best-interests",
    ]


def test_without_a_principles_page_principles_are_named_not_linked(data: SiteData) -> None:
    entry = sections(data, Places())["always-overdue"].entries[0]
    assert [link.name for link in entry.principles] == [
        "Preparation for adulthood",
        "Best interests",
    ]
    assert all(link.url is None for link in entry.principles)
    # With no page showing a section yet, its address is the usual one.
    assert entry.url == "offer/always-overdue/#setting-up-home"


def test_section_text(data: SiteData) -> None:
    money = sections(data)["always-overdue"]
    assert money.title == "Money"
    assert money.owner == "Leaving Care Service manager"
    assert str(money.introduction_html) == (
        "<p>Money you can get, and help to claim what you are entitled to.</p>"
    )
    assert money.description == "Money you can get, and help to claim what you are entitled to."


def test_hostile_text_is_sanitised_or_left_as_text(data: SiteData) -> None:
    hostile = section_view("hostile", data.offer["hostile"], context(data))
    intro = str(hostile.introduction_html)
    for markup in ("<script", "<img", "<svg", "<iframe", "javascript:", "onerror=", "onload="):
        assert markup not in intro
    # The description is plain text (the theme escapes it): tags and addresses are gone.
    description = hostile.description
    assert description.startswith("Intro")
    for markup in ("<img", "<svg", "<iframe", "javascript:", "onerror=", 'alert("x")'):
        assert markup not in description
    entry = hostile.entries[0]
    summary = str(entry.summary_html)
    assert "<script" not in summary and "javascript:" not in summary and "<iframe" not in summary
    for item in (*entry.steps, *entry.conditions):
        assert "<script" not in str(item) and "<img" not in str(item)
        assert "javascript:" not in str(item)
    # Plain fields stay as text: the template escapes them.
    assert entry.title.startswith("Entry <img")
    assert hostile.title == 'Hostile <script>alert("title")</script>'
