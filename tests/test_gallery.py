"""The gallery: consent, take-down, anonymised credits, alt text, safe pictures, the HTML."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros.derive.gallery import (
    GRID_SIZES,
    PAGE_SIZES,
    SITE_IMAGE_URL,
    Gallery,
    alt_problem,
    copy_images,
    credit_problem,
    piece_view,
    piece_views,
    publish_gallery,
)
from macros.derive.urls import relative_url
from macros.render.engine import render
from macros.tools.cli import problems_in
from macros.problems import DataError
from macros.validate.site_data import SiteData, load_site_data
from tests.conftest import FROZEN_EPOCH, ROOT
from tests.test_images import assert_no_metadata, make_jpeg

TODAY = dt.date(2026, 11, 23)  # FROZEN_EPOCH
CONSENT = {"recorded_by": "Participation officer", "recorded_on": "2026-05-14"}


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)


def artwork(piece_id: str = "night-bus", **changes: Any) -> dict[str, Any]:
    piece = {
        "id": piece_id,
        "kind": "artwork",
        "title": "Night bus",
        "image": "night-bus.png",
        "alt": "A yellow bus driving along a dark road at night.",
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


class _Dumper(yaml.SafeDumper):
    """Writes text with line breaks as a ``|`` block, the way editors write poems."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def write_gallery(project: Path, *pieces: dict[str, Any]) -> None:
    """Line 1 is the schema comment, line 2 ``pieces:``, line 3 the first piece's id."""
    text = "# yaml-language-server: $schema=schemas/gallery.schema.json\n" + yaml.dump(
        {"pieces": list(pieces)}, Dumper=_Dumper, sort_keys=False, allow_unicode=True
    )
    (project / "data" / "gallery.yml").write_text(text, encoding="utf-8")


def reported(project: Path) -> list[str]:
    """What check reports about the data (the pages are other tests' business)."""
    return [str(problem) for problem in problems_in(project) if problem.file.startswith("data/")]


def publish(data: SiteData, project: Path, today: dt.date = TODAY) -> Gallery:
    names = {p.id: p.short_name for p in data.principles.principles}
    return publish_gallery(
        data.gallery, data.sources.get("data/gallery.yml"), project, today, names
    )


def page_url(path: str) -> str:
    return relative_url("gallery/", path)


def gallery_soup(gallery: Gallery) -> BeautifulSoup:
    html = render(
        "gallery.html",
        pieces=piece_views(gallery, page_url),
        sizes=GRID_SIZES,
        heading=2,
        href=page_url,
    )
    return BeautifulSoup(str(html), "html.parser")


# --- The example data --------------------------------------------------------------------


def test_example_gallery_is_valid_and_every_piece_is_published_as_a_sample(
    tmp_path: Path,
) -> None:
    data = load_site_data(ROOT)
    assert data.gallery is not None
    pieces = data.gallery.pieces
    kinds = {piece.kind.value for piece in pieces}
    assert kinds == {"poem", "story", "artwork"}
    assert 3 <= sum(piece.kind.value == "artwork" for piece in pieces) <= 4
    assert all(piece.sample and piece.consent for piece in pieces)
    gallery = publish_gallery(
        data.gallery, data.sources["data/gallery.yml"], ROOT, TODAY, cache_dir=tmp_path / "c"
    )
    assert [item.piece.id for item in gallery.pieces] == [piece.id for piece in pieces]
    soup = gallery_soup(gallery)
    for article in soup.select("article.clo-piece"):
        assert "Sample" in article.select_one(".clo-piece__sample").get_text()


def test_originals_are_never_changed_by_publishing(tmp_path: Path) -> None:
    originals = sorted((ROOT / "data" / "gallery").iterdir())
    before = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in originals}
    data = load_site_data(ROOT)
    gallery = publish_gallery(
        data.gallery, data.sources["data/gallery.yml"], ROOT, TODAY, cache_dir=tmp_path / "c"
    )
    copy_images(gallery, tmp_path / "site")
    after = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in originals}
    assert after == before


# --- The HTML ----------------------------------------------------------------------------


def test_gallery_html(project_copy: Path, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    write_gallery(
        project_copy,
        artwork(themes=["travel"], principle="preparation-for-adulthood", sample=True),
        poem(text=f"Line one {hostile}\nline two\n\n  second stanza\n"),
        {
            "id": "big-shop",
            "kind": "story",
            "title": "My first big shop",
            "text": "I had a list\nand twenty pounds.\n\nThe end.",
            "credit": "a young person in care",
            "consent": dict(CONSENT),
        },
    )
    data = load_site_data(project_copy)
    soup = gallery_soup(publish(data, project_copy))
    grid = soup.select_one("div.clo-gallery")
    assert grid is not None
    articles = grid.select("article.clo-piece")
    assert [article["id"] for article in articles] == ["night-bus", "keys", "big-shop"]

    art = articles[0]
    assert art.select_one("h2").get_text() == "Night bus"
    assert art.select_one(".clo-piece__sample") is not None
    source = art.select_one("picture > source")
    img = art.select_one("picture > img")
    assert isinstance(source, Tag) and isinstance(img, Tag)
    assert source["type"] == "image/webp"
    assert img["alt"] == "A yellow bus driving along a dark road at night."
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert (img["width"], img["height"]) == ("640", "480")
    assert img["sizes"] == source["sizes"] == GRID_SIZES
    webp = [item.split() for item in str(source["srcset"]).split(", ")]
    fallback = [item.split() for item in str(img["srcset"]).split(", ")]
    # night-bus.png is 900 wide: published at 320, 640 and 900, never 1024.
    assert (
        [width for _, width in webp] == [width for _, width in fallback] == ["320w", "640w", "900w"]
    )
    assert all(url.startswith("../" + SITE_IMAGE_URL) for url, _ in webp + fallback)
    caption = art.select_one("figcaption")
    assert "By Rio, 19" in caption.get_text()
    link = caption.select_one("a.clo-piece__open")
    assert link["href"] == fallback[-1][0]
    assert "900 \N{MULTIPLICATION SIGN} 675" in link.get_text()
    promise = art.find("a", string="Preparation for adulthood")
    assert promise["href"] == "../strategy/where-we-want-to-be/#preparation-for-adulthood"

    text = articles[1].select_one(".clo-piece__text--poem")
    stanzas = text.find_all("p", recursive=False)
    assert len(stanzas) == 2
    assert len(stanzas[0].find_all("br")) == 1
    assert stanzas[0].get_text() == f"Line one {hostile}\nline two"
    assert stanzas[1].get_text() == "second stanza"
    assert soup.find("script") is None
    assert articles[1].select_one(".clo-piece__sample") is not None
    assert articles[1].select_one(".clo-piece__credit").get_text() == "By J.K., 16"

    story = articles[2].select_one(".clo-piece__text--story")
    assert [p.get_text() for p in story.find_all("p")] == [
        "I had a list and twenty pounds.",
        "The end.",
    ]
    assert articles[2].select_one(".clo-piece__sample") is None


def test_one_piece_on_another_page(project_copy: Path) -> None:
    write_gallery(project_copy, poem(), poem("withheld", consent=None))
    gallery = publish(load_site_data(project_copy), project_copy)
    view = piece_view(gallery, "keys", page_url)
    assert view is not None
    html = render("gallery-piece.html", piece=view, sizes=PAGE_SIZES, heading=3, href=page_url)
    assert '<article class="clo-piece clo-piece--poem" id="keys"' in str(html)
    assert '<h3 class="clo-piece__title" id="keys-title">Keys</h3>' in str(html)
    assert piece_view(gallery, "withheld", page_url) is None
    with pytest.raises(KeyError, match="no piece 'nope'"):
        piece_view(gallery, "nope", page_url)


# --- Safe pictures -----------------------------------------------------------------------


def test_gps_and_camera_details_never_reach_the_site(project_copy: Path, tmp_path: Path) -> None:
    original = make_jpeg(project_copy / "data" / "gallery" / "holiday.jpg")
    before = original.read_bytes()
    write_gallery(project_copy, artwork("holiday", image="holiday.jpg", alt="A beach at dusk."))
    gallery = publish(load_site_data(project_copy), project_copy)
    written = copy_images(gallery, tmp_path / "site")
    assert len(written) == 6
    assert {path.parent for path in written} == {tmp_path / "site" / SITE_IMAGE_URL}
    for path in written:
        assert_no_metadata(path)
    assert original.read_bytes() == before


def test_only_published_pieces_pictures_are_processed_or_copied(
    project_copy: Path, tmp_path: Path
) -> None:
    write_gallery(
        project_copy,
        artwork("no-consent", consent=None),
        artwork("taken-down", image="shapes-of-home.png", take_down_on="2026-01-01"),
    )
    gallery = publish(load_site_data(project_copy), project_copy)
    assert gallery.pieces == ()
    assert copy_images(gallery, tmp_path / "site") == []
    assert not (project_copy / ".cache" / "gallery").exists()


def test_publishing_again_uses_the_cache(project_copy: Path) -> None:
    write_gallery(project_copy, artwork())
    data = load_site_data(project_copy)
    first = publish(data, project_copy)
    assert first.pieces[0].image is not None and first.pieces[0].image.encoded == 6
    cache = project_copy / ".cache" / "gallery"
    mtimes = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    second = publish(data, project_copy)
    assert second.pieces[0].image is not None and second.pieces[0].image.encoded == 0
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == mtimes


def test_missing_image_is_one_located_line(project_copy: Path) -> None:
    write_gallery(project_copy, poem(), artwork(image="lost.png"))
    assert (
        "data/gallery.yml:19: pieces[2].image: image file data/gallery/lost.png does not exist; "
        "check the spelling or add the file"
    ) in reported(project_copy)


def test_too_large_image_is_one_located_line(project_copy: Path) -> None:
    from PIL import Image

    Image.new("1", (7000, 6000)).save(project_copy / "data" / "gallery" / "huge.png")
    write_gallery(project_copy, artwork(image="huge.png"))
    with pytest.raises(DataError) as caught:
        load_site_data(project_copy)
    assert caught.value.report() == (
        "data/gallery.yml:6: pieces[1].image: data/gallery/huge.png is too large to process "
        "(7000 by 6000 pixels): the gallery takes at most 40 megapixels; save a smaller copy "
        "(at most 4000 pixels wide) and use that"
    )


@pytest.mark.parametrize("name", ["../site.yml", "sub/night-bus.png", "notes.txt", ".hidden.png"])
def test_image_must_be_a_plain_picture_file_name(project_copy: Path, name: str) -> None:
    write_gallery(project_copy, artwork(image=name))
    assert any(
        line.startswith("data/gallery.yml:6: pieces[1].image: must be the name of a file")
        for line in reported(project_copy)
    )


# --- Consent and take-down ---------------------------------------------------------------


def test_piece_without_consent_is_left_out_and_check_says_which_and_why(
    project_copy: Path,
) -> None:
    write_gallery(project_copy, poem(), poem("no-consent", consent=None))
    data = load_site_data(project_copy)  # does not raise: the build still passes
    assert [item.piece.id for item in publish(data, project_copy).pieces] == ["keys"]
    assert reported(project_copy) == [
        "data/gallery.yml:16: pieces[2].consent: 'no-consent' is not published: no consent is "
        "recorded; when the young person has agreed, add consent with recorded_by (your role) "
        "and recorded_on"
    ]


def test_consent_given_in_the_future_is_an_error(project_copy: Path) -> None:
    write_gallery(project_copy, poem(consent={"recorded_by": "PA", "recorded_on": "2027-01-01"}))
    assert reported(project_copy) == [
        "data/gallery.yml:14: pieces[1].consent.recorded_on: is after today (2026-11-23); "
        "consent must already have been given"
    ]


@pytest.mark.parametrize(
    ("take_down_on", "shown"),
    [(None, True), ("2026-11-24", True), ("2026-11-23", False), ("2025-01-01", False)],
)
def test_take_down_date(project_copy: Path, take_down_on: str | None, shown: bool) -> None:
    write_gallery(project_copy, poem(take_down_on=take_down_on))
    gallery = publish(load_site_data(project_copy), project_copy)
    assert bool(gallery.pieces) is shown
    assert reported(project_copy) == []  # a planned take-down is not a problem


# --- Credits and alt text ----------------------------------------------------------------


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
        "a young person in care",
        "A young person in care",
    ],
)
def test_anonymised_credits_are_accepted(credit: str) -> None:
    assert credit_problem(credit) is None


@pytest.mark.parametrize("credit", ["Sam Taylor, 15", "Sam Taylor", "Jamie Lee Smith (16)"])
def test_full_names_are_refused_without_repeating_them(credit: str) -> None:
    problem = credit_problem(credit)
    assert problem is not None and problem.startswith("looks like a full name")
    assert "Taylor" not in problem and "Smith" not in problem


@pytest.mark.parametrize("credit", ["Sam", "15", "Sam, 40", "Sam, 2"])
def test_credits_need_a_name_or_initials_and_an_age(credit: str) -> None:
    assert credit_problem(credit) is not None


def test_full_name_credit_is_reported_on_its_line(project_copy: Path) -> None:
    write_gallery(project_copy, poem(credit="Jordan Smith, 16"))
    assert reported(project_copy) == [
        "data/gallery.yml:11: pieces[1].credit: looks like a full name; use a first name or "
        "initials and an age, such as 'Sam, 15' or 'J.T., 17', or 'a young person in care'"
    ]


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
    ],
)
def test_alt_text_must_describe_the_picture(alt: str | None, start: str) -> None:
    problem = alt_problem(alt, "night-bus.png")
    assert problem is not None and problem.startswith(start)


def test_alt_text_that_describes_is_accepted() -> None:
    assert alt_problem("A photo of a yellow bus at night", "night-bus.png") is None


def test_alt_text_problem_is_reported_on_its_line(project_copy: Path) -> None:
    write_gallery(project_copy, artwork(alt="picture"))
    assert reported(project_copy) == [
        "data/gallery.yml:7: pieces[1].alt: only says 'picture'; describe what the picture "
        "shows, for people who cannot see it"
    ]


def test_each_kind_has_what_it_needs(project_copy: Path) -> None:
    write_gallery(
        project_copy,
        artwork("no-picture", image=None, alt=None),
        poem("no-words", text=None),
        poem("poem-with-picture", image="night-bus.png", alt="A bus."),
    )
    assert reported(project_copy) == [
        "data/gallery.yml:3: pieces[1].image: is required for artwork: add the file name of "
        "the picture",
        "data/gallery.yml:10: pieces[2].text: is required for a poem: add its words",
        "data/gallery.yml:31: pieces[3].image: only artwork has a picture; make the picture its "
        "own artwork piece",
        "data/gallery.yml:32: pieces[3].alt: is only for artwork with a picture; remove it",
    ]
