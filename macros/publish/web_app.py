"""Make the site installable: the web app manifest and its icons, drawn with Pillow.

Each icon is the council's initials (``council.short_name`` in data/site.yml) in white
on the theme's main colour, which is read from ``--md-primary-fg-color`` in
``overrides/assets/clo.css``, so the icon, the app's bar and the site match. The letters
use Pillow's own font (the same on every machine), and no service elsewhere is asked.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from macros.derive.site import SiteViews
from macros.derive.web_app import APP_ICONS, MANIFEST, AppIcon, initials, web_manifest

THEME_CSS = Path("assets") / "clo.css"
DEFAULT_COLOUR = "#00574f"
_PRIMARY = re.compile(r"--md-primary-fg-color\s*:\s*(#[0-9a-fA-F]{6})\s*;")


def theme_colour(custom_dir: Path | None) -> str:
    """The theme's main colour from ``clo.css`` in the theme's folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); (folder / "assets").mkdir()
    >>> _ = (folder / THEME_CSS).write_text(":root { --md-primary-fg-color: #123456; }")
    >>> theme_colour(folder), theme_colour(None)
    ('#123456', '#00574f')
    """
    if custom_dir is not None:
        try:
            match = _PRIMARY.search((custom_dir / THEME_CSS).read_text(encoding="utf-8"))
        except OSError:
            match = None
        if match:
            return match.group(1).lower()
    return DEFAULT_COLOUR


def draw_icon(icon: AppIcon, letters: str, colour: str) -> bytes:
    """One icon as PNG bytes: the letters centred on the colour, filling the square.

    A maskable icon keeps its letters inside the middle 60%, the part every phone's
    mask shows; the others use more of the square.
    """
    from PIL import Image, ImageDraw, ImageFont

    size = icon.size
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    share = 0.36 if icon.purpose == "maskable" else 0.5
    if len(letters) > 1:
        share *= 0.8
    if letters:
        font = ImageFont.load_default(size=max(8, round(size * share)))
        stroke = max(1, size // (64 if len(letters) == 1 else 110))  # weight: no bold font
        draw.text(
            (size / 2, size / 2),
            letters,
            fill="#ffffff",
            font=font,
            anchor="mm",
            stroke_width=stroke,
            stroke_fill="#ffffff",
        )
    bar = max(1, size // 24)
    draw.rectangle(
        (size * 0.3, size * 0.76, size * 0.7, size * 0.76 + bar),
        fill="#ffffff",
    )
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def write_web_app(site: SiteViews, site_dir: Path, colour: str) -> None:
    """Write the manifest and every icon into the built site."""
    letters = initials(site.settings.council.short_name)
    for icon in APP_ICONS:
        target = site_dir / icon.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(draw_icon(icon, letters, colour))
    manifest = web_manifest(site.settings, site.words, site.theme.site_name, colour)
    (site_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
