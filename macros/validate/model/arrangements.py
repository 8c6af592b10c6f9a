"""Model of ``data/arrangements.yml``: the council's arrangements for care leavers' move to
adult life, which a local offer must publish since the Children's Wellbeing and Schools
Act 2026 (section 8, amending section 2 of the Children and Social Work Act 2017)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import Field, ValidationInfo, field_validator

from .common import Code, MarkdownText, ReviewInterval, Strict, Text

ACT = "Children and Social Work Act 2017"


@dataclass(frozen=True)
class RequiredPart:
    id: str
    law: str
    about: str
    """What the law asks for, in plain words (for check's message)."""


REQUIRED_PARTS: tuple[RequiredPart, ...] = (
    RequiredPart(
        "anticipating_needs",
        f"{ACT}, s2(2A)(a)",
        "how you anticipate care leavers' future needs for accommodation and services",
    ),
    RequiredPart(
        "housing_cooperation",
        f"{ACT}, s2(2A)(b)",
        "how you work with local housing authorities so that former relevant children under "
        "25 find and keep suitable accommodation",
    ),
    RequiredPart(
        "homelessness_and_custody",
        f"{ACT}, s2(2A)(c)",
        "how you help care leavers at risk of homelessness, or leaving prison, a young "
        "offender institution or a secure training centre, to find and keep a home",
    ),
    RequiredPart("financial_support", f"{ACT}, s2(2A)(d)", "how you provide financial support"),
    RequiredPart(
        "access_to_services", f"{ACT}, s2(2A)(e)", "how you help care leavers access services"
    ),
    RequiredPart(
        "early_intervention",
        f"{ACT}, s2(2B)",
        "your arrangements for early intervention to prevent homelessness",
    ),
    RequiredPart(
        "financial_literacy", f"{ACT}, s2(2)(g)", "how you help care leavers manage money"
    ),
)
"""The parts the law requires, in its order (added in 2026)."""


class Part(Strict):
    part: Code = Field(
        description="Which part of the law it answers: "
        + ", ".join(part.id for part in REQUIRED_PARTS)
        + "."
    )
    heading: Text = Field(description="A plain heading, e.g. 'Finding a home and keeping it'.")
    text: MarkdownText = Field(description="What we do, in plain words. Markdown allowed.")


class ArrangementsFile(Strict):
    """``data/arrangements.yml``: how the council helps care leavers move to adult life."""

    title: Text = Field(
        description="The page's heading, e.g. 'How we help you move to adult life'."
    )
    introduction: MarkdownText = Field(description="What this page is about, in plain words.")
    owner: Text | None = Field(None, description="Team or role that keeps it up to date.")
    last_reviewed_on: dt.date = Field(description="When it was last checked.")
    review_in: ReviewInterval | None = Field(
        None, description="How long until the next review, e.g. '6 months'."
    )
    review_by: dt.date | None = Field(None, description="Exact date of the next review.")
    parts: list[Part] = Field(min_length=1, description="One for each part the law requires.")

    @field_validator("review_by")
    @classmethod
    def _after_last_review(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        last = info.data.get("last_reviewed_on")
        if value is not None and last is not None and value < last:
            raise ValueError(f"must not be before last_reviewed_on ({last})")
        if value is not None and info.data.get("review_in") is not None:
            raise ValueError("set review_in or review_by, not both")
        return value
