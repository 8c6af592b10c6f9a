"""The overview and reviewers' page at any size (macros/derive/big_pages.py)."""

from __future__ import annotations

from macros.derive.big_pages import fits_age, overview_view, shown_rows
from macros.derive.site import SiteViews

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
