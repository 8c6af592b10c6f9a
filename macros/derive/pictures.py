"""Which copies of each gallery picture the site publishes: names, sizes and formats.

A pure plan from the facts the validate step noted (``macros/validate/rules/pictures.py``);
``macros/publish/images.py`` makes the copies. Each copy is named after a hash of the
original's bytes and the encoder settings, plus its width (``3f9a0c12d4e6-640.webp``), so
the name never reveals the original file name, a changed original gets new names, and a
copy made before is reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from macros.validate.rules.pictures import PictureFacts

WIDTHS = (320, 640, 1024)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
ENCODER_SETTINGS = f"clo-gallery-2 webp-q{WEBP_QUALITY} jpeg-q{JPEG_QUALITY}".encode()
"""Part of every copy's name: change it when the encoding changes, so old copies are not reused."""
SITE_FOLDER = "assets/gallery/"
"""Where the copies go in the site."""


@dataclass(frozen=True)
class ImageCopy:
    """One published file."""

    name: str
    width: int
    height: int
    media_type: str

    @property
    def url(self) -> str:
        """Site URL of the copy."""
        return SITE_FOLDER + self.name


@dataclass(frozen=True)
class PlannedImage:
    """The copies of one original, narrowest first."""

    sha256: str
    """Of the original's bytes: which original to encode them from."""
    webp: tuple[ImageCopy, ...]
    fallback: tuple[ImageCopy, ...]

    @property
    def copies(self) -> tuple[ImageCopy, ...]:
        return (*self.webp, *self.fallback)

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


def copy_stem(sha256: str) -> str:
    """The start of every copy's name: the original's hash and the encoder settings.

    >>> len(copy_stem("0" * 64))
    12
    """
    return hashlib.sha256(ENCODER_SETTINGS + b"\0" + sha256.encode()).hexdigest()[:12]


def plan_copies(facts: PictureFacts, widths: Sequence[int] = WIDTHS) -> PlannedImage:
    """The WebP copies and the JPEG (or, with transparency, PNG) copies of a picture.

    >>> plan = plan_copies(PictureFacts("0" * 64, 800, 400, False))
    >>> [(c.width, c.height, c.media_type) for c in plan.fallback]
    [(320, 160, 'image/jpeg'), (640, 320, 'image/jpeg'), (800, 400, 'image/jpeg')]
    >>> plan.default.width, plan.largest.width
    (640, 800)
    """
    stem = copy_stem(facts.sha256)
    fallback_ext, fallback_type = ("png", "image/png") if facts.alpha else ("jpg", "image/jpeg")
    webp, fallback = [], []
    for target in published_widths(facts.width, widths):
        height = max(1, round(facts.height * target / facts.width))
        webp.append(ImageCopy(f"{stem}-{target}.webp", target, height, "image/webp"))
        fallback.append(ImageCopy(f"{stem}-{target}.{fallback_ext}", target, height, fallback_type))
    return PlannedImage(facts.sha256, tuple(webp), tuple(fallback))
