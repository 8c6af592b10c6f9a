"""Links between pages, written relative to the page they appear on.

Raw HTML from macros is not rewritten by MkDocs, so links are made relative
here; they then work on any host, under any path, and from a file:// copy.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def relative_url(from_page_url: str, to_url: str) -> str:
    """Link from one page URL (directory style) to another site URL.

    >>> relative_url("offer/money/", "strategy/where-we-want-to-be/#voice")
    '../../strategy/where-we-want-to-be/#voice'
    >>> relative_url("", "offer/money/#grant")
    'offer/money/#grant'
    >>> relative_url("offer/money/", "offer/money/#grant")
    '#grant'
    """
    path, _, fragment = to_url.partition("#")
    start = "/" + from_page_url
    if not start.endswith("/"):
        start = posixpath.dirname(start) + "/"
    target = "/" + path
    if target == start and fragment:
        return f"#{fragment}"
    return _relative_path(start, path) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=16_384)
def _relative_path(start: str, path: str) -> str:
    """``path`` (a site URL without its #fragment) relative to the folder ``start``.

    Cached: a large offer links to the same few pages thousands of times.
    """
    relative = posixpath.relpath("/" + path, start)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative
