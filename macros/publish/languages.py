"""Every language of the site in one ``mkdocs build``: the site's own at the root of the
site, each language under ``languages:`` in data/site.yml in ``<site>/<code>/``.

MkDocs' own build runs again once for each other language, into ``<staging>/<code>/``
(the staging folder of safe publishing, see ``staging.py``), with
``config["clo_language"]`` set to its code. In a ``mkdocs build`` with a spare processor,
each starts in a forked copy of this process as soon as the site's own build has emptied
its folder, and runs beside it (``start_beside``); elsewhere (``mkdocs serve``, one
processor, macOS, Windows) ``build_languages`` runs them one after another once the
site's own pages are written. In that build:

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
import re
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from macros.derive.markdown import keep_snippets, save_markdown_cache, used_snippets
from macros.derive.site import ThemeView
from macros.derive.translations import Freshness, LanguageView, freshness, has_prose
from macros.pipeline import CACHE_FOLDER
from macros.publish import side_by_side
from macros.publish.pdf_ahead import language_site_url, spare_processors
from macros.publish.side_by_side import Running
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


@dataclass(frozen=True)
class _Beside:
    """The other languages' builds running beside the site's own."""

    languages: tuple[LanguageView, ...]
    running: tuple[Running, ...]


_together = [False]
"""Whether this run may build the other languages beside the site's own."""
_beside: list[_Beside] = []


def note_command(command: str) -> None:
    """Remember which MkDocs command runs: only ``mkdocs build`` builds languages beside
    each other (``serve`` rebuilds in threads, and a forked process has only one)."""
    _together[0] = command == "build"


def builds_beside(languages: tuple[LanguageView, ...]) -> bool:
    """Whether this build's other languages are each built in a forked process, beside
    the site's own: in a ``mkdocs build`` with another language, where ``can_fork``.

    Example: ``mkdocs build`` of a site in English and Arabic on a two-processor Linux
    machine -> True; ``mkdocs serve``, or a site in one language -> False.
    """
    others = any(not language.default for language in languages)
    return _together[0] and others and can_fork()


def start_beside(config: Any, languages: tuple[LanguageView, ...]) -> None:
    """Start each other language's build in a forked process of its own, now, while this
    one builds the site's own pages (``build_languages`` waits for them), when
    ``builds_beside``.

    Called once this build has emptied its folder (MkDocs cleans it before ``on_files``):
    each process writes only into its language's folder, ``<staging>/<code>/``. Each is a
    copy of this build with the data read and checked and the views worked out, so
    nothing is read twice; what it converted from Markdown is sent back and kept in this
    build's cache with the rest, so that the next build reuses every language's.
    """
    stop_beside()
    if not builds_beside(languages):
        return
    from mkdocs.commands.build import build  # MkDocs' own build, run once per language

    site_dir = str(config["site_dir"])
    others = tuple(language for language in languages if not language.default)
    known = frozenset(used_snippets())  # this build keeps its own: each sends what it adds

    def job(language: LanguageView) -> Callable[[], dict[str, str]]:
        def run() -> dict[str, str]:
            with _settings_for(config, language, site_dir):
                build(config)
            return {key: html for key, html in used_snippets().items() if key not in known}

        return run

    names = ", ".join(f"{language.name} ({language.code})" for language in others)
    log.info("Building the pages in %s, side by side", names)
    running = side_by_side.start([(language.code, job(language)) for language in others])
    _beside.append(_Beside(others, running))


def stop_beside() -> None:
    """End the other languages' builds still running (this build failed) and forget them."""
    while _beside:
        side_by_side.stop(_beside.pop().running)


def build_languages(config: Any, languages: tuple[LanguageView, ...]) -> None:
    """Build every language but the site's own into ``<site_dir>/<code>/``.

    Runs MkDocs' whole build for each, so each gets every page, its menu, its search
    index and Material's words in its language. Raises if any fails. When they were
    started beside this build (``start_beside``), waits for them; else builds them here,
    one after another.
    """
    from mkdocs.commands.build import build

    if _beside:
        _finish_beside(config, _beside.pop())
        return
    site_dir = str(config["site_dir"])
    for language in languages:
        if not language.default:
            log.info("Building the pages in %s (%s)", language.name, language.code)
            with _settings_for(config, language, site_dir):
                build(config)


def _finish_beside(config: Any, beside: _Beside) -> None:
    """Wait for the languages built beside this build; raise MkDocs' Abort with the first
    failure's line once all have ended."""
    from mkdocs.exceptions import Abort

    finished = side_by_side.finish(beside.running)
    for done in finished:
        if isinstance(done.kept, dict):
            keep_snippets(done.kept)
    save_markdown_cache(Path(config["config_file_path"]).parent / CACHE_FOLDER)
    for language, done in zip(beside.languages, finished, strict=True):
        if done.error is not None and done.error.startswith("Aborted"):
            raise Abort(done.error)  # MkDocs' own last line; the problem is logged above it
        if done.error is not None:
            raise Abort(f"Aborted: the pages in {language.name} were not built: {done.error}")


def can_fork() -> bool:
    """Whether this process may build languages in forked processes: on Linux (macOS's
    system libraries are not safe to use after a fork; Windows has none), with a spare
    processor, and no thread but this one (a forked process has only the thread that
    forked; a lock another thread held would stay held).

    Example: ``mkdocs build`` on a two-processor Linux machine -> True; with a thread
    of ``mkdocs serve`` running -> False.
    """
    return (
        sys.platform.startswith("linux")
        and spare_processors() > 0
        and threading.active_count() == 1
    )


def page_source(
    docs_dir: Path, src_uri: str, code: str, english: str
) -> tuple[str | None, Freshness]:
    """The Markdown a page in language ``code`` is built from: its translation beside it
    when that was made from ``english``, the English page as it is now (else None: the
    English), and how fresh the translation is.

    >>> import tempfile
    >>> docs = Path(tempfile.mkdtemp())
    >>> page_source(docs, "a.md", "ar", "# Money")
    (None, <Freshness.missing: 'missing'>)
    >>> page_source(docs, "b.md", "ar", "{{ finder_where() }}")
    (None, <Freshness.current: 'current'>)
    >>> made = fingerprint("# Money")
    >>> _ = (docs / "a.ar.md").write_text(f"---\\nmade_from: {made}\\n---\\n# المال\\n", encoding="utf-8")
    >>> page_source(docs, "a.md", "ar", "# Money")[1]
    <Freshness.current: 'current'>
    """
    english_path = docs_dir / src_uri
    translated_path = english_path.with_name(f"{english_path.stem}.{code}.md")
    if not translated_path.is_file():
        # A page of macros alone is in the reader's language as it is.
        return None, (Freshness.missing if has_prose(english) else Freshness.current)
    translated = translated_path.read_text(encoding="utf-8-sig")
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


def english_titles(items: list[Any], names: Mapping[str, str]) -> frozenset[str]:
    """The titles of the menu's ``items`` (and their children) still in English on a page
    in another language: each section or link that ``names:`` does not translate, and
    each page whose prose is the English (so is its title) unless ``names:`` translates
    its title.

    >>> class Item:
    ...     def __init__(self, title, page=False, english=False, children=()):
    ...         self.title, self.is_page, self.children = title, page, list(children)
    ...         self.clo_freshness = Freshness.missing if english else Freshness.current
    >>> class Nav: items = [Item("Offer", children=[Item("Money", page=True, english=True),
    ...     Item("المال", page=True)]), Item("يساعد", children=[Item("Home", page=True)])]
    >>> sorted(english_titles(Nav.items, {"Help": "يساعد"}))
    ['Money', 'Offer']
    """
    translated = set(names.values())
    found: set[str] = set()

    def walk(items: list[Any]) -> None:
        for item in items:
            title = getattr(item, "title", None)
            english = not getattr(item, "is_page", False) or prose_in_english(item)
            if isinstance(title, str) and title not in translated and english:
                found.add(title)
            walk(getattr(item, "children", None) or [])

    walk(items)
    return frozenset(found)


def translated_title(page: Any, names: Mapping[str, str]) -> None:
    """The title a page gives in its front matter, as ``names:`` translates it: the tab's
    title and the search index read it (before the menu's title), e.g. "Where do you
    live?" on a finder question.

    >>> class Page: meta = {"title": "Where do you live?"}
    >>> page = Page()
    >>> translated_title(page, {"Where do you live?": "أين تعيش؟"})
    >>> page.meta["title"]
    'أين تعيش؟'
    """
    title = page.meta.get("title")
    if isinstance(title, str) and title in names:
        page.meta["title"] = names[title]


def untranslated_page(html: str, state: Freshness | None, theme: ThemeView) -> str:
    """A page in another language whose prose is the English: its prose marked with the
    English's language tag, under a notice in the reader's language. A translated page is
    returned as it is."""
    if state is None or state is Freshness.current or theme.current is None:
        return html
    own = theme.own_language
    notice = render("language-notice.html", theme.words, changed=state is Freshness.changed)
    # Joined here, not in a template: render() trims lines, which the page's HTML keeps.
    return f'{notice}\n<div class="clo-in-language" lang="{own.tag}" dir="{own.direction}">\n{html}\n</div>'


def prose_in_english(page: Any) -> bool:
    """Whether the page is another language's page whose prose is the English, under the
    page's notice (``page_source`` set its state)."""
    return getattr(page, "clo_freshness", None) not in (None, Freshness.current)


_HEADING_WITHOUT_LANG = re.compile(r"<(h[1-6])\b(?![^>]*\slang=)")
_TITLE_LANG = re.compile(r"\s*<span lang=")


def in_language(html: str, page: Any, language: LanguageView | None) -> str:
    """A block of a macro on a page whose prose is the English, marked with the page's
    language (the block is in it, whatever the prose around it). Its headings are marked
    one by one too: the table of contents lists each in its own heading's language.

    >>> class Page: clo_freshness = Freshness.missing
    >>> arabic = LanguageView("ar", "ar", "العربية", "rtl", "ar/", False, True)
    >>> print(in_language('<h2 id="a">أ</h2><h3 lang="en-GB">B</h3>', Page(), arabic))
    <div class="clo-in-language" lang="ar" dir="rtl">
    <h2 lang="ar" dir="rtl" id="a">أ</h2><h3 lang="en-GB">B</h3>
    </div>
    """
    if language is None or not prose_in_english(page):
        return html
    marks = f'lang="{language.tag}" dir="{language.direction}"'
    html = _HEADING_WITHOUT_LANG.sub(lambda match: f"<{match.group(1)} {marks}", html)
    return f'<div class="clo-in-language" {marks}>\n{html}\n</div>'


def contents_in_english(toc: Any, theme: ThemeView) -> None:
    """On a page whose prose is the English, the table of contents' titles of its
    headings marked as English, as the prose is; those of a macro's block are marked
    with their heading's language already (``in_language``).

    >>> from types import SimpleNamespace as Item
    >>> toc = [Item(title="Rent", children=[Item(title='<span lang="ar">أ</span>', children=[])])]
    >>> english = LanguageView("en-GB", "en-GB", "English", "ltr", "", True, True)
    >>> contents_in_english(toc, Item(own_language=english))
    >>> [str(toc[0].title), toc[0].children[0].title]
    ['<span lang="en-GB" dir="ltr">Rent</span>', '<span lang="ar">أ</span>']
    """
    own = theme.own_language
    for item in toc:
        if not _TITLE_LANG.match(str(item.title)):
            item.title = (
                Markup('<span lang="{}" dir="{}">').format(own.tag, own.direction)
                + Markup(item.title)
                + Markup("</span>")
            )
        contents_in_english(item.children, theme)
