"""macros.validate.rules.offer: section file names, entry ids and principle links."""

from __future__ import annotations

import pytest

from macros.load.yaml_file import LoadedFile
from macros.validate.model import OfferSection
from macros.validate.rules.offer import offer_problems, section_file_problem
from tests.validate.fixture_files import fixture_file

SECTIONS = ("always-overdue", "always-current", "due-soon", "hostile")
PRINCIPLE_IDS = {
    "best-interests",
    "express-views",
    "views-taken-into-account",
    "access-to-services",
    "aspirations",
    "safe-and-stable",
    "preparation-for-adulthood",
}


def offer(
    changed: str = "", *replace: tuple[str, str]
) -> dict[str, tuple[OfferSection, LoadedFile]]:
    """The fixture site's sections by id, with ``replace`` applied to section ``changed``."""
    return {
        section: fixture_file(
            f"data/offer/{section}.yml", OfferSection, *(replace if section == changed else ())
        )
        for section in SECTIONS
    }


def problems(
    changed: str = "", *replace: tuple[str, str], principles: set[str] | None = PRINCIPLE_IDS
) -> list[str]:
    return [str(problem) for problem in offer_problems(offer(changed, *replace), principles)]


def test_the_fixture_site_offer_has_no_problem() -> None:
    assert problems() == []


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
        "data/offer/always-overdue.yml:34: entries[2].id: duplicate id 'setting-up-home': "
        "already used at data/offer/always-overdue.yml:15; ids must be unique"
    ]


def test_an_entry_id_used_in_two_sections_is_reported_at_the_later_one() -> None:
    assert problems("hostile", ("id: hostile-entry", "id: staying-put")) == [
        "data/offer/hostile.yml:16: entries[1].id: duplicate id 'staying-put': already used "
        "at data/offer/due-soon.yml:16; ids must be unique"
    ]


def test_an_entry_id_may_not_be_a_section_id() -> None:
    assert problems("always-current", ("id: health-passport", "id: hostile")) == [
        "data/offer/always-current.yml:16: entries[1].id: 'hostile' is already the id of the "
        "section data/offer/hostile.yml; choose a different entry id"
    ]


def test_an_entry_principle_must_exist() -> None:
    replace = (
        "principles: [preparation-for-adulthood, best-interests]",
        "principles: [preparation-for-adulthood, best-interest]",
    )
    assert problems("always-overdue", replace) == [
        "data/offer/always-overdue.yml:32: entries[1].principles[2]: unknown principle "
        "'best-interest'; did you mean 'best-interests'?"
    ]


def test_principles_are_not_checked_when_the_principles_file_has_problems() -> None:
    """Its own problems are reported; every link to it would only repeat them."""
    replace = ("principles: [safe-and-stable]", "principles: [pocket-money]")
    assert problems("always-overdue", replace, principles=None) == []
    assert len(problems("always-overdue", replace)) == 1
