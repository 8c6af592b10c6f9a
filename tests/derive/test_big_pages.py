"""The overview and reviewers' page at any size (macros/derive/big_pages.py)."""

from __future__ import annotations

import json
from typing import Any

from macros.derive.big_pages import finder_counts, fits_age, overview_view, shown_rows
from macros.derive.finder import Answers, Clause, answers_of, applies
from macros.derive.site import SiteViews
from macros.validate.model.situations import NONE_OF_THESE, NOT_SURE, OUTSIDE_THE_AREA

AGES = range(16, 26)


def test_a_small_offer_lists_every_entry(views: SiteViews) -> None:
    sections = list(views.sections.values())
    view = overview_view(sections, AGES)
    assert not view.compact
    assert [item.section for item in view.sections] == sections
    assert all(item.age_counts == () for item in view.sections)


def test_past_the_limit_each_section_counts_its_entries_for_each_age(views: SiteViews) -> None:
    sections = list(views.sections.values())
    entries = sum(len(section.entries) for section in sections)
    view = overview_view(sections, AGES, list_max=entries - 1)
    assert view.compact
    for item in view.sections:
        assert len(item.age_counts) == len(AGES)
        for age, count in zip(AGES, item.age_counts, strict=True):
            assert count == len([e for e in item.section.entries if fits_age(e, age)])
    # The fixture's ages differ, so the counts say something.
    assert len({count for item in view.sections for count in item.age_counts}) > 1
    assert not overview_view(sections, AGES, list_max=entries).compact


def test_the_reviewers_page_shows_the_soonest_rows(views: SiteViews) -> None:
    rows = views.review_rows
    assert shown_rows(rows, 2) == rows[:2]
    assert shown_rows(rows) == rows  # the fixture's few rows are all shown


def test_a_finder_page_within_the_limit_lists_every_result(views: SiteViews) -> None:
    assert views.finder is not None
    groups = views.finder.results[19]
    results = sum(len(group.results) for group in groups)
    assert finder_counts(groups, list_max=results) == ()
    assert finder_counts(groups) == (), "the fixture's pages list every result"


def test_past_the_limit_a_finder_page_counts_each_sections_results(views: SiteViews) -> None:
    assert views.finder is not None
    profiles = [
        answers_of(19),
        answers_of(19, ["at-college"], "northtown"),
        answers_of(19, [NONE_OF_THESE], OUTSIDE_THE_AREA),
        answers_of(19, ["parent-or-expecting", "living-outside-the-area"], NOT_SURE),
    ]
    groups = views.finder.results[19]
    counts = finder_counts(groups, list_max=1)
    assert [item.section for item in counts] == [group.section for group in groups]
    seen = set()
    for item, group in zip(counts, groups, strict=True):
        assert item.count == len(group.results)
        pairs = json.loads(item.browser_counts)
        assert sum(number for _, number in pairs) == item.count
        # What the browser counts for any answers is what applies to them.
        for answers in profiles:
            counted = sum(number for needs, number in pairs if _applies(needs, answers))
            fits = [r for r in group.results if applies(r.needs, answers)]
            assert counted == len(fits), (item.section.id, answers)
            seen.add(counted)
    assert len(seen) > 1, "the profiles differ, so the counts say something"


def _applies(published: Any, answers: Answers) -> bool:
    """``applies`` on clauses as the page publishes them (JSON)."""
    needs = tuple(Clause(key, frozenset(values)) for key, values in published)
    return applies(needs, answers)
