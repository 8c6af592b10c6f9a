"""macros.derive.figures: numbers from the figures file written for a sentence."""

from __future__ import annotations

import pytest

from macros.derive.figures import FIXED_FIGURES, figure_value
from macros.validate.model.figures import FIXED_FIGURE_NAMES
from macros.validate.rules.figures import figure_names
from macros.words import load_words
from tests.derive.test_charts import fixture_figures, made_up_figures

EN = load_words("en-GB")


def test_the_fixed_names_are_the_models() -> None:
    """Every name the model (and so the page check) accepts has a value, and no other."""
    assert tuple(FIXED_FIGURES) == FIXED_FIGURE_NAMES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("total", "200"),
        ("as_of", "31 March 2026"),
        ("rates_as_of", "31 March 2026"),
        ("foster-carers", "120"),
        ("foster-carers.percent", "60%"),
        ("childrens-homes+other-arrangements", "80"),
        ("childrens-homes+other-arrangements.percent", "40%"),
        ("comparison_label", "Regional average"),
        ("comparison_rate", "80"),
        ("highest_district", "Northtown"),
        ("highest_rate", "95.5"),
        ("lowest_district", "Southtown"),
        ("lowest_rate", "60"),
        ("districts", "2"),
        ("districts_above_comparison", "1"),
        ("places-bought", "1,234"),
    ],
)
def test_figure_values_for_prose_come_from_the_data(name: str, expected: str) -> None:
    assert figure_value(fixture_figures(), name, EN) == expected


def test_every_listed_figure_name_works() -> None:
    for figures in (fixture_figures(), made_up_figures()):
        names = figure_names(figures)
        assert set(FIXED_FIGURE_NAMES) <= set(names)
        for name in names:
            assert figure_value(figures, name, EN), name


def test_numbers_are_written_with_thousands_separators() -> None:
    figures = made_up_figures()
    assert figure_value(figures, "total", EN) == "1,001"
    assert figure_value(figures, "highest_rate", EN) == "1,234.5"
    assert figure_value(figures, "homes.percent", EN) == "less than 1%"


def test_unknown_figure_name_suggests_the_nearest() -> None:
    with pytest.raises(KeyError, match="did you mean 'foster-carers'"):
        figure_value(fixture_figures(), "foster-carer", EN)
    with pytest.raises(KeyError, match=r"no figure 'foster\.share'"):
        figure_value(made_up_figures(), "foster.share", EN)


def test_without_a_figures_file_figure_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"data/figures.yml is missing"):
        figure_value(None, "total", EN)
