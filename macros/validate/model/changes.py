"""Model of ``data/changes.yml``: changes to the offer that the data cannot show by itself.

Most changes are worked out from the data: a new amount with a later ``from`` date, an
entry with ``added_on``, a section's ``last_reviewed_on``. What is gone from the data (an
entry removed) or needs its own words is written here.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import Identifier, MarkdownText, Strict


class Change(Strict):
    date: dt.date = Field(description="When it changed.")
    what: MarkdownText = Field(description="What changed, for a care leaver, in plain words.")
    section: Identifier | None = Field(None, description="Id of the section it is about, if any.")


class ChangesFile(Strict):
    """``data/changes.yml``: changes written by editors (removals, notices)."""

    changes: list[Change] = Field(default_factory=list, description="Newest first or any order.")
