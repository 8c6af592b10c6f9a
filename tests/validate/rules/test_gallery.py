"""macros.validate.rules.gallery: the rules that protect the young people in the gallery.

Anonymised credits, alt text that describes, what each kind needs, consent that was
already given, and pictures that exist and can be published; every problem on its line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.load.yaml_file import FieldPath
from macros.pipeline import check_project
from macros.validate.model import Piece
from macros.validate.rules.gallery import (
    alt_problem,
    credit_problem,
    piece_problems,
    withheld,
)
from tests.conftest import BUILD_DATE, FIXTURE_SITE

CONSENT = {"recorded_by": "Participation officer", "recorded_on": "2026-05-14"}
DESCRIBE = "describe what the picture shows, for people who cannot see it"


def artwork(piece_id: str = "house-and-sun", **changes: Any) -> dict[str, Any]:
    piece = {
        "id": piece_id,
        "kind": "artwork",
        "title": "House and sun",
        "image": "house-and-sun.png",
        "alt": "A blue house under a yellow sun on an orange background.",
        "credit": "Rio, 19",
        "consent": dict(CONSENT),
    }
    piece.update(changes)
    return {key: value for key, value in piece.items() if value is not None}


def poem(piece_id: str = "keys", **changes: Any) -> dict[str, Any]:
    piece = {
        "id": piece_id,
        "kind": "poem",
        "title": "Keys",
        "text": "I got my own keys today.\nThree of them.\n\nThey're still there.\n",
        "credit": "J.K., 16",
        "consent": dict(CONSENT),
        "sample": True,
    }
    piece.update(changes)
    return {key: value for key, value in piece.items() if value is not None}


def problems_of(piece: dict[str, Any], root: Path = FIXTURE_SITE) -> list[tuple[FieldPath, str]]:
    found, _ = piece_problems(Piece.model_validate(piece), root, BUILD_DATE, None)
    return found


class _Dumper(yaml.SafeDumper):
    """Writes text with line breaks as a ``|`` block, the way editors write poems."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def write_gallery(site: Path, *pieces: dict[str, Any]) -> None:
    """Line 1 is the schema comment, line 2 ``pieces:``, line 3 the first piece's id."""
    text = "# yaml-language-server: $schema=schemas/gallery.schema.json\n" + yaml.dump(
        {"pieces": list(pieces)}, Dumper=_Dumper, sort_keys=False, allow_unicode=True
    )
    (site / "data" / "gallery.yml").write_text(text, encoding="utf-8")


def reported(site: Path) -> list[str]:
    """What ``check`` reports about the data (pages naming old pieces are not our business)."""
    report = check_project(site, site / "docs", BUILD_DATE)
    return [str(problem) for problem in report.problems if problem.file.startswith("data/")]


# --- Credits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "credit",
    [
        "Sam, 15",
        "J.T., 17",
        "J. T., 17",
        "JT, 17",
        "T., 18",
        "Zoë, aged 16",
        "Mary-Jane, 14",
        "O\N{RIGHT SINGLE QUOTATION MARK}Neil, 13",
        "Sam,  age 4",
        "Sam, 25",
        "a young person in care",
        "A young person in care",
        "  a   young person in care ",
    ],
)
def test_anonymised_credits_are_accepted(credit: str) -> None:
    assert credit_problem(credit) is None


@pytest.mark.parametrize("credit", ["Sam Taylor, 15", "Sam Taylor", "Jamie Lee Smith (16)"])
def test_full_names_are_refused_without_repeating_them(credit: str) -> None:
    problem = credit_problem(credit)
    assert problem is not None and problem.startswith("looks like a full name")
    assert "Taylor" not in problem and "Smith" not in problem and "Jamie" not in problem


@pytest.mark.parametrize(
    ("credit", "start"),
    [
        ("Sam", "must be a first name or initials and an age"),
        ("15", "must be a first name or initials and an age"),
        ("Sam, 40", "the age must be from 4 to 25"),
        ("Sam, 2", "the age must be from 4 to 25"),
        ("Sam, 26", "the age must be from 4 to 25"),
    ],
)
def test_credits_need_a_name_or_initials_and_an_age(credit: str, start: str) -> None:
    problem = credit_problem(credit)
    assert problem is not None and problem.startswith(start)


def test_full_name_credit_is_reported_on_its_line(fixture_copy: Path) -> None:
    write_gallery(fixture_copy, poem(credit="Jordan Smith, 16"))
    assert reported(fixture_copy) == [
        "data/gallery.yml:11: pieces[1].credit: looks like a full name; use a first name or "
        "initials and an age, such as 'Sam, 15' or 'J.T., 17', or 'a young person in care'"
    ]


# --- Alt text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alt", "start"),
    [
        (None, "is required for a picture"),
        ("", "is empty"),
        ("   ", "is empty"),
        ("night-bus.png", "is the file name"),
        ("Night-Bus", "is the file name"),
        ("IMG_2041.JPG", "is the file name"),
        ("image", "only says 'image'"),
        ("A picture.", "only says 'A picture.'"),
        ("photo", "only says 'photo'"),
        ("Drawing of artwork", "only says"),
        ("The", "only says 'The'"),
    ],
)
def test_alt_text_must_describe_the_picture(alt: str | None, start: str) -> None:
    problem = alt_problem(alt, "night-bus.png")
    assert problem is not None and problem.startswith(start)
    assert problem.endswith(DESCRIBE)


def test_alt_text_that_describes_is_accepted() -> None:
    assert alt_problem("A photo of a yellow bus at night", "night-bus.png") is None


def test_alt_text_problem_is_reported_on_its_line(fixture_copy: Path) -> None:
    write_gallery(fixture_copy, artwork(alt="picture"))
    assert reported(fixture_copy) == [
        f"data/gallery.yml:7: pieces[1].alt: only says 'picture'; {DESCRIBE}"
    ]


# --- What each kind needs ------------------------------------------------------------------


def test_each_kind_has_what_it_needs_unit() -> None:
    assert problems_of(artwork(image=None, alt=None)) == [
        (("image",), "is required for artwork: add the file name of the picture")
    ]
    assert problems_of(poem(text=None)) == [(("text",), "is required for a poem: add its words")]
    assert problems_of(poem(kind="story", text="  \n")) == [
        (("text",), "is required for a story: add its words")
    ]
    assert problems_of(poem(image="house-and-sun.png", alt="A house.")) == [
        (("image",), "only artwork has a picture; make the picture its own artwork piece"),
        (("alt",), "is only for artwork with a picture; remove it"),
    ]
    assert problems_of(poem()) == []
    assert problems_of(artwork()) == []


def test_each_kind_has_what_it_needs(fixture_copy: Path) -> None:
    write_gallery(
        fixture_copy,
        artwork("no-picture", image=None, alt=None),
        poem("no-words", text=None),
        poem("poem-with-picture", image="house-and-sun.png", alt="A bus."),
    )
    assert reported(fixture_copy) == [
        "data/gallery.yml:3: pieces[1].image: is required for artwork: add the file name of "
        "the picture",
        "data/gallery.yml:10: pieces[2].text: is required for a poem: add its words",
        "data/gallery.yml:31: pieces[3].image: only artwork has a picture; make the picture its "
        "own artwork piece",
        "data/gallery.yml:32: pieces[3].alt: is only for artwork with a picture; remove it",
    ]


# --- Consent and take-down -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded_on", "problem"), [("2026-11-23", False), ("2026-11-24", True), ("2027-01-01", True)]
)
def test_consent_in_the_future_is_a_problem(recorded_on: str, problem: bool) -> None:
    piece = poem(consent={"recorded_by": "PA", "recorded_on": recorded_on})
    expected = [
        (
            ("consent", "recorded_on"),
            "is after today (2026-11-23); consent must already have been given",
        )
    ]
    assert problems_of(piece) == (expected if problem else [])


def test_consent_given_in_the_future_is_reported_on_its_line(fixture_copy: Path) -> None:
    write_gallery(fixture_copy, poem(consent={"recorded_by": "PA", "recorded_on": "2027-01-01"}))
    assert reported(fixture_copy) == [
        "data/gallery.yml:14: pieces[1].consent.recorded_on: is after today (2026-11-23); "
        "consent must already have been given"
    ]


def test_no_consent_is_not_a_problem_but_the_piece_is_withheld() -> None:
    piece = poem(consent=None)
    assert problems_of(piece) == []
    assert withheld(Piece.model_validate(piece))
    assert not withheld(Piece.model_validate(poem()))


@pytest.mark.parametrize("take_down_on", [None, "2026-11-24", "2026-11-23", "2025-01-01"])
def test_a_take_down_date_is_never_a_problem(fixture_copy: Path, take_down_on: str | None) -> None:
    assert problems_of(poem(take_down_on=take_down_on)) == []
    write_gallery(fixture_copy, poem(take_down_on=take_down_on))
    assert reported(fixture_copy) == []


# --- The picture ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../site.yml", "sub/house-and-sun.png", "notes.txt", ".hidden.png", "a b.png"]
)
def test_image_must_be_a_plain_picture_file_name(name: str, fixture_copy: Path) -> None:
    ((where, message),) = problems_of(artwork(image=name))
    assert where == ("image",)
    assert message == (
        "must be the name of a file in data/gallery/ ending .jpg, .png or .webp, such as "
        f"hills-at-sunrise.jpg, with no folder; got {name!r}"
    )
    write_gallery(fixture_copy, artwork(image=name))
    assert any(
        line.startswith("data/gallery.yml:6: pieces[1].image: must be the name of a file")
        for line in reported(fixture_copy)
    )


def test_a_publishable_picture_comes_with_its_facts(tmp_path: Path) -> None:
    found, facts = piece_problems(
        Piece.model_validate(artwork(image="green-circle.png", alt="A green circle.")),
        FIXTURE_SITE,
        BUILD_DATE,
        tmp_path / "cache",
    )
    assert found == []
    assert facts is not None and facts.alpha
    _, no_facts = piece_problems(Piece.model_validate(poem()), FIXTURE_SITE, BUILD_DATE, None)
    assert no_facts is None


def test_missing_image_is_one_located_line(fixture_copy: Path) -> None:
    assert problems_of(artwork(image="lost.png")) == [
        (
            ("image",),
            "image file data/gallery/lost.png does not exist; check the spelling or add the file",
        )
    ]
    write_gallery(fixture_copy, poem(), artwork(image="lost.png"))
    assert reported(fixture_copy) == [
        "data/gallery.yml:19: pieces[2].image: image file data/gallery/lost.png does not exist; "
        "check the spelling or add the file"
    ]


def test_too_large_image_is_one_located_line(fixture_copy: Path) -> None:
    from PIL import Image

    Image.new("1", (7000, 6000)).save(fixture_copy / "data" / "gallery" / "huge.png")
    write_gallery(fixture_copy, artwork(image="huge.png"))
    assert reported(fixture_copy) == [
        "data/gallery.yml:6: pieces[1].image: data/gallery/huge.png is too large to process "
        "(7000 by 6000 pixels): the gallery takes at most 40 megapixels; save a smaller copy "
        "(at most 4000 pixels wide) and use that"
    ]


def test_every_problem_of_a_piece_is_reported_at_once() -> None:
    piece = artwork(credit="Sam Taylor, 15", alt="image", image="lost.png")
    piece["consent"] = {"recorded_by": "PA", "recorded_on": "2030-01-01"}
    assert [where for where, _ in problems_of(piece)] == [
        ("credit",),
        ("consent", "recorded_on"),
        ("alt",),
        ("image",),
    ]


def test_today_decides_what_is_in_the_future() -> None:
    piece = Piece.model_validate(poem(consent={"recorded_by": "PA", "recorded_on": "2027-01-01"}))
    assert piece_problems(piece, FIXTURE_SITE, dt.date(2027, 1, 1), None)[0] == []


def test_a_picture_that_is_a_link_to_a_file_elsewhere_is_refused(
    fixture_copy: Path, tmp_path: Path
) -> None:
    """A symlink in data/gallery/ could publish any file the build can read."""
    outside = tmp_path / "outside.png"
    outside.write_bytes((fixture_copy / "data" / "gallery" / "house-and-sun.png").read_bytes())
    link = fixture_copy / "data" / "gallery" / "linked.png"
    link.symlink_to(outside)
    write_gallery(fixture_copy, artwork(image="linked.png"))
    assert reported(fixture_copy) == [
        "data/gallery.yml:6: pieces[1].image: data/gallery/linked.png is a link to a file "
        "somewhere else; copy the picture itself into data/gallery/"
    ]
