"""Model of ``data/situations.yml``: the situations the finder asks about."""

from __future__ import annotations

from pydantic import Field

from .common import Identifier, Strict, Text

NONE_OF_THESE = "none"
"""The finder's answer "None of these" to the situations question, so no situation's id."""
OUTSIDE_THE_AREA = "outside"
"""The finder's answer "Outside the area" to "Where do you live?", so no district's id."""
IN_THE_AREA = "in-area"
"""The finder's answer "In the area" when the site lists no districts, so no district's id."""
NOT_SURE = "not-sure"
"""The finder's answer "I'm not sure" to "Where do you live?", so no district's id."""


class Situation(Strict):
    id: Identifier = Field(description="Name entries use for it, e.g. 'at-university'.")
    label: Text = Field(
        description="How the finder asks it, in plain words, e.g. 'At university or college'."
    )
    hint: Text | None = Field(None, description="A few more words under it, if it helps.")


class SituationsFile(Strict):
    """``data/situations.yml``: situations a young person can be in, for the finder."""

    situations: list[Situation] = Field(
        min_length=1, description="In the order the finder lists them."
    )
