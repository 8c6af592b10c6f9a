"""The web app manifest and icons of the built fixture site (installing it in Chromium is
in ``tests/browser_tests/test_offline.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

from PIL import Image

from macros.derive.site import SiteViews
from macros.derive.web_app import APP_ICONS, MANIFEST
from macros.publish.web_app import theme_colour
from tests.conftest import ROOT, soup_of

BASE = "https://site.test/care-leavers/"


def test_the_manifest_names_the_council_and_opens_the_site(
    site_dir: Path, views: SiteViews
) -> None:
    manifest = json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == views.theme.site_name
    assert manifest["short_name"] == views.settings.council.short_name
    assert manifest["lang"] == views.theme.language
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == theme_colour(ROOT / "overrides")
    for key in ("start_url", "scope", "id"):
        assert urljoin(BASE + MANIFEST, manifest[key]) == BASE, key


def test_every_icon_is_a_png_of_its_size(site_dir: Path) -> None:
    manifest = json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))
    named = {icon["src"]: icon for icon in manifest["icons"]}
    sizes = {
        int(icon["sizes"].split("x")[0]) for icon in named.values() if icon["purpose"] == "any"
    }
    assert {192, 512} <= sizes, "Chromium installs a site with icons of 192 and 512 pixels"
    assert any(icon["purpose"] == "maskable" for icon in named.values())
    for icon in APP_ICONS:
        with Image.open(site_dir / icon.path) as image:
            assert image.format == "PNG" and image.size == (icon.size, icon.size), icon.path
        if icon.path in named:
            assert named[icon.path]["sizes"] == f"{icon.size}x{icon.size}"


def test_pages_name_the_icons(site_dir: Path) -> None:
    soup = soup_of(site_dir / "offer" / "money" / "index.html")
    for rel in ("icon", "apple-touch-icon"):
        link = soup.select_one(f'link[rel="{rel}"]')
        assert link is not None, rel
        target = urljoin(BASE + "offer/money/", str(link["href"])).removeprefix(BASE)
        assert (site_dir / target).is_file(), target
        assert target in {icon.path for icon in APP_ICONS}
