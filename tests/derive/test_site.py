"""macros.derive.site: every view of one build, from the fixture site's data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from macros.derive.page_text import page_text
from macros.derive.site import PAGE_VARIABLES, SiteViews, derive_site
from macros.derive.urls import Places
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")


def test_sections_in_overview_order(views: SiteViews) -> None:
    assert list(views.sections) == ["always-overdue", "always-current", "due-soon", "hostile"]
    assert [section.title for section in views.sections.values()][:3] == [
        "Money",
        "Health",
        "A place to live",
    ]


@pytest.mark.parametrize(
    ("section_id", "state"),
    [("always-overdue", "overdue"), ("always-current", "current"), ("due-soon", "due_soon")],
)
def test_review_states_on_the_build_date(views: SiteViews, section_id: str, state: str) -> None:
    assert views.build_date == BUILD_DATE
    assert views.sections[section_id].review.state == state


def test_page_variables_names_and_values(views: SiteViews) -> None:
    assert [variable.name for variable in PAGE_VARIABLES] == [
        "council",
        "strategy",
        "boards",
        "contact",
        "accessibility",
        "build_date",
        "strategy_period",
    ]
    values = views.page_variables
    assert list(values) == [variable.name for variable in PAGE_VARIABLES]
    settings = views.settings
    # Text as written, each character Markdown or HTML would read as markup written as a
    # character reference (macros/derive/page_text.py); numbers and dates as they are.
    assert values["council"].name == page_text(settings.council.name)
    assert "&#91;tap here&#93;&#40;javascript&#58;" in values["council"].name
    assert values["council"].short_name == page_text(settings.council.short_name)
    assert values["strategy"].title == page_text(settings.strategy.title)
    assert values["strategy"].offer_title == "Care Leaver Offer"
    assert values["strategy"].start_year == 2025
    assert values["boards"].corporate_parenting == page_text(settings.boards.corporate_parenting)
    assert values["contact"].team == page_text(settings.contact.team)
    assert values["accessibility"].email == "web.team@example.org"
    assert (
        values["accessibility"].statement_reviewed_on
        == settings.accessibility.statement_reviewed_on
    )
    assert values["council"].website == "https://www.example.org/"
    assert values["build_date"] == "23 November 2026"
    assert values["strategy_period"] == "2025 to 2028"
    for variable in PAGE_VARIABLES:
        assert variable.kind in {"object", "text"}
        assert variable.description


def test_theme_view_from_the_data(views: SiteViews) -> None:
    theme = views.theme
    council = views.settings.council
    assert theme.site_name == f"{council.short_name} Care Leaver Offer"
    assert theme.copyright == f"© {council.name}"
    assert (theme.language, theme.direction) == ("en-GB", "ltr")
    assert theme.words is views.words


def test_the_views_are_those_of_the_data(views: SiteViews, data: SiteData) -> None:
    again = derive_site(data, views.places, EN, BUILD_DATE)
    assert again.sections == views.sections
    assert again.review_rows == views.review_rows
    assert again.principles == views.principles
    assert again.action_plan == views.action_plan
    assert again.placements == views.placements and again.rates == views.rates
    assert again.gallery == views.gallery
    assert again.arrangements == views.arrangements
    assert again.changes == views.changes
    assert again.stale_amounts == views.stale_amounts
    assert again.team_places == views.team_places
    assert views.figures is data.figures
    assert views.settings is data.settings
    assert views.placements is not None and views.placements.id == "clo-placements"
    assert views.rates is not None and views.rates.id == "clo-districts"


def test_another_date_gives_other_states(data: SiteData) -> None:
    later = derive_site(data, Places(), EN, BUILD_DATE.replace(year=2027))
    assert later.sections["due-soon"].review.state == "overdue"
    assert later.page_variables["build_date"] == "23 November 2027"


def test_optional_files_left_out(data: SiteData) -> None:
    bare = replace(data, figures=None, action_plan=None, gallery=None, pictures={})
    site = derive_site(bare, Places(), EN, BUILD_DATE)
    assert (site.placements, site.rates, site.figures, site.action_plan) == (None, None, None, None)
    assert site.gallery.pieces == () and site.gallery.known_ids == frozenset()
    assert all(view.action_links == () for view in site.principles)
    assert len(site.sections) == 4


def test_the_listing_mkdocs_macros_prints_stays_short(views: SiteViews) -> None:
    assert repr(views) == "SiteViews(4 sections)"


def test_team_places(views: SiteViews) -> None:
    # contact.places in data/site.yml: the Town Hall, with its own opening times.
    assert [
        (place.id, place.name, place.address, place.accessibility, place.opening_times)
        for place in views.team_places
    ] == [
        (
            "town-hall",
            "Town Hall",
            "Town Hall, Testborough, TE1 1AA",
            "Step-free entrance.",
            ("Monday, Tuesday, Wednesday, Thursday and Friday, 09:00 to 17:00",),
        )
    ]


def test_team_places_follow_the_settings(data: SiteData) -> None:
    contact = data.settings.contact.model_copy(update={"places": ["advice-bus", "town-hall"]})
    settings = data.settings.model_copy(update={"contact": contact})
    site = derive_site(replace(data, settings=settings), Places(), EN, BUILD_DATE)
    assert [place.id for place in site.team_places] == ["advice-bus", "town-hall"]
    nowhere = settings.model_copy(update={"contact": contact.model_copy(update={"places": []})})
    assert derive_site(replace(data, settings=nowhere), Places(), EN, BUILD_DATE).team_places == ()


def test_situations_in_the_files_order(views: SiteViews) -> None:
    assert [(item.id, item.label) for item in views.situations] == [
        ("living-outside-the-area", "Living outside the area"),
        ("at-college", "At college or university"),
        ("parent-or-expecting", "A parent, or expecting a baby"),
        ("leaving-custody", "Leaving prison or a young offender institution"),
        ("staying-put", "Still living with former foster carers (Staying Put)"),
    ]


def test_organisations_in_the_files_order(views: SiteViews, data: SiteData) -> None:
    assert data.organisations is not None
    assert views.organisations == tuple(data.organisations.organisations)
    assert [(item.id, item.type) for item in views.organisations][:3] == [
        ("leaving-care-service", "council"),
        ("looked-after-children-nurses", "nhs"),
        ("district-councils", "district_council"),
    ]
    assert "hostile-organisation" in {item.id for item in views.organisations}


def test_without_the_optional_registries(data: SiteData) -> None:
    bare = replace(data, situations=None, organisations=None, changes=None)
    # Entries name organisations, so the offer goes too.
    site = derive_site(replace(bare, offer={}), Places(), EN, BUILD_DATE)
    assert (site.situations, site.organisations) == ((), ())
    assert not [change for change in site.changes if change.kind == "note"]
