"""What the theme shows around every page, from the views: site name, copyright, words.

The theme's templates (``overrides/main.html``) read our words as ``clo.t("key")``; the
context is added to each page by the ``on_page_context`` hook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import Markup

from macros.derive.site import ThemeView
from macros.publish.language_links import alternate_links, language_bar

CONFIG_KEY = "clo_theme"
SCRIPT_WORDS = ("review.current", "review.due_soon", "review.overdue", "overview.showing", "menu")
"""Words ``assets/clo.js`` needs on every page."""


def escaping_theme(
    env: jinja2.Environment, cache: jinja2.BytecodeCache | None
) -> jinja2.Environment:
    """The theme's templates with autoescaping on, as our own templates have.

    MkDocs makes the theme's environment without autoescaping, so any data the theme
    writes (the site name in an attribute, a page title) would reach the page as
    markup. With it on, every value is escaped unless it is already markup: the page's
    content (``trusted_html``) and the theme's own blocks and includes.
    """
    env.autoescape = True
    env.bytecode_cache = cache
    return env


def trusted_html(content: str | None) -> Markup | None:
    """The page's HTML, made by MkDocs from the page's Markdown (data in it was escaped or
    sanitised by our macros), marked as markup so the theme places it as it is."""
    return Markup(content) if content is not None else None


def apply_theme(config: Any, theme: ThemeView) -> None:
    """Put the council's site name and copyright line, and our words, into the config."""
    config["site_name"] = theme.site_name
    config["copyright"] = theme.copyright
    config[CONFIG_KEY] = ThemeContext(theme, str(config.get("site_url") or ""))


@dataclass(frozen=True)
class ThemeContext:
    """``clo`` in the theme's templates: one per build."""

    theme: ThemeView
    site_url: str = ""
    """This build's ``site_url`` (a language's own folder in its build)."""

    def t(self, key: str, **values: Any) -> Markup:
        return self.theme.words.markup(key, **values)

    def alternates(self, page: Any) -> list[tuple[str, str]]:
        """(hreflang, full address) of this page in every language, for ``<head>``."""
        return alternate_links(self.theme, self.site_url, page)

    def language_bar(self, page: Any) -> Markup:
        """The language switcher and, in a sample translation, what that means."""
        return language_bar(self.theme, page)

    @cached_property
    def script_words(self) -> Markup:
        """The words for ``clo.js`` as JSON, safe inside a ``<script>`` element."""
        words = self.theme.words.for_script(*SCRIPT_WORDS)
        text = json.dumps(words, ensure_ascii=False, sort_keys=True)
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def theme_context(config: Any) -> ThemeContext | None:
    """The context for the theme's templates, once the macros have set it up."""
    context = config.get(CONFIG_KEY)
    return context if isinstance(context, ThemeContext) else None
