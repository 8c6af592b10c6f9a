"""Model of ``data/situations.yml``: the situations the finder asks about."""

from __future__ import annotations

from pydantic import Field

from .common import Identifier, Strict, Text


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
