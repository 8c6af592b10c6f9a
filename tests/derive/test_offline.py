"""macros.derive.offline: what the service worker saves, from what the pages show."""

from __future__ import annotations

from macros.derive.offline import (
    OFFLINE_PAGE,
    OfflineScope,
    SavedLink,
    offline_scope,
    page_assets,
    precache_paths,
    saved_links,
)
from macros.derive.site import SiteViews
from macros.pipeline import check_project
from macros.validate.pages import MacroCall
from tests.conftest import BUILD_DATE, FIXTURE_SITE


def fixture_scope() -> OfflineScope:
    report = check_project(FIXTURE_SITE, FIXTURE_SITE / "docs", BUILD_DATE)
    return offline_scope(report.calls)


def test_the_fixture_saves_its_offer_and_help_pages(views: SiteViews) -> None:
    scope = fixture_scope()
    for section in views.sections.values():
        assert scope.holds(section.url), section.id
    for url in ("", "offer/", "need-help-now/", "changes/", "offer/whole-offer/"):
        assert scope.holds(url), url
    for url in ("strategy/principles/", "gallery/", "reviews/", "search/", "accessibility/"):
        assert not scope.holds(url), url


def test_a_moved_offer_is_saved_where_it_is() -> None:
    calls = [
        MacroCall("offer_overview", (), "help/support/index.md", 1),
        MacroCall("offer_section", ("money",), "money.md", 1),
        MacroCall("contact_card", (), "contact-us.md", 1),
        MacroCall("gallery", (), "index.md", 1),
    ]
    scope = offline_scope(calls)
    assert scope.folders == ("help/support/",)
    assert all(scope.holds(url) for url in ("", "money/", "contact-us/", "help/support/x/"))
    assert not scope.holds("help/") and not scope.holds("gallery/")


def test_the_home_page_never_saves_the_whole_site() -> None:
    scope = offline_scope([MacroCall("offer_overview", (), "index.md", 1)])
    assert scope.folders == ()
    assert scope.holds("") and not scope.holds("strategy/")


def test_assets_from_elsewhere_or_outside_the_site_are_left_out() -> None:
    html = (
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<link rel="stylesheet" href="//cdn.example/y.css">'
        '<link rel="stylesheet" href="/root.css">'
        '<link rel="preload" href="font.woff2">'
        '<link rel="icon" href="data:image/png;base64,AAAA">'
        '<script src="../../../outside.js"></script>'
        '<link rel="manifest" href="../manifest.webmanifest">'
        "<script>inline()</script>"
    )
    assert page_assets(html, "offer/index.html") == frozenset({"manifest.webmanifest"})


def test_assets_are_read_from_tags_as_a_browser_reads_them() -> None:
    """Found by regular expressions: what a parser skips is skipped, and any way of
    writing a tag's attributes is read."""
    html = (
        '<!-- <link rel="stylesheet" href="commented.css"> -->'
        "<script>var s = '<script src=\"in-a-script.js\"></script>';</script>"
        '<style>/* <link rel="stylesheet" href="in-a-style.css"> */</style>'
        '<LINK REL="Stylesheet" HREF="upper.css">'
        "<link rel=icon href=bare.png>"
        "<link href='single.css' title='a > b' rel='stylesheet alternate'>"
        '<link rel="stylesheet" href="a&amp;b.css">'
        '<script defer src="later.js?v=2"></script>'
        '<template data-clo-later><script src="templated.js"></script></template>'
        '<link rel="preload" href="not-an-asset.css">'
    )
    assert page_assets(html, "index.html") == frozenset(
        {"upper.css", "bare.png", "single.css", "a&b.css", "later.js", "templated.js"}
    )


def test_the_precache_is_the_saved_pages_the_offline_page_and_what_they_load() -> None:
    scope = OfflineScope(frozenset({""}), ("offer/",))
    files = [
        "index.html",
        "offer/index.html",
        "offer/money/index.html",
        "offer/offer.pdf",
        OFFLINE_PAGE,
        "strategy/index.html",
        "assets/a.css",
        "assets/b.js",
        "assets/unused.js",
        "assets/gallery/x.webp",
    ]
    html = {
        "index.html": '<link rel="stylesheet" href="assets/a.css"><img src="assets/gallery/x.webp">',
        "offer/index.html": '<script src="../assets/b.js"></script>',
        "offer/money/index.html": '<script src="../../assets/missing.js"></script>',
        OFFLINE_PAGE: '<link rel="stylesheet" href="assets/a.css">',
    }
    assert precache_paths(scope, files, html) == (
        "assets/a.css",
        "assets/b.js",
        "index.html",
        "offer/index.html",
        "offer/money/index.html",
        OFFLINE_PAGE,
    )


def test_saved_links_keep_the_menu_order() -> None:
    scope = OfflineScope(frozenset({"", "help/"}), ("offer/",))
    pages = [("", "Home"), ("strategy/", "Strategy"), ("offer/", "Offer"), ("help/", "Help")]
    assert saved_links(scope, pages) == (
        SavedLink("", "Home"),
        SavedLink("offer/", "Offer"),
        SavedLink("help/", "Help"),
    )
