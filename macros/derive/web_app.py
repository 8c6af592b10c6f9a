"""The web app manifest: what a phone shows when the site is added to its home screen.

Pure functions from the council's data and the words of the interface; the icons are
drawn by ``macros/publish/web_app.py`` from the same data (the council's initials on the
theme's colour), so nothing comes from a third-party service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from macros.validate.model import SiteSettings
from macros.words import Words

MANIFEST = "manifest.webmanifest"
ICON_FOLDER = "assets/icons/"
BACKGROUND = "#ffffff"


@dataclass(frozen=True)
class AppIcon:
    """One icon file: its path in the site, its size in pixels and what it is for."""

    path: str
    size: int
    purpose: str
    """``any``, ``maskable`` (Android crops it to its own shape), ``apple`` (iOS's home
    screen) or ``favicon`` (the browser's tab)."""


APP_ICONS: tuple[AppIcon, ...] = (
    AppIcon(f"{ICON_FOLDER}icon-192.png", 192, "any"),
    AppIcon(f"{ICON_FOLDER}icon-512.png", 512, "any"),
    AppIcon(f"{ICON_FOLDER}icon-maskable-512.png", 512, "maskable"),
    AppIcon(f"{ICON_FOLDER}apple-touch-icon.png", 180, "apple"),
    AppIcon(f"{ICON_FOLDER}favicon-48.png", 48, "favicon"),
)
"""Every icon drawn: Chromium asks for 192 and 512 pixels to install the site, iOS
reads ``apple-touch-icon``, and the tab shows the small one."""
FAVICON = next(icon.path for icon in APP_ICONS if icon.purpose == "favicon")
APPLE_ICON = next(icon.path for icon in APP_ICONS if icon.purpose == "apple")


def initials(name: str) -> str:
    """One or two letters for the icon: the first letter of the first two words.

    >>> initials("Anyshire"), initials("North Yorkshire"), initials('Testborough" onmouseover')
    ('A', 'NY', 'TO')
    >>> initials("Isle of Wight Council"), initials("***")
    ('IO', '')
    """
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "".join(word[0] for word in words[:2]).upper()


def web_manifest(
    settings: SiteSettings, words: Words, site_name: str, colour: str
) -> dict[str, Any]:
    """The manifest, its addresses relative to itself (at the site's root), so the app
    opens the site wherever it is published.

    Example: ``web_manifest(settings, words, "Anyshire Care Leaver Offer", "#00574f")["start_url"]``
    -> ``'./'``
    """
    return {
        "name": site_name,
        "short_name": words("app.short_name", short_name=settings.council.short_name),
        "description": words("app.description", council=settings.council.name),
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "lang": words.language,
        "dir": words.direction,
        "background_color": BACKGROUND,
        "theme_color": colour,
        "icons": [
            {
                "src": icon.path,
                "sizes": f"{icon.size}x{icon.size}",
                "type": "image/png",
                "purpose": icon.purpose,
            }
            for icon in APP_ICONS
            if icon.purpose in {"any", "maskable"}
        ],
    }
