"""macros.validate.rules.registries: the lists other data names by id (organisations and
their types, places, areas, situations, districts), each id used once."""

from __future__ import annotations

import pytest

from macros.validate.model import (
    STATUTORY_AREAS,
    AreasFile,
    OrganisationsFile,
    PlacesFile,
    SiteSettings,
    SituationsFile,
)
from macros.validate.model.organisations import DEFAULT_TYPES
from macros.validate.rules.registries import (
    area_problems,
    district_problems,
    organisation_problems,
    place_problems,
    situation_problems,
)
from tests.validate.fixture_files import fixture_file

HOSTILE_DESCRIPTION = "[tap here](javascript:alert(1))"


def organisations(*replace: tuple[str, str]) -> list[str]:
    model, source = fixture_file("data/organisations.yml", OrganisationsFile, *replace)
    return [str(problem) for problem in organisation_problems(model, source)]


def places(*replace: tuple[str, str]) -> list[str]:
    model, source = fixture_file("data/places.yml", PlacesFile, *replace)
    return [str(problem) for problem in place_problems(model, source)]


def areas(*replace: tuple[str, str]) -> list[str]:
    model, source = fixture_file("data/areas.yml", AreasFile, *replace)
    return [str(problem) for problem in area_problems(model, source)]


def situations(*replace: tuple[str, str]) -> list[str]:
    model, source = fixture_file("data/situations.yml", SituationsFile, *replace)
    return [str(problem) for problem in situation_problems(model, source)]


def districts(*replace: tuple[str, str]) -> list[str]:
    model, source = fixture_file("data/site.yml", SiteSettings, *replace)
    return [str(problem) for problem in district_problems(model, source)]


def test_the_fixture_site_lists_have_no_problem() -> None:
    assert organisations() == places() == areas() == situations() == districts() == []


# --- Organisations and their types ----------------------------------------------------------


def test_the_fixture_site_uses_built_in_types_and_one_of_its_own() -> None:
    model, _ = fixture_file("data/organisations.yml", OrganisationsFile)
    used = {organisation.type for organisation in model.organisations}
    assert "money_adviser" in used and "money_adviser" not in DEFAULT_TYPES
    assert used - {"money_adviser"} <= set(DEFAULT_TYPES)


def test_an_organisation_of_an_unknown_type_lists_the_known_ones() -> None:
    assert organisations(("type: national_government", "type: hmrc")) == [
        "data/organisations.yml:29: organisations[5].type: unknown type of organisation "
        "'hmrc'; known: charity, college, council, district_council, employer, "
        "housing_association, money_adviser, national_government, nhs, university"
    ]


def test_a_misspelt_type_gets_its_close_match() -> None:
    assert organisations(("type: college", "type: colege")) == [
        "data/organisations.yml:25: organisations[4].type: unknown type of organisation "
        "'colege'; did you mean 'college'?"
    ]


def test_a_type_of_the_council_s_own_is_known_only_when_defined_under_types() -> None:
    found = organisations(("  - id: money_adviser\n", "  - id: debt_adviser\n"))
    assert found == [
        "data/organisations.yml:37: organisations[7].type: unknown type of organisation "
        "'money_adviser'; did you mean 'debt_adviser'?"
    ]


def test_an_organisation_id_used_twice() -> None:
    again = f"{HOSTILE_DESCRIPTION}\n  - id: parents-charity\n    name: Another\n"
    found = organisations(
        (HOSTILE_DESCRIPTION, again + "    type: charity\n    description: Again.")
    )
    assert found == [
        "data/organisations.yml:45: organisations[9].id: duplicate id 'parents-charity': "
        "already used at data/organisations.yml:31; ids must be unique"
    ]


def test_a_type_id_used_twice() -> None:
    replace = (
        "    label: a money adviser\n",
        "    label: a money adviser\n  - id: money_adviser\n    label: a debt adviser\n",
    )
    assert organisations(replace) == [
        "data/organisations.yml:8: types[2].id: duplicate id 'money_adviser': already used at "
        "data/organisations.yml:6; ids must be unique"
    ]


# --- Places, situations, districts ----------------------------------------------------------


def test_a_place_id_used_twice() -> None:
    replace = (HOSTILE_DESCRIPTION, f"{HOSTILE_DESCRIPTION}\n  - id: town-hall\n    name: Old")
    assert places(replace) == [
        "data/places.yml:35: places[5].id: duplicate id 'town-hall': already used at "
        "data/places.yml:4; ids must be unique"
    ]


def test_a_situation_id_used_twice() -> None:
    replace = ("(Staying Put)", "(Staying Put)\n  - id: at-college\n    label: Studying")
    assert situations(replace) == [
        "data/situations.yml:14: situations[6].id: duplicate id 'at-college': already used at "
        "data/situations.yml:6; ids must be unique"
    ]


def test_a_district_id_used_twice() -> None:
    assert districts(("id: southtown", "id: northtown")) == [
        "data/site.yml:68: districts[2].id: duplicate id 'northtown': already used at "
        "data/site.yml:66; ids must be unique"
    ]


# --- Areas ----------------------------------------------------------------------------------


@pytest.mark.parametrize("statutory", [area.id for area in STATUTORY_AREAS])
def test_a_statutory_area_may_not_be_listed_as_the_council_s_own(statutory: str) -> None:
    assert areas(("label: Money", f"label: Money\n  - id: {statutory}\n    label: Ours")) == [
        f"data/areas.yml:6: areas[2].id: '{statutory}' is a statutory area, already known; "
        "list only your own areas"
    ]


def test_an_area_id_used_twice() -> None:
    assert areas(("label: Money", "label: Money\n  - id: money\n    label: Cash")) == [
        "data/areas.yml:6: areas[2].id: duplicate id 'money': already used at "
        "data/areas.yml:4; ids must be unique"
    ]
