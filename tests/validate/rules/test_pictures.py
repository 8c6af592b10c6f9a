"""macros.validate.rules.pictures: can an original be published, and how is it shown?"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from macros.validate.rules import pictures
from macros.validate.rules.pictures import MAX_BYTES, MAX_PIXELS, PictureFacts, inspect_picture

ORIENTATION = 0x0112
CANNOT_READ = "is not a picture the gallery can read; save it as JPEG, PNG or WebP"


def make_jpeg(path: Path, size: tuple[int, int] = (800, 400), orientation: int = 1) -> Path:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    Image.new("RGB", size, (200, 120, 40)).save(path, "JPEG", exif=exif)
    return path


def make_png(path: Path, size: tuple[int, int] = (60, 40), mode: str = "RGB") -> Path:
    Image.new(mode, size).save(path, "PNG")
    return path


@pytest.fixture
def never_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any picture's pixels are decoded."""

    def refuse(self: ImageFile.ImageFile) -> None:
        raise AssertionError("the picture was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


@pytest.fixture
def never_examined(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if an original is opened at all."""

    def refuse(original: Path, shown: str, sha256: str) -> PictureFacts | str:
        raise AssertionError(f"{shown} was opened")

    monkeypatch.setattr(pictures, "_examine", refuse)


# --- Limits --------------------------------------------------------------------------------


def test_over_the_pixel_limit_is_refused_before_decoding(
    tmp_path: Path, never_decoded: None
) -> None:
    # 7000 x 6000 = 42 megapixels, but a one-bit PNG of it is tiny.
    big = tmp_path / "huge.png"
    Image.new("1", (7000, 6000)).save(big, "PNG")
    assert big.stat().st_size < 1_000_000
    assert MAX_PIXELS < 7000 * 6000
    assert inspect_picture(big, "data/gallery/huge.png", tmp_path / "cache") == (
        "data/gallery/huge.png is too large to process (7000 by 6000 pixels): the gallery "
        f"takes at most {MAX_PIXELS / 1_000_000:g} megapixels; save a smaller copy "
        "(at most 4000 pixels wide) and use that"
    )
    assert not (tmp_path / "cache").exists(), "a refused picture is never noted"


def test_far_over_the_pixel_limit_is_refused_by_pillow_before_decoding(
    tmp_path: Path, never_decoded: None
) -> None:
    # Over twice the limit, Image.open itself refuses (a decompression bomb).
    bomb = tmp_path / "bomb.png"
    Image.new("1", (10_000, 9_000)).save(bomb, "PNG")
    assert 2 * MAX_PIXELS < 10_000 * 9_000
    problem = inspect_picture(bomb, "bomb.png", None)
    assert problem == (
        "bomb.png is too large to process: the gallery takes at most "
        f"{MAX_PIXELS / 1_000_000:g} megapixels; save a smaller copy (at most 4000 pixels "
        "wide) and use that"
    )


def test_over_the_byte_limit_is_refused_without_reading_it(
    tmp_path: Path, never_examined: None
) -> None:
    big = tmp_path / "big.jpg"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    assert inspect_picture(big, "data/gallery/big.jpg", None) == (
        "data/gallery/big.jpg is 26.2 MB, more than the 26 MB the gallery can take; "
        "save a smaller copy (JPEG, at most 4000 pixels wide) and use that"
    )


def test_exactly_the_byte_limit_is_not_too_big(tmp_path: Path) -> None:
    edge = tmp_path / "edge.jpg"
    with edge.open("wb") as file:
        file.truncate(MAX_BYTES)
    assert inspect_picture(edge, "edge.jpg", None) == f"edge.jpg {CANNOT_READ}"


# --- What is not a picture -----------------------------------------------------------------


def test_a_file_that_is_not_a_picture_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "poem.png"
    fake.write_text("not a picture", encoding="utf-8")
    assert inspect_picture(fake, "poem.png", None) == f"poem.png {CANNOT_READ}"


def test_a_picture_in_another_format_is_refused(tmp_path: Path) -> None:
    gif = tmp_path / "art.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    assert inspect_picture(gif, "art.gif", None) == (
        "art.gif is a GIF file; save it as JPEG, PNG or WebP"
    )


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_damaged_or_cut_off_picture_is_reported_not_crashed_on(tmp_path: Path, kind: str) -> None:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(buffer, kind)
    whole = buffer.getvalue()
    for name, content in (("cut.pic", whole[: len(whole) // 2]), ("head.pic", whole[:200])):
        damaged = tmp_path / name
        damaged.write_bytes(content)
        cache = tmp_path / "cache"
        assert inspect_picture(damaged, f"data/gallery/{name}", cache) == (
            f"data/gallery/{name} {CANNOT_READ}"
        )
        assert not cache.exists()


# --- Facts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orientation", "shown"), [(1, (800, 400)), (3, (800, 400)), (6, (400, 800)), (8, (400, 800))]
)
def test_the_size_is_as_shown_after_the_cameras_turn(
    tmp_path: Path, orientation: int, shown: tuple[int, int]
) -> None:
    original = make_jpeg(tmp_path / "turned.jpg", (800, 400), orientation)
    facts = inspect_picture(original, "turned.jpg", None)
    assert isinstance(facts, PictureFacts)
    assert (facts.width, facts.height) == shown
    assert not facts.alpha
    assert facts.sha256 == hashlib.sha256(original.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("mode", "alpha"), [("RGB", False), ("L", False), ("RGBA", True), ("LA", True)]
)
def test_transparency_is_noted(tmp_path: Path, mode: str, alpha: bool) -> None:
    facts = inspect_picture(make_png(tmp_path / "art.png", mode=mode), "art.png", None)
    assert isinstance(facts, PictureFacts)
    assert facts.alpha is alpha


def test_a_palette_picture_with_a_transparent_colour_has_transparency(tmp_path: Path) -> None:
    path = tmp_path / "palette.png"
    Image.new("P", (20, 20), 0).save(path, "PNG", transparency=0)
    facts = inspect_picture(path, "palette.png", None)
    assert isinstance(facts, PictureFacts) and facts.alpha


# --- The note in the cache -----------------------------------------------------------------


def test_facts_are_noted_by_the_bytes_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = make_jpeg(tmp_path / "photo.jpg", orientation=6)
    cache = tmp_path / "cache"
    facts = inspect_picture(original, "photo.jpg", cache)
    assert isinstance(facts, PictureFacts)
    note = cache / f"{facts.sha256}.json"
    assert json.loads(note.read_text(encoding="utf-8")) == {
        "version": 1,
        "limits": [MAX_PIXELS, MAX_BYTES],
        "width": 400,
        "height": 800,
        "alpha": False,
    }
    assert [path.name for path in cache.iterdir()] == [note.name], "no partial file is left"

    def refuse(original: Path, shown: str, sha256: str) -> PictureFacts | str:
        raise AssertionError(f"{shown} was opened again")

    monkeypatch.setattr(pictures, "_examine", refuse)
    assert inspect_picture(original, "photo.jpg", cache) == facts
    # The note goes by the bytes, not the name: the same picture renamed is not opened.
    renamed = tmp_path / "renamed.jpg"
    renamed.write_bytes(original.read_bytes())
    assert inspect_picture(renamed, "renamed.jpg", cache) == facts


def test_a_changed_file_is_looked_at_again(tmp_path: Path) -> None:
    original = make_png(tmp_path / "art.png", (60, 40))
    cache = tmp_path / "cache"
    first = inspect_picture(original, "art.png", cache)
    make_png(original, (30, 90), "RGBA")
    second = inspect_picture(original, "art.png", cache)
    assert isinstance(first, PictureFacts) and isinstance(second, PictureFacts)
    assert (second.width, second.height, second.alpha) == (30, 90, True)
    assert second.sha256 != first.sha256
    assert sorted(path.stem for path in cache.iterdir()) == sorted([first.sha256, second.sha256])


def test_a_changed_picture_that_is_now_broken_is_reported(tmp_path: Path) -> None:
    original = make_png(tmp_path / "art.png")
    cache = tmp_path / "cache"
    assert isinstance(inspect_picture(original, "art.png", cache), PictureFacts)
    Image.effect_noise((200, 100), 60).save(original, "PNG")
    original.write_bytes(original.read_bytes()[:-500])  # cut off before its end
    assert inspect_picture(original, "art.png", cache) == f"art.png {CANNOT_READ}"


@pytest.mark.parametrize(
    "note",
    [
        "not json",
        '{"version": 1}',
        '{"version": 0, "limits": [40000000, 26214400], "width": 1, "height": 1, "alpha": false}',
        '{"version": 1, "limits": [1, 2], "width": 1, "height": 1, "alpha": false}',
        '{"version": 1, "limits": [40000000, 26214400], "width": 0, "height": 1, "alpha": false}',
        '{"version": 1, "limits": [40000000, 26214400], "width": "9", "height": 1, "alpha": false}',
    ],
)
def test_any_doubt_about_a_note_means_looking_again(tmp_path: Path, note: str) -> None:
    original = make_png(tmp_path / "art.png", (60, 40))
    cache = tmp_path / "cache"
    cache.mkdir()
    sha256 = hashlib.sha256(original.read_bytes()).hexdigest()
    (cache / f"{sha256}.json").write_text(note, encoding="utf-8")
    facts = inspect_picture(original, "art.png", cache)
    assert isinstance(facts, PictureFacts)
    assert (facts.width, facts.height) == (60, 40)
    assert json.loads((cache / f"{sha256}.json").read_text(encoding="utf-8"))["width"] == 60


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    in_the_way = tmp_path / "cache"
    in_the_way.write_text("a file where the folder should be", encoding="utf-8")
    facts = inspect_picture(make_png(tmp_path / "art.png"), "art.png", in_the_way)
    assert isinstance(facts, PictureFacts)
    assert inspect_picture(make_png(tmp_path / "art.png"), "art.png", None) == facts


def test_a_cut_off_picture_is_refused_even_after_weasyprint_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES on its first import (the build imports
    it for the offer's PDF): the gallery's check must still refuse a cut-off picture. The
    setting is made here as WeasyPrint makes it, since an earlier test may already have
    imported WeasyPrint and had the check reset it."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    whole = tmp_path / "whole.png"
    Image.effect_noise((200, 100), 64).convert("RGB").save(whole)
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    found = inspect_picture(cut, "data/gallery/cut.png", tmp_path / "cache")
    assert found == f"data/gallery/cut.png {CANNOT_READ}"
