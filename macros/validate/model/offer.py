"""Model of ``data/offer/<section>.yml``: one section of the Care Leaver Offer per file."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, ValidationInfo, field_validator

from .common import (
    Email,
    HttpsUrl,
    Identifier,
    MarkdownText,
    PhoneNumber,
    ReviewInterval,
    Strict,
    Text,
)


class StatutoryArea(StrEnum):
    """Areas a local offer must cover (Children and Social Work Act 2017 s2, with the
    financial areas added in 2026)."""

    health_and_wellbeing = "health_and_wellbeing"
    relationships = "relationships"
    education_and_training = "education_and_training"
    employment = "employment"
    accommodation = "accommodation"
    participation_in_society = "participation_in_society"
    financial_support = "financial_support"
    financial_literacy = "financial_literacy"


class ProviderType(StrEnum):
    council = "council"
    nhs = "nhs"
    district_council = "district_council"
    charity = "charity"
    employer = "employer"
    government = "government"


class Duty(StrEnum):
    statutory = "statutory"
    local_extra = "local_extra"


class Ages(Strict):
    from_age: int = Field(
        alias="from",
        ge=16,
        le=25,
        description="Youngest age that can get it (16 to 25).",
        examples=[16],
    )
    to_age: int = Field(
        alias="to", ge=16, le=25, description="Oldest age that can get it.", examples=[25]
    )

    @field_validator("to_age")
    @classmethod
    def _not_below_from(cls, value: int, info: ValidationInfo) -> int:
        start = info.data.get("from_age")
        if start is not None and value < start:
            raise ValueError(f"must not be less than ages.from ({start})")
        return value


class Provider(Strict):
    name: Text = Field(description="Who provides it.", examples=["Leaving Care Team"])
    type: ProviderType = Field(description="Kind of organisation.")


class EntryContact(Strict):
    phone: PhoneNumber | None = Field(
        None, description="Phone number (tap to call), in quotes.", examples=['"01632 960 100"']
    )
    email: Email | None = Field(
        None, description="Email address.", examples=["leaving.care@example.org"]
    )
    web: HttpsUrl | None = Field(
        None,
        description="Web page with more details, starting https://.",
        examples=["https://www.example.org/leaving-care"],
    )


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
    ages: Ages = Field(description="Ages that can get it.")
    conditions: list[MarkdownText] = Field(
        default_factory=list,
        description="Anything else needed to get it, in plain words, one per line starting '- '.",
        examples=[["You live in the council's area."]],
    )
    how_to_get_it: list[MarkdownText] = Field(
        min_length=1, description="Steps to get it, in order. Markdown allowed."
    )
    provider: Provider = Field(description="Who provides it: name and type.")
    contact: EntryContact = Field(
        default_factory=EntryContact, description="How to ask for it; any of phone, email, web."
    )
    duty: Duty = Field(description="'statutory' (the law says we must) or 'local_extra'.")
    principles: list[Identifier] = Field(
        default_factory=list,
        description="Ids of related principles (data/principles.yml).",
        examples=[["best-interests", "access-to-services"]],
    )
    last_reviewed_on: dt.date | None = Field(
        None, description="Set when this entry was checked separately from its section."
    )


class OfferSection(Strict):
    """``data/offer/<section>.yml``: one section of the offer per file; the file name (without .yml) is the section id."""

    title: Text = Field(description="Section heading, e.g. 'Money'.")
    order: int = Field(ge=0, description="Position on the offer overview; lower comes first.")
    introduction: MarkdownText = Field(
        description="What this section is about, in plain words. Markdown allowed."
    )
    covers: list[StatutoryArea] = Field(
        default_factory=list, description="Statutory areas this section covers (may be empty)."
    )
    owner: Text = Field(description="Team or role responsible for keeping it up to date.")
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
