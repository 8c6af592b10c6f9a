"""macros.publish.review_report: review.json, the review command's text and the weekly issue."""

from __future__ import annotations

from macros.derive.site import SiteViews
from macros.publish.review_report import review_json, review_markdown, review_text


def test_json_lists_every_row_soonest_first_with_counts(views: SiteViews) -> None:
    report = review_json(views.review_rows, "2026-11-23")
    assert [item["id"] for item in report["items"]] == [row.id for row in views.review_rows]
    # The soonest first: a translation and an Easy Read text made from English that has
    # changed since (dated when the English changed), then the overdue section.
    assert [item["id"] for item in report["items"][:3]] == [
        "ar/college-bursary",
        "easy-read/money-at-16",
        "always-overdue",
    ]
    # Four up to date: two sections, the entry reviewed on its own and the arrangements.
    assert report["counts"] == {"current": 4, "due_soon": 1, "overdue": 3}
    kinds = {item["id"]: item["kind"] for item in report["items"]}
    assert kinds["free-prescriptions"] == "entry" and kinds["hostile"] == "section"
    assert list(kinds.values()).count("arrangements") == 1


def test_text_report_has_one_line_per_row(views: SiteViews) -> None:
    lines = review_text(views.review_rows).splitlines()
    assert len(lines) == len(views.review_rows)
    assert lines[0].startswith("OVERDUE   2020-01-15  Translation  Bursary for your course")
    assert lines[1].startswith("OVERDUE   2020-01-15  Easy read  Money to live on")
    assert lines[2].startswith("OVERDUE   2020-07-15  Section  Money")


def test_markdown_lists_only_what_is_due(views: SiteViews) -> None:
    text = review_markdown(views.review_rows, "23 November 2026")
    assert (
        text.count("- [ ] ") == 4
    )  # three overdue (a section, a translation, Easy Read), one due soon
    assert "`always-current`" not in text
