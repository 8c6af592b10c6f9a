"""macros.publish.images: published copies carry no metadata, keep their size plan, are reused.

The copies are planned as the build plans them: the validate step's facts
(``inspect_picture``) and the derive step's plan (``plan_copies``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from macros.derive.pictures import SITE_FOLDER, PlannedImage, plan_copies
from macros.publish.images import make_copies, publish_images
from macros.validate.rules.pictures import inspect_picture

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
COMMENT = b"Taken at Rosebank House by S. Taylor"
LEAKS = [b"Exif\x00\x00", SERIAL.encode(), b"TellTaleCam", b"Full Name Of Child", b"xmpmeta"]
LEAKS += [b"Rosebank"]


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
    """A photo carrying GPS, camera, serial number, ICC, a comment and XMP naming a child."""
    image = Image.new("RGB", size, (200, 120, 40))
    image.paste((20, 60, 160), (0, 0, size[0] // 2, size[1] // 3))
    image.save(
        path,
        "JPEG",
        exif=tagged_exif(orientation),
        icc_profile=srgb_icc(),
        comment=COMMENT,
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


def plan_for(original: Path) -> PlannedImage:
    """The copies the build plans for ``original``."""
    facts = inspect_picture(original, original.name, None)
    assert not isinstance(facts, str), facts
    return plan_copies(facts)


def test_the_sample_original_really_carries_metadata(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    with Image.open(original) as image:
        assert image.getexif()[MAKE] == "TellTaleCam"
        assert image.getexif().get_ifd(GPS_IFD)[1] == "N"
        assert {"exif", "icc_profile", "comment", "xmp"} <= set(image.info)
    assert all(leak in original.read_bytes() for leak in LEAKS)


def test_published_copies_have_no_metadata_and_the_original_is_unchanged(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    before, mtime = digest(original), original.stat().st_mtime_ns
    plan = plan_for(original)
    assert make_copies(original, plan, tmp_path / "cache") == 6
    for copy in plan.copies:
        assert_no_metadata(tmp_path / "cache" / copy.name)
    assert digest(original) == before
    assert original.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_png_originals_are_stripped_too(tmp_path: Path, mode: str) -> None:
    original = make_png(tmp_path / "art.png", (700, 500), mode)
    plan = plan_for(original)
    assert make_copies(original, plan, tmp_path / "cache") == len(plan.copies) == 6
    for copy in plan.copies:
        assert_no_metadata(tmp_path / "cache" / copy.name)
    expected = "image/png" if mode == "RGBA" else "image/jpeg"
    assert {copy.media_type for copy in plan.fallback} == {expected}
    assert {copy.media_type for copy in plan.webp} == {"image/webp"}
    with Image.open(tmp_path / "cache" / plan.largest.name) as image:
        assert image.format == ("PNG" if mode == "RGBA" else "JPEG")
        assert image.mode == ("RGBA" if mode == "RGBA" else "RGB")


def test_copies_are_webp_and_jpeg_at_the_declared_sizes(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    plan = plan_for(original)
    make_copies(original, plan, tmp_path / "cache")
    assert [copy.width for copy in plan.webp] == [320, 640, 1024]
    for copy in plan.copies:
        with Image.open(tmp_path / "cache" / copy.name) as image:
            assert image.size == (copy.width, copy.height)
            assert image.format == ("WEBP" if copy.name.endswith(".webp") else "JPEG")
            assert copy.height == round(1200 * copy.width / 1600)
    assert plan.largest.width == 1024
    assert plan.default.width == 640


@pytest.mark.parametrize(
    ("original_width", "expected"),
    [(2000, [320, 640, 1024]), (800, [320, 640, 800]), (200, [200])],
)
def test_copies_are_never_wider_than_the_original(
    tmp_path: Path, original_width: int, expected: list[int]
) -> None:
    original = make_png(tmp_path / "art.png", (original_width, 100))
    plan = plan_for(original)
    make_copies(original, plan, tmp_path / "cache")
    assert [copy.width for copy in plan.fallback] == expected
    for copy in plan.copies:
        with Image.open(tmp_path / "cache" / copy.name) as image:
            assert image.width <= original_width


def test_exif_orientation_is_applied_before_it_is_removed(tmp_path: Path) -> None:
    # Orientation 6: the camera was turned; the picture is shown portrait.
    original = make_jpeg(tmp_path / "turned.jpg", (800, 400), orientation=6)
    plan = plan_for(original)
    make_copies(original, plan, tmp_path / "cache")
    assert (plan.largest.width, plan.largest.height) == (400, 800)
    with Image.open(tmp_path / "cache" / plan.largest.name) as image:
        assert image.size == (400, 800)
        assert len(image.getexif()) == 0
        # The blue band painted along the top of the turned picture is now on its right.
        assert image.convert("RGB").getpixel((390, 10))[2] > 120
        assert image.convert("RGB").getpixel((10, 10))[2] < 100


def test_a_second_run_reuses_the_copies(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    cache = tmp_path / "cache"
    plan = plan_for(original)
    assert make_copies(original, plan, cache) == 6
    mtimes = {copy.name: (cache / copy.name).stat().st_mtime_ns for copy in plan.copies}
    assert make_copies(original, plan, cache) == 0
    assert {copy.name: (cache / copy.name).stat().st_mtime_ns for copy in plan.copies} == mtimes
    assert not list(cache.glob(".*partial"))
    (cache / plan.default.name).unlink()
    assert make_copies(original, plan, cache) == 1


def test_same_original_gives_identical_bytes(tmp_path: Path) -> None:
    original = make_jpeg(tmp_path / "photo.jpg")
    plan = plan_for(original)
    make_copies(original, plan, tmp_path / "a")
    make_copies(original, plan, tmp_path / "b")
    assert plan_for(original) == plan
    for copy in plan.copies:
        assert (tmp_path / "a" / copy.name).read_bytes() == (
            tmp_path / "b" / copy.name
        ).read_bytes()


def test_publish_images_copies_only_the_planned_pictures_into_the_site(tmp_path: Path) -> None:
    shown = make_jpeg(tmp_path / "shown.jpg")
    other = make_png(tmp_path / "other.png", (500, 300))
    plan = plan_for(shown)
    originals = {plan.sha256: shown, plan_for(other).sha256: other}
    written = publish_images(originals, [plan], tmp_path / "cache", tmp_path / "site")
    assert sorted(written) == sorted(tmp_path / "site" / copy.url for copy in plan.copies)
    assert {path.parent for path in written} == {tmp_path / "site" / SITE_FOLDER}
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(
        copy.name for copy in plan.copies
    )
    for path in written:
        assert path.read_bytes() == (tmp_path / "cache" / path.name).read_bytes()
        assert_no_metadata(path)


def test_16_bit_greyscale_keeps_its_greys(tmp_path: Path) -> None:
    """A 16-bit PNG (scanners, some phones) was published almost white: values above 255
    were clipped instead of scaled."""
    original = tmp_path / "grey16.png"
    Image.new("I;16", (64, 48), 32768).save(original)
    plan = plan_for(original)
    make_copies(original, plan, tmp_path / "out")
    for copy in plan.copies:
        with Image.open(tmp_path / "out" / copy.name) as published:
            red, green, blue = published.convert("RGB").getpixel((10, 10))[:3]
            assert 120 <= red <= 135 and red == green == blue, (copy.name, red)


def test_a_phone_mpo_photo_publishes_its_first_picture(tmp_path: Path) -> None:
    """Phones save "Ultra HDR" photos as MPO: a JPEG with a second picture after it."""
    original = tmp_path / "phone.jpg"
    first = Image.new("RGB", (400, 300), (200, 30, 30))
    first.save(original, "MPO", save_all=True, append_images=[Image.new("RGB", (400, 300), "blue")])
    with Image.open(original) as opened:
        assert opened.format == "MPO"
    plan = plan_for(original)
    assert make_copies(original, plan, tmp_path / "out") == len(plan.copies)
    with Image.open(tmp_path / "out" / plan.largest.name) as published:
        red, _green, blue = published.convert("RGB").getpixel((200, 150))
        assert red > 150 and blue < 80
