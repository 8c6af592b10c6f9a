"""macros.derive.web_app: the manifest from the council's data."""

from __future__ import annotations

from macros.derive.site import SiteViews
from macros.derive.web_app import APP_ICONS, initials, web_manifest


def test_the_manifest_comes_from_the_data_and_the_words(views: SiteViews) -> None:
    manifest = web_manifest(views.settings, views.words, views.theme.site_name, "#00574f")
    assert manifest["name"] == views.theme.site_name
    assert manifest["description"] == views.words(
        "app.description", council=views.settings.council.name
    )
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"
    assert manifest["theme_color"] == "#00574f"
    listed = {icon["src"] for icon in manifest["icons"]}
    assert listed == {icon.path for icon in APP_ICONS if icon.purpose in {"any", "maskable"}}
    assert not any(icon["src"].startswith(("/", "http")) for icon in manifest["icons"])


def test_initials_are_letters_and_digits_only() -> None:
    assert initials("Anyshire") == "A"
    assert initials("North East Lincolnshire") == "NE"
    assert initials("<script>") == "S"
    assert initials("— —") == ""
