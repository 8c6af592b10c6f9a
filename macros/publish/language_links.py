"""Links between the languages of a page: the switcher at the top of every page and the
``hreflang`` alternates in its ``<head>``, from the views of the build's language."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from macros.derive.site import ThemeView
from macros.derive.urls import relative_url
from macros.render.engine import render


def _page_url(page: Any) -> str | None:
    url = getattr(page, "url", None)
    return url if isinstance(url, str) else None


def alternate_links(theme: ThemeView, site_url: str, page: Any) -> list[tuple[str, str]]:
    """(hreflang, full address) of ``page`` in every language, and ``x-default`` for the
    site's own; none for a site in one language or a page that is not in every language.

    >>> from macros.derive.translations import LanguageView
    >>> from types import SimpleNamespace
    >>> en = LanguageView("en-GB", "en-GB", "English", "ltr", "", True, True)
    >>> ar = LanguageView("ar", "ar", "العربية", "rtl", "ar/", False, False)
    >>> theme = SimpleNamespace(languages=(en, ar), current=ar, own_language=en)
    >>> alternate_links(theme, "https://example.org/x/ar/", SimpleNamespace(url="offer/"))[1:]
    [('ar', 'https://example.org/x/ar/offer/'), ('x-default', 'https://example.org/x/offer/')]
    """
    url = _page_url(page)
    current = theme.current
    if url is None or current is None or len(theme.languages) < 2 or not site_url:
        return []
    root = site_url.removesuffix(current.prefix) if current.prefix else site_url
    links = [(language.tag, f"{root}{language.prefix}{url}") for language in theme.languages]
    own = theme.own_language
    return [*links, ("x-default", f"{root}{own.prefix}{url}")]


def language_bar(theme: ThemeView, page: Any) -> Markup:
    """The switcher: a link to this page in each other language, each named in its own
    language; in a translation not yet checked, a line saying so. Nothing for a site in
    one language."""
    url = _page_url(page)
    current = theme.current
    if url is None or current is None or len(theme.languages) < 2:
        return Markup("")
    here = f"{current.prefix}{url}"
    links = [
        (language, relative_url(here, f"{language.prefix}{url}") or "./")
        for language in theme.languages
    ]
    return render(
        "language-bar.html",
        theme.words,
        links=links,
        current=current,
        sample=not current.default and not current.checked_by_translator,
    )
