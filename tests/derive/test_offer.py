"""macros.derive.offer: every section and entry of the fixture offer as finished values."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.offer import (
    EntryView,
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
    """What the build gives every entry's view (``derive_site``), from the fixture data."""
    assert data.organisations is not None and data.places is not None
    assert data.situations is not None
    settings = data.settings
    return OfferContext(
        principles={principle.id: principle for principle in data.principles.principles},
        organisations={item.id: item for item in data.organisations.organisations},
        organisation_types={kind.id: kind.label for kind in data.organisations.types},
        places_by_id={place.id: place for place in data.places.places},
        situations={item.id: item.label for item in data.situations.situations},
        districts={district.id: district.name for district in settings.districts},
        area_name=settings.council.area_name,
        team=settings.contact.team,
        places=places,
        review_settings=settings.review,
        words=EN,
        today=today,
    )


def entry_of(views: dict[str, SectionView], section_id: str, entry_id: str) -> EntryView:
    return next(entry for entry in views[section_id].entries if entry.id == entry_id)


def sections(data: SiteData, places: Places = FIXTURE_PLACES) -> dict[str, SectionView]:
    return offer_views(data.offer, context(data, places))


@pytest.mark.parametrize(
    ("age_from", "age_to", "in_list", "expected"),
    [
        (18, 25, False, "Ages 18 to 25"),
        (21, 21, False, "Age 21"),
        (16, 17, True, "ages 16 to 17"),
        (19, 19, True, "age 19"),
        # No upper age, and no ages at all.
        (21, None, False, "Age 21 and over"),
        (16, None, True, "age 16 and over"),
        (None, None, False, "Any age"),
        (None, None, True, "any age"),
    ],
)
def test_ages_text(age_from: int | None, age_to: int | None, in_list: bool, expected: str) -> None:
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
    assert [(p.id, p.name, p.text, p.type_id) for p in entry.providers] == [
        ("leaving-care-service", "Leaving Care Service", "Leaving Care Service", "council")
    ]
    assert (entry.phones[0].number, entry.phones[0].href) == ("01632 960 011", "tel:+441632960011")
    assert entry.email == "grants@example.org"
    assert entry.web == "https://www.example.org/leaving-care/grant"
    assert entry.links == (("Our Instagram", "https://www.example.org/instagram"),)
    assert entry.duty == "statutory"
    assert entry.duty_label == "You have a right to this: the law says the council must offer it"
    assert entry.areas == ("money", "accommodation")
    assert [amount.text for amount in entry.amounts] == [
        "Up to £2,500, paid once, from 1 April 2026"
    ]
    assert (entry.where, entry.where_text, entry.situations_text) == ("anywhere", None, None)
    assert (entry.added_on, entry.review) == (None, None)


def test_an_entry_without_contact_details_has_none(data: SiteData) -> None:
    entry = sections(data)["always-overdue"].entries[1]
    assert entry.id == "money-at-16"
    assert (entry.phones, entry.email, entry.web, entry.links) == ((), None, None, ())
    assert (entry.places, entry.opening_times) == ((), ())


@pytest.mark.parametrize(
    ("section_id", "entry_id", "duty", "label"),
    [
        (
            "always-overdue",
            "money-at-16",
            "statutory",
            "You have a right to this: the law says the council must offer it",
        ),
        (
            "always-current",
            "free-prescriptions",
            "local_extra",
            "Extra help: the council offers this by choice, the law does not require it",
        ),
        (
            "always-overdue",
            "college-bursary",
            "national",
            "A national scheme, for care leavers across England",
        ),
    ],
)
def test_duty_labels(data: SiteData, section_id: str, entry_id: str, duty: str, label: str) -> None:
    entry = entry_of(sections(data), section_id, entry_id)
    assert (entry.duty, entry.duty_label) == (duty, label)


def test_ages_of_an_entry_without_an_upper_age_or_without_ages(data: SiteData) -> None:
    views = sections(data)
    bursary = entry_of(views, "always-overdue", "college-bursary")
    assert (bursary.age_from, bursary.age_to) == (16, None)
    assert (bursary.ages, bursary.ages_in_list) == ("Age 16 and over", "age 16 and over")
    advice = entry_of(views, "always-overdue", "money-advice")
    assert (advice.age_from, advice.age_to) == (None, None)
    assert (advice.ages, advice.ages_in_list) == ("Any age", "any age")


def test_providers_with_their_roles(data: SiteData) -> None:
    views = sections(data)
    bursary = entry_of(views, "always-overdue", "college-bursary")
    assert [(p.id, p.text, p.type_id) for p in bursary.providers] == [
        ("testborough-college", "Testborough College (you apply through them)", "college"),
        (
            "department-for-education",
            "Department for Education (pays for it)",
            "national_government",
        ),
    ]
    group = entry_of(views, "always-current", "young-parents-group")
    assert [p.text for p in group.providers] == [
        # A plain id runs it: just the name.
        "Young parents charity",
        "Leaving Care Service (also helps)",
    ]
    # A council's own kind of organisation keeps its id.
    advice = entry_of(views, "always-overdue", "money-advice")
    assert [p.type_id for p in advice.providers] == ["money_adviser"]


def test_phones_with_their_purposes_and_text_only_numbers_get_sms_links(
    data: SiteData,
) -> None:
    views = sections(data)
    grant = entry_of(views, "always-overdue", "setting-up-home")
    assert [(p.number, p.href, p.label, p.purpose) for p in grant.phones] == [
        ("01632 960 011", "tel:+441632960011", "Call", "main"),
        ("07700 900 011", "sms:+447700900011", "Text only", "text"),
    ]
    drop_in = entry_of(views, "always-current", "drop-in")
    assert [(p.href, p.label, p.note) for p in drop_in.phones] == [
        ("tel:+441632960099", "Out of hours, call", "evenings and weekends"),
        # A mobile takes calls too: tel:, not sms:.
        ("tel:+447700900012", "Call or text", None),
    ]


def test_places_with_their_opening_times(data: SiteData) -> None:
    views = sections(data)
    drop_in = entry_of(views, "always-current", "drop-in")
    assert [
        (p.id, p.name, p.address, p.accessibility, p.opening_times) for p in drop_in.places
    ] == [
        (
            "northtown-hub",
            "Northtown hub",
            "1 High Street, Northtown, TE2 2BB",
            None,
            ("Tuesday and Thursday, 10:00 to 16:00",),
        ),
        ("advice-bus", "The advice bus", None, "The bus has a ramp.", ("Friday, 13:00 to 17:00",)),
    ]
    # Its own times, apart from any place's.
    assert drop_in.opening_times == ("Saturday, 10:00 to 12:00 (phone line only)",)
    # Times given with the place replace the place's own.
    group = entry_of(views, "always-current", "young-parents-group")
    assert [(p.id, p.opening_times) for p in group.places] == [
        (
            "northtown-hub",
            ("Thursday, 17:30 to 19:30, every other week (starting 8 January 2026)",),
        )
    ]


@pytest.mark.parametrize(
    ("section_id", "entry_id", "where", "text", "districts"),
    [
        ("due-soon", "council-tax", "in_area", "Only if you live in Testborough", ()),
        (
            "always-current",
            "young-parents-group",
            "districts",
            "Only if you live in Northtown",
            ("northtown",),
        ),
        ("always-current", "drop-in", "anywhere", None, ()),
    ],
)
def test_where_it_applies(
    data: SiteData,
    section_id: str,
    entry_id: str,
    where: str,
    text: str | None,
    districts: tuple[str, ...],
) -> None:
    entry = entry_of(sections(data), section_id, entry_id)
    assert (entry.where, entry.where_text, entry.districts) == (where, text, districts)


def test_where_with_several_districts_names_them_all(data: SiteData) -> None:
    section = data.offer["always-current"]
    group = next(entry for entry in section.entries if entry.id == "young-parents-group")
    both = group.model_copy(update={"districts": ["northtown", "southtown"]})
    changed = section.model_copy(update={"entries": [both]})
    view = section_view("always-current", changed, context(data))
    assert view.entries[0].where_text == "Only if you live in Northtown or Southtown"


@pytest.mark.parametrize(
    ("section_id", "entry_id", "text"),
    [
        ("always-overdue", "college-bursary", "Only for: At college or university"),
        (
            "due-soon",
            "staying-put",
            "Only for: Still living with former foster carers (Staying Put)",
        ),
        ("due-soon", "living-elsewhere", "Only for: Living outside the area"),
        (
            "due-soon",
            "leaving-custody",
            "Only for: Leaving prison or a young offender institution",
        ),
        (
            "always-current",
            "young-parents-group",
            "Especially for: A parent, or expecting a baby",
        ),
        ("always-current", "drop-in", None),
    ],
)
def test_situations_text(data: SiteData, section_id: str, entry_id: str, text: str | None) -> None:
    assert entry_of(sections(data), section_id, entry_id).situations_text == text


def test_ask_text_when_there_are_no_steps(data: SiteData) -> None:
    views = sections(data)
    bursary = entry_of(views, "always-overdue", "college-bursary")
    assert bursary.steps == ()
    team = data.settings.contact.team
    # Plain text naming the team as written: the template escapes it.
    assert bursary.ask_text == f"Ask your personal adviser or the {team} how to get it."
    assert entry_of(views, "always-current", "health-passport").steps == ()
    # With steps, they are what the card shows.
    grant = entry_of(views, "always-overdue", "setting-up-home")
    assert len(grant.steps) == 2


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
    assert description.startswith("Hostile text in every field, shown as text.")
    assert "Intro" in description
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
    assert [p.text for p in entry.providers] == ['Provider <script>alert("x")</script>']
    assert entry.phones[0].note == '<script>alert("note")</script>'
    assert entry.links == (("<img src=x onerror=alert(1)>", "https://www.example.org/"),)
    place = entry.places[0]
    assert (place.name, place.address, place.accessibility) == (
        'Place <script>alert("place")</script>',
        "<img src=x onerror=alert(1)> Street",
        "[tap here](javascript:alert(1))",
    )
    # The amount is HTML with the data's words escaped, so the template places it as it is.
    assert entry.amounts[0].text == (
        "&lt;script&gt;alert(&#34;for&#34;)&lt;/script&gt;: £10, paid once "
        "(&lt;b&gt;note&lt;/b&gt;), from 1 January 2026"
    )
