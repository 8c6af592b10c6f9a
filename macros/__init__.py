"""mkdocs-macros entry point: wires the pipeline (``macros/pipeline.py``) to the pages.

``define_env`` runs once per build, before any page is read: it checks and derives the
site, gives the theme its words, and registers the page variables and macros from their
registries; it also makes the printed offer, whose PDF's size the overview shows.
``on_post_build`` writes the exports, pictures, printed offer, web app files and the
service worker. Nothing here works anything out.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros.derive.dates import today
from macros.derive.markdown import save_markdown_cache, use_markdown_cache
from macros.derive.offline import SavedLink
from macros.derive.web_app import FAVICON
from macros.pipeline import CACHE_FOLDER, build_views, problems_text
from macros.problems import DataError
from macros.publish import pdf_ahead
from macros.publish.finder_pages import plan_pages
from macros.publish.glossary import apply_glossary
from macros.publish.languages import (
    build_language,
    builds_beside,
    in_language,
    prose_in_english,
)
from macros.publish.offer_pdf import pdf_is_cached, print_offer, write_printed
from macros.publish.offline import set_up_offline
from macros.publish.outputs import write_outputs
from macros.publish.speed import freeze_build_data, template_cache
from macros.publish.theme import apply_theme
from macros.publish.web_app import theme_colour, write_web_app
from macros.render.engine import cache_templates
from macros.render.html_blocks import stash
from macros.render.macros import MACROS, Macro, PageContext

log = logging.getLogger("mkdocs.plugins.clo")

_CHECKED = "clo_checked"
"""Config key: (day, check report) of the site's own language, for the other languages."""


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build, before any page is read."""
    root = Path(env.conf["config_file_path"]).parent
    cache_templates(template_cache(root))
    use_markdown_cache(root / CACHE_FOLDER)
    language = build_language(env.conf)
    # Another language's build reuses the day and the check of the site's own language,
    # which runs first in the same build: one check, one set of notes, the same data.
    day, checked = env.conf.get(_CHECKED, (None, None)) if language else (None, None)
    try:
        day = day or today()
        site, report = build_views(root, Path(env.conf["docs_dir"]), day, language, checked)
    except DataError as error:
        raise PluginError(problems_text(error.problems)) from None
    if language is None:
        env.conf[_CHECKED] = (day, report)
        for notice in report.notices:
            log.info("note: %s", notice)
    apply_theme(env.conf, site.theme)
    plan_pages(env.conf, site.finder.pages if site.finder is not None else ())
    site_url = str(env.conf["site_url"])
    if (
        language is None
        and len(site.languages) > 1
        and not builds_beside(site.languages)  # each language's process makes its own
        and not pdf_is_cached(site, site_url, root)
    ):
        docs_dir = Path(env.conf["docs_dir"])
        pdf_ahead.start(root, docs_dir, day, env.conf["site_url"], site.languages)
    printed = print_offer(site, site_url, root)
    site = dataclasses.replace(site, printed=printed.offer)
    page_link = SavedLink(printed.offer.page_url, site.words("print.page_link"))
    set_up_offline(env.conf, site, report.calls, (page_link,))
    env.conf["theme"]["favicon"] = FAVICON
    apply_glossary(env.conf, site.glossary, site.words, site.language)
    env.variables.update(site.page_variables)
    for macro in MACROS.values():
        env.macro(_bound(macro, site, env), macro.name)
    env.clo_build = (site, report.data, printed)
    freeze_build_data(let_go=language is None)


def on_pre_page_macros(env: Any) -> None:
    """Before each page: in another language's build, a page whose prose is the English
    (not translated, or changed since) gets the page variables in English, as its prose."""
    site = env.clo_build[0]
    if site.english_prose is None:
        return
    english = prose_in_english(env.page)
    env.variables.update((site.english_prose if english else site).page_variables)


def _bound(macro: Macro, site: Any, env: Any) -> Callable[..., str]:
    """The macro as pages call it: on the current page, a block kept out of Markdown."""

    @functools.wraps(macro.function)
    def call(*args: Any, **kwargs: Any) -> str:
        quiet = site.english_page if prose_in_english(env.page) else None
        html = macro.function(PageContext(quiet or site, env.page), *args, **kwargs)
        if not macro.block:
            return html
        return stash(env.page, in_language(html, env.page, site.language))

    return call


def on_post_build(env: Any) -> None:
    """Write the exports, the gallery pictures, the printed offer and the web app next to
    the pages. The service worker comes after them all, in ``mkdocs_hooks.on_post_build``,
    as it lists what they are."""
    root = Path(env.conf["config_file_path"]).parent
    save_markdown_cache(root / CACHE_FOLDER)
    site, data, printed = env.clo_build
    site_dir = Path(env.conf["site_dir"])
    write_outputs(
        site,
        data,
        str(env.conf["site_url"]),
        root,
        site_dir,
        exports_too=build_language(env.conf) is None,
    )
    write_printed(printed, site_dir)
    custom_dir = env.conf["theme"].custom_dir
    write_web_app(site, site_dir, theme_colour(Path(custom_dir) if custom_dir else None))


__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]
