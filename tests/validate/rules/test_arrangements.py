"""macros.validate.rules.arrangements: every part the 2026 law requires, each once, and no
part the law does not name."""

from __future__ import annotations

import re

import pytest

from macros.validate.model import REQUIRED_PARTS, ArrangementsFile
from macros.validate.model.arrangements import RequiredPart
from macros.validate.rules.arrangements import arrangements_problems
from tests.validate.fixture_files import fixture_file, fixture_text

ARRANGEMENTS = "data/arrangements.yml"
ACT = "Children and Social Work Act 2017"
LAST_PART = "    text: Sessions on budgeting and bank accounts."


def problems(*replace: tuple[str, str]) -> list[str]:
    model, source = fixture_file(ARRANGEMENTS, ArrangementsFile, *replace)
    return [str(problem) for problem in arrangements_problems(model, source)]


def without(part: RequiredPart) -> tuple[str, str]:
    """The replacement that takes ``part`` (its three or four lines) out of the file."""
    text = fixture_text(ARRANGEMENTS)
    block = re.search(rf"(?ms)^  - part: {part.id}\n.*?(?=^  - part: |\Z)", text)
    assert block is not None, part.id
    return block.group(), ""


def test_the_fixture_site_arrangements_have_every_part_and_no_problem() -> None:
    model, _ = fixture_file(ARRANGEMENTS, ArrangementsFile)
    assert [part.part for part in model.parts] == [part.id for part in REQUIRED_PARTS]
    assert problems() == []


def test_the_required_parts_are_those_of_the_law_in_its_order() -> None:
    assert [(part.id, part.law) for part in REQUIRED_PARTS] == [
        ("anticipating_needs", f"{ACT}, s2(2A)(a)"),
        ("housing_cooperation", f"{ACT}, s2(2A)(b)"),
        ("homelessness_and_custody", f"{ACT}, s2(2A)(c)"),
        ("financial_support", f"{ACT}, s2(2A)(d)"),
        ("access_to_services", f"{ACT}, s2(2A)(e)"),
        ("early_intervention", f"{ACT}, s2(2B)"),
        ("financial_literacy", f"{ACT}, s2(2)(g)"),
    ]
    assert all(part.about and part.about[0].islower() for part in REQUIRED_PARTS)


@pytest.mark.parametrize("part", REQUIRED_PARTS, ids=[part.id for part in REQUIRED_PARTS])
def test_a_missing_part_is_named_with_its_paragraph_of_the_law(part: RequiredPart) -> None:
    assert problems(without(part)) == [
        f"data/arrangements.yml:9: parts: the part '{part.id}' is missing: the law "
        f"({part.law}) asks the offer to publish {part.about}; add a part with part: {part.id}"
    ]


def test_every_missing_part_is_reported_not_only_the_first() -> None:
    found = problems(without(REQUIRED_PARTS[0]), without(REQUIRED_PARTS[-1]))
    assert [problem.split("'")[1] for problem in found] == [
        REQUIRED_PARTS[0].id,
        REQUIRED_PARTS[-1].id,
    ]


def test_a_part_the_law_does_not_name_lists_the_known_ones() -> None:
    extra = f"{LAST_PART}\n  - part: leisure_time\n    heading: Free time\n    text: Things."
    assert problems((LAST_PART, extra)) == [
        "data/arrangements.yml:32: parts[8].part: unknown part 'leisure_time'; known: "
        "access_to_services, anticipating_needs, early_intervention, financial_literacy, "
        "financial_support, homelessness_and_custody, housing_cooperation"
    ]


def test_a_misspelt_part_gets_its_close_match_and_the_part_is_missing() -> None:
    found = problems(("part: early_intervention", "part: early_intervension"))
    assert found == [
        "data/arrangements.yml:25: parts[6].part: unknown part 'early_intervension'; "
        "did you mean 'early_intervention'?",
        "data/arrangements.yml:9: parts: the part 'early_intervention' is missing: the law "
        f"({ACT}, s2(2B)) asks the offer to publish your arrangements for early intervention "
        "to prevent homelessness; add a part with part: early_intervention",
    ]


def test_a_part_given_twice() -> None:
    again = f"{LAST_PART}\n  - part: financial_support\n    heading: More\n    text: Grants."
    assert problems((LAST_PART, again)) == [
        "data/arrangements.yml:32: parts[8].part: duplicate part 'financial_support': already "
        "used at data/arrangements.yml:19; ids must be unique"
    ]
