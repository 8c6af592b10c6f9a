"""macros.derive.urls: page addresses, where each thing is shown, links between pages."""

from __future__ import annotations

import posixpath

import pytest

from macros.derive.site import SiteViews
from macros.derive.urls import Places, page_url, places_from, relative_url
from macros.validate.pages import MacroCall


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", ""),
        ("offer/index.md", "offer/"),
        ("offer/money.md", "offer/money/"),
        ("strategy/where-we-want-to-be.md", "strategy/where-we-want-to-be/"),
        ("a/b/index.md", "a/b/"),
        ("reindex.md", "reindex/"),
    ],
)
def test_page_url(src: str, url: str) -> None:
    assert page_url(src) == url


@pytest.mark.parametrize(
    ("start", "target", "expected"),
    [
        ("offer/money/", "strategy/principles/#voice", "../../strategy/principles/#voice"),
        ("", "offer/money/#grant", "offer/money/#grant"),
        ("offer/money/", "offer/money/#grant", "#grant"),
        ("offer/money/", "offer/money/", "./"),
        ("offer/money/", "offer/health/#x", "../health/#x"),
        ("offer/", "offer/money/", "money/"),
        ("gallery/", "assets/gallery/abc-320.webp", "../assets/gallery/abc-320.webp"),
        ("", "search/search_index.json", "search/search_index.json"),
        # A page URL without a trailing slash is a file: links start from its folder.
        ("404.html", "offer/", "offer/"),
    ],
)
def test_relative_url(start: str, target: str, expected: str) -> None:
    assert relative_url(start, target) == expected


@pytest.mark.parametrize("start", ["", "offer/", "offer/money/", "a/b/c/"])
@pytest.mark.parametrize("target", ["", "offer/money/#grant", "strategy/principles/", "x.json"])
def test_relative_links_lead_where_they_should(start: str, target: str) -> None:
    path, _, fragment = target.partition("#")
    link = relative_url(start, target)
    if link.startswith("#"):
        assert "/" + path == "/" + start and link == f"#{fragment}"
        return
    resolved = posixpath.normpath(posixpath.join("/" + start, link.partition("#")[0]))
    assert resolved == posixpath.normpath("/" + path)


def call(name: str, page: str, *args: str | int | None) -> MacroCall:
    return MacroCall(name, args, page, 1)


def test_places_come_from_the_macros_pages_call() -> None:
    places = places_from(
        [
            call("offer_section", "offer/money.md", "money"),
            call("offer_section", "help/health.md", "health"),
            call("principles", "strategy/where-we-want-to-be.md"),
            call("action_plan", "plan/index.md"),
            call("offer_overview", "index.md"),
            call("figure", "strategy/figures.md", "total"),
            call("arrangements", "offer/moving-on.md"),
            call("changes", "news/changes.md"),
        ]
    )
    assert places.sections == {"money": "offer/money/", "health": "help/health/"}
    assert places.section("money") == "offer/money/"
    assert places.principles == "strategy/where-we-want-to-be/"
    assert places.principle("voice") == "strategy/where-we-want-to-be/#voice"
    assert places.action_plan == "plan/"
    assert places.overview == ""
    assert places.arrangements == "offer/moving-on/"
    assert places.changes == "news/changes/"


def test_links_follow_the_page_that_calls_the_macro() -> None:
    before = places_from([call("principles", "strategy/principles.md")])
    after = places_from([call("principles", "why/our-promises.md")])
    assert before.principle("voice") == "strategy/principles/#voice"
    assert after.principle("voice") == "why/our-promises/#voice"
    assert relative_url("offer/money/", after.principle("voice") or "") == (
        "../../why/our-promises/#voice"
    )


def test_the_first_page_wins() -> None:
    places = places_from(
        [
            call("offer_section", "offer/money.md", "money"),
            call("offer_section", "print/all.md", "money"),
            call("principles", "a.md"),
            call("principles", "b.md"),
        ]
    )
    assert places.section("money") == "offer/money/"
    assert places.principles == "a/"


def test_a_section_named_by_an_expression_places_nothing() -> None:
    places = places_from([call("offer_section", "offer/x.md", None)])
    assert places.sections == {}


def test_without_pages_there_are_usual_places_or_none() -> None:
    places = places_from([])
    assert places == Places()
    assert places.section("rent") == "offer/rent/"
    assert places.principle("voice") is None
    assert (places.action_plan, places.overview) == (None, None)
    assert (places.arrangements, places.changes) == (None, None)


def test_the_fixture_sites_places(views: SiteViews) -> None:
    assert views.places == Places(
        sections={
            "always-current": "offer/health/",
            "hostile": "offer/hostile/",
            "due-soon": "offer/housing/",
            "always-overdue": "offer/money/",
        },
        principles="strategy/principles/",
        action_plan="strategy/action-plan/",
        overview="offer/",
        arrangements="offer/moving-on/",
        changes="changes/",
        finder="finder/",
        finder_situations="finder/situations/",
        finder_where="finder/where/",
        finder_results="finder/results.md",
        care_leaver_check="am-i-a-care-leaver/",
        easy_read={"always-overdue": "offer/money-easy-read/"},
        glossary="glossary/",
    )
