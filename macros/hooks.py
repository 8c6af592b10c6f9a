"""MkDocs hooks that do not depend on the theme.

Loaded by path from mkdocs.yml (``hooks:``), so this file imports nothing
from the macros package.

1. ``lang``: every page gets ``extra.html_lang`` (default ``en-GB``).
2. Speed: the theme's compiled templates are cached in ``.cache/jinja/`` (the macros
   package uses the same ``template_cache`` for its own), the cycle collector runs
   less often (see ``on_env`` and ``gc.set_threshold``), and block macros' HTML is
   put back after Markdown (``on_page_content``, see macros/html_blocks.py).
3. Safe publishing: ``mkdocs build`` writes into a staging folder next to the
   site folder and swaps it in only when the build succeeded, strict
   warnings included. A failed build leaves the last good site exactly as
   it was, so CI never publishes half a site.
"""

from __future__ import annotations

import gc
import logging
import re
import shutil
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

# A build is a short batch job that allocates millions of small objects and frees
# few of them before it ends; Python's default (a collection every 700 new
# objects) spent about 5-10% of a build walking them again. Fewer collections
# of the young generation, same memory bound in practice (checked with the
# build-scaling benchmark's peak RSS).
gc.set_threshold(20_000, 20, 20)
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Staging:
    """Where this build writes, and where the result goes if it succeeds."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.site_dir: Path | None = None
        self.staging_dir: Path | None = None
        self.counter: _WarningCounter | None = None

    def reset(self) -> None:
        if self.staging_dir is not None:
            shutil.rmtree(self.staging_dir, ignore_errors=True)
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
        self.command = self.site_dir = self.staging_dir = self.counter = None


_state = _Staging()


def on_startup(command: str, dirty: bool) -> None:
    _state.command = command


def on_config(config: Any) -> Any:
    if _state.command != "build":  # serve builds into its own temporary folder
        return config
    site_dir = Path(config["site_dir"])
    staging_dir = site_dir.with_name(site_dir.name + ".partial")
    shutil.rmtree(staging_dir, ignore_errors=True)
    _state.site_dir, _state.staging_dir = site_dir, staging_dir
    _state.counter = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(_state.counter)
    config["site_dir"] = str(staging_dir)
    return config


def on_post_build(config: Any) -> None:
    site_dir, staging_dir = _state.site_dir, _state.staging_dir
    if site_dir is None or staging_dir is None:
        return
    if config["strict"] and _state.counter is not None and _state.counter.count:
        return  # MkDocs aborts next; keep the last good site
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging_dir.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    config["site_dir"] = str(site_dir)


def on_shutdown() -> None:
    _state.reset()


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Set the page language to British English (``extra.html_lang``).

    Material's translations only know plain ``en``; screen readers pick a
    British voice from ``en-GB``.

    >>> on_post_page('<html lang="en" class="no-js">', None, {"extra": {"html_lang": "en-GB"}})
    '<html lang="en-GB" class="no-js">'
    """
    lang = (config.get("extra") or {}).get("html_lang", "en-GB")
    return _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)


# Macro HTML left out of Markdown (see macros/html_blocks.py, which sets these).
_BLOCKS_ATTRIBUTE = "clo_html_blocks"
_TOKEN = re.compile(r"(?:<p>)?(clo-html-block-[0-9a-f]+-[0-9]+)(?:</p>)?")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the HTML of block macros back in place of their tokens.

    >>> class Page: pass
    >>> page = Page()
    >>> page.present_anchor_ids = set()
    >>> page.clo_html_blocks = {"clo-html-block-ab-1": '<h2 id="rent">Rent</h2>'}
    >>> on_page_content("<p>clo-html-block-ab-1</p>", page, {}, None)
    '<h2 id="rent">Rent</h2>'
    >>> page.present_anchor_ids
    {'rent'}
    """
    blocks: dict[str, str] | None = getattr(page, _BLOCKS_ATTRIBUTE, None)
    if not blocks:
        return html
    placed: set[str] = set()

    def put_back(match: re.Match[str]) -> str:
        token = match.group(1)
        if token not in blocks:
            return match.group(0)
        placed.add(token)
        return blocks[token]

    html = _TOKEN.sub(put_back, html)
    missing = set(blocks) - placed
    if missing:
        where = getattr(getattr(page, "file", None), "src_uri", "a page")
        raise PluginError(
            f"docs/{where}: a macro's output could not be placed; put each macro such as "
            '{{ offer_section("money") }} on a line of its own, not inside a list, '
            "table, link or code"
        )
    anchors = getattr(page, "present_anchor_ids", None)
    if anchors is not None:
        for token in placed:
            anchors.update(_ID.findall(blocks[token]))
    delattr(page, _BLOCKS_ATTRIBUTE)
    return html


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    """Keep the theme's compiled templates in ``.cache/jinja/`` between builds.

    Compiling mkdocs-material's base template and partials took about 150 ms of
    every build and every ``mkdocs serve`` rebuild. Jinja checks each cached
    template against its source, so an edited template is compiled again.
    """
    env.bytecode_cache = template_cache(Path(config["config_file_path"]).parent)
    return env


def template_cache(project_root: Path) -> jinja2.BytecodeCache | None:
    """Jinja's file cache in ``<project_root>/.cache/jinja``, or None if it cannot be made.

    >>> import tempfile
    >>> template_cache(Path(tempfile.mkdtemp())) is not None
    True
    """
    folder = project_root / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout still builds, only more slowly
    return jinja2.FileSystemBytecodeCache(str(folder))
