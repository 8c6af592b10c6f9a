"""The areas of a care leaver's life an offer covers: the statutory ones (in the law,
so in code) and any a council adds in ``data/areas.yml`` (leisure, travel, ID...)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from .common import Code, Strict, Text

ACT = "Children and Social Work Act 2017"


@dataclass(frozen=True)
class StatutoryArea:
    id: str
    law: str
    """Where the law names it."""


STATUTORY_AREAS: tuple[StatutoryArea, ...] = (
    StatutoryArea("health_and_wellbeing", f"{ACT}, s2(2)(a)"),
    StatutoryArea("relationships", f"{ACT}, s2(2)(b)"),
    StatutoryArea("education_and_training", f"{ACT}, s2(2)(c)"),
    StatutoryArea("employment", f"{ACT}, s2(2)(d)"),
    StatutoryArea("accommodation", f"{ACT}, s2(2)(e)"),
    StatutoryArea("participation_in_society", f"{ACT}, s2(2)(f)"),
    StatutoryArea(
        "financial_literacy",
        f"{ACT}, s2(2)(g), added by the Children's Wellbeing and Schools Act 2026",
    ),
)
"""What a local offer must cover (section 2(2), as amended in 2026). Their names on pages
are in the words of the interface (``areas.<id>``)."""


class Area(Strict):
    id: Code = Field(description="Name entries use for it, e.g. 'leisure'.")
    label: Text = Field(description="Its name on pages, e.g. 'Leisure and free time'.")


class AreasFile(Strict):
    """``data/areas.yml``: areas beyond the statutory ones, for entries to name."""

    areas: list[Area] = Field(default_factory=list, description="Your own areas.")
