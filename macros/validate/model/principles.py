"""Model of ``data/principles.yml``: the seven corporate parenting principles."""

from __future__ import annotations

from pydantic import Field

from .common import Identifier, Strict, Text


class Outcome(Strict):
    id: Identifier = Field(description="Stable anchor for the outcome.")
    text: Text = Field(description="What will be different, in plain words.")
    measures: list[Text] = Field(
        min_length=1, description="How the impact will be seen: one measure per item."
    )


class Principle(Strict):
    id: Identifier = Field(description="Stable anchor, e.g. 'best-interests'.")
    number: int = Field(ge=1, le=7, description="Number in the Act (1 to 7).")
    short_name: Text = Field(description="Short name, e.g. 'Best interests'.")
    duty: Text = Field(description="The duty in plain words.")
    young_people_said: list[Text] = Field(
        default_factory=list, description="What young people said about it (sample words)."
    )
    outcomes: list[Outcome] = Field(default_factory=list, description="What we will achieve.")


class PrinciplesFile(Strict):
    """``data/principles.yml``: the seven corporate parenting principles, with outcomes and measures."""

    principles: list[Principle] = Field(
        min_length=7, max_length=7, description="The seven principles, in the Act's order."
    )
