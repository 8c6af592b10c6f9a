"""macros.images: published copies carry no metadata, never upscale, and are cached."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from macros.publish.images import (
    MAX_PIXELS,
    ImageProblem,
    check_original,
    publish_image,
    published_widths,
)

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112
BODY_SERIAL_NUMBER = 0xA431
SERIAL = "SN-7731-SECRET"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<dc:creator>Full Name Of Child</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)
LEAKS = [b"Exif\x00\x00", SERIAL.encode(), b"TellTaleCam", b"Full Name Of Child", b"xmpmeta"]


def tagged_exif(orientation: int = 1) -> Image.Exif:
    """EXIF with a GPS position (a children's home, say), the camera and its serial number."""
    exif = Image.Exif()
    exif[MAKE] = "TellTaleCam"
    exif[MODEL] = "Model 9"
    exif[ORIENTATION] = orientation
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL_NUMBER] = SERIAL
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (54.0, 36.0, 12.5)
    gps[3] = "W"
    gps[4] = (3.0, 1.0, 44.2)
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def make_jpeg(path: Path, size: tuple[int, int] = (1600, 1200), orientation: int = 1) -> Path:
    image = Image.new("RGB", size, (200, 120, 40))
    image.paste((20, 60, 160), (0, 0, size[0] // 2, size[1] // 3))
    image.save(
        path,
        "JPEG",
        exif=tagged_exif(orientation),
        icc_profile=srgb_icc(),
        comment=b"Taken at Rosebank House by S. Taylor",
        xmp=XMP,
    )
    return path


def make_png(path: Path, size: tuple[int, int], mode: str = "RGB") -> Path:
    colour = (10, 200, 90, 128) if mode == "RGBA" else (10, 200, 90)
    Image.new(mode, size, colour).save(path, "PNG", exif=tagged_exif(), icc_profile=srgb_icc())
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_no_metadata(path: Path) -> None:
    with Image.open(path) as image:
        assert len(image.getexif()) == 0, f"{path.name} has EXIF"
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "dpi"):
            assert key not in image.info, f"{path.name} has {key}"
    raw = path.read_bytes()
    for leak in LEAKS:
        assert leak not in raw, f"{path.name} contains {leak!r}"


def test_the_sample_original_really_carries_metadata(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    with Image.open(original) as image:
        assert image.getexif()[MAKE] == "TellTaleCam"
        assert image.getexif().get_ifd(GPS_IFD)[1] == "N"
        assert {"exif", "icc_profile", "comment", "xmp"} <= set(image.info)


def test_published_copies_have_no_metadata_and_the_original_is_unchanged(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    before, mtime = digest(original), original.stat().st_mtime_ns
    published = publish_image(original, tmp_path / "cache")
    assert len(published.names) == 6
    for name in published.names:
        assert_no_metadata(tmp_path / "cache" / name)
    assert digest(original) == before
    assert original.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_png_originals_are_stripped_too(tmp_path: Path, mode: str) -> None:
    original = make_png(tmp_path / "art.png", (700, 500), mode)
    published = publish_image(original, tmp_path / "cache")
    for name in published.names:
        assert_no_metadata(tmp_path / "cache" / name)
    expected = "image/png" if mode == "RGBA" else "image/jpeg"
    assert {copy.media_type for copy in published.fallback} == {expected}
    assert {copy.media_type for copy in published.webp} == {"image/webp"}


def test_copies_are_webp_and_jpeg_at_the_declared_sizes(tmp_path: Path) -> None:
    published = publish_image(make_jpeg(tmp_path / "photo.jpg"), tmp_path / "cache")
    assert [copy.width for copy in published.webp] == [320, 640, 1024]
    for copy in (*published.webp, *published.fallback):
        with Image.open(tmp_path / "cache" / copy.name) as image:
            assert image.size == (copy.width, copy.height)
            assert image.format == ("WEBP" if copy.name.endswith(".webp") else "JPEG")
            assert copy.height == round(1200 * copy.width / 1600)
    assert published.largest.width == 1024
    assert published.default.width == 640


@pytest.mark.parametrize(
    ("original_width", "expected"),
    [(2000, [320, 640, 1024]), (1024, [320, 640, 1024]), (800, [320, 640, 800]), (200, [200])],
)
def test_widths_never_upscale(original_width: int, expected: list[int], tmp_path: Path) -> None:
    assert published_widths(original_width) == expected
    original = make_png(tmp_path / "art.png", (original_width, 100))
    published = publish_image(original, tmp_path / "cache")
    assert [copy.width for copy in published.fallback] == expected
    for name in published.names:
        with Image.open(tmp_path / "cache" / name) as image:
            assert image.width <= original_width


def test_exif_orientation_is_applied_before_it_is_removed(tmp_path: Path) -> None:
    # Orientation 6: the camera was turned; the picture is shown portrait.
    published = publish_image(
        make_jpeg(tmp_path / "turned.jpg", (800, 400), orientation=6), tmp_path / "cache"
    )
    assert (published.largest.width, published.largest.height) == (400, 800)
    with Image.open(tmp_path / "cache" / published.largest.name) as image:
        assert image.size == (400, 800)


def test_second_publish_reuses_the_cache(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    cache = tmp_path / "cache"
    first = publish_image(original, cache)
    assert first.encoded == 6
    mtimes = {name: (cache / name).stat().st_mtime_ns for name in first.names}
    second = publish_image(original, cache)
    assert second.encoded == 0
    assert second == first.__class__(first.webp, first.fallback, encoded=0)
    assert {name: (cache / name).stat().st_mtime_ns for name in second.names} == mtimes
    assert not list(cache.glob(".*partial"))


def test_a_changed_original_gets_new_names_and_names_hide_the_file_name(tmp_path: Path) -> None:
    original = make_png(tmp_path / "jamie-at-home.png", (500, 300))
    first = publish_image(original, tmp_path / "cache")
    Image.new("RGB", (500, 300), (1, 2, 3)).save(original, "PNG")
    second = publish_image(original, tmp_path / "cache")
    assert second.encoded == len(second.names)
    assert set(first.names).isdisjoint(second.names)
    assert all("jamie" not in name for name in (*first.names, *second.names))


def test_missing_original(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem, match="does not exist"):
        publish_image(tmp_path / "nowhere.png", tmp_path / "cache")


def test_original_over_the_pixel_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    # 7000 x 6000 = 42 megapixels, but a one-bit PNG of it is tiny.
    big = tmp_path / "huge.png"
    Image.new("1", (7000, 6000)).save(big, "PNG")
    assert big.stat().st_size < 1_000_000
    problem = check_original(big, "data/gallery/huge.png")
    assert problem is not None
    assert problem.startswith("data/gallery/huge.png is too large to process (7000 by 6000 pixels)")
    assert f"{MAX_PIXELS / 1_000_000:g} megapixels" in problem
    with pytest.raises(ImageProblem, match="too large to process"):
        publish_image(big, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_original_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    with pytest.raises(ImageProblem, match=r"MB, more than the 0 MB"):
        publish_image(original, tmp_path / "cache", max_bytes=1000)


def test_a_file_that_is_not_a_picture_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "poem.png"
    fake.write_text("not a picture", encoding="utf-8")
    assert check_original(fake) == (
        "poem.png is not a picture the gallery can read; save it as JPEG, PNG or WebP"
    )
    gif = tmp_path / "art.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    assert check_original(gif) == "art.gif is a GIF file; save it as JPEG, PNG or WebP"


def test_a_damaged_picture_is_reported_not_crashed_on(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (9, 9, 9)).save(buffer, "PNG")
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(buffer.getvalue()[:200])
    with pytest.raises(ImageProblem, match="damaged"):
        publish_image(damaged, tmp_path / "cache")


def test_same_original_gives_identical_bytes(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    one = publish_image(original, tmp_path / "a")
    two = publish_image(original, tmp_path / "b")
    for name in one.names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert one.names == two.names
