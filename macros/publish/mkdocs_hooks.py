"""MkDocs hooks (``hooks:`` in mkdocs.yml): thin wiring, each job in its own module.

- safe publishing: ``macros/publish/staging.py``
- build speed (collector, cached theme templates): ``macros/publish/speed.py``
- the theme's words, site name and page language: ``macros/publish/theme.py``,
  ``macros/publish/language.py``
- block macros' HTML put back after Markdown: ``macros/render/html_blocks.py``
- the first use of each glossary term marked: ``macros/publish/glossary.py``

None of these depend on mkdocs-material or mkdocs-macros.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

from macros.publish.glossary import mark
from macros.publish.language import set_language
from macros.publish.speed import template_cache, tune_collector
from macros.publish.staging import Staging
from macros.publish.theme import escaping_theme, theme_context, trusted_html
from macros.render.html_blocks import MisplacedBlock, put_back

_staging = Staging()


def on_startup(command: str, dirty: bool) -> None:
    _staging.start(command)
    tune_collector()


def on_config(config: Any) -> Any:
    return _staging.redirect(config)


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    return escaping_theme(env, template_cache(Path(config["config_file_path"]).parent))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    try:
        html = put_back(html, page)
    except MisplacedBlock as error:
        raise PluginError(str(error)) from None
    return mark(html, page, config)


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


def on_post_build(config: Any) -> None:
    _staging.swap(config)


def on_shutdown() -> None:
    _staging.finish()
