"""Render components from finished values with autoescaping always on.

Templates live in ``macros/templates`` (kebab-case file names) and receive
values that are already worked out; they hold markup, not logic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

TEMPLATE_DIR = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def cache_templates(cache: BytecodeCache | None) -> None:
    """Keep our compiled templates in ``cache`` between builds (Jinja checks each
    against its source, so an edited template is compiled again); the cache is
    the theme's, made by ``macros.hooks.template_cache``.

    >>> import tempfile
    >>> from jinja2 import FileSystemBytecodeCache
    >>> cache_templates(FileSystemBytecodeCache(tempfile.mkdtemp()))
    >>> type(_environment().bytecode_cache).__name__
    'FileSystemBytecodeCache'
    """
    _environment().bytecode_cache = cache


def tel_href(number: str) -> str:
    """A tap-to-call link target from a number as people write it.

    >>> tel_href("01632 960 100")
    'tel:+441632960100'
    >>> tel_href("999")
    'tel:999'
    """
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("0") and len(digits) > 6:
        digits = "+44" + digits[1:]
    return f"tel:{digits}"


def render(template_name: str, **values: Any) -> Markup:
    """Render ``template_name`` as one block of HTML that Markdown leaves alone.

    Blank lines and indentation are removed because Python-Markdown would
    otherwise end the HTML block early or read indented lines as code.
    """
    template = _environment().get_template(template_name)
    html = template.render(tel_href=tel_href, **values)
    lines = (line.strip() for line in html.splitlines())
    return Markup("\n".join(line for line in lines if line))
