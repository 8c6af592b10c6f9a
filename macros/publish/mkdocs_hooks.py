"""MkDocs hooks (``hooks:`` in mkdocs.yml): thin wiring, each job in its own module.

- safe publishing: ``macros/publish/staging.py``
- build speed (collector, cached theme templates): ``macros/publish/speed.py``
- the theme's words, site name and page language: ``macros/publish/theme.py``,
  ``macros/publish/language.py``
- every language of the site, built beside the site's own: ``macros/publish/languages.py``
- block macros' HTML put back after Markdown: ``macros/render/html_blocks.py``
- the search index, one per language: ``macros/publish/search_index.py``
- each page's critical CSS: ``macros/publish/stylesheets.py``
- the theme's scripts, minified: ``macros/publish/scripts.py``
- the finder's results page made once per age: ``macros/publish/finder_pages.py``
- the offline page: ``macros/publish/offline.py``
- other languages' PDFs made alongside, their workers ended: ``macros/publish/pdf_ahead.py``
- the first use of each glossary term marked: ``macros/publish/glossary.py``

None of these depend on mkdocs-material or mkdocs-macros.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

from macros.publish import pdf_ahead
from macros.publish.finder_pages import make_pages
from macros.publish.glossary import mark
from macros.publish.language import set_language
from macros.publish.languages import (
    build_language,
    build_languages,
    contents_in_english,
    note_command,
    page_source,
    prose_in_english,
    start_beside,
    stop_beside,
    translated_nav,
    translated_title,
    untranslated_page,
    without_translated_pages,
)
from macros.publish.offline import (
    add_offline_page,
    notice_html,
    offline_build,
    offline_page_context,
    write_offline,
)
from macros.publish.outputs import share_exports
from macros.publish.scripts import minify_theme_scripts
from macros.publish.search_index import SearchCollector, write_search_index
from macros.publish.speed import template_cache, tune_collector
from macros.publish.staging import Staging
from macros.publish.stylesheets import Stylesheets, site_stylesheets, with_critical_css
from macros.publish.theme import escaping_theme, theme_context, trusted_html
from macros.render.html_blocks import MisplacedBlock, put_back, table_of_contents
from macros.words import load_words

_staging = Staging()
_search = SearchCollector()
_styles: list[Stylesheets] = []


def on_startup(command: str, dirty: bool) -> None:
    _staging.start(command)
    note_command(command)
    tune_collector()


def on_config(config: Any) -> Any:
    add_offline_page(config)
    if build_language(config) is not None:
        return config  # another language's build, inside the staging folder of this one
    return _staging.redirect(config)


def on_pre_build(config: Any) -> None:
    _search.clear()
    offline = offline_build(config)
    # A saved page shown offline gets the worker's notice: its rules are on every page.
    notice = [str(notice_html(offline.site))] if offline is not None else []
    _styles[:] = [site_stylesheets(config, Path(config["config_file_path"]).parent, notice)]


def _critical(html: str, config: Any) -> str:
    return with_critical_css(html, _styles[0], config["extra_css"]) if _styles else html


def on_files(files: Any, config: Any) -> Any:
    theme = theme_context(config)
    if theme is not None and build_language(config) is None:
        start_beside(config, theme.theme.languages)  # MkDocs has emptied the folder by now
    return make_pages(without_translated_pages(minify_theme_scripts(files, config)), config)


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    theme = theme_context(config)
    return translated_nav(nav, theme.theme.names) if theme is not None else nav


def on_page_read_source(page: Any, config: Any) -> str | None:
    code = build_language(config)
    if code is None:
        return None
    docs_dir = Path(config["docs_dir"])
    english = page.file.content_string
    source, page.clo_freshness = page_source(docs_dir, page.file.src_uri, code, english)
    return source


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    return escaping_theme(env, template_cache(Path(config["config_file_path"]).parent))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    theme = theme_context(config)
    if theme is not None and build_language(config) is not None:
        translated_title(page, theme.theme.names)  # before the search index reads it
    try:
        html = put_back(html, page, toc_depth(config))
    except MisplacedBlock as error:
        raise PluginError(str(error)) from None
    marked = mark(html, page, config)
    if marked != html and getattr(page, "toc", None) is not None:
        # The glossary's "Words on this page" heading, added after Markdown made the
        # table of contents, is listed in it like every heading.
        page.toc = table_of_contents(marked, page.toc, toc_depth(config))
    html = marked
    if theme is not None and not (page.meta.get("search") or {}).get("exclude"):
        prose_lang = theme.theme.own_language.tag if prose_in_english(page) else ""
        _search.add(theme.theme.language, page.url, page.title or "", html, prose_lang)
    if theme is None or build_language(config) is None:
        return html
    if prose_in_english(page) and getattr(page, "toc", None) is not None:
        contents_in_english(page.toc, theme.theme)
    return untranslated_page(html, getattr(page, "clo_freshness", None), theme.theme)


def toc_depth(config: Any) -> int:
    """The deepest heading level a table of contents lists (Markdown's ``toc_depth``,
    a number or a range such as "2-4"; 6 when not set)."""
    depth = str((config.get("mdx_configs") or {}).get("toc", {}).get("toc_depth", 6))
    return int(depth.rsplit("-", 1)[-1])


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    context["clo"] = theme_context(config)
    page.content = trusted_html(page.content)
    return context


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """The same for pages made from the theme alone, such as 404.html and offline.html."""
    context["clo"] = theme_context(config)
    return offline_page_context(context, template_name, config)


def on_post_page(output: str, page: Any, config: Any) -> str:
    theme = theme_context(config)
    if theme is None:
        return output
    return _critical(set_language(output, theme.theme.language, theme.theme.direction), config)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Pages made from the theme alone (404.html): the language of every page, and their
    critical CSS."""
    theme = theme_context(config)
    if theme is None or not template_name.endswith(".html"):
        return output_content
    html = set_language(output_content, theme.theme.language, theme.theme.direction)
    return _critical(html, config)


def on_post_build(config: Any) -> None:
    for language, pages in _search.pages.items():
        words = load_words(language)
        stop_words = frozenset(words("search.stop_words").split())
        prefixes = tuple(words("search.prefixes").split())
        write_search_index(pages, language, stop_words, Path(config["site_dir"]), prefixes)
    # Last of what a build writes: the service worker lists the files written before it.
    offline = offline_build(config)
    if offline is not None:
        write_offline(offline, Path(config["site_dir"]))
    if build_language(config) is not None:
        return  # the site's own build swaps once every language is built
    theme = theme_context(config)
    try:
        if theme is not None:
            build_languages(config, theme.theme.languages)
            others = [language.code for language in theme.theme.languages if not language.default]
            share_exports(Path(config["site_dir"]), others)
    finally:
        pdf_ahead.stop()
        stop_beside()
    _staging.swap(config)


def on_build_error(error: Exception) -> None:
    pdf_ahead.stop()  # no worker goes on making a PDF for a build that failed
    stop_beside()  # nor another language's build


def on_shutdown() -> None:
    pdf_ahead.stop()
    stop_beside()
    _staging.finish()
