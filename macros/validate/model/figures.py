"""Model of ``data/figures.yml``: the numbers behind "Where we are now"."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import Identifier, Strict, Text

MAX_PLACEMENT_TYPES = 8
"""The placements chart has a colour and a letter for each of at most this many types."""

FIXED_FIGURE_NAMES = (
    "total",
    "as_of",
    "rates_as_of",
    "comparison_label",
    "comparison_rate",
    "highest_district",
    "highest_rate",
    "lowest_district",
    "lowest_rate",
    "districts",
    "districts_above_comparison",
)
"""Names ``figure()`` gives facts about the figures; placement and other ids add to them."""


class PlacementCount(Strict):
    id: Identifier = Field(
        description="Stable name used by figure() in pages, e.g. 'council-foster-carers'."
    )
    label: Text = Field(description="Placement type, e.g. 'Council foster carers'.")
    count: int = Field(ge=0, description="Number of children.")


class DistrictRate(Strict):
    name: Text = Field(description="District name.")
    children: int = Field(ge=0, description="Number of children looked after.")
    rate_per_10000: float = Field(ge=0, description="Rate per 10,000 children.")


class Placements(Strict):
    as_of: dt.date = Field(description="Date the figures describe.")
    source: Text = Field(description="Where the figures come from.")
    total: int = Field(ge=0, description="All children looked after on that date.")
    by_type: list[PlacementCount] = Field(
        min_length=1,
        max_length=MAX_PLACEMENT_TYPES,
        description="Children by placement type; counts add up to total. At most 8 types: "
        "the chart has a colour and a letter for each; combine the smallest into 'Other'.",
    )


class Rates(Strict):
    as_of: dt.date = Field(description="Date the rates describe.")
    source: Text = Field(description="Where the rates come from.")
    comparison_label: Text = Field(description="e.g. 'Regional average'.")
    comparison_rate: float = Field(ge=0, description="The comparison rate per 10,000 children.")
    districts: list[DistrictRate] = Field(min_length=1, description="Rate for each district.")


class OtherFigure(Strict):
    id: Identifier = Field(
        description="Name used by figure() in pages, e.g. 'purchased-places-2018'."
    )
    value: float = Field(description="The number.")
    label: Text = Field(description="What the number counts, in plain words.")
    source: Text = Field(description="Where the number comes from.")


class FiguresFile(Strict):
    """``data/figures.yml``: the numbers behind the charts and ``figure()`` in pages."""

    placements: Placements = Field(description="Where children looked after lived.")
    rates: Rates = Field(description="Rates per 10,000 children by district.")
    other: list[OtherFigure] = Field(
        default_factory=list, description="Any other number quoted in the pages."
    )


EXAMPLE = FiguresFile(
    placements=Placements(
        as_of=dt.date(2018, 6, 30),
        source="Example snapshot",
        total=3,
        by_type=[
            PlacementCount(id="foster", label="Foster carers", count=2),
            PlacementCount(id="homes", label="Children's homes", count=1),
        ],
    ),
    rates=Rates(
        as_of=dt.date(2018, 6, 30),
        source="Example snapshot",
        comparison_label="Regional average",
        comparison_rate=91,
        districts=[
            DistrictRate(name="Southvale", children=20, rate_per_10000=21.8),
            DistrictRate(name="Northdale", children=150, rate_per_10000=111.9),
        ],
    ),
)
"""A small made-up figures file, used by the examples in docstrings."""
