"""macros.derive.reviews: the reviewers' list, soonest review first."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from macros.derive.offer import EntryView, ReviewView, SectionView
from macros.derive.reviews import review_rows
from macros.derive.site import SiteViews
from macros.words import load_words

EN = load_words("en-GB")


def test_rows_of_the_fixture_site_soonest_first(views: SiteViews) -> None:
    rows = views.review_rows
    assert [(row.kind, row.id, row.review.state) for row in rows] == [
        # The Arabic of this entry was made from an older English (tests/fixture_site).
        ("translation", "ar/college-bursary", "overdue"),
        # Its Easy Read text was written from an older English too.
        ("easy_read", "easy-read/money-at-16", "overdue"),
        ("section", "always-overdue", "overdue"),
        ("section", "due-soon", "due_soon"),
        ("arrangements", "arrangements", "current"),
        ("section", "hostile", "current"),
        ("section", "always-current", "current"),
        ("entry", "free-prescriptions", "current"),
    ]
    dates = [row.review.next_due_iso for row in rows]
    assert dates == sorted(dates)


def test_an_entry_reviewed_on_its_own_has_its_own_row(views: SiteViews) -> None:
    row = next(row for row in views.review_rows if row.kind == "entry")
    assert row.kind_label == "Entry"
    assert row.title == "Free prescriptions (Health)"
    assert row.owner == "Leaving Care Service health lead"
    assert row.url == "offer/health/#free-prescriptions"
    assert row.review.next_due == "1 March 2099"
    sections = {row.id: row for row in views.review_rows if row.kind == "section"}
    assert sections["always-current"].kind_label == "Section"
    assert sections["always-current"].url == "offer/health/"
    # Entries reviewed with their section have no row of their own.
    assert "health-passport" not in {row.id for row in views.review_rows}


def test_the_arrangements_have_a_row(views: SiteViews) -> None:
    row = next(row for row in views.review_rows if row.kind == "arrangements")
    assert row.kind_label == "Arrangements"
    assert row.title == "How we help you move to adult life"
    assert row.owner == "Head of the Leaving Care Service"
    assert row.url == "offer/moving-on/"
    # Reviewed 1 February 2026, review_in: 1 year.
    assert (row.review.last_reviewed, row.review.next_due) == ("1 February 2026", "1 February 2027")


def test_without_arrangements_there_is_no_such_row(views: SiteViews) -> None:
    rows = review_rows(views.sections.values(), None, EN)
    assert "arrangements" not in {row.kind for row in rows}
    reviews = [row for row in views.review_rows if row.kind not in {"translation", "easy_read"}]
    assert len(rows) == len(reviews) - 1


def review(due_iso: str) -> ReviewView:
    return ReviewView("1 January 2026", "2026-01-01", due_iso, due_iso, "current", "Up to date", 30)


def section(
    section_id: str, title: str, due_iso: str, entries: tuple[EntryView, ...] = ()
) -> SectionView:
    return SectionView(
        section_id, title, Markup(""), "", "Owner", review(due_iso), entries, f"offer/{section_id}/"
    )


def test_equal_dates_are_sorted_by_title() -> None:
    rows = review_rows(
        [
            section("b", "Bravo", "2026-06-01"),
            section("a", "Alpha", "2026-06-01"),
            section("c", "Charlie", "2026-01-01"),
        ],
        None,
        EN,
    )
    assert [row.title for row in rows] == ["Charlie", "Alpha", "Bravo"]


def test_an_entry_due_before_its_section_comes_first(views: SiteViews) -> None:
    health = views.sections["always-current"]
    entry = next(entry for entry in health.entries if entry.id == "free-prescriptions")
    early = replace(entry, review=review("2026-02-01"))
    rows = review_rows([replace(health, entries=(early,))], None, EN)
    assert [(row.kind, row.review.next_due_iso) for row in rows] == [
        ("entry", "2026-02-01"),
        ("section", "2099-01-10"),
    ]
