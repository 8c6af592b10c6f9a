"""Models of translation files: each lives beside the English file it translates.

- ``data/offer/<section>.<language>.yml`` translates one offer section, entry by entry,
  keyed by entry id;
- ``data/site.<language>.yml`` translates short texts (menu titles, the council's names
  and labels, the finder's situations), each keyed by its English text.

Each translated entry (and a section's title and introduction) records in ``made_from``
which version of the English it was made from: a fingerprint of the English text
(``macros/derive/translations.py`` ``fingerprint``). When the English changes, the
fingerprint no longer matches and the page shows the current English with a notice
until the translation is brought up to date. Short texts keyed by their English need no
fingerprint: once the English changes, the key no longer matches.

Why one file per language and section, keyed by entry id: a translator edits only the
entries they translate, in a file no English editor touches; entries can be translated
in any order; an id never changes once published, so a translation stays attached to its
entry when entries are moved, added or removed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from .common import Identifier, MarkdownText, Strict, Text

FINGERPRINT_PATTERN = r"^[0-9a-f]{12}$"
Fingerprint = Annotated[str, Field(pattern=FINGERPRINT_PATTERN)]
"""Twelve lower-case hexadecimal characters (0-9, a-f), e.g. ``3f9a1c2b7d4e``."""


class EntryTranslation(Strict):
    made_from: Fingerprint = Field(
        description="Fingerprint of the English this was translated from: 12 characters "
        "0-9 and a-f, as `uv run translate` prints it. When the English changes, the page "
        "shows the English until this is updated."
    )
    title: Text = Field(description="The entry's title, translated.")
    summary: MarkdownText = Field(description="Its summary, translated. Markdown allowed.")
    conditions: list[MarkdownText] = Field(
        default_factory=list,
        description="Its conditions, translated, one for each English condition, in order.",
    )
    how_to_get_it: list[MarkdownText] = Field(
        default_factory=list,
        description="Its steps, translated, one for each English step, in order.",
    )


class OfferSectionTranslation(Strict):
    """``data/offer/<section>.<language>.yml``: one section of the offer in another language, beside its English file (``<language>`` is a code from ``languages:`` in data/site.yml, e.g. ``money.ar.yml``)."""

    made_from: Fingerprint | None = Field(
        None,
        description="Fingerprint of the English title and introduction this was translated "
        "from (with title: and introduction:)",
    )
    title: Text | None = Field(None, description="The section's title, translated.")
    introduction: MarkdownText | None = Field(
        None, description="The section's introduction, translated. Markdown allowed."
    )
    entries: dict[Identifier, EntryTranslation] = Field(
        default_factory=dict,
        description="Translated entries, each under its English entry's id; an entry left "
        "out shows in English with a notice.",
    )


class SiteTranslation(Strict):
    """``data/site.<language>.yml``: short texts in another language (``<language>`` is a code from ``languages:`` in data/site.yml)."""

    names: dict[str, Text] = Field(
        default_factory=dict,
        description="Short texts, each under its exact English: menu titles from mkdocs.yml, "
        "pages' titles from their front matter, the strategy's title and subtitle, "
        "the offer's title, the team's name and hours, names of organisations and places, "
        "situations and their hints, notes of amounts and phones. When the English changes, "
        "the English shows until its translation is added under the new text.",
    )

    @model_validator(mode="after")
    def _no_blank_keys(self) -> SiteTranslation:
        for key in self.names:
            if not key.strip():
                raise ValueError("names: every key must be an English text, not empty")
        return self


class Picture(StrEnum):
    """The Easy Read pictures that ship with the site (``overrides/assets/easy-read/``)."""

    money = "money"
    home = "home"
    phone = "phone"
    person = "person"
    people = "people"
    calendar = "calendar"
    question = "question"
    tick = "tick"
    school = "school"
    work = "work"
    health = "health"
    letter = "letter"


class EasyReadLine(Strict):
    picture: Picture = Field(
        description="Picture for this idea, from the pictures that ship with the site."
    )
    text: Text = Field(description="One short sentence: one idea.")


class EasyRead(Strict):
    made_from: Fingerprint = Field(
        description="Fingerprint of the English entry this was written from, as "
        "`uv run translate easy-read SECTION` prints it."
    )
    lines: list[EasyReadLine] = Field(
        min_length=1, description="One idea per line, each with a picture."
    )


__all__ = [
    "FINGERPRINT_PATTERN",
    "EasyRead",
    "EasyReadLine",
    "EntryTranslation",
    "OfferSectionTranslation",
    "Picture",
    "SiteTranslation",
]
