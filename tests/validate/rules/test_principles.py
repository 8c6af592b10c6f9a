"""macros.validate.rules.principles: the seven principles in the Act's order, ids unique."""

from __future__ import annotations

from macros.validate.model import PrinciplesFile
from macros.validate.rules.principles import principle_problems
from tests.validate.fixture_files import fixture_file

PRINCIPLES = "data/principles.yml"
ORDER = "principles are listed in the Act's order"


def problems(*replace: tuple[str, str]) -> list[str]:
    return [
        str(problem)
        for problem in principle_problems(*fixture_file(PRINCIPLES, PrinciplesFile, *replace))
    ]


def test_the_fixture_site_principles_have_no_problem() -> None:
    assert problems() == []


def test_numbers_out_of_order_are_each_reported() -> None:
    assert problems(
        ("id: express-views\n    number: 2", "id: express-views\n    number: 3"),
        (
            "id: views-taken-into-account\n    number: 3",
            "id: views-taken-into-account\n    number: 2",
        ),
    ) == [
        f"data/principles.yml:21: principles[2].number: must be 2: {ORDER}",
        f"data/principles.yml:25: principles[3].number: must be 3: {ORDER}",
    ]


def test_a_principle_id_used_twice() -> None:
    assert problems(("id: aspirations", "id: express-views")) == [
        "data/principles.yml:32: principles[5].id: duplicate id 'express-views': already used "
        "at data/principles.yml:20; ids must be unique"
    ]


def test_an_outcome_id_used_twice() -> None:
    extra = (
        "    short_name: Expressing views\n",
        "    short_name: Expressing views\n    outcomes:\n      - id: better-health\n"
        "        text: Young people are heard.\n        measures: [Survey]\n",
    )
    assert problems(extra) == [
        "data/principles.yml:24: principles[2].outcomes[1].id: duplicate outcome id "
        "'better-health': already used at data/principles.yml:14; ids must be unique"
    ]
