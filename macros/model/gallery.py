"""Model of ``data/gallery.yml``: young people's art, poems and stories."""

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
    recorded_by: Text = Field(description="Role of the person who recorded consent.")
    recorded_on: dt.date = Field(description="When consent was given.")


class Piece(Strict):
    id: Identifier
    kind: PieceKind
    title: Text
    text: str | None = Field(None, description="Poem or story text; line breaks are kept.")
    image: str | None = Field(None, description="Image file name in data/gallery/.")
    alt: str | None = Field(None, description="Text alternative; required for images.")
    credit: Text = Field(description="First name or initials and age, never a full name.")
    consent: Consent | None = Field(None, description="Without consent a piece is not published.")
    take_down_on: dt.date | None = Field(None, description="Stop publishing after this date.")
    themes: list[Text] = Field(default_factory=list)
    principle: Identifier | None = None
    sample: bool = Field(True, description="True for the template's sample pieces.")


class GalleryFile(Strict):
    """``data/gallery.yml``."""

    pieces: list[Piece] = Field(default_factory=list)
