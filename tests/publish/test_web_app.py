"""macros.publish.web_app: icons drawn from the council's name on the theme's colour."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from macros.derive.web_app import APP_ICONS
from macros.publish.web_app import DEFAULT_COLOUR, draw_icon, theme_colour
from tests.conftest import ROOT


def test_the_colour_comes_from_the_theme_css() -> None:
    css = (ROOT / "overrides" / "assets" / "clo.css").read_text(encoding="utf-8")
    colour = theme_colour(ROOT / "overrides")
    assert f"--md-primary-fg-color: {colour};" in css.lower()


def test_a_theme_without_the_colour_gets_the_default(tmp_path: Path) -> None:
    assert theme_colour(tmp_path) == DEFAULT_COLOUR


def test_an_icon_is_the_colour_with_white_letters_in_its_safe_zone() -> None:
    for icon in APP_ICONS:
        with Image.open(io.BytesIO(draw_icon(icon, "TB", "#123456"))) as image:
            pixels = image.convert("RGB")
            assert pixels.size == (icon.size, icon.size)
            assert pixels.getpixel((0, 0)) == (0x12, 0x34, 0x56), "full bleed, no transparency"
            # The letters (white) stay inside the middle 80%, which any mask shows.
            white = Image.eval(pixels.convert("L"), lambda value: 255 if value == 255 else 0)
            box = white.getbbox()
            assert box is not None, icon.path
            margin = icon.size * 0.1
            assert margin <= min(box[:2]) and max(box[2:]) <= icon.size - margin, icon.path


def test_no_letters_still_makes_an_icon() -> None:
    with Image.open(io.BytesIO(draw_icon(APP_ICONS[0], "", "#123456"))) as image:
        assert image.size == (APP_ICONS[0].size, APP_ICONS[0].size)
