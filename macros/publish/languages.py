"""Every language of the site in one ``mkdocs build``: the site's own at the root of the
site, each language under ``languages:`` in data/site.yml in ``<site>/<code>/``.

After the build of the site's own language has written its pages (into the staging
folder, see ``staging.py``), ``build_languages`` runs MkDocs' own build again once for
each other language, into ``<staging>/<code>/``, with ``config["clo_language"]`` set to
its code. In that build:

- ``define_env`` (``macros/__init__.py``) derives the views in that language (current
  translations put in, the English with a notice for the rest) from the data the site's
  own language read and checked: one check, and one set of notes, for the whole build;
- Material's own words come from its language pack (``theme.language``), its layout from
  the language's direction (``theme.direction``: Arabic is mirrored);
- a page with a current translation beside it (``docs/offer/money.ar.md``, whose
  ``made_from`` is the fingerprint of ``money.md`` as it is now) is read instead of the
  English (``page_source``); any other page is the English, marked ``lang`` (the English
  tag) with a notice;
- the search plugin writes that language's own index, ``<code>/search/search_index.json``
  (any index writer that runs in ``on_post_build`` writes into ``config["site_dir"]``,
  which is the language's folder, and can read the language with ``build_language``);
- the exports (review.json, the Open Referral feed) are written once, by the site's own
  language, at the root.

Only when every language is built is the staging folder swapped in: a failure in any
language leaves the last good site as it was.

Why not mkdocs-static-i18n: it reads its languages from mkdocs.yml (ours are data), and
it builds the other languages from its own ``on_post_build``, which runs after our swap
(so they would be written into the live site, half-published if one failed) and re-enters
``on_config`` (where our safe publishing takes its lock: the build waited for itself).
Our content is mostly data, translated by entry, which it does not cover; what it would
add for pages (a ``.ar.md`` beside each page) is the few lines of ``page_source``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from macros.derive.site import ThemeView
from macros.derive.translations import Freshness, LanguageView, freshness
from macros.publish.pdf_ahead import language_site_url
from macros.render.engine import render
from macros.validate.pages import english_page
from macros.validate.rules.translations import fingerprint

log = logging.getLogger("mkdocs.plugins.clo")

LANGUAGE_KEY = "clo_language"
"""Config key: the code of the language being built; absent for the site's own."""


def build_language(config: Any) -> str | None:
    """The code of the language this build writes (``ar``), or None for the site's own.

    >>> build_language({}), build_language({"clo_language": "ar"})
    (None, 'ar')
    """
    code = config.get(LANGUAGE_KEY)
    return code if isinstance(code, str) else None


def theme_language(theme_dirs: list[str], code: str) -> str:
    """The language pack of Material to use for ``code``: its own, its base language's
    (``pt`` for ``pt-BR`` when there is none), or English.

    >>> import material, os
    >>> dirs = [os.path.join(os.path.dirname(material.__file__), "templates")]
    >>> theme_language(dirs, "ar"), theme_language(dirs, "ti")
    ('ar', 'en')
    """
    for candidate in (code, code.split("-")[0]):
        for folder in theme_dirs:
            if os.path.isfile(os.path.join(folder, "partials", "languages", f"{candidate}.html")):
                return candidate
    return "en"


@contextmanager
def _settings_for(config: Any, language: LanguageView, site_dir: str) -> Iterator[None]:
    """The config of one language's build; the site's own settings put back after it."""
    saved = {key: config[key] for key in ("site_dir", "site_url")}
    saved_theme = {key: config.theme[key] for key in ("language",) if key in config.theme}
    had_direction = "direction" in config.theme
    saved_direction = config.theme["direction"] if had_direction else None
    try:
        config[LANGUAGE_KEY] = language.code
        config["site_dir"] = os.path.join(site_dir, language.code)
        config["site_url"] = language_site_url(config["site_url"], language)
        config.theme["language"] = theme_language(list(config.theme.dirs), language.code)
        config.theme["direction"] = language.direction
        yield
    finally:
        config.pop(LANGUAGE_KEY, None)
        for key, value in saved.items():
            config[key] = value
        for key, value in saved_theme.items():
            config.theme[key] = value
        if had_direction:
            config.theme["direction"] = saved_direction
        elif "direction" in config.theme:
            del config.theme["direction"]


def build_languages(config: Any, languages: tuple[LanguageView, ...]) -> None:
    """Build every language but the site's own into ``<site_dir>/<code>/``.

    Runs MkDocs' whole build for each, so each gets every page, its menu, its search
    index and Material's words in its language. Raises if any fails.
    """
    from mkdocs.commands.build import build  # MkDocs' own build, run once per language

    site_dir = str(config["site_dir"])
    for language in languages:
        if language.default:
            continue
        log.info("Building the pages in %s (%s)", language.name, language.code)
        with _settings_for(config, language, site_dir):
            build(config)


def page_source(docs_dir: Path, src_uri: str, code: str) -> tuple[str | None, Freshness]:
    """The Markdown a page in language ``code`` is built from: its translation beside it
    when that was made from the English page as it is now (else None: the English), and
    how fresh the translation is.

    >>> import tempfile
    >>> docs = Path(tempfile.mkdtemp())
    >>> _ = (docs / "a.md").write_text("# Money\\n", encoding="utf-8")
    >>> page_source(docs, "a.md", "ar")
    (None, <Freshness.missing: 'missing'>)
    >>> made = fingerprint("# Money\\n")
    >>> _ = (docs / "a.ar.md").write_text(f"---\\nmade_from: {made}\\n---\\n# المال\\n", encoding="utf-8")
    >>> page_source(docs, "a.md", "ar")[1]
    <Freshness.current: 'current'>
    """
    english_path = docs_dir / src_uri
    translated_path = english_path.with_name(f"{english_path.stem}.{code}.md")
    if not translated_path.is_file():
        return None, Freshness.missing
    translated = translated_path.read_text(encoding="utf-8-sig")
    english = english_path.read_text(encoding="utf-8-sig")
    state = freshness(_made_from(translated), fingerprint(english))
    return (translated if state is Freshness.current else None), state


def _made_from(text: str) -> str | None:
    if not text.startswith("---"):
        return None
    try:
        front = next(yaml.safe_load_all(text))
    except yaml.YAMLError:
        return None
    made_from = front.get("made_from") if isinstance(front, dict) else None
    return str(made_from) if made_from is not None else None


def without_translated_pages(files: Any) -> Any:
    """The site's files less every translated page (``money.ar.md``): each is read in place
    of its English page in its language's build, never published at its own address."""
    for file in list(files.documentation_pages()):
        if english_page(file.src_uri) is not None:
            files.remove(file)
    return files


def translated_nav(nav: Any, names: Mapping[str, str]) -> Any:
    """The menu with each title found under ``names:`` in the language's site file."""
    if not names:
        return nav

    def walk(items: list[Any]) -> None:
        for item in items:
            title = getattr(item, "title", None)
            if isinstance(title, str) and title in names:
                item.title = names[title]
            children = getattr(item, "children", None)
            if children:
                walk(children)

    walk(nav.items)
    return nav


def untranslated_page(html: str, state: Freshness | None, theme: ThemeView) -> str:
    """A page in another language whose prose is the English: its prose marked with the
    English's language tag, under a notice in the reader's language. A translated page is
    returned as it is."""
    if state is None or state is Freshness.current or theme.current is None:
        return html
    own = next(language for language in theme.languages if language.default)
    notice = render("language-notice.html", theme.words, changed=state is Freshness.changed)
    # Joined here, not in a template: render() trims lines, which the page's HTML keeps.
    return f'{notice}\n<div class="clo-in-language" lang="{own.tag}" dir="{own.direction}">\n{html}\n</div>'


def in_language(html: str, page: Any, language: LanguageView | None) -> str:
    """A block of a macro on a page whose prose is the English, marked with the page's
    language (the block is in it, whatever the prose around it)."""
    state = getattr(page, "clo_freshness", None)
    if language is None or state is None or state is Freshness.current:
        return html
    return f'<div class="clo-in-language" lang="{language.tag}" dir="{language.direction}">\n{html}\n</div>'
