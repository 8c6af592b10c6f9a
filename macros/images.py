"""Publish safe copies of gallery pictures: no metadata, a few widths, WebP plus a fallback.

Originals in ``data/gallery/`` are only ever read. Each published copy:

- carries no metadata at all (EXIF with GPS and camera serial numbers, XMP,
  ICC profiles, comments): the pixels are copied into a new, empty image
  after the EXIF orientation is applied and the colours are converted to sRGB;
- is at most as wide as the original (never upscaled);
- is named after a short hash of the original's bytes and the encoder
  settings, plus its width (``3f9a0c12d4e6-640.webp``), so the name never
  reveals the original file name, a changed original gets new names, and a
  copy already in the cache folder is reused instead of encoded again.

Next to the copies, ``<digest>.json`` notes the picture's size as shown, so that a later
build finds its copies without decoding the original again; only the hash of the
original's bytes is worked out each time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

# Pillow is imported only when a picture must be opened: a build whose pictures are
# all in the cache never needs it (importing it took about 30 ms of every build).

WIDTHS = (320, 640, 1024)
MAX_PIXELS = 40_000_000
MAX_BYTES = 25 * 1024 * 1024
READABLE_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
WEBP_QUALITY = 80
JPEG_QUALITY = 82
# Part of every copy's name: change it when the encoding changes, so old copies are not reused.
# The limits are part of it too: a cached copy proves its original passed these limits.
ENCODER_SETTINGS = (
    f"clo-gallery-1 webp-q{WEBP_QUALITY} jpeg-q{JPEG_QUALITY} max-{MAX_PIXELS}px-{MAX_BYTES}b"
).encode()

_ORIENTATION = 0x0112
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


class ImageProblem(ValueError):
    """An original that cannot be published; the message is written for editors."""


@dataclass(frozen=True)
class ImageCopy:
    """One published file."""

    name: str
    width: int
    height: int
    media_type: str


@dataclass(frozen=True)
class PublishedImage:
    """The copies of one original, narrowest first, and how many this call encoded."""

    webp: tuple[ImageCopy, ...]
    fallback: tuple[ImageCopy, ...]
    encoded: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every file name, to copy into the site."""
        return tuple(copy.name for copy in (*self.webp, *self.fallback))

    @property
    def largest(self) -> ImageCopy:
        """The widest fallback copy: what "open larger" links to."""
        return self.fallback[-1]

    @property
    def default(self) -> ImageCopy:
        """The fallback for ``src``: the first at least 640 wide, else the widest."""
        return next((copy for copy in self.fallback if copy.width >= 640), self.largest)


def published_widths(original_width: int, widths: Sequence[int] = WIDTHS) -> list[int]:
    """The widths to publish: requested widths below the original's, never wider than it.

    The original's own width is added when it is not wider than the widest requested.

    >>> published_widths(2000), published_widths(800), published_widths(200)
    ([320, 640, 1024], [320, 640, 800], [200])
    >>> published_widths(640)
    [320, 640]
    """
    chosen = sorted({width for width in widths if 0 < width < original_width})
    if widths and original_width <= max(widths):
        chosen.append(original_width)
    return chosen


def check_original(
    original: Path,
    shown: str | None = None,
    *,
    max_pixels: int | None = None,
    max_bytes: int | None = None,
    cache_dir: Path | None = None,
) -> str | None:
    """Why ``original`` cannot be published, in plain words, or None when it can.

    Only the file's header is read, so this is quick even for a large file. With
    ``cache_dir``, an original whose copies are already there (same bytes, default
    limits) passed this check when they were made, and is not opened again.
    """
    shown = shown or original.name
    max_pixels = MAX_PIXELS if max_pixels is None else max_pixels
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    size = original.stat().st_size
    if size > max_bytes:
        return (
            f"{shown} is {size / 1_000_000:.1f} MB, more than the "
            f"{max_bytes / 1_000_000:.0f} MB the gallery can take; "
            "save a smaller copy (JPEG, at most 4000 pixels wide) and use that"
        )
    if (
        cache_dir is not None
        and (max_pixels, max_bytes) == (MAX_PIXELS, MAX_BYTES)
        and (cache_dir / f"{content_digest(original.read_bytes())}.json").is_file()
    ):
        return None
    from PIL import Image, UnidentifiedImageError

    _guard_pixels(Image)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(original) as image:
                kind = image.format
                width, height = image.size
    except Image.DecompressionBombError:
        return _too_many_pixels(shown, None, max_pixels)
    except (UnidentifiedImageError, OSError, ValueError):
        return f"{shown} is not a picture the gallery can read; save it as JPEG, PNG or WebP"
    if kind not in READABLE_FORMATS:
        return f"{shown} is a {kind} file; save it as JPEG, PNG or WebP"
    if width * height > max_pixels:
        return _too_many_pixels(shown, (width, height), max_pixels)
    return None


def content_digest(content: bytes) -> str:
    """The name stem of an original's copies: its bytes plus the encoder settings.

    >>> len(content_digest(b"picture"))
    12
    """
    return hashlib.sha256(ENCODER_SETTINGS + b"\0" + content).hexdigest()[:12]


def _guard_pixels(image_module: object) -> None:
    """Pillow's own guard against decompression bombs, at our limit: ``Image.open``
    refuses anything over twice this before decoding a single pixel."""
    image_module.MAX_IMAGE_PIXELS = MAX_PIXELS  # type: ignore[attr-defined]


def _too_many_pixels(shown: str, size: tuple[int, int] | None, max_pixels: int) -> str:
    found = f" ({size[0]} by {size[1]} pixels)" if size else ""
    return (
        f"{shown} is too large to process{found}: the gallery takes at most "
        f"{max_pixels / 1_000_000:g} megapixels; save a smaller copy "
        "(at most 4000 pixels wide) and use that"
    )


def publish_image(
    original: Path,
    out_dir: Path,
    widths: Sequence[int] = WIDTHS,
    *,
    max_pixels: int | None = None,
    max_bytes: int | None = None,
) -> PublishedImage:
    """Write metadata-free copies of ``original`` into ``out_dir`` (a cache folder).

    Copies already in ``out_dir`` are reused, not encoded again. Raises
    ImageProblem when the original is missing, unreadable or too large.
    """
    if not original.is_file():
        raise ImageProblem(f"{original.name} does not exist")
    defaults = (max_pixels, max_bytes) in {(None, None), (MAX_PIXELS, MAX_BYTES)}
    content = original.read_bytes()
    digest = content_digest(content)
    # Copies in the cache were made from these very bytes after they passed the checks.
    cached = _cached(digest, out_dir, widths) if defaults else None
    if cached is not None:
        return cached
    problem = check_original(original, max_pixels=max_pixels, max_bytes=max_bytes)
    if problem:
        raise ImageProblem(problem)
    if not defaults:
        cached = _cached(digest, out_dir, widths)
        if cached is not None:
            return cached
    from PIL import Image

    _guard_pixels(Image)
    try:
        with Image.open(io.BytesIO(content)) as image:
            return _publish(image, digest, out_dir, widths)
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageProblem(
            f"{original.name} could not be read ({error}); the file may be damaged: "
            "save it again as JPEG, PNG or WebP"
        ) from None


def _plan(
    digest: str, width: int, height: int, alpha: bool, widths: Sequence[int]
) -> tuple[tuple[ImageCopy, ...], tuple[ImageCopy, ...]]:
    """The WebP copies and the fallback copies of a picture ``width`` by ``height``."""
    fallback_ext, fallback_type = ("png", "image/png") if alpha else ("jpg", "image/jpeg")
    plan: list[tuple[ImageCopy, ImageCopy]] = []
    for target in published_widths(width, widths):
        target_height = max(1, round(height * target / width))
        plan.append(
            (
                ImageCopy(f"{digest}-{target}.webp", target, target_height, "image/webp"),
                ImageCopy(
                    f"{digest}-{target}.{fallback_ext}", target, target_height, fallback_type
                ),
            )
        )
    return tuple(pair[0] for pair in plan), tuple(pair[1] for pair in plan)


def _cached(digest: str, out_dir: Path, widths: Sequence[int]) -> PublishedImage | None:
    """The copies of an original published before, without opening it again, or None.

    Finding the size of a picture as shown can mean decoding all of it (a PNG's EXIF
    orientation may come after its pixels), so ``_publish`` notes it next to the copies
    in ``<digest>.json``; the digest covers the original's bytes, so the note never goes
    stale. Any doubt (no note, a copy missing) falls back to ``_publish``.
    """
    try:
        noted = json.loads((out_dir / f"{digest}.json").read_text(encoding="utf-8"))
        width, height, alpha = noted["width"], noted["height"], noted["alpha"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not (type(width) is int and type(height) is int and width > 0 and height > 0):
        return None
    webp, fallback = _plan(digest, width, height, alpha is True, widths)
    if not all((out_dir / copy.name).is_file() for copy in (*webp, *fallback)):
        return None
    return PublishedImage(webp, fallback, encoded=0)


def _note_size(digest: str, out_dir: Path, width: int, height: int, alpha: bool) -> None:
    note = out_dir / f"{digest}.json"
    if note.is_file():
        return
    partial = out_dir / f".{note.name}.{os.getpid()}.partial"
    partial.write_text(json.dumps({"width": width, "height": height, "alpha": alpha}), "utf-8")
    os.replace(partial, note)


def _publish(
    image: Image.Image, digest: str, out_dir: Path, widths: Sequence[int]
) -> PublishedImage:
    from PIL import Image, ImageOps

    width, height = image.size
    if image.getexif().get(_ORIENTATION, 1) in _TURNED:
        width, height = height, width
    alpha = _has_alpha(image)
    webp, fallback = _plan(digest, width, height, alpha, widths)
    missing = [copy for copy in (*webp, *fallback) if not (out_dir / copy.name).is_file()]
    if not missing:
        _note_size(digest, out_dir, width, height, alpha)
        return PublishedImage(webp, fallback, encoded=0)

    out_dir.mkdir(parents=True, exist_ok=True)
    pixels = _srgb(ImageOps.exif_transpose(image), "RGBA" if alpha else "RGB")
    for copy in missing:
        resized = (
            pixels
            if (copy.width, copy.height) == pixels.size
            else pixels.resize(
                (copy.width, copy.height), Image.Resampling.LANCZOS, reducing_gap=3.0
            )
        )
        # A brand-new image from the raw pixels: nothing from the original's info travels with it.
        clean = Image.frombytes(resized.mode, resized.size, resized.tobytes())
        _save(clean, copy, out_dir)
    _note_size(digest, out_dir, width, height, alpha)
    return PublishedImage(webp, fallback, encoded=len(missing))


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or "transparency" in image.info


def _srgb(image: Image.Image, mode: str) -> Image.Image:
    """The pixels in sRGB and ``mode``, so dropping the ICC profile keeps the colours."""
    from PIL import ImageCms

    profile = image.info.get("icc_profile")
    if profile and image.mode in {"RGB", "RGBA", "CMYK"}:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode=mode
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unusable profile: fall back to a plain conversion
    return image.convert(mode)


def _save(image: Image.Image, copy: ImageCopy, out_dir: Path) -> None:
    """Write one copy atomically, so an interrupted build never leaves half a file cached."""
    target = out_dir / copy.name
    partial = out_dir / f".{copy.name}.{os.getpid()}.partial"
    if copy.media_type == "image/webp":
        image.save(partial, "WEBP", quality=WEBP_QUALITY, method=4)
    elif copy.media_type == "image/png":
        image.save(partial, "PNG", optimize=True)
    else:
        image.save(partial, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    os.replace(partial, target)
