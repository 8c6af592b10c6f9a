"""Rules that protect the young people whose art, poems and stories are shown.

- ``credit_problem``: a credit must not identify anyone (a first name or initials and an
  age, or "a young person in care").
- ``alt_problem``: alt text must describe the picture.
- ``piece_problems``: every rule for one piece, pictures included (``rules/pictures.py``).
- ``withheld_notices``: pieces left out for want of consent. They never stop a build;
  ``check`` and the build both name them as notes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from macros.load.yaml_file import FieldPath
from macros.validate.model import Piece
from macros.validate.model.gallery import PieceKind
from macros.validate.rules.pictures import PictureFacts, inspect_picture

IMAGE_FOLDER = "data/gallery"
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
WITHHELD = (
    "'{id}' is not published: no consent is recorded; when the young person has agreed, "
    "add consent with recorded_by (your role) and recorded_on"
)


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
    piece: Piece, project_root: Path, today: dt.date, cache_dir: Path | None
) -> tuple[list[tuple[FieldPath, str]], PictureFacts | None]:
    """Every problem with one piece, as (field path inside the piece, message), and the
    facts of its picture when it has one that can be published.

    Consent is not a problem here: a piece without it is simply not published
    (see ``withheld_notices``).
    """
    problems: list[tuple[FieldPath, str]] = []
    facts: PictureFacts | None = None
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
        image_problems, facts = _image_problems(piece, project_root, cache_dir)
        problems += image_problems
    else:
        if not (piece.text or "").strip():
            problems.append((("text",), f"is required for a {piece.kind.value}: add its words"))
        if piece.image is not None:
            problems.append(
                (("image",), "only artwork has a picture; make the picture its own artwork piece")
            )
        if piece.alt is not None:
            problems.append((("alt",), "is only for artwork with a picture; remove it"))
    return problems, facts


def _image_problems(
    piece: Piece, project_root: Path, cache_dir: Path | None
) -> tuple[list[tuple[FieldPath, str]], PictureFacts | None]:
    if piece.image is None:
        return [(("image",), "is required for artwork: add the file name of the picture")], None
    problems: list[tuple[FieldPath, str]] = []
    alt = alt_problem(piece.alt, piece.image)
    if alt:
        problems.append((("alt",), alt))
    shown = f"{IMAGE_FOLDER}/{piece.image}"
    original = project_root / IMAGE_FOLDER / piece.image
    if not IMAGE_NAME.fullmatch(piece.image):
        problems.append(
            (
                ("image",),
                "must be the name of a file in data/gallery/ ending .jpg, .png or .webp, "
                f"such as hills-at-sunrise.jpg, with no folder; got {piece.image!r}",
            )
        )
        return problems, None
    if original.is_symlink() or not original.resolve().is_relative_to(
        (project_root / IMAGE_FOLDER).resolve()
    ):
        problems.append(
            (
                ("image",),
                f"{shown} is a link to a file somewhere else; copy the picture itself into "
                f"{IMAGE_FOLDER}/",
            )
        )
        return problems, None
    if not original.is_file():
        problems.append(
            (("image",), f"image file {shown} does not exist; check the spelling or add the file")
        )
        return problems, None
    result = inspect_picture(original, shown, cache_dir)
    if isinstance(result, str):
        problems.append((("image",), result))
        return problems, None
    return problems, result


def withheld(piece: Piece) -> bool:
    """A piece without recorded consent is never published.

    >>> withheld(Piece(id="keys", kind="poem", title="Keys", text="x", credit="Sam, 15"))
    True
    """
    return piece.consent is None
