"""Model of ``data/figures.yml``: the numbers behind "Where we are now"."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import Identifier, Strict, Text


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
        min_length=1, description="Children by placement type; counts add up to total."
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
    """``data/figures.yml``."""

    placements: Placements = Field(description="Where children looked after lived.")
    rates: Rates = Field(description="Rates per 10,000 children by district.")
    other: list[OtherFigure] = Field(
        default_factory=list, description="Any other number quoted in the pages."
    )
