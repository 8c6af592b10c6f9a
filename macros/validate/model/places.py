"""Model of ``data/places.yml``: where support is given, with its address and times."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from .common import Identifier, Strict, Text
from .times import OpeningTime

_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def _postcode(value: str) -> str:
    if not _POSTCODE.match(value.upper()):
        raise ValueError("must be a UK postcode, such as FE1 1AA")
    return value.upper()


Postcode = Annotated[str, AfterValidator(_postcode)]


class Place(Strict):
    id: Identifier = Field(description="Name entries use for it, e.g. 'youth-hub-north'.")
    name: Text = Field(description="What the place is called.")
    address: Text | None = Field(
        None, description="Street address (leave out for a mobile service)."
    )
    postcode: Postcode | None = Field(None, description="Postcode, e.g. FE1 1AA.")
    accessibility: Text | None = Field(
        None, description="How to get in, e.g. 'Step-free entrance at the side; hearing loop'."
    )
    opening_times: list[OpeningTime] = Field(default_factory=list, description="When it is open.")


class PlacesFile(Strict):
    """``data/places.yml``: where support is given, for entries to name by id."""

    places: list[Place] = Field(default_factory=list, description="The places.")
