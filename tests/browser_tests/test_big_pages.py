"""A large offer in a real browser: the overview's age filter counts each section's
entries for an age (clo.js), and a finder page past its limit counts each section's
results for the answers in the address (clo-finder.js); ``big_site`` in
tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser

from macros.derive.finder import answers_of, applies
from macros.derive.site import SiteViews
from macros.words import load_words
from tests.browser import open_page, serve, wait_until_ready
from tests.browser_tests.test_a11y import axe_violations, describe
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


@pytest.mark.parametrize(
    ("situations", "where"),
    [(["at-college"], "northtown"), (["parent-or-expecting"], "outside"), (["none"], None)],
)
def test_a_compact_finder_page_counts_each_sections_results_for_the_answers(
    browser: Browser,
    big_url: str,
    big_views: SiteViews,
    situations: list[str],
    where: str | None,
) -> None:
    finder = big_views.finder
    assert finder is not None
    age = 21  # past FINDER_LIST_MAX in the big site (tests/built/test_big_pages.py)
    answers = answers_of(age, situations, where)
    query = "&".join(
        [*(f"situation={s}" for s in situations), *([f"where={where}"] if where else [])]
    )
    page = browser.new_page(viewport={"width": 360, "height": 800})
    open_page(page, big_url + f"finder/{age}/?{query}")
    wait_until_ready(page)
    expected = {
        group.section.title: sum(applies(r.needs, answers) for r in group.results)
        for group in finder.results[age]
    }
    shown = page.eval_on_selector_all(
        ".clo-finder-compact > li",
        "items => items.map(i => [i.querySelector('a').textContent, i.checkVisibility(),"
        " i.querySelector('[data-clo-finder-section-count]').textContent])",
    )
    assert [title for title, _, _ in shown] == list(expected)
    for title, visible, count in shown:
        assert visible == (expected[title] > 0), title
        if visible:
            assert count == WORDS("finder.section_count", count=expected[title]), title
    assert len({n for n in expected.values()}) > 2, "the answers rule some results out"
    total = page.locator("[data-clo-finder-count]").inner_text()
    assert total == WORDS("finder.count", count=sum(expected.values()))
    assert [describe(v, f"finder/{age}/?{query}") for v in axe_violations(page)] == []
    page.close()
