"""Model of ``data/organisations.yml``: who provides support, described once."""

from __future__ import annotations

from pydantic import Field

from .common import Code, Email, HttpsUrl, Identifier, Strict, Text

DEFAULT_TYPES = (
    "council",
    "district_council",
    "nhs",
    "national_government",
    "charity",
    "housing_association",
    "college",
    "university",
    "employer",
)
"""Kinds of organisation every site knows (their names are in the words of the interface);
a council adds its own under ``types:``."""


class OrganisationType(Strict):
    id: Code = Field(description="Name organisations use for it, e.g. 'police'.")
    label: Text = Field(description="What it is called on cards, e.g. 'the police'.")


class Organisation(Strict):
    id: Identifier = Field(description="Name entries use for it, e.g. 'leaving-care-team'.")
    name: Text = Field(description="Its name, e.g. 'Leaving Care Team'.")
    type: Code = Field(
        description="Kind of organisation: one of " + ", ".join(DEFAULT_TYPES) + " or your own."
    )
    description: Text = Field(description="What it does, in a sentence or two.")
    website: HttpsUrl | None = Field(None, description="Its website, starting https://.")
    email: Email | None = Field(None, description="Its email address.")


class OrganisationsFile(Strict):
    """``data/organisations.yml``: who provides support, for entries to name by id."""

    types: list[OrganisationType] = Field(
        default_factory=list, description="Kinds of organisation beyond the built-in ones."
    )
    organisations: list[Organisation] = Field(min_length=1, description="The organisations.")
