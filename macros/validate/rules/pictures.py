"""Gallery pictures: can this original be published, and what does it look like as shown?

Only the validate step opens an original to judge it. It reads the whole picture once
(so a damaged or truncated file is found here, by ``check`` as by the build), and notes
what publishing needs to know: its size as shown (after the camera's turn is applied)
and whether it has transparency. The note is kept in ``.cache/pictures/<sha256>.json``,
named after the original's bytes, so a later build only hashes the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import warnings
from dataclasses import dataclass
from pathlib import Path

from macros.cache_files import write_whole

MAX_PIXELS = 40_000_000
MAX_BYTES = 25 * 1024 * 1024
READABLE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP"})
"""MPO is a JPEG with more pictures after the first (phones' "Ultra HDR" photos): the
first is published."""
CACHE_FOLDER = Path(".cache") / "pictures"
_NOTE_VERSION = 1
_ORIENTATION = 0x0112
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class PictureFacts:
    """What publishing needs to know about an original that passed the checks."""

    sha256: str
    width: int
    height: int
    alpha: bool


def inspect_picture(original: Path, shown: str, cache_dir: Path | None) -> PictureFacts | str:
    """The facts of a publishable original, or why it cannot be published (plain words).

    >>> import tempfile
    >>> from PIL import Image
    >>> folder = Path(tempfile.mkdtemp())
    >>> Image.new("RGB", (30, 20)).save(folder / "a.png")
    >>> facts = inspect_picture(folder / "a.png", "a.png", None)
    >>> facts.width, facts.height, facts.alpha
    (30, 20, False)
    >>> _ = (folder / "b.png").write_bytes(b"not a picture")
    >>> inspect_picture(folder / "b.png", "b.png", None)
    'b.png is not a picture the gallery can read; save it as JPEG, PNG or WebP'
    """
    size = original.stat().st_size
    if size > MAX_BYTES:
        return (
            f"{shown} is {size / 1_000_000:.1f} MB, more than the "
            f"{MAX_BYTES / 1_000_000:.0f} MB the gallery can take; "
            "save a smaller copy (JPEG, at most 4000 pixels wide) and use that"
        )
    content = original.read_bytes()
    sha256 = hashlib.sha256(content).hexdigest()
    noted = _noted(cache_dir, sha256)
    if noted is not None:
        return noted
    result = _examine(original, shown, sha256)
    if isinstance(result, PictureFacts) and cache_dir is not None:
        _note(cache_dir, result)
    return result


def _examine(original: Path, shown: str, sha256: str) -> PictureFacts | str:
    # Pillow is imported only when a picture must be opened: a build whose pictures
    # were all checked before never needs it (importing it takes about 30 ms).
    from PIL import Image, ImageFile, UnidentifiedImageError

    # Pillow's own guard against decompression bombs, at our limit: Image.open refuses
    # anything over twice this before decoding a single pixel.
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    # A cut-off file must fail to load. WeasyPrint (the offer's PDF), once imported in
    # the same process, tells Pillow to load truncated images: put it back here.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(original) as image:
                kind = image.format
                width, height = image.size
                if kind not in READABLE_FORMATS:
                    return f"{shown} is a {kind} file; save it as JPEG, PNG or WebP"
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(shown, (width, height))
                image.load()  # a damaged or cut-off file fails here, not while publishing
                turned = image.getexif().get(_ORIENTATION, 1) in _TURNED
                alpha = image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or (
                    "transparency" in image.info
                )
    except Image.DecompressionBombError:
        return _too_many_pixels(shown, None)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return f"{shown} is not a picture the gallery can read; save it as JPEG, PNG or WebP"
    if turned:
        width, height = height, width
    return PictureFacts(sha256, width, height, alpha)


def _too_many_pixels(shown: str, size: tuple[int, int] | None) -> str:
    found = f" ({size[0]} by {size[1]} pixels)" if size else ""
    return (
        f"{shown} is too large to process{found}: the gallery takes at most "
        f"{MAX_PIXELS / 1_000_000:g} megapixels; save a smaller copy "
        "(at most 4000 pixels wide) and use that"
    )


def _note_path(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / f"{sha256}.json"


def _noted(cache_dir: Path | None, sha256: str) -> PictureFacts | None:
    """Facts noted when these exact bytes passed before, or None (any doubt: look again)."""
    if cache_dir is None:
        return None
    try:
        note = json.loads(_note_path(cache_dir, sha256).read_text(encoding="utf-8"))
        width, height, alpha = note["width"], note["height"], note["alpha"]
        if note["version"] != _NOTE_VERSION or note["limits"] != [MAX_PIXELS, MAX_BYTES]:
            return None
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not (type(width) is int and type(height) is int and width > 0 and height > 0):
        return None
    return PictureFacts(sha256, width, height, alpha is True)


def _note(cache_dir: Path, facts: PictureFacts) -> None:
    note = {
        "version": _NOTE_VERSION,
        "limits": [MAX_PIXELS, MAX_BYTES],
        "width": facts.width,
        "height": facts.height,
        "alpha": facts.alpha,
    }
    # A read-only checkout still builds; the picture is looked at again next time.
    with contextlib.suppress(OSError):
        write_whole(_note_path(cache_dir, facts.sha256), json.dumps(note))
