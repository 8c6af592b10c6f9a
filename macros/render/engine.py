"""Render components from finished values, with autoescaping always on.

Templates live in ``macros/render/templates/`` (kebab-case file names) and receive
values that are already worked out; they hold markup, not logic. Every word they show
comes from the words of the interface through ``t("key", ...)``.
"""

from __future__ import annotations

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

from macros.derive.language_marks import lang_attributes, lang_span
from macros.words import Words

TEMPLATE_DIR = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    environment.globals["lang_attributes"] = lang_attributes
    environment.globals["lang_span"] = lang_span
    # tojson writes other scripts' letters as themselves, not as \uXXXX: a third of the
    # bytes for Arabic words. It still escapes <, >, & and ' for use inside HTML.
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return environment


def cache_templates(cache: BytecodeCache | None) -> None:
    """Keep our compiled templates in ``cache`` between builds (Jinja checks each
    against its source, so an edited template is compiled again).

    >>> import tempfile
    >>> from jinja2 import FileSystemBytecodeCache
    >>> cache_templates(FileSystemBytecodeCache(tempfile.mkdtemp()))
    >>> type(_environment().bytecode_cache).__name__
    'FileSystemBytecodeCache'
    """
    _environment().bytecode_cache = cache


def render(template_name: str, words: Words, **values: Any) -> Markup:
    """Render ``template_name`` as one block of HTML that Markdown leaves alone.

    Blank lines and indentation are removed because Python-Markdown would
    otherwise end the HTML block early or read indented lines as code.

    >>> from macros.words import load_words
    >>> str(render("help-contacts.html", load_words("en-GB"), contacts=[]))
    '<ul class="clo-help-list">\\n</ul>'
    """
    template = _environment().get_template(template_name)
    html = template.render(t=words.markup, **values)
    lines = (line.strip() for line in html.splitlines())
    return Markup("\n".join(line for line in lines if line))
