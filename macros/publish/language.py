"""The language of every page: ``lang`` and ``dir`` on ``<html>`` from the site's words."""

from __future__ import annotations

import re

_HTML_TAG = re.compile(r"<html lang=\"[^\"]*\"")


def set_language(output: str, language: str, direction: str) -> str:
    """Set the page's language (e.g. British English, so screen readers pick a British
    voice; Material's own translations only know plain ``en``) and its direction.

    >>> set_language('<html lang="en" class="no-js">', "en-GB", "ltr")
    '<html lang="en-GB" dir="ltr" class="no-js">'
    """
    return _HTML_TAG.sub(f'<html lang="{language}" dir="{direction}"', output, count=1)
