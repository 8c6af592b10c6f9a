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
    placements, rates = figures.placements, figures.rates
    fixed: dict[str, Callable[[], str]] = {
        "total": lambda: words.number(placements.total),
        "as_of": lambda: words.date(placements.as_of),
        "rates_as_of": lambda: words.date(rates.as_of),
        "comparison_label": lambda: rates.comparison_label,
        "comparison_rate": lambda: words.number(rates.comparison_rate),
        "highest_district": lambda: highest_district(rates).name,
        "highest_rate": lambda: words.number(highest_district(rates).rate_per_10000),
        "lowest_district": lambda: lowest_district(rates).name,
        "lowest_rate": lambda: words.number(lowest_district(rates).rate_per_10000),
        "districts": lambda: words.number(len(rates.districts)),
        "districts_above_comparison": lambda: words.number(districts_above_comparison(rates)),
    }
    if name in fixed:
        return fixed[name]()
    others = {item.id: item for item in figures.other}
    if name in others:
        return words.number(others[name].value)
    wanted, percent = placement_sum(figures, name) or ([], False)
    shares = {share.id: share for share in placement_shares(placements, words)}
    count = sum(shares[pid].count for pid in wanted)
    if percent:
        return percent_text(count, sum(shares[pid].figures for pid in wanted), words)
    return words.number(count)
