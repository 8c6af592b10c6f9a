"""Model of ``data/gallery.yml``: young people's art, poems and stories.

The model holds the shape of each piece. The rules that protect the young
people who made them (anonymised credits, real alt text, consent, images
that exist and can be processed) are in ``macros/validate/rules/gallery.py``;
which pieces are shown (consent, take-down date) is worked out in
``macros/derive/gallery.py``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from .common import Identifier, Strict, Text


class PieceKind(StrEnum):
    poem = "poem"
    story = "story"
    artwork = "artwork"


class Consent(Strict):
    recorded_by: Text = Field(
        description="Role (never the name) of the person who recorded consent, "
        "e.g. 'Participation officer'."
    )
    recorded_on: dt.date = Field(description="When consent was given, YYYY-MM-DD.")


class Piece(Strict):
    id: Identifier = Field(description="Stable anchor for the piece, e.g. 'hills-at-sunrise'.")
    kind: PieceKind = Field(description="poem, story or artwork.")
    title: Text = Field(description="The piece's title.")
    text: str | None = Field(
        None,
        description="Poem or story text (required for both). Line breaks are kept; "
        "a blank line starts a new stanza or paragraph.",
    )
    image: str | None = Field(
        None, description="Artwork only: file name of the picture in data/gallery/."
    )
    alt: str | None = Field(
        None,
        description="Artwork only: what the picture shows, for people who cannot see it.",
    )
    credit: Text = Field(
        description="A first name or initials and an age ('Sam, 15', 'J.T., 17') "
        "or 'a young person in care'; never a full name."
    )
    consent: Consent | None = Field(
        None, description="Who recorded consent (a role) and when; without it, not published."
    )
    take_down_on: dt.date | None = Field(
        None, description="Not published from this date on, e.g. when agreed with the young person."
    )
    themes: list[Text] = Field(default_factory=list, description="Themes, e.g. 'home'.")
    principle: Identifier | None = Field(
        None, description="Id of the corporate parenting principle it speaks to."
    )
    sample: bool = Field(
        False, description="true for pieces made for the template; they are labelled 'Sample'."
    )


class GalleryFile(Strict):
    """``data/gallery.yml``: young people's art, poems and stories, in the order shown."""

    pieces: list[Piece] = Field(default_factory=list, description="Pieces, in the order shown.")
