"""macros.derive.gallery: which pieces are shown, and their finished values.

Ported from the view parts of tests/test_gallery.py; the rules that protect young
people (credits, alt text, consent dates, pictures) are tested with the validation rules,
the markup in tests/render/test_macros.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from macros.derive.gallery import gallery_view, is_published, poem_html, prose_html
from macros.derive.pictures import SITE_FOLDER
from macros.derive.site import SiteViews
from macros.derive.urls import Places
from macros.validate.model import GalleryFile, Piece
from macros.validate.rules.pictures import PictureFacts
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")
CONSENT = {"recorded_by": "Participation officer", "recorded_on": dt.date(2026, 5, 14)}
NIGHT_BUS = PictureFacts("a" * 64, 900, 675, False)


def poem(piece_id: str = "keys", **changes: Any) -> Piece:
    fields: dict[str, Any] = {
        "id": piece_id,
        "kind": "poem",
        "title": "Keys",
        "text": "I got my own keys today.\nThree of them.\n\nThey're still there.\n",
        "credit": "J.K., 16",
        "consent": CONSENT,
        "sample": True,
    }
    fields.update(changes)
    return Piece.model_validate(fields)


def artwork(piece_id: str = "night-bus", **changes: Any) -> Piece:
    fields: dict[str, Any] = {
        "id": piece_id,
        "kind": "artwork",
        "title": "Night bus",
        "image": "night-bus.png",
        "alt": "A yellow bus driving along a dark road at night.",
        "credit": "Rio, 19",
        "consent": CONSENT,
    }
    fields.update(changes)
    return Piece.model_validate(fields)


def view_of(*pieces: Piece, places: Places | None = None, today: dt.date = BUILD_DATE) -> Any:
    return gallery_view(
        GalleryFile(pieces=list(pieces)),
        {"night-bus.png": NIGHT_BUS},
        {},
        places or Places(),
        EN,
        today,
    )


# --- Consent and take-down -------------------------------------------------------------


@pytest.mark.parametrize(
    ("take_down_on", "shown"),
    [
        (None, True),
        (dt.date(2026, 11, 24), True),  # the day after the build: still shown
        (dt.date(2026, 11, 23), False),  # from the take-down date on: not shown
        (dt.date(2025, 1, 1), False),
    ],
)
def test_take_down_date(take_down_on: dt.date | None, shown: bool) -> None:
    piece = poem(take_down_on=take_down_on)
    assert is_published(piece, BUILD_DATE) is shown
    assert bool(view_of(piece).pieces) is shown


def test_a_piece_without_consent_is_never_published() -> None:
    piece = poem("no-consent", consent=None)
    assert not is_published(piece, BUILD_DATE)
    assert not is_published(piece, dt.date(2000, 1, 1))
    gallery = view_of(poem(), piece)
    assert [item.id for item in gallery.pieces] == ["keys"]
    assert gallery.piece("no-consent") is None
    assert "no-consent" in gallery.known_ids  # a page may still name it


def test_the_fixture_gallery_leaves_out_the_withheld_and_taken_down(views: SiteViews) -> None:
    gallery = views.gallery
    assert [piece.id for piece in gallery.pieces] == [
        "house-and-sun",
        "green-circle",
        "keys",
        "first-flat",
    ]
    assert gallery.known_ids == {
        "house-and-sun",
        "green-circle",
        "keys",
        "first-flat",
        "not-yet-agreed",
        "taken-down",
    }
    assert gallery.piece("not-yet-agreed") is None
    assert gallery.piece("taken-down") is None
    assert gallery.piece("nope") is None
    keys = gallery.piece("keys")
    assert keys is not None and keys.title == "Keys"


def test_only_published_pieces_pictures_are_published() -> None:
    gallery = view_of(
        artwork("no-consent", consent=None),
        artwork("taken-down", take_down_on=dt.date(2026, 1, 1)),
    )
    assert gallery.pieces == ()
    assert gallery.images == ()


def test_the_fixture_gallerys_pictures(views: SiteViews, data: SiteData) -> None:
    images = views.gallery.images
    assert len(images) == 2
    assert {image.sha256 for image in images} == {facts.sha256 for facts in data.pictures.values()}


# --- Finished values ---------------------------------------------------------------------


def test_piece_values(views: SiteViews) -> None:
    art = views.gallery.piece("house-and-sun")
    assert art is not None
    assert (art.kind, art.kind_label, art.title) == ("artwork", "Artwork", "House and sun")
    assert art.credit == "Sam, 15"
    assert art.sample is True
    assert art.themes == ("home",)
    assert art.alt == "A blue house under a yellow sun on an orange background."
    assert art.text_html is None
    assert art.image is not None and all(
        copy.url.startswith(SITE_FOLDER) for copy in art.image.copies
    )
    story = views.gallery.piece("first-flat")
    assert story is not None
    assert (story.kind_label, story.image, story.alt) == ("Story", None, None)
    keys = views.gallery.piece("keys")
    assert keys is not None and keys.kind_label == "Poem"


def test_principle_links_follow_places(views: SiteViews, data: SiteData) -> None:
    art = views.gallery.piece("house-and-sun")
    assert art is not None
    assert (art.principle_name, art.principle_url) == (
        "Safe and stable",
        "strategy/principles/#safe-and-stable",
    )
    principles = {principle.id: principle for principle in data.principles.principles}

    def moved(places: Places) -> Any:
        gallery = gallery_view(data.gallery, data.pictures, principles, places, EN, BUILD_DATE)
        return gallery.piece("house-and-sun")

    assert moved(Places(principles="why/")).principle_url == "why/#safe-and-stable"
    unlinked = moved(Places())
    assert (unlinked.principle_name, unlinked.principle_url) == ("Safe and stable", None)
    green = views.gallery.piece("green-circle")
    assert green is not None and (green.principle_name, green.principle_url) == (None, None)


def test_a_900_pixel_picture_is_published_at_320_640_and_900() -> None:
    piece = view_of(artwork()).pieces[0]
    assert piece.image is not None
    assert [copy.width for copy in piece.image.webp] == [320, 640, 900]
    assert [copy.width for copy in piece.image.fallback] == [320, 640, 900]
    assert (piece.image.default.width, piece.image.default.height) == (640, 480)
    assert (piece.image.largest.width, piece.image.largest.height) == (900, 675)


def test_a_piece_whose_picture_could_not_be_used_has_none() -> None:
    piece = view_of(artwork(image="missing.png")).pieces[0]
    assert piece.image is None


# --- Poems and stories as escaped text --------------------------------------------------


def test_poem_keeps_its_lines_and_stanzas_and_escapes_markup() -> None:
    hostile = "<script>alert(1)</script>"
    html = str(poem_html(f"Line one {hostile}\nline two\n\n  second stanza\n"))
    assert html == (
        "<p>Line one &lt;script&gt;alert(1)&lt;/script&gt;<br>\nline two</p>\n<p>second stanza</p>"
    )


def test_story_runs_lines_on_in_paragraphs_and_escapes_markup() -> None:
    html = str(prose_html("I had a list\nand twenty pounds.\n\nThe end & <b>more</b>."))
    assert html == (
        "<p>I had a list and twenty pounds.</p>\n<p>The end &amp; &lt;b&gt;more&lt;/b&gt;.</p>"
    )


def test_blank_lines_with_spaces_still_part_stanzas() -> None:
    assert str(poem_html("one\n   \ntwo")) == "<p>one</p>\n<p>two</p>"
    assert str(prose_html("\n\none\n\n\n\ntwo\n\n")) == "<p>one</p>\n<p>two</p>"


def test_the_fixture_poem_is_escaped(views: SiteViews) -> None:
    keys = views.gallery.piece("keys")
    assert keys is not None and keys.text_html is not None
    html = str(keys.text_html)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<p>") == 2 and html.count("<br>") == 1
    story = views.gallery.piece("first-flat")
    assert story is not None and story.text_html is not None
    assert str(story.text_html) == (
        "<p>It was late when I got there. The lights were on.</p>\n"
        "<p>Somebody had left milk in the fridge.</p>"
    )


def test_a_piece_with_only_blank_text_has_no_text() -> None:
    piece = view_of(poem(text="  \n ")).pieces[0]
    assert piece.text_html is None
