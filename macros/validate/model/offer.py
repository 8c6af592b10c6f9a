"""Model of ``data/offer/<section>.yml``: one section of the Care Leaver Offer per file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, field_validator

from .common import Code, Identifier, MarkdownText, ReviewInterval, Strict, Text
from .contacts import EntryContact
from .times import OpeningTime
from .translations import EasyRead


class Duty(StrEnum):
    statutory = "statutory"
    """The law says the council must offer it: the young person has a right to it."""
    local_extra = "local_extra"
    """The council offers it by choice."""
    national = "national"
    """A national scheme (a government bursary, say), neither the council's duty nor its extra."""


class Ages(Strict):
    from_age: int = Field(
        alias="from",
        ge=14,
        le=99,
        description="Youngest age that can get it.",
        examples=[16],
    )
    to_age: int | None = Field(
        None,
        alias="to",
        ge=14,
        le=99,
        description="Oldest age that can get it; leave it out when there is no upper age.",
        examples=[25],
    )

    @field_validator("to_age")
    @classmethod
    def _not_below_from(cls, value: int | None, info: ValidationInfo) -> int | None:
        start = info.data.get("from_age")
        if value is not None and start is not None and value < start:
            raise ValueError(f"must not be less than ages.from ({start})")
        return value


class Role(StrEnum):
    runs_it = "runs_it"
    apply_through = "apply_through"
    pays_for_it = "pays_for_it"
    works_with = "works_with"


class ProviderRef(Strict):
    organisation: Identifier = Field(description="Id of the organisation (data/organisations.yml).")
    role: Role = Field(
        Role.runs_it,
        description="runs_it, apply_through, pays_for_it or works_with (default runs_it).",
    )


def _provider_shorthand(value: Any) -> Any:
    """``- leaving-care-team`` names an organisation that runs it: the short way."""
    return {"organisation": value} if isinstance(value, str) else value


class PlaceRef(Strict):
    place: Identifier = Field(description="Id of the place (data/places.yml).")
    opening_times: list[OpeningTime] = Field(
        default_factory=list,
        description="When it is on there, if not the place's own opening times.",
    )


def _place_shorthand(value: Any) -> Any:
    """``- youth-hub-north`` names a place at its own opening times: the short way."""
    return {"place": value} if isinstance(value, str) else value


class Where(StrEnum):
    anywhere = "anywhere"
    """Wherever the young person lives, in the area or not."""
    in_area = "in_area"
    """Only for young people living in the council's area."""
    districts = "districts"
    """Only in the districts listed under ``districts``."""
    outside_area = "outside_area"
    """Only for young people living outside the council's area."""


class Per(StrEnum):
    once = "once"
    week = "week"
    month = "month"
    year = "year"


def _money(value: Any) -> Any:
    """Pounds and pence as a number: ``57.90``, never "£57.90" or "57.9O"."""
    if isinstance(value, bool):
        raise ValueError("must be an amount in pounds, such as 57.90")
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str):
        text = value.strip()
        if any(symbol in text for symbol in "£$€"):
            raise ValueError(
                f"must be the number only, without £: write {text.strip('£$€ ')} instead of {text}"
            )
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            # The message adds what was typed ("; got '57.9O'").
            raise ValueError(
                "must be an amount in pounds written in figures, such as 57.90"
            ) from None
    return value


def _pence(value: Decimal) -> Decimal:
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("must be pounds and pence, at most two figures after the point")
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    Field(gt=0, le=100_000),
    AfterValidator(_pence),
]


class Amount(Strict):
    """An amount of money, from a date: ``{value: 57.90, per: week, from: 2026-04-01}``."""

    value: Money = Field(description="Pounds and pence, figures only: 57.90 (no £).")
    per: Per = Field(description="once, week, month or year.")
    up_to: bool = Field(False, description="true when it is the most you can get.")
    for_whom: Text | None = Field(
        None, alias="for", description="Who this amount is for, when it differs within an entry."
    )
    from_date: dt.date = Field(alias="from", description="The date it applies from.")
    to_date: dt.date | None = Field(
        None, alias="to", description="The last date it applies, when it has ended or will end."
    )
    note: Text | None = Field(None, description="Anything else about it, in plain words.")

    @field_validator("to_date")
    @classmethod
    def _not_before_from(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("from_date")
        if value is not None and start is not None and value < start:
            raise ValueError(f"must not be before from ({start})")
        return value


class Entry(Strict):
    """One thing a care leaver can get."""

    id: Identifier = Field(
        description="The entry's address on the page: lower-case words joined by hyphens; "
        "never change it once published."
    )
    title: Text = Field(
        description="What it is, in a few plain words.", examples=["Help with driving lessons"]
    )
    summary: MarkdownText = Field(
        description="What you get, in one to three plain sentences. Markdown allowed.",
        examples=["We pay for up to 10 driving lessons."],
    )
    ages: Ages | None = Field(
        None, description="Ages that can get it; leave it out when any age can."
    )
    areas: list[Code] = Field(
        default_factory=list,
        description="Areas of life it helps with: the statutory ones (health_and_wellbeing, "
        "relationships, education_and_training, employment, accommodation, "
        "participation_in_society, financial_literacy) or your own (data/areas.yml).",
        examples=[["financial_literacy"]],
    )
    only_for: list[Identifier] = Field(
        default_factory=list,
        description="Situations it is only for (data/situations.yml); leave it out when anyone "
        "can get it.",
    )
    especially_for: list[Identifier] = Field(
        default_factory=list,
        description="Situations it is especially useful in (data/situations.yml).",
    )
    conditions: list[MarkdownText] = Field(
        default_factory=list,
        description="Anything else needed to get it, in plain words, one per line starting '- '.",
        examples=[["You live in the council's area."]],
    )
    how_to_get_it: list[MarkdownText] = Field(
        default_factory=list,
        description="Steps to get it, in order; leave it out when the steps are not published "
        "(the card then says to ask a personal adviser).",
        examples=[["Ask your personal adviser."]],
    )
    providers: list[
        Annotated[
            ProviderRef,
            BeforeValidator(_provider_shorthand, json_schema_input_type=Identifier | ProviderRef),
        ]
    ] = Field(
        min_length=1,
        description="Who provides it: organisation ids (data/organisations.yml), each with "
        "organisation: and role: when it does not run it.",
        examples=[["leaving-care-team"]],
    )
    contact: EntryContact = Field(
        default_factory=EntryContact,
        description="How to ask for it: phones, email, web, links.",
    )
    places: list[
        Annotated[
            PlaceRef,
            BeforeValidator(_place_shorthand, json_schema_input_type=Identifier | PlaceRef),
        ]
    ] = Field(
        default_factory=list,
        description="Where it is given: place ids (data/places.yml), with opening_times: when "
        "they differ from the place's.",
    )
    opening_times: list[OpeningTime] = Field(
        default_factory=list,
        description="When it is available, when that is not a place's opening times.",
    )
    where: Where = Field(
        Where.anywhere,
        description="anywhere (wherever you live, the default), in_area (only living in "
        "the council's area), districts (only those under districts:) or outside_area "
        "(only living outside the council's area).",
    )
    districts: list[Identifier] = Field(
        default_factory=list, description="With where: districts, the districts (data/site.yml)."
    )
    duty: Duty = Field(
        description="statutory (a legal right), local_extra (offered by choice) or national "
        "(a national scheme)."
    )
    amounts: list[Amount] = Field(
        default_factory=list,
        description="Money you get, each with its value, per and from date; keep old amounts "
        "with a to: date, so the site can show what changed.",
    )
    principles: list[Identifier] = Field(
        default_factory=list,
        description="Ids of related principles (data/principles.yml).",
        examples=[["best-interests", "access-to-services"]],
    )
    added_on: dt.date | None = Field(
        None, description="When it was added to the offer, to list it as new."
    )
    last_reviewed_on: dt.date | None = Field(
        None, description="Set when this entry was checked separately from its section."
    )
    easy_read: EasyRead | None = Field(
        None,
        description="An Easy Read version: short sentences, one idea per line, each with a "
        "picture; shown on the section's Easy Read page",
    )


class OfferSection(Strict):
    """``data/offer/<section>.yml``: one section of the offer per file; the file name (without .yml) is the section id."""

    title: Text = Field(description="Section heading, e.g. 'Money'.")
    order: int = Field(ge=0, description="Position on the offer overview; lower comes first.")
    introduction: MarkdownText = Field(
        description="What this section is about, in plain words. Markdown allowed."
    )
    owner: Text | None = Field(
        None, description="Team or role responsible for keeping it up to date, if published."
    )
    last_reviewed_on: dt.date = Field(description="When the section was last checked.")
    review_in: ReviewInterval | None = Field(
        None, description="How long until the next review, e.g. '6 months'."
    )
    review_by: dt.date | None = Field(None, description="Exact date of the next review.")
    entries: list[Entry] = Field(min_length=1, description="What a care leaver can get.")

    @field_validator("review_by")
    @classmethod
    def _after_last_review(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        last = info.data.get("last_reviewed_on")
        if value is not None and last is not None and value < last:
            raise ValueError(f"must not be before last_reviewed_on ({last})")
        if value is not None and info.data.get("review_in") is not None:
            raise ValueError("set review_in or review_by, not both")
        return value
