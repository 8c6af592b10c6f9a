"""A large offer's overview in a real browser: the age filter counts each section's
entries for an age (``big_site`` in tests/conftest.py, clo.js)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser

from macros.words import load_words
from tests.browser import open_page, serve
from tests.conftest import BuildResult

WORDS = load_words("en-GB")


@pytest.fixture(scope="module")
def big_url(big_site: tuple[BuildResult, dict[str, Any]]) -> Iterator[str]:
    with serve(big_site[0].site_dir) as url:
        yield url


def test_the_age_filter_counts_each_sections_entries_for_that_age(
    browser: Browser,
    big_url: str,
    big_site: tuple[BuildResult, dict[str, Any]],
) -> None:
    _, sections = big_site
    page = browser.new_page(viewport={"width": 360, "height": 800})
    open_page(page, big_url + "offer/")
    page.select_option("#clo-age", "16")
    section_id, section = next(iter(sections.items()))
    fits = [
        entry
        for entry in section["entries"]
        if "ages" not in entry or (entry["ages"]["from"] <= 16 <= entry["ages"].get("to", 99))
    ]
    item = page.locator(f"[id='overview-{section_id}']")
    if fits:
        assert item.locator("[data-clo-count]").inner_text() == WORDS(
            "overview.entry_count", count=len(fits)
        )
    else:
        assert item.is_hidden()
    assert page.locator("[data-clo-age-result]").inner_text() != ""
    page.select_option("#clo-age", "")
    assert item.locator("[data-clo-count]").inner_text() == WORDS(
        "overview.entry_count", count=len(section["entries"])
    )
    page.close()
