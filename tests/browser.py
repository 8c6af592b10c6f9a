"""Helpers for browser tests: serve a built site locally and drive Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, Playwright

# The same loopback server the link checker uses (it also sends linkchecker's header).
from macros.tools.link_check import serve

__all__ = ["CHROMIUM_ARGS", "CHROMIUM_PATH", "launch", "serve"]

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's servers at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: Playwright) -> Browser:
    """Start headless Chromium from the system, never a downloaded build."""
    if not Path(CHROMIUM_PATH).is_file():
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM_PATH}: run 'bash .ci/setup --browser' "
            "or set CHROMIUM_PATH"
        )
    return playwright.chromium.launch(
        executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
    )
