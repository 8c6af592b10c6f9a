"""Model of ``data/care_leavers.yml``: who is a care leaver in law, for "Am I a care leaver?".

The categories and their rules are data, with the part of the law each comes from
(Children Act 1989: Schedule 2 paragraph 19B, sections 23A, 23C and 24), so that the
rules are read, checked and changed where they are written, never in code. The page
asks a young person only what the rules need; ``macros/derive/care_leavers.py`` works
out the questions and the answers from them.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from .common import HttpsUrl, Identifier, MarkdownText, Strict, Text


class AgeRange(Strict):
    from_age: int = Field(alias="from", ge=0, le=30, description="Youngest age, e.g. 16.")
    to_age: int = Field(alias="to", ge=0, le=30, description="Oldest age, e.g. 17.")

    @field_validator("to_age")
    @classmethod
    def _not_below_from(cls, value: int, info: ValidationInfo) -> int:
        start = info.data.get("from_age")
        if start is not None and value < start:
            raise ValueError(f"must not be less than from ({start})")
        return value


class WeeksInCare(Strict):
    """Weeks in care in total, counted from a birthday: at least, or fewer than, a number."""

    since_birthday: int = Field(
        ge=0, le=25, description="Count the weeks from this birthday, e.g. 14."
    )
    at_least: int | None = Field(
        None, ge=1, le=520, description="At least this many weeks, e.g. 13."
    )
    fewer_than: int | None = Field(
        None,
        ge=1,
        le=520,
        validate_default=True,
        description="Fewer than this many weeks, e.g. 13.",
    )

    @field_validator("fewer_than")
    @classmethod
    def _one_bound(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and info.data.get("at_least") is not None:
            raise ValueError("give at_least: or fewer_than:, not both")
        if value is None and info.data.get("at_least") is None and "at_least" in info.data:
            raise ValueError("give at_least: or fewer_than:, one of the two")
        return value


class Rules(Strict):
    """What must all be true of a young person for a category to be theirs."""

    ages: AgeRange = Field(description="Their age now, e.g. {from: 16, to: 17}.")
    in_care_now: bool | None = Field(
        None, description="true: in care now; false: not in care now; leave out for either."
    )
    weeks_in_care: WeeksInCare | None = Field(
        None,
        description="Weeks in care in total since a birthday, e.g. {since_birthday: 14, "
        "at_least: 13}; leave out for any.",
    )
    in_care_since_birthday: int | None = Field(
        None,
        ge=0,
        le=25,
        description="In care at some time on or after this birthday, e.g. 16; leave out for any.",
    )


class Category(Strict):
    id: Identifier = Field(description="Stable anchor, e.g. 'former-relevant'.")
    name: Text = Field(description="The category's name in the law, e.g. 'Former relevant child'.")
    law: Text = Field(
        description="Where the law defines it, e.g. 'Children Act 1989, section 23C'."
    )
    law_url: HttpsUrl | None = Field(
        None, description="The law on legislation.gov.uk, starting https://."
    )
    rules: Rules = Field(description="What must all be true for it to be someone's category.")
    means: MarkdownText = Field(
        description="What it means for the young person, in plain words. Markdown allowed."
    )


class CareLeaversFile(Strict):
    """``data/care_leavers.yml``: who is a care leaver in law, for "Am I a care leaver?"."""

    categories: list[Category] = Field(
        min_length=1,
        description="The categories, checked in this order: the first whose rules are all "
        "true is the young person's.",
    )
    otherwise: MarkdownText = Field(
        description="What to say when no category fits the answers, in plain words. Markdown "
        "allowed."
    )
