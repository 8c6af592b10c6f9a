"""The gallery as built: its HTML, one piece on another page, and safe pictures.

The fixture site shows house-and-sun (artwork, 800 by 500), green-circle (artwork with
transparency, 300 by 300), the poem keys and the story first-flat; not-yet-agreed has no
consent and taken-down was taken down before the build date.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.derive.gallery import GRID_SIZES
from macros.derive.pictures import SITE_FOLDER, PlannedImage, plan_copies
from macros.derive.site import SiteViews
from macros.derive.urls import relative_url
from macros.pipeline import build_views
from macros.publish.images import CACHE_FOLDER
from macros.validate.rules.pictures import inspect_picture
from macros.validate.site_data import SiteData
from tests.conftest import BUILD_DATE, copy_fixture_site, run_build, search_index_text, soup_of
from tests.publish.test_images import assert_no_metadata, make_jpeg, make_png

GALLERY_URL = "gallery/"
UNPUBLISHED = ("not-yet-agreed", "taken-down")
ADDED_PIECES = """
  - id: holiday
    kind: artwork
    title: Holiday
    image: holiday.jpg
    alt: An orange beach under a strip of blue sky.
    credit: Rio, 19
    consent:
      recorded_by: Participation officer
      recorded_on: 2026-02-01

  - id: withheld-picture
    kind: artwork
    title: Withheld picture
    image: withheld-picture.png
    alt: A green square with a darker green border.
    credit: Kim, 16

  - id: taken-down-picture
    kind: artwork
    title: Taken down picture
    image: taken-down-picture.png
    alt: A see-through green square with nothing in it.
    credit: Lee, 17
    consent:
      recorded_by: Participation officer
      recorded_on: 2025-01-05
    take_down_on: 2026-01-01
"""


def digests(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
    }


def gallery_soup(site_dir: Path) -> BeautifulSoup:
    return soup_of(site_dir / GALLERY_URL / "index.html")


def planned(views: SiteViews, piece_id: str) -> PlannedImage:
    piece = views.gallery.piece(piece_id)
    assert piece is not None and piece.image is not None
    return piece.image


# --- The HTML, on the shared build of the fixture site ------------------------------------


def test_gallery_shows_the_published_pieces_in_file_order(site_dir: Path) -> None:
    articles = gallery_soup(site_dir).select("div.clo-gallery > article.clo-piece")
    assert [article["id"] for article in articles] == [
        "house-and-sun",
        "green-circle",
        "keys",
        "first-flat",
    ]


def test_artwork_html(site_dir: Path, views: SiteViews) -> None:
    soup = gallery_soup(site_dir)
    art = soup.find("article", id="house-and-sun")
    assert isinstance(art, Tag)
    title = art.select_one("h2")
    assert title is not None and title.get_text() == "House and sun"
    assert art.select_one(".clo-piece__sample") is not None
    source = art.select_one("picture > source")
    img = art.select_one("picture > img")
    assert isinstance(source, Tag) and isinstance(img, Tag)
    assert source["type"] == "image/webp"
    assert img["alt"] == "A blue house under a yellow sun on an orange background."
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    plan = planned(views, "house-and-sun")
    assert (img["width"], img["height"]) == ("640", "400")
    assert (plan.default.width, plan.default.height) == (640, 400)
    assert img["sizes"] == source["sizes"] == GRID_SIZES
    webp = [item.split() for item in str(source["srcset"]).split(", ")]
    fallback = [item.split() for item in str(img["srcset"]).split(", ")]
    # house-and-sun.png is 800 wide: published at 320, 640 and 800, never 1024.
    widths = [width for _, width in webp]
    assert widths == [width for _, width in fallback] == ["320w", "640w", "800w"]
    assert [url for url, _ in webp] == [f"../{copy.url}" for copy in plan.webp]
    assert [url for url, _ in fallback] == [f"../{copy.url}" for copy in plan.fallback]
    assert all(url.startswith("../" + SITE_FOLDER) for url, _ in webp + fallback)
    assert img["src"] == f"../{plan.default.url}"
    caption = art.select_one("figcaption")
    assert caption is not None and "By Sam, 15" in caption.get_text()
    link = caption.select_one("a.clo-piece__open")
    assert link is not None and link["href"] == fallback[-1][0]
    assert views.words("gallery.pixels", width=800, height=500) in link.get_text()
    principle_url = views.places.principle("safe-and-stable")
    assert principle_url is not None
    promise = art.find("a", string="Safe and stable")
    assert isinstance(promise, Tag)
    assert promise["href"] == relative_url(GALLERY_URL, principle_url)
    assert promise["href"] == "../strategy/principles/#safe-and-stable"


def test_a_picture_with_transparency_keeps_it(site_dir: Path, views: SiteViews) -> None:
    art = gallery_soup(site_dir).find("article", id="green-circle")
    assert isinstance(art, Tag)
    img = art.select_one("picture > img")
    assert img is not None and str(img["src"]).endswith(".png")
    assert [copy.width for copy in planned(views, "green-circle").fallback] == [300]
    assert art.select_one("a[href*='strategy/']") is None, "no principle: no promise link"


def test_poem_and_story_html(site_dir: Path) -> None:
    soup = gallery_soup(site_dir)
    poem = soup.find("article", id="keys")
    assert isinstance(poem, Tag)
    text = poem.select_one(".clo-piece__text--poem")
    assert text is not None
    stanzas = text.find_all("p", recursive=False)
    assert len(stanzas) == 2
    assert len(stanzas[0].find_all("br")) == 1
    assert stanzas[0].get_text() == "I got my own keys today.\nThree of them, on a ring."
    assert stanzas[1].get_text() == 'One for the door <script>alert("poem")</script>'
    assert soup.select_one("article script") is None
    credit = poem.select_one(".clo-piece__credit")
    assert credit is not None and credit.get_text() == "By J.T., 17"
    story = soup.find("article", id="first-flat")
    assert isinstance(story, Tag)
    text = story.select_one(".clo-piece__text--story")
    assert text is not None
    assert [p.get_text() for p in text.find_all("p")] == [
        "It was late when I got there. The lights were on.",
        "Somebody had left milk in the fridge.",
    ]


def test_sample_marker_follows_the_data(site_dir: Path, data: SiteData) -> None:
    assert data.gallery is not None
    samples = {piece.id: piece.sample for piece in data.gallery.pieces}
    articles = gallery_soup(site_dir).select("article.clo-piece")
    assert articles
    for article in articles:
        marked = article.select_one(".clo-piece__sample") is not None
        assert marked is samples[str(article["id"])]


def test_one_piece_on_another_page(site_dir: Path) -> None:
    home = soup_of(site_dir / "index.html")
    article = home.select_one("article.clo-piece#keys")
    assert article is not None
    assert "clo-piece--poem" in article["class"]
    heading = article.select_one("h3.clo-piece__title")
    assert heading is not None and heading["id"] == "keys-title"
    assert heading.get_text() == "Keys"
    # A piece without consent named on a page shows nothing there.
    assert home.find(id="not-yet-agreed") is None
    assert "Not yet agreed" not in home.get_text()


def test_withheld_and_taken_down_pieces_are_absent(site_dir: Path) -> None:
    unpublished_words = (
        "Not yet agreed",
        "This piece has no consent recorded",
        "Taken down",
        "This piece was taken down",
        "Kim, 16",
        "Lee, 17",
    )
    for page in site_dir.rglob("*.html"):
        soup = soup_of(page)
        text = soup.get_text(" ")
        for piece_id in UNPUBLISHED:
            assert soup.find(id=piece_id) is None, f"{piece_id} on {page}"
            assert soup.find(id=f"{piece_id}-title") is None
        for words in unpublished_words:
            assert words not in text, f"{words!r} on {page}"
    index = search_index_text(site_dir)
    assert index
    for words in unpublished_words:
        assert words not in index


def test_the_site_holds_exactly_the_published_pictures(site_dir: Path, views: SiteViews) -> None:
    published = {copy.name for plan in views.gallery.images for copy in plan.copies}
    assert len(published) == 8  # house-and-sun 3 widths x 2 formats, green-circle 1 x 2
    assert {path.name for path in (site_dir / SITE_FOLDER).iterdir()} == published
    for path in (site_dir / SITE_FOLDER).iterdir():
        assert_no_metadata(path)


# --- Pictures, on a copy of the fixture site with a photo and unpublished pictures -----------


@dataclass(frozen=True)
class PictureBuild:
    project: Path
    first: Path
    second: Path
    views: SiteViews
    originals_before: dict[str, str]
    originals_after: dict[str, str]
    cache_after_first: dict[str, int]
    cache_after_second: dict[str, int]
    unpublished: tuple[PlannedImage, ...]


def cache_times(folder: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def picture_build(tmp_path_factory: pytest.TempPathFactory) -> PictureBuild:
    """The fixture site with a photo full of metadata and two pictures that are not
    published, built twice."""
    project = copy_fixture_site(tmp_path_factory.mktemp("pictures"))
    originals = project / "data" / "gallery"
    make_jpeg(originals / "holiday.jpg")
    make_png(originals / "withheld-picture.png", (500, 300))
    make_png(originals / "taken-down-picture.png", (400, 200), "RGBA")
    gallery = project / "data" / "gallery.yml"
    gallery.write_text(gallery.read_text("utf-8") + ADDED_PIECES, encoding="utf-8")
    unpublished = []
    for name in ("withheld-picture.png", "taken-down-picture.png"):
        facts = inspect_picture(originals / name, name, None)
        assert not isinstance(facts, str), facts
        unpublished.append(plan_copies(facts))

    before = digests(originals)
    first = run_build(project, project.parent / "site-1")
    assert first.returncode == 0, first.output
    cache = project / CACHE_FOLDER
    after_first = cache_times(cache)
    second = run_build(project, project.parent / "site-2")
    assert second.returncode == 0, second.output
    views, _ = build_views(project, project / "docs", BUILD_DATE)
    return PictureBuild(
        project=project,
        first=first.site_dir,
        second=second.site_dir,
        views=views,
        originals_before=before,
        originals_after=digests(originals),
        cache_after_first=after_first,
        cache_after_second=cache_times(cache),
        unpublished=tuple(unpublished),
    )


def test_gps_and_camera_details_never_reach_the_site(picture_build: PictureBuild) -> None:
    holiday = planned(picture_build.views, "holiday")
    assert len(holiday.copies) == 6
    copies = sorted((picture_build.first / SITE_FOLDER).iterdir())
    assert {copy.name for copy in holiday.copies} <= {path.name for path in copies}
    for path in copies:
        assert_no_metadata(path)
    art = gallery_soup(picture_build.first).find("article", id="holiday")
    assert isinstance(art, Tag)
    img = art.select_one("img")
    assert img is not None and img["src"] == f"../{holiday.default.url}"


def test_only_published_pieces_pictures_are_copied(picture_build: PictureBuild) -> None:
    published = {copy.name for plan in picture_build.views.gallery.images for copy in plan.copies}
    unpublished = {copy.name for plan in picture_build.unpublished for copy in plan.copies}
    assert unpublished and not unpublished & published
    in_site = {path.name for path in (picture_build.first / SITE_FOLDER).iterdir()}
    assert in_site == published
    assert set(picture_build.cache_after_first) == published, "nothing else is even encoded"
    for site in (picture_build.first, picture_build.second):
        soup = gallery_soup(site)
        assert soup.find(id="withheld-picture") is None
        assert soup.find(id="taken-down-picture") is None


def test_a_second_build_reuses_the_cached_copies(picture_build: PictureBuild) -> None:
    assert picture_build.cache_after_first
    assert picture_build.cache_after_second == picture_build.cache_after_first
    first = digests(picture_build.first / SITE_FOLDER)
    assert digests(picture_build.second / SITE_FOLDER) == first


def test_originals_are_never_changed(picture_build: PictureBuild) -> None:
    assert len(picture_build.originals_before) == 5
    assert picture_build.originals_after == picture_build.originals_before
    notes = json.dumps(sorted(p.name for p in (picture_build.project / ".cache").rglob("*")))
    assert "holiday" not in notes, "cached files are named after the bytes, not the file"


def test_a_checkout_whose_cache_cannot_be_written_still_publishes_the_pictures(
    fixture_copy: Path, tmp_path: Path
) -> None:
    """A read-only checkout (here: .cache is a file, so no folder can be made in it)."""
    (fixture_copy / ".cache").write_text("not a folder", encoding="utf-8")
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "may be damaged" not in result.output and "Traceback" not in result.output
    published = list((tmp_path / "site" / "assets" / "gallery").iterdir())
    assert len(published) >= 6
