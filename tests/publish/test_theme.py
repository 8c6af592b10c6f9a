"""macros.publish.theme and language: what the theme shows comes from data and the words."""

from __future__ import annotations

import json

from macros.derive.site import SiteViews
from macros.publish.language import set_language
from macros.publish.theme import CONFIG_KEY, SCRIPT_WORDS, apply_theme, theme_context


def test_site_name_copyright_and_words_reach_the_config(views: SiteViews) -> None:
    config: dict[str, object] = {"site_name": "placeholder"}
    apply_theme(config, views.theme)
    # Plain text, as written: the theme escapes it (it may hold quotes and brackets).
    council = views.settings.council
    assert config["site_name"] == f"{council.short_name} Care Leaver Offer"
    assert config["copyright"] == f"© {council.name}"
    context = theme_context(config)
    assert context is not None and str(context.t("footer.need_help")) == "Need help now?"
    assert theme_context({}) is None
    assert CONFIG_KEY in config


def test_script_words_are_json_that_cannot_close_the_script_element(views: SiteViews) -> None:
    config: dict[str, object] = {}
    apply_theme(config, views.theme)
    context = theme_context(config)
    assert context is not None
    text = str(context.script_words)
    assert "<" not in text and ">" not in text
    words = json.loads(text)
    assert words["review.overdue"] == views.words("review.overdue")
    assert all(any(key.startswith(prefix) for prefix in SCRIPT_WORDS) for key in words)


def test_language_and_direction_on_the_html_element() -> None:
    page = '<!doctype html>\n<html lang="en" class="no-js"><head></head></html>'
    assert '<html lang="ar" dir="rtl" class="no-js">' in set_language(page, "ar", "rtl")
    assert set_language("<p>no html element</p>", "en-GB", "ltr") == "<p>no html element</p>"
