"""MkDocs hooks (``hooks:`` in mkdocs.yml): thin wiring, each job in its own module.

- safe publishing: ``macros/publish/staging.py``
- build speed (collector, cached theme templates): ``macros/publish/speed.py``
- the theme's words, site name and page language: ``macros/publish/theme.py``,
  ``macros/publish/language.py``
- every language of the site, built after the site's own: ``macros/publish/languages.py``
- block macros' HTML put back after Markdown: ``macros/render/html_blocks.py``

None of these depend on mkdocs-material or mkdocs-macros.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

from macros.publish.language import set_language
from macros.publish.languages import (
    build_language,
    build_languages,
    page_source,
    translated_nav,
    untranslated_page,
    without_translated_pages,
)
from macros.publish.speed import template_cache, tune_collector
from macros.publish.staging import Staging
from macros.publish.theme import escaping_theme, theme_context, trusted_html
from macros.render.html_blocks import MisplacedBlock, put_back

_staging = Staging()


def on_startup(command: str, dirty: bool) -> None:
    _staging.start(command)
    tune_collector()


def on_config(config: Any) -> Any:
    if build_language(config) is not None:
        return config  # another language's build, inside the staging folder of this one
    return _staging.redirect(config)


def on_files(files: Any, config: Any) -> Any:
    return without_translated_pages(files)


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    theme = theme_context(config)
    return translated_nav(nav, theme.theme.names) if theme is not None else nav


def on_page_read_source(page: Any, config: Any) -> str | None:
    code = build_language(config)
    if code is None:
        return None
    source, page.clo_freshness = page_source(Path(config["docs_dir"]), page.file.src_uri, code)
    return source


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    return escaping_theme(env, template_cache(Path(config["config_file_path"]).parent))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    try:
        html = put_back(html, page)
    except MisplacedBlock as error:
        raise PluginError(str(error)) from None
    theme = theme_context(config)
    if theme is None or build_language(config) is None:
        return html
    return untranslated_page(html, getattr(page, "clo_freshness", None), theme.theme)


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    context["clo"] = theme_context(config)
    page.content = trusted_html(page.content)
    return context


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """The same for pages made from the theme alone, such as 404.html."""
    context["clo"] = theme_context(config)
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    theme = theme_context(config)
    if theme is None:
        return output
    return set_language(output, theme.theme.language, theme.theme.direction)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The language of pages made from the theme alone (404.html), as of every page."""
    theme = theme_context(config)
    if theme is None or not template_name.endswith(".html"):
        return output_content
    return set_language(output_content, theme.theme.language, theme.theme.direction)


def on_post_build(config: Any) -> None:
    if build_language(config) is not None:
        return  # the site's own build swaps once every language is built
    theme = theme_context(config)
    if theme is not None:
        build_languages(config, theme.theme.languages)
    _staging.swap(config)


def on_shutdown() -> None:
    _staging.finish()
