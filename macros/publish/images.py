"""Make the published copies of gallery pictures: no metadata, a few widths, WebP plus a fallback.

Originals in ``data/gallery/`` are only ever read; the validate step has already opened
each one (``macros/validate/rules/pictures.py``) and the derive step planned its copies
(``macros/derive/pictures.py``). Each copy carries no metadata at all (EXIF with GPS and
camera serial numbers, XMP, ICC profiles, comments): the pixels are copied into a new,
empty image after the EXIF orientation is applied and the colours are converted to sRGB.
Copies are made in ``.cache/gallery/`` and reused by later builds.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from macros.cache_files import write_whole
from macros.derive.pictures import (
    JPEG_QUALITY,
    SITE_FOLDER,
    WEBP_QUALITY,
    ImageCopy,
    PlannedImage,
)
from macros.validate.rules.pictures import MAX_PIXELS

if TYPE_CHECKING:
    from PIL import Image

CACHE_FOLDER = Path(".cache") / "gallery"


def make_copies(original: Path, plan: PlannedImage, out_dir: Path) -> int:
    """Write the copies of ``plan`` missing from ``out_dir``; returns how many were made."""
    missing = [copy for copy in plan.copies if not (out_dir / copy.name).is_file()]
    if not missing:
        return 0
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    out_dir.mkdir(parents=True, exist_ok=True)
    with Image.open(io.BytesIO(original.read_bytes())) as image:
        alpha = plan.fallback[0].media_type == "image/png"
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
    return len(missing)


def publish_images(
    originals: dict[str, Path], plans: Iterable[PlannedImage], cache_dir: Path, site_dir: Path
) -> list[Path]:
    """Make any missing copies in ``cache_dir`` and copy them into the built site.

    ``originals`` maps each original's sha256 to its file. Where the cache cannot be
    written (a read-only checkout), the copies are made straight into the site.
    """
    written = []
    for plan in plans:
        target_dir = site_dir / SITE_FOLDER
        target_dir.mkdir(parents=True, exist_ok=True)
        try:
            make_copies(originals[plan.sha256], plan, cache_dir)
        except OSError:
            make_copies(originals[plan.sha256], plan, target_dir)
        for copy in plan.copies:
            target = target_dir / copy.name
            if not target.is_file():
                shutil.copyfile(cache_dir / copy.name, target)
            written.append(target)
    return written


def _srgb(image: Image.Image, mode: str) -> Image.Image:
    """The pixels in sRGB and ``mode``, so dropping the ICC profile keeps the colours.

    16-bit greyscale is scaled to 8 bits first: a plain conversion clips every value above
    255, so a mid-grey picture came out white.
    """
    from PIL import ImageCms

    if image.mode in {"I", "I;16", "I;16B", "I;16L", "I;16N"}:
        image = image.convert("I").point(lambda value: value * (1 / 257)).convert("L")

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
    encoded = io.BytesIO()
    if copy.media_type == "image/webp":
        image.save(encoded, "WEBP", quality=WEBP_QUALITY, method=4)
    elif copy.media_type == "image/png":
        image.save(encoded, "PNG", optimize=True)
    else:
        image.save(encoded, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    write_whole(out_dir / copy.name, encoded.getvalue())
