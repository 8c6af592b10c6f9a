"""A large offer's overview, finder pages and reviewers' page stay light
(macros/derive/big_pages.py): the fixture site with generated entries past the limits
(``big_site`` in tests/conftest.py)."""

from __future__ import annotations

import json
from typing import Any

from macros.derive.big_pages import FINDER_LIST_MAX, REVIEW_ROWS_SHOWN
from macros.derive.exports import REVIEW_JSON
from macros.derive.site import SiteViews
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


def test_a_finder_page_past_the_limit_lists_each_section_with_its_count(
    big_site: tuple[BuildResult, dict[str, Any]], big_views: SiteViews
) -> None:
    result, _ = big_site
    finder = big_views.finder
    assert finder is not None
    kinds = set()
    for age in finder.ages:
        groups = finder.results[age]
        total = sum(len(group.results) for group in groups)
        soup = soup_of(result.site_dir / "finder" / str(age) / "index.html")
        assert len(soup.find_all()) < ELEMENTS_MAX
        kinds.add(total > FINDER_LIST_MAX)
        if total <= FINDER_LIST_MAX:
            assert len(soup.select(".clo-result")) == total
            assert not soup.select(".clo-finder-compact")
            continue
        assert not soup.select(".clo-result"), "results are on their section pages"
        items = soup.select(".clo-finder-compact > li")
        assert len(items) == len(groups)
        for item, group in zip(items, groups, strict=True):
            link = item.find("a")
            assert link.get_text() == group.section.title
            assert link["href"] == f"../../{group.section.url}"
            count = item.select_one("[data-clo-finder-section-count]")
            assert count.get_text() == WORDS("finder.section_count", count=len(group.results))
            pairs = json.loads(item["data-clo-counts"])
            assert sum(number for _, number in pairs) == len(group.results)
        count = soup.select_one("[data-clo-finder-count]").get_text()
        assert count == WORDS("finder.count", count=total)
        intro = WORDS("finder.compact_intro", age=age)
        assert [p.get_text() for p in soup.select(".clo-finder-intro")] == [intro]
    assert kinds == {True, False}, "the big site has ages on both sides of the limit"
