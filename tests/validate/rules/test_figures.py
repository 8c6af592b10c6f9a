"""macros.validate.rules.figures: counts that add up, and names that mean one thing."""

from __future__ import annotations

import pytest

from macros.problems import DataError
from macros.validate.model import FiguresFile
from macros.validate.model.figures import FIXED_FIGURE_NAMES, MAX_PLACEMENT_TYPES
from macros.validate.rules.figures import (
    figure_name_problem,
    figure_names,
    figures_problems,
    placement_sum,
)
from tests.validate.fixture_files import fixture_file

FIGURES = "data/figures.yml"
LAST_TYPE = "label: Other arrangements\n      count: 30"


def problems(*replace: tuple[str, str]) -> list[str]:
    return [
        str(problem) for problem in figures_problems(*fixture_file(FIGURES, FiguresFile, *replace))
    ]


def more_types(count: int) -> tuple[str, str]:
    """Add ``count`` placement types of 0 children after the last one."""
    added = "".join(
        f"\n    - id: extra-{n}\n      label: Extra {n}\n      count: 0" for n in range(count)
    )
    return LAST_TYPE, LAST_TYPE + added


def test_the_fixture_site_figures_have_no_problem() -> None:
    assert problems() == []


def test_a_total_that_the_counts_do_not_add_up_to_is_reported_on_its_line() -> None:
    assert problems(("total: 200", "total: 210")) == [
        "data/figures.yml:7: placements.total: is 210, but the counts in placements.by_type "
        "add up to 200; they must be equal"
    ]
    assert problems(("count: 120", "count: 119")) == [
        "data/figures.yml:7: placements.total: is 200, but the counts in placements.by_type "
        "add up to 199; they must be equal"
    ]


def test_counts_and_total_changed_together_pass() -> None:
    assert problems(("total: 200", "total: 201"), ("count: 120", "count: 121")) == []


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (
            ("id: childrens-homes", "id: foster-carers"),
            "data/figures.yml:13: placements.by_type[2].id: duplicate figure name "
            "'foster-carers': already used at data/figures.yml:9; ids must be unique",
        ),
        (
            ("id: places-bought", "id: other-arrangements"),
            "data/figures.yml:34: other[1].id: duplicate figure name 'other-arrangements': "
            "already used at data/figures.yml:16; ids must be unique",
        ),
    ],
)
def test_figure_names_are_unique_across_placements_and_other(
    replace: tuple[str, str], expected: str
) -> None:
    assert problems(replace) == [expected]


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (
            ("id: places-bought", "id: total"),
            "data/figures.yml:34: other[1].id: 'total' is already a figure name; choose another id",
        ),
        (
            ("id: foster-carers", "id: districts"),
            "data/figures.yml:9: placements.by_type[1].id: 'districts' is already a figure "
            "name; choose another id",
        ),
    ],
)
def test_an_id_may_not_be_a_fixed_figure_name(replace: tuple[str, str], expected: str) -> None:
    assert problems(replace) == [expected]


def test_at_most_eight_placement_types_is_a_rule_of_the_model() -> None:
    assert MAX_PLACEMENT_TYPES == 8
    eight, source = fixture_file(FIGURES, FiguresFile, more_types(5))
    assert len(eight.placements.by_type) == 8
    assert figures_problems(eight, source) == []
    with pytest.raises(DataError) as caught:
        fixture_file(FIGURES, FiguresFile, more_types(6))
    assert caught.value.report() == (
        "data/figures.yml:8: placements.by_type: must have from 1 to 8 items, found 9"
    )


# --- Names for figure() --------------------------------------------------------------------


def test_figure_names_are_the_fixed_ones_then_placements_then_others() -> None:
    figures, _ = fixture_file(FIGURES, FiguresFile)
    assert figure_names(figures) == [
        *FIXED_FIGURE_NAMES,
        "foster-carers",
        "foster-carers.percent",
        "childrens-homes",
        "childrens-homes.percent",
        "other-arrangements",
        "other-arrangements.percent",
        "places-bought",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "total",
        "as_of",
        "highest_district",
        "places-bought",
        "foster-carers",
        "foster-carers.percent",
        "foster-carers+childrens-homes",
        "foster-carers+childrens-homes+other-arrangements.percent",
    ],
)
def test_known_figure_names(name: str) -> None:
    figures, _ = fixture_file(FIGURES, FiguresFile)
    assert figure_name_problem(figures, name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (
            "places-sold",
            "no figure 'places-sold' in data/figures.yml; did you mean 'places-bought'?",
        ),
        ("totl", "no figure 'totl' in data/figures.yml; did you mean 'total'?"),
        (
            "foster-carers.count",
            "no figure 'foster-carers.count' in data/figures.yml; did you mean 'foster-carers.percent'?",
        ),
        (
            "places-bought.percent",
            "no figure 'places-bought.percent' in data/figures.yml; did you mean 'places-bought'?",
        ),
    ],
)
def test_unknown_figure_names_suggest_the_nearest(name: str, problem: str) -> None:
    figures, _ = fixture_file(FIGURES, FiguresFile)
    assert figure_name_problem(figures, name) == problem


def test_an_unknown_name_with_nothing_near_lists_every_name() -> None:
    figures, _ = fixture_file(FIGURES, FiguresFile)
    problem = figure_name_problem(figures, "zebra+crossing")
    assert problem == (
        "no figure 'zebra+crossing' in data/figures.yml; known: " + ", ".join(figure_names(figures))
    )


def test_figure_without_a_figures_file() -> None:
    assert figure_name_problem(None, "total") == (
        "data/figures.yml is missing; add it to use figure()"
    )


def test_placement_sum() -> None:
    figures, _ = fixture_file(FIGURES, FiguresFile)
    assert placement_sum(figures, "foster-carers") == (["foster-carers"], False)
    assert placement_sum(figures, "childrens-homes+foster-carers.percent") == (
        ["childrens-homes", "foster-carers"],
        True,
    )
    assert placement_sum(figures, "foster-carers+places-bought") is None
    assert placement_sum(figures, "foster-carers.count") is None
