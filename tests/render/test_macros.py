"""macros.render.macros: the registry of page macros, each rendered on the fixture views."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from macros.derive.changes import change_months, change_views
from macros.derive.exports import EXPORTS
from macros.derive.gallery import GRID_SIZES, PAGE_SIZES
from macros.derive.pictures import SITE_FOLDER
from macros.derive.site import SiteViews
from macros.render import macros
from macros.render.macros import MACROS, PageContext
from macros.validate.model import ChangesFile
from macros.validate.model.figures import FiguresFile
from tests.built.test_safety import OWN_INLINE_SCRIPTS
from tests.render.test_chart_templates import hostile_figures

KNOWN_KINDS = {"section", "figure", "piece", "heading", "date", "easy_read_section"}


class FakePage:
    """What a macro uses of an MkDocs page: its URL and its front matter."""

    def __init__(self, url: str = "", meta: dict[str, Any] | None = None) -> None:
        self.url = url
        self.meta: dict[str, Any] = {} if meta is None else meta


def on(views: SiteViews, url: str = "", meta: dict[str, Any] | None = None) -> PageContext:
    return PageContext(views, FakePage(url, meta))


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def example_args(views: SiteViews, kinds: tuple[str, ...]) -> list[Any]:
    """An argument of each kind that the fixture site has."""
    values = {
        "section": "always-overdue",
        "easy_read_section": "always-overdue",
        "figure": "total",
        "piece": "keys",
        "heading": 3,
        "date": views.settings.accessibility.statement_reviewed_on,
    }
    return [values[kind] for kind in kinds]


# --- The registry -------------------------------------------------------------------------


def test_the_registry_lists_every_macro() -> None:
    assert list(MACROS) == [
        "date",
        "figure",
        "contact_card",
        "help_contacts",
        "offer_section",
        "offer_overview",
        "review_table",
        "arrangements",
        "changes",
        "data_feeds",
        "search_box",
        "principles",
        "action_plan",
        "placement_chart",
        "district_chart",
        "figure_charts",
        "gallery",
        "gallery_piece",
        "finder_start",
        "finder_age",
        "finder_situations",
        "finder_where",
        "finder_results",
        "care_leaver_check",
        "glossary",
        "easy_read",
    ]


@pytest.mark.parametrize("name", list(MACROS))
def test_every_macro_is_documented(name: str) -> None:
    macro = MACROS[name]
    assert macro.name == name == macro.function.__name__
    assert macro.summary and macro.summary[0].isupper() and macro.summary.endswith(".")
    assert re.match(rf"{name}\(.*\)$", macro.usage), macro.usage
    assert set(macro.args) <= KNOWN_KINDS
    inline = {"date", "figure"}
    assert macro.block is (name not in inline)


@pytest.mark.parametrize("name", list(MACROS))
def test_every_macro_renders_on_the_fixture_views(views: SiteViews, name: str) -> None:
    macro = MACROS[name]
    html = macro.function(on(views, "somewhere/"), *example_args(views, macro.args))
    assert isinstance(html, Markup)
    assert str(html).strip()
    if macro.block:
        lines = str(html).splitlines()
        assert all(line and line == line.strip() for line in lines), "one block for Markdown"


# --- What the macros show -----------------------------------------------------------------


def test_date_and_figure_are_words_in_a_sentence(views: SiteViews) -> None:
    ctx = on(views)
    assert macros.date(ctx, dt.date(2026, 6, 1)) == "1 June 2026"
    assert macros.figure(ctx, "total") == "200"
    assert macros.figure(ctx, "places-bought") == "1,234"


def test_figure_output_is_escaped(views: SiteViews) -> None:
    hostile: FiguresFile = hostile_figures()
    ctx = on(replace(views, figures=hostile))
    label = str(macros.figure(ctx, "comparison_label"))
    # Figures go into a page's Markdown: every character Markdown or HTML reads is a
    # character reference, so the words show as written and nothing becomes markup.
    assert "<script>" not in label and "&#60;script&#62;" in label
    assert "(" not in label and "[" not in label
    assert "<svg" not in str(macros.figure(ctx, "highest_district"))


def test_offer_section_sets_the_description_only_when_the_page_has_none(views: SiteViews) -> None:
    ctx = on(views, "offer/money/")
    macros.offer_section(ctx, "always-overdue")
    assert ctx.page.meta["description"] == (
        "Money you can get, and help to claim what you are entitled to."
    )
    own = on(views, "offer/money/", {"description": "Our own words."})
    macros.offer_section(own, "always-overdue")
    assert own.page.meta["description"] == "Our own words."
    # Outside any page there is nothing to describe, and no error.
    assert "Money you can get" in macros.offer_section(PageContext(views, None), "always-overdue")


def test_offer_section_links_follow_the_page_it_is_on(views: SiteViews) -> None:
    soup = soup_of(macros.offer_section(on(views, "offer/money/"), "always-overdue"))
    hrefs = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert hrefs["Best interests"] == "../../strategy/principles/#best-interests"
    moved = soup_of(macros.offer_section(on(views, "help/money/cash/"), "always-overdue"))
    hrefs = {a.get_text(): a["href"] for a in moved.find_all("a")}
    assert hrefs["Best interests"] == "../../../strategy/principles/#best-interests"


def test_an_overdue_section_shows_its_notice(views: SiteViews) -> None:
    overdue = soup_of(macros.offer_section(on(views, "offer/money/"), "always-overdue"))
    current = soup_of(macros.offer_section(on(views, "offer/health/"), "always-current"))
    notice = overdue.select_one("[data-clo-overdue-notice]")
    assert notice is not None and not notice.has_attr("hidden")
    assert "We are checking this page." in notice.get_text()
    hidden = current.select_one("[data-clo-overdue-notice]")
    assert hidden is not None and hidden.has_attr("hidden")
    status = overdue.select_one(".clo-review__status")
    assert status is not None and status.get_text() == "Being reviewed"


def test_hostile_section_reaches_the_page_as_text(views: SiteViews) -> None:
    html = str(macros.offer_section(on(views, "offer/hostile/"), "hostile"))
    soup = soup_of(html)
    for tag in soup.find_all(True):
        if tag.name == "script" and tag.get_text() in OWN_INLINE_SCRIPTS:
            continue  # the template's own, word for word
        assert tag.name not in {"script", "iframe", "svg", "img"}, tag
        assert not any(name.startswith("on") for name in tag.attrs), tag
        assert not str(tag.get("href", "")).startswith("javascript:")
    assert "Owner &#34;&gt;&lt;svg onload=alert(1)&gt;" in html


def test_chart_ids_are_numbered_per_page(views: SiteViews) -> None:
    ctx = on(views, "strategy/figures/")
    ids = [
        soup_of(macros.placement_chart(ctx)).div["id"],
        soup_of(macros.placement_chart(ctx)).div["id"],
        soup_of(macros.district_chart(ctx)).div["id"],
        soup_of(macros.district_chart(ctx)).div["id"],
    ]
    assert ids == ["clo-placements", "clo-placements-2", "clo-districts", "clo-districts-2"]
    both = soup_of(macros.figure_charts(ctx))
    assert [div["id"] for div in both.select("div.clo-chart-block")] == [
        "clo-placements-3",
        "clo-districts-3",
    ]
    # Another page starts again.
    assert soup_of(macros.placement_chart(on(views, "other/"))).div["id"] == "clo-placements"


def test_charts_and_action_plan_need_their_files(views: SiteViews) -> None:
    bare = replace(views, placements=None, rates=None, action_plan=None)
    with pytest.raises(ValueError, match=r"figures\.yml is missing"):
        macros.placement_chart(on(bare))
    with pytest.raises(ValueError, match=r"figures\.yml is missing"):
        macros.district_chart(on(bare))
    with pytest.raises(ValueError, match=r"action_plan\.yml is missing"):
        macros.action_plan(on(bare))


def test_contact_card_has_tap_to_call_and_text_links(views: SiteViews) -> None:
    soup = soup_of(macros.contact_card(on(views)))
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == [
        "tel:+441632960010",
        "sms:+447700900010",
        "mailto:leaving.care@example.org",
        "tel:+441632960099",
    ]
    group = soup.select_one("[role=group]")
    assert group is not None
    assert group["aria-label"] == f"How to contact the {views.settings.contact.team}"


def test_help_contacts_link_only_numbers_that_can_be_called(views: SiteViews) -> None:
    soup = soup_of(macros.help_contacts(on(views)))
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "Emergency services",
        "Samaritans",
        "Shout",
    ]
    assert [a["href"] for a in soup.select("a.clo-button")] == ["tel:999", "tel:116123"]


def test_search_box_links_from_its_page(views: SiteViews) -> None:
    soup = soup_of(macros.search_box(on(views, "search/")))
    form = soup.select_one("form[data-clo-search]")
    # The index is search/en-gb/ in the site: from the search page, en-gb/.
    assert form is not None and form["data-clo-search-index"] == "en-gb/"
    scripts = soup.find_all("script")
    assert scripts[-1]["src"] == "../assets/clo-search.js"
    assert soup.select_one(".clo-search__no-js a")["href"] == "../offer/"
    words = scripts[0].get_text()
    assert '"search.failed"' in words and '"menu.button"' not in words


def test_review_table_lists_every_row_soonest_first(views: SiteViews) -> None:
    soup = soup_of(macros.review_table(on(views, "reviews/")))
    links = [a["href"] for a in soup.select(".clo-review-row__title a")]
    assert links == [
        "../ar/offer/money/#college-bursary",
        "../offer/money-easy-read/#money-at-16",
        "../offer/money/",
        "../offer/housing/",
        "../offer/moving-on/",
        "../offer/hostile/",
        "../offer/health/",
        "../offer/health/#free-prescriptions",
    ]
    kinds = [dd.get_text() for dd in soup.select(".clo-review-row__facts dd:nth-of-type(1)")]
    assert kinds[4] == "Arrangements"
    assert kinds[0] == "Translation: العربية"


def test_review_table_lists_stale_amounts(views: SiteViews) -> None:
    soup = soup_of(macros.review_table(on(views, "reviews/")))
    heading = soup.select_one("h2#amounts-not-changed")
    assert heading is not None
    assert heading.get_text() == "Amounts not changed for more than a year"
    items = soup.select(".clo-stale-amounts li")
    assert [item.get_text() for item in items] == [
        "Money to live on at 16 and 17: £57.90 a week, since 1 April 2025"
    ]
    link = items[0].select_one("a")
    assert link is not None and link["href"] == "../offer/money/#money-at-16"
    time = items[0].select_one("time")
    assert time is not None and time["datetime"] == "2025-04-01"


def test_review_table_without_stale_amounts_has_no_such_list(views: SiteViews) -> None:
    soup = soup_of(macros.review_table(on(replace(views, stale_amounts=()), "reviews/")))
    assert soup.select_one("#amounts-not-changed") is None
    assert soup.select_one(".clo-stale-amounts") is None
    assert soup.select(".clo-review-row")


def test_review_table_stale_amounts_are_text(views: SiteViews) -> None:
    stale = replace(
        views.stale_amounts[0], entry_title="<script>x</script>", amount="<b>£1</b> a week"
    )
    html = str(macros.review_table(on(replace(views, stale_amounts=(stale,)), "reviews/")))
    assert "<script>x" not in html and "<b>" not in html
    assert "&lt;b&gt;£1&lt;/b&gt; a week, since" in html


# --- The arrangements and what changed ------------------------------------------------------


def test_arrangements_render_every_part_in_the_laws_order(views: SiteViews) -> None:
    soup = soup_of(macros.arrangements(on(views, "offer/moving-on/")))
    sections = soup.select("section.clo-arrangement")
    assert [section["aria-labelledby"] for section in sections] == [
        "anticipating_needs",
        "housing_cooperation",
        "homelessness_and_custody",
        "financial_support",
        "access_to_services",
        "early_intervention",
        "financial_literacy",
    ]
    first = sections[0].select_one("h2")
    assert first is not None and first["id"] == "anticipating_needs"
    assert first.get_text() == "Planning ahead"
    assert soup.find("script") is None
    status = soup.select_one(".clo-review__status")
    assert status is not None and status.get_text() == "Up to date"
    owner = soup.select_one(".clo-section__owner")
    assert owner is not None and "Head of the Leaving Care Service" in owner.get_text()


def test_arrangements_set_the_description_only_when_the_page_has_none(views: SiteViews) -> None:
    ctx = on(views, "offer/moving-on/")
    macros.arrangements(ctx)
    assert ctx.page.meta["description"] == (
        "How we plan ahead, work with housing teams and help with money and services."
    )
    own = on(views, "offer/moving-on/", {"description": "Our own words."})
    macros.arrangements(own)
    assert own.page.meta["description"] == "Our own words."


def test_arrangements_need_their_file(views: SiteViews) -> None:
    with pytest.raises(ValueError, match=r"arrangements\.yml is missing"):
        macros.arrangements(on(replace(views, arrangements=None)))


def test_changes_newest_first_with_links_from_the_page(views: SiteViews) -> None:
    soup = soup_of(macros.changes(on(views, "changes/")))
    items = soup.select("ul.clo-changes > li")
    assert len(items) == len(views.changes)
    shown = [item.select_one("time")["datetime"] for item in items]
    assert shown == sorted(shown, reverse=True)
    assert sorted(shown) == sorted(change.on.isoformat() for change in views.changes)
    assert [h2.get_text() for h2 in soup.select("h2")][:2] == ["September 2027", "October 2026"]
    first = items[0]
    assert first["class"] == ["clo-change", "clo-change--amount"]
    assert first.get_text() == (
        "1 September Bursary for your course: now up to £1,100 a year (was up to £1,000 a year)"
    )
    assert first.select_one("a")["href"] == "../offer/money/#college-bursary"
    hrefs = {a.get_text(): a["href"] for a in soup.select("ul.clo-changes a")}
    assert hrefs["Checked: How we help you move to adult life"] == "../offer/moving-on/"
    assert hrefs["The evening drop-in has ended."] == "../offer/health/"
    feed = soup.select_one(".clo-changes__feed a")
    assert feed is not None and feed["href"] == "../changes.xml"
    assert feed.get_text() == "Follow these changes in a feed reader (Atom)"
    # From another page the links follow.
    moved = soup_of(macros.changes(on(views, "news/what-changed/")))
    assert moved.select_one(".clo-changes__feed a")["href"] == "../../changes.xml"


def test_changes_leave_the_pages_own_description(views: SiteViews) -> None:
    # Nothing in the data describes the list: the page's front matter does.
    own = on(views, "changes/", {"description": "What changed."})
    macros.changes(own)
    assert own.page.meta == {"description": "What changed."}


def test_changes_are_text_and_a_note_is_never_a_link_in_a_link(views: SiteViews) -> None:
    html = str(macros.changes(on(views, "changes/")))
    soup = soup_of(html)
    assert soup.find("script") is None
    assert "Checked: Hostile &lt;script&gt;" in html
    notes = ChangesFile.model_validate(
        {
            "changes": [
                {
                    "date": "2026-07-01",
                    "what": "See [the rules](https://www.example.org/) <script>x</script>",
                    "section": "always-current",
                },
                {"date": "2026-07-02", "what": "Prices have changed.", "section": "always-current"},
            ]
        }
    )
    written = change_views({}, views.sections, notes, None, views.words)
    months = change_months(written, views.words)
    soup = soup_of(macros.changes(on(replace(views, change_months=months), "changes/")))
    assert soup.find("script") is None
    links = soup.select("ul.clo-changes a")
    assert [a["href"] for a in links] == ["../offer/health/", "https://www.example.org/"]
    assert all(link.find("a") is None for link in links)


def test_no_changes_is_an_empty_list(views: SiteViews) -> None:
    soup = soup_of(macros.changes(on(replace(views, change_months=()), "changes/")))
    assert soup.select("li") == [] and soup.select("h2") == []
    # The feed's link is still there.
    assert soup.select_one(".clo-changes__feed a") is not None


# --- The gallery (ported from the HTML parts of tests/test_gallery.py) ---------------------


def gallery_articles(views: SiteViews) -> list[Tag]:
    soup = soup_of(macros.gallery(on(views, "gallery/")))
    assert soup.find("script") is None
    grid = soup.select_one("div.clo-gallery")
    assert grid is not None
    return grid.select("article.clo-piece")


def test_gallery_shows_the_published_pieces_in_order(views: SiteViews) -> None:
    articles = gallery_articles(views)
    assert [article["id"] for article in articles] == [
        "house-and-sun",
        "green-circle",
        "keys",
        "first-flat",
    ]
    for article in articles:
        heading = article.select_one("h2")
        assert heading is not None and heading["id"] == f"{article['id']}-title"
        assert article["aria-labelledby"] == heading["id"]
        assert article.select_one(".clo-piece__sample") is not None


def test_gallery_artwork(views: SiteViews) -> None:
    art = gallery_articles(views)[0]
    assert art.select_one("h2").get_text() == "House and sun"
    source = art.select_one("picture > source")
    img = art.select_one("picture > img")
    assert isinstance(source, Tag) and isinstance(img, Tag)
    assert source["type"] == "image/webp"
    assert img["alt"] == "A blue house under a yellow sun on an orange background."
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert (img["width"], img["height"]) == ("640", "400")
    assert img["sizes"] == source["sizes"] == GRID_SIZES
    webp = [item.split() for item in str(source["srcset"]).split(", ")]
    fallback = [item.split() for item in str(img["srcset"]).split(", ")]
    # house-and-sun.png is 800 wide: published at 320, 640 and 800, never 1024.
    assert [w for _, w in webp] == [w for _, w in fallback] == ["320w", "640w", "800w"]
    assert all(url.startswith("../" + SITE_FOLDER) for url, _ in webp + fallback)
    assert all(url.endswith(".webp") for url, _ in webp)
    assert all(url.endswith(".jpg") for url, _ in fallback)
    assert "house" not in str(source["srcset"]) + str(img["srcset"])
    caption = art.select_one("figcaption")
    assert caption is not None and "By Sam, 15" in caption.get_text()
    link = caption.select_one("a.clo-piece__open")
    assert link is not None and link["href"] == fallback[-1][0]
    assert "800 \N{MULTIPLICATION SIGN} 500" in link.get_text()
    promise = art.find("a", string="Safe and stable")
    assert promise is not None
    assert promise["href"] == "../strategy/principles/#safe-and-stable"
    assert "About: home" in art.get_text()


def test_gallery_artwork_with_transparency_falls_back_to_png(views: SiteViews) -> None:
    green = gallery_articles(views)[1]
    img = green.select_one("picture > img")
    assert img is not None and str(img["src"]).endswith("-300.png")
    assert (img["width"], img["height"]) == ("300", "300")


def test_gallery_poem_and_story(views: SiteViews) -> None:
    articles = gallery_articles(views)
    text = articles[2].select_one(".clo-piece__text--poem")
    assert text is not None
    stanzas = text.find_all("p", recursive=False)
    assert len(stanzas) == 2
    assert len(stanzas[0].find_all("br")) == 1
    assert stanzas[0].get_text() == "I got my own keys today.\nThree of them, on a ring."
    assert stanzas[1].get_text() == 'One for the door <script>alert("poem")</script>'
    assert articles[2].select_one(".clo-piece__credit").get_text() == "By J.T., 17"
    story = articles[3].select_one(".clo-piece__text--story")
    assert story is not None
    assert [p.get_text() for p in story.find_all("p")] == [
        "It was late when I got there. The lights were on.",
        "Somebody had left milk in the fridge.",
    ]


def test_one_piece_on_another_page(views: SiteViews) -> None:
    html = str(macros.gallery_piece(on(views, ""), "keys", 3))
    assert '<article class="clo-piece clo-piece--poem" id="keys"' in html
    assert '<h3 class="clo-piece__title" id="keys-title">Keys</h3>' in html
    art = soup_of(macros.gallery_piece(on(views, "offer/"), "house-and-sun"))
    img = art.select_one("img")
    assert img is not None and img["sizes"] == PAGE_SIZES
    assert str(img["src"]).startswith("../" + SITE_FOLDER)
    assert art.select_one("h3") is not None  # the default heading level


@pytest.mark.parametrize("piece_id", ["not-yet-agreed", "taken-down"])
def test_an_unpublished_piece_renders_nothing(views: SiteViews, piece_id: str) -> None:
    assert macros.gallery_piece(on(views), piece_id) == Markup("")


def test_data_feeds_link_every_export_from_the_page(views: SiteViews) -> None:
    soup = soup_of(macros.data_feeds(on(views, "reviews/")))
    links = [(a.get_text(), a["href"]) for a in soup.select("ul.clo-feeds a")]
    assert links == [
        (views.words(f"feeds.{export.key}"), f"../{export.path}") for export in EXPORTS
    ]
    assert {href for _, href in links} == {
        "../open-referral/services.json",
        "../review.json",
        "../changes.xml",
    }


def test_an_entry_shown_in_english_says_more_about_it_in_english(views: SiteViews) -> None:
    # On another language's page an untranslated entry's title, inside the catalogue's
    # "More about ...", is marked English as the card's heading is.
    section = views.sections["always-overdue"]
    english = replace(
        section,
        entries=tuple(replace(entry, content_lang="en-GB") for entry in section.entries),
    )
    marked = replace(views, sections={**views.sections, "always-overdue": english})
    for site, expected in ((views, None), (marked, "en-GB")):
        soup = soup_of(macros.offer_section(on(site), "always-overdue"))
        link = soup.select_one("a[href='https://www.example.org/leaving-care/grant']")
        assert isinstance(link, Tag)
        title = link.select_one("span[lang]")
        assert (title.get("lang") if title else None) == expected
        assert "Setting up home" in link.get_text()
