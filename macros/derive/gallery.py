"""Young people's art, poems and stories as shown: which pieces, and their finished values.

A piece is published only with consent recorded and before its ``take_down_on`` date;
the rules that protect young people are checked in ``macros/validate/rules/gallery.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.pictures import PlannedImage, plan_copies
from macros.derive.urls import Places
from macros.validate.model import GalleryFile, Piece, Principle
from macros.validate.model.gallery import PieceKind
from macros.validate.rules.pictures import PictureFacts
from macros.words import Words

GRID_SIZES = "(min-width: 45em) 22em, 100vw"
"""What the pictures' ``<img sizes>`` say about their displayed width in the gallery grid."""
PAGE_SIZES = "(min-width: 45em) 36em, 100vw"
"""The same for one piece shown on another page."""


def is_published(piece: Piece, today: dt.date) -> bool:
    """Shown only with consent recorded and before its take-down date.

    >>> from macros.validate.model.gallery import Consent
    >>> consent = Consent(recorded_by="Participation officer", recorded_on=dt.date(2026, 1, 5))
    >>> piece = Piece(id="keys", kind="poem", title="Keys", text="x", credit="Sam, 15",
    ...               consent=consent, take_down_on=dt.date(2026, 6, 1))
    >>> is_published(piece, dt.date(2026, 5, 31)), is_published(piece, dt.date(2026, 6, 1))
    (True, False)
    """
    if piece.consent is None:
        return False
    return piece.take_down_on is None or today < piece.take_down_on


def poem_html(text: str) -> Markup:
    """A poem as escaped text: a paragraph per stanza, a line break per line.

    >>> str(poem_html("One <b>\\ntwo\\n\\nthree"))
    '<p>One &lt;b&gt;<br>\\ntwo</p>\\n<p>three</p>'
    """
    stanzas = [
        Markup("<br>\n").join(line.strip() for line in block.splitlines() if line.strip())
        for block in _blocks(text)
    ]
    return Markup("\n").join(Markup("<p>{}</p>").format(stanza) for stanza in stanzas)


def prose_html(text: str) -> Markup:
    """A story as escaped text: a paragraph per block; lines in a block run on.

    >>> str(prose_html("It was\\nlate.\\n\\nThe end & more"))
    '<p>It was late.</p>\\n<p>The end &amp; more</p>'
    """
    return Markup("\n").join(
        Markup("<p>{}</p>").format(" ".join(block.split())) for block in _blocks(text)
    )


def _blocks(text: str) -> list[str]:
    return [block for block in re.split(r"\n[ \t]*\n", text.strip()) if block.strip()]


@dataclass(frozen=True)
class PieceView:
    id: str
    kind: str
    kind_label: str
    title: str
    text_html: Markup | None
    credit: str
    sample: bool
    themes: tuple[str, ...]
    principle_name: str | None
    principle_url: str | None
    image: PlannedImage | None
    alt: str | None


@dataclass(frozen=True)
class GalleryView:
    """The pieces to show, and every id in the data (a page may name an unpublished one)."""

    pieces: tuple[PieceView, ...]
    known_ids: frozenset[str]

    @property
    def images(self) -> tuple[PlannedImage, ...]:
        """The pictures of the published pieces, to copy into the site."""
        return tuple(piece.image for piece in self.pieces if piece.image is not None)

    def piece(self, piece_id: str) -> PieceView | None:
        """One piece, or None when it is in the data but not published."""
        return next((piece for piece in self.pieces if piece.id == piece_id), None)


def gallery_view(
    gallery: GalleryFile | None,
    pictures: Mapping[str, PictureFacts],
    principles: Mapping[str, Principle],
    places: Places,
    words: Words,
    today: dt.date,
) -> GalleryView:
    """Every published piece, in file order, with its planned picture copies."""
    pieces = gallery.pieces if gallery is not None else []
    views = []
    for piece in pieces:
        if not is_published(piece, today):
            continue
        text_html = None
        if piece.text and piece.text.strip():
            text_html = (
                poem_html(piece.text) if piece.kind is PieceKind.poem else prose_html(piece.text)
            )
        principle = principles.get(piece.principle) if piece.principle else None
        facts = pictures.get(piece.image) if piece.image else None
        views.append(
            PieceView(
                id=piece.id,
                kind=piece.kind.value,
                kind_label=words(f"gallery.{piece.kind.value}"),
                title=piece.title,
                text_html=text_html,
                credit=piece.credit,
                sample=piece.sample,
                themes=tuple(piece.themes),
                principle_name=principle.short_name if principle else None,
                principle_url=places.principle(principle.id) if principle else None,
                image=plan_copies(facts) if facts is not None else None,
                alt=piece.alt,
            )
        )
    return GalleryView(tuple(views), frozenset(piece.id for piece in pieces))
