"""Numbers from ``data/figures.yml`` written for a sentence: ``figure("total")`` -> "690"."""

from __future__ import annotations

from collections.abc import Callable

from macros.derive.charts import (
    districts_above_comparison,
    highest_district,
    lowest_district,
    percent_text,
    placement_shares,
)
from macros.validate.model import FiguresFile
from macros.validate.rules.figures import figure_name_problem, placement_sum
from macros.words import Words

FIXED_FIGURES: dict[str, Callable[[FiguresFile, Words], str]] = {
    "total": lambda f, words: words.number(f.placements.total),
    "as_of": lambda f, words: words.date(f.placements.as_of),
    "rates_as_of": lambda f, words: words.date(f.rates.as_of),
    "comparison_label": lambda f, words: f.rates.comparison_label,
    "comparison_rate": lambda f, words: words.number(f.rates.comparison_rate),
    "highest_district": lambda f, words: highest_district(f.rates).name,
    "highest_rate": lambda f, words: words.number(highest_district(f.rates).rate_per_10000),
    "lowest_district": lambda f, words: lowest_district(f.rates).name,
    "lowest_rate": lambda f, words: words.number(lowest_district(f.rates).rate_per_10000),
    "districts": lambda f, words: words.number(len(f.rates.districts)),
    "districts_above_comparison": lambda f, words: words.number(
        districts_above_comparison(f.rates)
    ),
}
"""How each fixed figure name (``FIXED_FIGURE_NAMES`` in the model) is written for a sentence."""


def figure_value(figures: FiguresFile | None, name: str, words: Words) -> str:
    """One number or word from the figures, written for a sentence.

    ``name`` is ``total``, ``as_of`` (a date such as "30 June 2018"), a placement id (its
    count), a placement id with ``.percent``, placement ids joined by ``+`` (their sum),
    an ``other`` figure's id, or a fact about the district rates. The page check has
    already refused any other name; one that slips through raises KeyError.

    >>> from macros.validate.model.figures import EXAMPLE
    >>> from macros.words import load_words
    >>> en = load_words("en-GB")
    >>> figure_value(EXAMPLE, "total", en), figure_value(EXAMPLE, "as_of", en)
    ('3', '30 June 2018')
    >>> figure_value(EXAMPLE, "foster", en), figure_value(EXAMPLE, "foster.percent", en)
    ('2', '67%')
    >>> figure_value(EXAMPLE, "foster+homes", en), figure_value(EXAMPLE, "lowest_rate", en)
    ('3', '21.8')
    """
    problem = figure_name_problem(figures, name)
    if problem is not None or figures is None:
        raise KeyError(problem)
    if name in FIXED_FIGURES:
        return FIXED_FIGURES[name](figures, words)
    others = {item.id: item for item in figures.other}
    if name in others:
        return words.number(others[name].value)
    wanted, percent = placement_sum(figures, name) or ([], False)
    shares = {share.id: share for share in placement_shares(figures.placements, words)}
    count = sum(shares[pid].count for pid in wanted)
    if percent:
        return percent_text(count, sum(shares[pid].figures for pid in wanted), words)
    return words.number(count)
