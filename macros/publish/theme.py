"""What the theme shows around every page, from the views: site name, copyright, words.

The theme's templates (``overrides/main.html``) read our words as ``clo.t("key")``; the
context is added to each page by the ``on_page_context`` hook.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import Markup

from macros.derive.site import ThemeView
from macros.publish.language_links import alternate_links, language_bar
from macros.publish.languages import english_titles
from macros.publish.menu import english_marked, usable_menu
from macros.publish.offline import script_json

CONFIG_KEY = "clo_theme"
SCRIPT_WORDS = (
    "review.current",
    "review.due_soon",
    "review.overdue",
    "overview.showing",
    "overview.entry_count",
    "menu",
)
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

    def header_config(self, config: Any) -> Any:
        """The config as the header sees it: with the short ``header_name`` (data/site.yml)
        as the site's name, so that it fits a phone; the page's title, the menu and
        everything else keep the full name.

        >>> from macros.words import load_words
        >>> words = load_words("en-GB")
        >>> theme = ThemeView("Anyshire Care Leaver Offer", "", "en-GB", "ltr", words, "Anyshire")
        >>> ThemeContext(theme).header_config({"site_name": "long", "repo_url": None}).site_name
        'Anyshire'
        """
        if self.theme.header_name is None:
            return config
        return HeaderConfig(config, self.theme.header_name)

    def alternates(self, page: Any) -> list[tuple[str, str]]:
        """(hreflang, full address) of this page in every language, for ``<head>``."""
        return alternate_links(self.theme, self.site_url, page)

    def language_bar(self, page: Any) -> Markup:
        """The language switcher and, in a sample translation, what that means."""
        return language_bar(self.theme, page)

    @cached_property
    def script_words(self) -> Markup:
        """The words for ``clo.js`` as JSON, safe inside a ``<script>`` element."""
        return Markup(script_json(self.theme.words.for_script(*SCRIPT_WORDS)))

    def header(self, html: str, page: Any) -> Markup:
        """Material's header, with the page's title marked as English on another
        language's page whose prose (so its title) is the English, as the menu marks it."""
        current = self.theme.current
        if current is None or current.default:
            return Markup(html)
        titles = english_titles([page], self.theme.names)
        return Markup(english_marked(html, titles, self.theme.own_language.tag))

    def menu(self, html: str, nav: Any = None) -> Markup:
        """Material's menu and table of contents, named for screen readers, with the
        titles of ``nav`` still in English marked as English on another language's pages
        (``macros/publish/menu.py``)."""
        current = self.theme.current
        if nav is not None and current is not None and not current.default:
            own = self.theme.own_language
            html = english_marked(html, english_titles(nav.items, self.theme.names), own.tag)
        return usable_menu(html, self.theme.words)


class HeaderConfig:
    """MkDocs' config with another site name: read like the config by the theme's header.

    >>> HeaderConfig({"site_name": "A", "theme": "t"}, "B")["site_name"], HeaderConfig(
    ...     {"theme": "t"}, "B").theme
    ('B', 't')
    """

    def __init__(self, config: Any, site_name: str) -> None:
        self._config = config
        self.site_name = site_name

    def __getattr__(self, name: str) -> Any:
        try:
            return self._config[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self.site_name if name == "site_name" else self._config[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.site_name if name == "site_name" else self._config.get(name, default)


def theme_context(config: Any) -> ThemeContext | None:
    """The context for the theme's templates, once the macros have set it up."""
    context = config.get(CONFIG_KEY)
    return context if isinstance(context, ThemeContext) else None
