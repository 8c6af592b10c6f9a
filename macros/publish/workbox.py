"""Workbox's modules, kept in ``vendor/workbox/`` byte for byte as npm ships them.

``macros/tools/vendor_workbox.py`` fetches them (``uv run python -m
macros.tools.vendor_workbox VERSION``); ``SOURCES.json`` records where each came from.
"""

from __future__ import annotations

import json
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "vendor" / "workbox"
SOURCES = "SOURCES.json"
MODULES = ("core", "routing", "strategies", "precaching", "expiration")
"""Workbox modules the service worker uses, in the order they must be loaded."""


def module_file(name: str) -> str:
    """The production build of one module.

    >>> module_file("core")
    'workbox-core.prod.js'
    """
    return f"workbox-{name}.prod.js"


def vendored_version(folder: Path = VENDOR_DIR) -> str:
    """The Workbox version kept in ``folder``.

    >>> vendored_version().count(".")
    2
    """
    record = json.loads((folder / SOURCES).read_text(encoding="utf-8"))
    return str(record["version"])


def workbox_folder() -> str:
    """Where the modules are published, named by version so a new one is new files.

    >>> workbox_folder().startswith("assets/workbox-")
    True
    """
    return f"assets/workbox-{vendored_version()}/"
