"""A large offer's overview and reviewers' page stay light (macros/derive/big_pages.py):
the fixture site with generated entries past the limits (``big_site`` in tests/conftest.py)."""

from __future__ import annotations

from typing import Any

from macros.derive.big_pages import REVIEW_ROWS_SHOWN
from macros.derive.exports import REVIEW_JSON
from macros.words import load_words
from tests.conftest import BuildResult, soup_of

WORDS = load_words("en-GB")
ELEMENTS_MAX = 3000
"""The most elements a page may have (issue 21)."""


def test_the_overview_lists_each_section_with_its_count(
    big_site: tuple[BuildResult, dict[str, Any]],
) -> None:
    result, sections = big_site
    soup = soup_of(result.site_dir / "offer" / "index.html")
    assert len(soup.find_all()) < ELEMENTS_MAX
    items = {
        item["id"].removeprefix("overview-"): item
        for item in soup.select(".clo-overview-compact li")
    }
    assert set(sections) <= set(items)
    for section_id, section in sections.items():
        item = items[section_id]
        link = item.find("a")
        assert link.get_text() == section["title"]
        assert link["href"] == f"{section_id}/"
        count = WORDS("overview.entry_count", count=len(section["entries"]))
        assert item.select_one("[data-clo-count]").get_text() == count
        assert len(item["data-clo-age-counts"].split()) == 10
    assert not soup.select(".clo-overview__list"), "entries are listed on their section pages"


def test_the_reviewers_page_shows_the_soonest_and_says_where_the_rest_are(
    big_site: tuple[BuildResult, dict[str, Any]],
) -> None:
    result, _ = big_site
    soup = soup_of(result.site_dir / "reviews" / "index.html")
    assert len(soup.find_all()) < ELEMENTS_MAX
    assert len(soup.select(".clo-review-row")) == REVIEW_ROWS_SHOWN
    more = soup.select_one(".clo-review-more")
    assert more is not None
    assert more.find("a")["href"] == f"../{REVIEW_JSON}"
    assert (result.site_dir / REVIEW_JSON).is_file()
