"""Helpers for browser tests: serve a built site locally and drive Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright, Response

# The same loopback server the link checker uses (it also sends linkchecker's header).
from macros.tools.link_check import serve

__all__ = ["CHROMIUM_ARGS", "CHROMIUM_PATH", "launch", "open_page", "serve", "wait_until_ready"]

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


# overrides/main.html adds the manifest and scripts once a page's first paint is
# done, which is after the load event that page.goto() waits for; <html data-clo-ready>
# says they have all loaded. A page without JavaScript has no clo-js class: nothing to wait for.
READY = """() => !document.documentElement.classList.contains("clo-js")
    || document.documentElement.hasAttribute("data-clo-ready")"""


def wait_until_ready(page: Page) -> None:
    """Wait until the page's scripts have run."""
    page.wait_for_function(READY, timeout=10_000)


def open_page(page: Page, url: str, **options: object) -> Response | None:
    """``page.goto(url)``, then wait until the page's scripts have run (see READY)."""
    response = page.goto(url, **options)  # type: ignore[arg-type]
    wait_until_ready(page)
    return response
