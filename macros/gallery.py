"""Young people's art, poems and stories: the rules that keep them safe, and what is shown.

- ``piece_problems``: what is wrong with one piece (credit that looks like a
  full name, alt text that does not describe the picture, an image that is
  missing or too large); ``macros/data.py`` reports these, and they stop a build.
- ``is_published``: a piece is shown only with consent recorded, and only
  before its ``take_down_on`` date. A piece without consent is left out of
  the site without failing the build; ``withheld_problems`` names it for
  ``check``.
- ``publish_gallery`` writes the published pictures into the cache folder;
  ``piece_views`` turns pieces into finished values for the templates.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .errors import DataError, DataProblem
from .images import WIDTHS, ImageProblem, PublishedImage, check_original, publish_image
from .loading import FieldPath, LoadedFile, dotted
from .model import GalleryFile, Piece
from .model.gallery import PieceKind

GALLERY_FILE = "data/gallery.yml"
IMAGE_DIR = Path("data") / "gallery"
CACHE_DIR = Path(".cache") / "gallery"
# Where the published copies go in the site (a site URL, relative to the site root).
SITE_IMAGE_URL = "assets/gallery/"
# What the pictures' <img sizes> say about their displayed width.
GRID_SIZES = "(min-width: 45em) 22em, 100vw"
PAGE_SIZES = "(min-width: 45em) 36em, 100vw"

IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp)", re.IGNORECASE)
CREDIT_EXAMPLES = "such as 'Sam, 15' or 'J.T., 17', or 'a young person in care'"
YOUNG_PERSON_IN_CARE = "a young person in care"
AGES = range(4, 26)
_LETTER = r"[^\W\d_]"
_CREDIT = re.compile(
    rf"(?P<who>{_LETTER}+(?:[-'\u2019]{_LETTER}+)*|(?:[A-Z]\. ?){{1,3}})"
    r",\s*(?:aged?\s+)?(?P<age>\d{1,2})"
)
_WORD = re.compile(rf"{_LETTER}+(?:[-'\u2019]{_LETTER}+)*")
VAGUE_ALT = frozenset(
    {
        "image",
        "picture",
        "photo",
        "photograph",
        "pic",
        "img",
        "artwork",
        "art",
        "drawing",
        "painting",
        "illustration",
        "graphic",
    }
)
_FILLER = frozenset({"a", "an", "the", "of", "my", "this", "our", "their"})
DESCRIBE = "describe what the picture shows, for people who cannot see it"


# --- Rules -------------------------------------------------------------------------------


def credit_problem(credit: str) -> str | None:
    """Why a credit could identify a young person, or None when it is anonymised.

    The value is never repeated in the message: check's output may end up in a public CI log.

    >>> credit_problem("Sam, 15") is None, credit_problem("J.T., 17") is None
    (True, True)
    >>> credit_problem("a young person in care") is None
    True
    >>> credit_problem("Sam Taylor, 15")
    "looks like a full name; use a first name or initials and an age, such as 'Sam, 15' or 'J.T., 17', or 'a young person in care'"
    """
    text = " ".join(credit.split())
    if text.casefold() == YOUNG_PERSON_IN_CARE:
        return None
    match = _CREDIT.fullmatch(text)
    if match and int(match["age"]) in AGES:
        return None
    who = text.split(",")[0]
    capitalised = [
        word
        for word in _WORD.findall(who)
        if word[0].isupper() and any(letter.islower() for letter in word[1:])
    ]
    if len(capitalised) >= 2:
        return f"looks like a full name; use a first name or initials and an age, {CREDIT_EXAMPLES}"
    if match:
        return f"the age must be from {AGES.start} to {AGES.stop - 1}"
    return f"must be a first name or initials and an age, {CREDIT_EXAMPLES}"


def alt_problem(alt: str | None, image: str) -> str | None:
    """Why alt text does not describe the picture, or None when it may.

    >>> alt_problem("A yellow bus on a dark road at night.", "night-bus.png") is None
    True
    >>> alt_problem("Picture", "night-bus.png")
    "only says 'Picture'; describe what the picture shows, for people who cannot see it"
    >>> alt_problem("night-bus.png", "night-bus.png")
    'is the file name; describe what the picture shows, for people who cannot see it'
    """
    if alt is None:
        return f"is required for a picture: {DESCRIBE}"
    text = alt.strip()
    if not text:
        return f"is empty; {DESCRIBE}"
    folded = text.casefold()
    if folded in {image.casefold(), Path(image).stem.casefold()} or IMAGE_NAME.fullmatch(text):
        return f"is the file name; {DESCRIBE}"
    words = [word for word in re.findall(r"\w+", folded) if word not in _FILLER]
    if not words or set(words) <= VAGUE_ALT:
        return f"only says '{text}'; {DESCRIBE}"
    return None


def piece_problems(
    piece: Piece, image_dir: Path, today: dt.date, cache_dir: Path | None = None
) -> list[tuple[FieldPath, str]]:
    """Every problem with one piece, as (field path inside the piece, message).

    Consent is not a problem here: a piece without it is simply not published
    (see ``withheld_problems``).
    """
    problems: list[tuple[FieldPath, str]] = []
    credit = credit_problem(piece.credit)
    if credit:
        problems.append((("credit",), credit))
    if piece.consent is not None and piece.consent.recorded_on > today:
        problems.append(
            (
                ("consent", "recorded_on"),
                f"is after today ({today.isoformat()}); consent must already have been given",
            )
        )
    if piece.kind is PieceKind.artwork:
        problems += _image_problems(piece, image_dir, cache_dir)
    else:
        if not (piece.text or "").strip():
            problems.append((("text",), f"is required for a {piece.kind.value}: add its words"))
        if piece.image is not None:
            problems.append(
                (("image",), "only artwork has a picture; make the picture its own artwork piece")
            )
        if piece.alt is not None:
            problems.append((("alt",), "is only for artwork with a picture; remove it"))
    return problems


def _image_problems(
    piece: Piece, image_dir: Path, cache_dir: Path | None
) -> list[tuple[FieldPath, str]]:
    if piece.image is None:
        return [(("image",), "is required for artwork: add the file name of the picture")]
    problems: list[tuple[FieldPath, str]] = []
    alt = alt_problem(piece.alt, piece.image)
    if alt:
        problems.append((("alt",), alt))
    shown = f"{IMAGE_DIR.as_posix()}/{piece.image}"
    if not IMAGE_NAME.fullmatch(piece.image):
        problems.append(
            (
                ("image",),
                "must be the name of a file in data/gallery/ ending .jpg, .png or .webp, "
                f"such as hills-at-sunrise.jpg, with no folder; got {piece.image!r}",
            )
        )
    elif not (image_dir / piece.image).is_file():
        problems.append(
            (
                ("image",),
                f"image file {shown} does not exist; check the spelling or add the file",
            )
        )
    else:
        image = check_original(image_dir / piece.image, shown, cache_dir=cache_dir)
        if image:
            problems.append((("image",), image))
    return problems


def is_published(piece: Piece, today: dt.date) -> bool:
    """Shown only with consent recorded and before its take-down date.

    >>> from macros.model.gallery import Consent
    >>> consent = Consent(recorded_by="Participation officer", recorded_on=dt.date(2026, 1, 5))
    >>> piece = Piece(id="keys", kind="poem", title="Keys", text="x", credit="Sam, 15",
    ...               consent=consent, take_down_on=dt.date(2026, 6, 1))
    >>> is_published(piece, dt.date(2026, 5, 31)), is_published(piece, dt.date(2026, 6, 1))
    (True, False)
    """
    if piece.consent is None:
        return False
    return piece.take_down_on is None or today < piece.take_down_on


def withheld_problems(gallery: GalleryFile | None, source: LoadedFile | None) -> list[DataProblem]:
    """One problem per piece left out for want of consent, for ``check`` to print.

    The build leaves these pieces out and does not fail; ``check`` says which and why.
    """
    if gallery is None or source is None:
        return []
    problems = []
    for index, piece in enumerate(gallery.pieces):
        if piece.consent is None:
            path: FieldPath = ("pieces", index, "consent")
            problems.append(
                DataProblem(
                    source.path,
                    source.line_of(path),
                    dotted(path),
                    f"'{piece.id}' is not published: no consent is recorded; when the young "
                    "person has agreed, add consent with recorded_by (your role) and recorded_on",
                )
            )
    return problems


# --- Publishing --------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedPiece:
    piece: Piece
    image: PublishedImage | None


@dataclass(frozen=True)
class Gallery:
    """The pieces to show, with their pictures published into ``cache_dir``."""

    pieces: tuple[PublishedPiece, ...]
    known_ids: frozenset[str]
    principle_names: dict[str, str]
    cache_dir: Path

    @property
    def image_names(self) -> list[str]:
        return sorted({name for item in self.pieces if item.image for name in item.image.names})


def publish_gallery(
    gallery: GalleryFile | None,
    source: LoadedFile | None,
    project_root: Path,
    today: dt.date,
    principle_names: dict[str, str] | None = None,
    cache_dir: Path | None = None,
    widths: Sequence[int] = WIDTHS,
) -> Gallery:
    """Publish the pictures of every published piece; raise DataError naming the piece.

    Pieces without consent, or past their take-down date, are left out: their
    pictures are never processed.
    """
    cache = cache_dir if cache_dir is not None else project_root / CACHE_DIR
    pieces = gallery.pieces if gallery is not None else []
    published: list[PublishedPiece] = []
    problems: list[DataProblem] = []
    for index, piece in enumerate(pieces):
        if not is_published(piece, today):
            continue
        image = None
        if piece.image is not None:
            try:
                image = publish_image(project_root / IMAGE_DIR / piece.image, cache, widths)
            except ImageProblem as error:
                path: FieldPath = ("pieces", index, "image")
                shown = source.path if source else GALLERY_FILE
                line = source.line_of(path) if source else 0
                problems.append(DataProblem(shown, line, dotted(path), str(error)))
                continue
        published.append(PublishedPiece(piece, image))
    if problems:
        raise DataError(problems)
    return Gallery(
        tuple(published),
        frozenset(piece.id for piece in pieces),
        dict(principle_names or {}),
        cache,
    )


def copy_images(gallery: Gallery, site_dir: Path) -> list[Path]:
    """Copy the published pictures (only those) from the cache into the built site."""
    target_dir = site_dir / SITE_IMAGE_URL
    written = []
    for name in gallery.image_names:
        target = target_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(gallery.cache_dir / name, target)
        written.append(target)
    return written


# --- Views for the templates -------------------------------------------------------------


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
class ImageView:
    src: str
    width: int
    height: int
    webp_srcset: str
    fallback_srcset: str
    fallback_type: str
    large_url: str
    large_width: int
    large_height: int


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
    principle_id: str | None
    principle_name: str | None
    image: ImageView | None
    alt: str | None


KIND_LABELS = {"poem": "Poem", "story": "Story", "artwork": "Artwork"}


def piece_views(gallery: Gallery, url: Callable[[str], str]) -> list[PieceView]:
    """Every published piece, in file order; ``url`` makes a site URL page-relative."""
    return [_view(item, gallery, url) for item in gallery.pieces]


def piece_view(gallery: Gallery, piece_id: str, url: Callable[[str], str]) -> PieceView | None:
    """One piece, or None when it is in the data but not published (no consent, taken down)."""
    if piece_id not in gallery.known_ids:
        known = ", ".join(sorted(gallery.known_ids)) or "none"
        raise KeyError(f"no piece '{piece_id}' in {GALLERY_FILE}; known: {known}")
    for item in gallery.pieces:
        if item.piece.id == piece_id:
            return _view(item, gallery, url)
    return None


def _view(item: PublishedPiece, gallery: Gallery, url: Callable[[str], str]) -> PieceView:
    piece = item.piece
    text_html = None
    if piece.text and piece.text.strip():
        text_html = (
            poem_html(piece.text) if piece.kind is PieceKind.poem else prose_html(piece.text)
        )
    return PieceView(
        id=piece.id,
        kind=piece.kind.value,
        kind_label=KIND_LABELS[piece.kind.value],
        title=piece.title,
        text_html=text_html,
        credit=piece.credit,
        sample=piece.sample,
        themes=tuple(piece.themes),
        principle_id=piece.principle,
        principle_name=gallery.principle_names.get(piece.principle) if piece.principle else None,
        image=_image_view(item.image, url) if item.image else None,
        alt=piece.alt,
    )


def _image_view(image: PublishedImage, url: Callable[[str], str]) -> ImageView:
    def link(name: str) -> str:
        return url(SITE_IMAGE_URL + name)

    default, largest = image.default, image.largest
    return ImageView(
        src=link(default.name),
        width=default.width,
        height=default.height,
        webp_srcset=", ".join(f"{link(copy.name)} {copy.width}w" for copy in image.webp),
        fallback_srcset=", ".join(f"{link(copy.name)} {copy.width}w" for copy in image.fallback),
        fallback_type=default.media_type,
        large_url=link(largest.name),
        large_width=largest.width,
        large_height=largest.height,
    )
