"""MkDocs hooks that do not depend on the theme.

Loaded by path from mkdocs.yml (``hooks:``), so this file imports nothing
from the macros package.
"""

from __future__ import annotations

import re
from typing import Any

_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Set the page language to British English (``extra.html_lang``).

    Material's translations only know plain ``en``; screen readers pick a
    British voice from ``en-GB``.

    >>> on_post_page('<html lang="en" class="no-js">', None, {"extra": {"html_lang": "en-GB"}})
    '<html lang="en-GB" class="no-js">'
    """
    lang = (config.get("extra") or {}).get("html_lang", "en-GB")
    return _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
