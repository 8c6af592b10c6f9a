"""macros.validate.rules.offer: section file names, entry ids, references from entries to
the other data files, where and districts, amounts that overlap, and statutory coverage."""

from __future__ import annotations

import dataclasses

import pytest

from macros.load.yaml_file import LoadedFile
from macros.validate.model import (
    STATUTORY_AREAS,
    AreasFile,
    OfferSection,
    OrganisationsFile,
    PlacesFile,
    PrinciplesFile,
    SiteSettings,
    SituationsFile,
)
from macros.validate.rules.offer import offer_problems, section_file_problem
from macros.validate.rules.registries import Known
from tests.validate.fixture_files import fixture_file, fixture_text

SECTIONS = ("always-overdue", "always-current", "due-soon", "hostile")
ACT = "Children and Social Work Act 2017"


def fixture_known() -> Known:
    """The ids the fixture site's own files define, as ``check`` works them out."""
    principles, _ = fixture_file("data/principles.yml", PrinciplesFile)
    organisations, _ = fixture_file("data/organisations.yml", OrganisationsFile)
    places, _ = fixture_file("data/places.yml", PlacesFile)
    areas, _ = fixture_file("data/areas.yml", AreasFile)
    situations, _ = fixture_file("data/situations.yml", SituationsFile)
    settings, _ = fixture_file("data/site.yml", SiteSettings)
    return Known(
        principles=frozenset(p.id for p in principles.principles),
        organisations=frozenset(o.id for o in organisations.organisations),
        places=frozenset(p.id for p in places.places),
        areas=frozenset([a.id for a in STATUTORY_AREAS] + [a.id for a in areas.areas]),
        situations=frozenset(s.id for s in situations.situations),
        districts=frozenset(d.id for d in settings.districts),
    )


KNOWN = fixture_known()


def offer(
    changed: str = "", *replace: tuple[str, str]
) -> dict[str, tuple[OfferSection, LoadedFile]]:
    """The fixture site's sections by id, with ``replace`` applied to section ``changed``
    (to every section when ``changed`` is ``*``)."""
    return {
        section: fixture_file(
            f"data/offer/{section}.yml",
            OfferSection,
            *_replacements(section, changed, replace),
        )
        for section in SECTIONS
    }


def _replacements(
    section: str, changed: str, replace: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    if changed == "*":
        text = fixture_text(f"data/offer/{section}.yml")
        return tuple((old, new) for old, new in replace if old in text)
    return replace if section == changed else ()


def problems(
    changed: str = "", *replace: tuple[str, str], known: Known = KNOWN, complete: bool = True
) -> list[str]:
    found = offer_problems(offer(changed, *replace), known, complete=complete)
    return [str(problem) for problem in found]


def test_the_fixture_site_offer_has_no_problem() -> None:
    assert problems() == []


def test_the_fixture_site_names_every_kind_of_reference() -> None:
    """Each rule below can only fail if the fixture uses what it checks."""
    entries = [entry for section, _ in offer().values() for entry in section.entries]
    assert any(entry.only_for for entry in entries)
    assert any(entry.especially_for for entry in entries)
    assert any(entry.districts for entry in entries)
    assert any(entry.places for entry in entries)
    assert any(len(entry.amounts) > 1 for entry in entries)
    assert {area.id for area in STATUTORY_AREAS} <= {a for e in entries for a in e.areas}


# --- File names and ids -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Money Tips", "money-tips"),
        ("money_help", "money-help"),
        ("Money--Help!", "money-help"),
        ("-money", "money"),
        ("!!!", "section-name"),
    ],
)
def test_a_section_file_name_must_be_an_id(name: str, suggestion: str) -> None:
    problem = section_file_problem(f"data/offer/{name}.yml", name)
    assert problem is not None
    assert str(problem) == (
        f"data/offer/{name}.yml:1: file name must be lower-case words joined by hyphens; "
        f"rename it to {suggestion}.yml"
    )


@pytest.mark.parametrize("name", ["money", "health-2", "a-place-to-live"])
def test_good_section_file_names(name: str) -> None:
    assert section_file_problem(f"data/offer/{name}.yml", name) is None


def test_an_entry_id_used_twice_in_a_file() -> None:
    assert problems("always-overdue", ("id: money-at-16", "id: setting-up-home")) == [
        "data/offer/always-overdue.yml:46: entries[2].id: duplicate id 'setting-up-home': "
        "already used at data/offer/always-overdue.yml:12; ids must be unique"
    ]


def test_an_entry_id_used_in_two_sections_is_reported_at_the_later_one() -> None:
    assert problems("hostile", ("id: hostile-entry", "id: staying-put")) == [
        "data/offer/hostile.yml:16: entries[1].id: duplicate id 'staying-put': already used "
        "at data/offer/due-soon.yml:12; ids must be unique"
    ]


def test_an_entry_id_may_not_be_a_section_id() -> None:
    assert problems("always-current", ("id: health-passport", "id: hostile")) == [
        "data/offer/always-current.yml:12: entries[1].id: 'hostile' is already the id of the "
        "section data/offer/hostile.yml; choose a different entry id"
    ]


# --- References to the other files --------------------------------------------------------


def test_an_entry_principle_must_exist() -> None:
    replace = (
        "principles: [preparation-for-adulthood, best-interests]",
        "principles: [preparation-for-adulthood, best-interest]",
    )
    assert problems("always-overdue", replace) == [
        "data/offer/always-overdue.yml:35: entries[1].principles[2]: unknown principle "
        "'best-interest'; did you mean 'best-interests'?"
    ]


def test_an_area_with_no_close_match_lists_the_known_ones() -> None:
    """Areas suggest only a close match: 'rights_and_entitlements' is not health."""
    replace = ("areas: [accommodation, relationships]", "areas: [rights_and_entitlements]")
    assert problems("due-soon", replace) == [
        "data/offer/due-soon.yml:37: entries[3].areas[1]: unknown area "
        "'rights_and_entitlements'; known: accommodation, education_and_training, employment, "
        "financial_literacy, health_and_wellbeing, money, participation_in_society, "
        "relationships"
    ]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("helth_and_wellbeing", "health_and_wellbeing"),
        ("financial_litercy", "financial_literacy"),
        ("mony", "money"),
    ],
)
def test_a_misspelt_area_gets_its_close_match(typed: str, meant: str) -> None:
    replace = ("areas: [financial_literacy]", f"areas: [financial_literacy, {typed}]")
    assert problems("always-overdue", replace) == [
        f"data/offer/always-overdue.yml:84: entries[4].areas[2]: unknown area '{typed}'; "
        f"did you mean '{meant}'?"
    ]


def test_an_area_of_the_council_s_own_is_known_only_from_data_areas() -> None:
    without_own = dataclasses.replace(KNOWN, areas=frozenset(a.id for a in STATUTORY_AREAS))
    found = problems(known=without_own)
    assert found and all("unknown area 'money'" in problem for problem in found)


@pytest.mark.parametrize(
    ("section", "field", "situation", "at"),
    [
        ("always-overdue", "only_for", "at-college", "70: entries[3]"),
        ("always-current", "especially_for", "parent-or-expecting", "39: entries[3]"),
    ],
)
def test_a_situation_must_be_in_data_situations(
    section: str, field: str, situation: str, at: str
) -> None:
    typo = situation.replace("e", "", 1)
    assert problems(section, (f"{field}: [{situation}]", f"{field}: [{typo}, in-prison]")) == [
        f"data/offer/{section}.yml:{at}.{field}[1]: unknown situation '{typo}'; "
        f"did you mean '{situation}'?",
        f"data/offer/{section}.yml:{at}.{field}[2]: unknown situation 'in-prison'; known: "
        "at-college, leaving-custody, living-outside-the-area, parent-or-expecting, staying-put",
    ]


def test_a_district_must_be_in_data_site() -> None:
    assert problems("always-current", ("districts: [northtown]", "districts: [eastdale]")) == [
        "data/offer/always-current.yml:48: entries[3].districts[1]: unknown district "
        "'eastdale'; known: northtown, southtown"
    ]


def test_an_organisation_in_providers_must_exist_short_or_long_form() -> None:
    replace = (
        "- {organisation: department-for-education, role: pays_for_it}",
        "- {organisation: department-of-education, role: pays_for_it}",
    )
    assert problems("always-overdue", replace) == [
        "data/offer/always-overdue.yml:73: entries[3].providers[2].organisation: unknown "
        "organisation 'department-of-education'; did you mean 'department-for-education'?"
    ]
    replace = ("providers: [money-advice-charity]", "providers: [money-advice]")
    assert problems("always-overdue", replace) == [
        "data/offer/always-overdue.yml:85: entries[4].providers[1].organisation: unknown "
        "organisation 'money-advice'; did you mean 'money-advice-charity'?"
    ]


def test_a_place_must_be_in_data_places() -> None:
    replace = ("places: [northtown-hub, advice-bus]", "places: [northtown-hub, advice-van]")
    assert problems("always-current", replace) == [
        "data/offer/always-current.yml:58: entries[4].places[2].place: unknown place "
        "'advice-van'; did you mean 'advice-bus'?"
    ]


def test_references_are_not_checked_against_a_file_that_did_not_load() -> None:
    """Its own problems are reported; every reference to it would only repeat them."""
    unknown_everywhere = [
        ("principles: [safe-and-stable]", "principles: [pocket-money]"),
        ("only_for: [at-college]", "only_for: [at-university]"),
        ("providers: [money-advice-charity]", "providers: [money-advice]"),
        ("areas: [financial_literacy]", "areas: [financial_literacy, rights]"),
    ]
    assert len(problems("always-overdue", *unknown_everywhere)) == 4
    nothing_loaded = Known(None, None, None, None, None, None)
    assert problems("always-overdue", *unknown_everywhere, known=nothing_loaded) == []
    replace = ("districts: [northtown]", "districts: [eastdale]")
    assert problems("always-current", replace, known=nothing_loaded) == []
    replace = ("places: [northtown-hub, advice-bus]", "places: [northtown-hub, advice-van]")
    assert problems("always-current", replace, known=nothing_loaded) == []


# --- Where and districts ------------------------------------------------------------------


def test_where_districts_needs_districts() -> None:
    replace = ("where: districts\n    districts: [northtown]\n", "where: districts\n")
    assert problems("always-current", replace) == [
        "data/offer/always-current.yml:47: entries[3].where: is districts: list them under "
        "districts:"
    ]


@pytest.mark.parametrize(
    ("where", "line"), [("", 47), ("    where: anywhere\n", 48), ("    where: in_area\n", 48)]
)
def test_districts_need_where_districts(where: str, line: int) -> None:
    replace = ("    where: districts\n", where)
    assert problems("always-current", replace) == [
        f"data/offer/always-current.yml:{line}: entries[3].districts: is only used with where: "
        "districts; add it"
    ]


# --- Amounts ------------------------------------------------------------------------------


def test_two_amounts_for_the_same_thing_may_not_overlap() -> None:
    replace = ("to: 2026-03-31}", "to: 2026-04-01}")
    assert problems("always-overdue", replace) == [
        "data/offer/always-overdue.yml:34: entries[1].amounts[2].from: overlaps amounts[1] "
        "(from 2024-04-01): give the earlier one a to: date before this one starts"
    ]


def test_an_amount_with_no_end_overlaps_every_later_one() -> None:
    replace = ("from: 2025-09-01, to: 2026-08-31}", "from: 2025-09-01}")
    assert problems("always-overdue", replace) == [
        "data/offer/always-overdue.yml:77: entries[3].amounts[2].from: overlaps amounts[1] "
        "(from 2025-09-01): give the earlier one a to: date before this one starts",
        "data/offer/always-overdue.yml:78: entries[3].amounts[3].from: overlaps amounts[1] "
        "(from 2025-09-01): give the earlier one a to: date before this one starts",
    ]


@pytest.mark.parametrize(
    "second",
    [
        "{value: 2500, per: year, up_to: true, from: 2025-04-01}",
        "{value: 2500, per: once, up_to: true, from: 2025-04-01, for: a couple}",
    ],
    ids=["per-differs", "for-differs"],
)
def test_amounts_for_different_things_may_be_in_force_together(second: str) -> None:
    replace = ("{value: 2500, per: once, up_to: true, from: 2026-04-01}", second)
    assert problems("always-overdue", replace) == []


# --- Statutory areas ----------------------------------------------------------------------


def test_every_statutory_area_must_be_covered_named_with_its_law() -> None:
    replace = ("areas: [health_and_wellbeing, employment]", "areas: [health_and_wellbeing]")
    assert problems("always-current", replace) == [
        f"data/offer/: no entry covers the statutory area 'employment' ({ACT}, s2(2)(d)); "
        "add employment to the areas of the entries that help with it"
    ]


def test_every_missing_statutory_area_is_reported() -> None:
    found = problems("*", ("areas: [financial_literacy]", "areas: [money]"))
    assert found == [
        f"data/offer/: no entry covers the statutory area 'financial_literacy' ({ACT}, "
        "s2(2)(g), added by the Children's Wellbeing and Schools Act 2026); add "
        "financial_literacy to the areas of the entries that help with it"
    ]


def test_coverage_is_not_checked_when_a_section_file_did_not_load() -> None:
    """The section that did not load may be the one that covers the area."""
    replace = ("areas: [health_and_wellbeing, employment]", "areas: [health_and_wellbeing]")
    assert problems("always-current", replace, complete=False) == []


def test_no_section_at_all_is_reported_by_the_loader_not_as_seven_areas() -> None:
    assert offer_problems({}, KNOWN) == []
