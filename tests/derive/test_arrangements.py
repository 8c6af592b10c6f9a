"""macros.derive.arrangements: the council's arrangements for the move to adult life."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from macros.derive.arrangements import arrangements_view
from macros.derive.site import SiteViews, derive_site
from macros.derive.urls import Places
from macros.validate.model import REQUIRED_PARTS, ArrangementsFile
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")
LAW_ORDER = [part.id for part in REQUIRED_PARTS]


def arrangements(data: SiteData) -> ArrangementsFile:
    assert data.arrangements is not None
    return data.arrangements


def test_parts_in_the_laws_order(data: SiteData, views: SiteViews) -> None:
    assert views.arrangements is not None
    assert [part.id for part in views.arrangements.parts] == LAW_ORDER
    assert [part.law for part in views.arrangements.parts] == [
        "Children and Social Work Act 2017, s2(2A)(a)",
        "Children and Social Work Act 2017, s2(2A)(b)",
        "Children and Social Work Act 2017, s2(2A)(c)",
        "Children and Social Work Act 2017, s2(2A)(d)",
        "Children and Social Work Act 2017, s2(2A)(e)",
        "Children and Social Work Act 2017, s2(2B)",
        "Children and Social Work Act 2017, s2(2)(g)",
    ]
    first = views.arrangements.parts[0]
    assert (first.heading, str(first.text_html)) == (
        "Planning ahead",
        "<p>We plan the homes care leavers will need, every year.</p>",
    )


def test_parts_in_the_laws_order_whatever_the_files_order(data: SiteData) -> None:
    file = arrangements(data)
    shuffled = file.model_copy(update={"parts": list(reversed(file.parts))})
    assert [part.part for part in shuffled.parts] != LAW_ORDER
    view = arrangements_view(shuffled, data.settings.review, EN, BUILD_DATE, None)
    assert [part.id for part in view.parts] == LAW_ORDER
    # Each part keeps its own heading and text.
    headings = {part.part: part.heading for part in file.parts}
    assert all(part.heading == headings[part.id] for part in view.parts)


def test_the_review(data: SiteData, views: SiteViews) -> None:
    assert views.arrangements is not None
    review = views.arrangements.review
    # Reviewed 1 February 2026, review_in: 1 year.
    assert (review.last_reviewed, review.next_due, review.state, review.label) == (
        "1 February 2026",
        "1 February 2027",
        "current",
        "Up to date",
    )
    later = arrangements_view(
        arrangements(data), data.settings.review, EN, dt.date(2027, 1, 15), None
    )
    assert later.review.state == "due_soon"
    overdue = arrangements_view(
        arrangements(data), data.settings.review, EN, dt.date(2027, 2, 2), None
    )
    assert overdue.review.overdue


def test_the_url_comes_from_places(data: SiteData, views: SiteViews) -> None:
    assert views.arrangements is not None
    assert views.arrangements.url == views.places.arrangements == "offer/moving-on/"
    moved = arrangements_view(
        arrangements(data), data.settings.review, EN, BUILD_DATE, "help/moving-on/"
    )
    assert moved.url == "help/moving-on/"
    unshown = arrangements_view(arrangements(data), data.settings.review, EN, BUILD_DATE, None)
    assert unshown.url is None


def test_text_and_owner(views: SiteViews) -> None:
    view = views.arrangements
    assert view is not None
    assert view.title == "How we help you move to adult life"
    assert view.owner == "Head of the Leaving Care Service"
    assert view.description == (
        "How we plan ahead, work with housing teams and help with money and services."
    )
    assert str(view.introduction_html) == f"<p>{view.description}</p>"


def test_part_text_is_sanitised(views: SiteViews) -> None:
    assert views.arrangements is not None
    early = next(part for part in views.arrangements.parts if part.id == "early_intervention")
    html = str(early.text_html)
    assert "<script" not in html and "alert" not in html
    assert html.startswith("<p>We check how your home is going every three months.")


def test_without_the_file_there_is_no_view(data: SiteData) -> None:
    site = derive_site(replace(data, arrangements=None), Places(), EN, BUILD_DATE)
    assert site.arrangements is None
    assert "arrangements" not in {row.kind for row in site.review_rows}
    assert not [change for change in site.changes if "arrangements" in change.key]
