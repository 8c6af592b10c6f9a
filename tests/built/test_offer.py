"""The Care Leaver Offer as built: entries, review dates, overview, reviewers' page, exports.

Pinned to the fixture site: ``always-overdue`` (shown on offer/money.md), ``always-current``
(offer/health.md, with ``free-prescriptions`` reviewed on its own), ``due-soon``
(offer/housing.md) and ``hostile``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.derive.phones import sms_href, tel_href
from macros.derive.site import SiteViews
from macros.derive.urls import relative_url
from macros.publish.outputs import OPEN_REFERRAL_SERVICES, REVIEW_JSON
from macros.validate.model.contacts import PhonePurpose
from macros.validate.site_data import SiteData
from tests.conftest import BUILD_DATE, search_index_sections, soup_of


def page_of(site_dir: Path, url: str) -> Path:
    """The built file of a site URL such as ``offer/money/``."""
    return site_dir / url.split("#")[0] / "index.html"


def section_soup(site_dir: Path, views: SiteViews, section_id: str) -> BeautifulSoup:
    return soup_of(page_of(site_dir, views.sections[section_id].url))


def words_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def test_sections_are_shown_on_pages_not_named_after_them(views: SiteViews) -> None:
    # Links follow the page that calls offer_section(), whatever it is called.
    assert views.sections["always-overdue"].url == "offer/money/"
    assert views.sections["always-current"].url == "offer/health/"
    assert views.sections["due-soon"].url == "offer/housing/"


def test_every_entry_is_rendered_once_with_its_anchor(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    # In the site's own language (each other language is a site in its folder), and not
    # the Easy Read pages, which show the same entries in other words.
    others = {language.code for language in views.languages if not language.default}
    easy_read = {page_of(site_dir, url) for url in views.places.easy_read.values()}
    pages = {
        path: path.read_text(encoding="utf-8")
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] not in others and path not in easy_read
    }
    checked = 0
    for section_id, section in data.offer.items():
        home = page_of(site_dir, views.sections[section_id].url)
        for entry in section.entries:
            anchor = f'id="{entry.id}"'
            where = [path for path, text in pages.items() if anchor in text]
            assert where == [home], f"{entry.id} rendered on {where}"
            assert pages[home].count(anchor) == 1
            heading = soup_of(home).find(id=entry.id)
            assert heading is not None and heading.name == "h2"
            assert heading.get_text(strip=True) == entry.title
            checked += 1
    assert checked == sum(len(section.entries) for section in data.offer.values()) >= 5


def test_every_section_shows_its_review_dates(site_dir: Path, views: SiteViews) -> None:
    for section_id, section in views.sections.items():
        text = words_of(section_soup(site_dir, views, section_id))
        line = views.words(
            "review.dates", last=section.review.last_reviewed, next=section.review.next_due
        )
        assert line in text, f"{section_id}: {line!r} missing"
        assert section.review.label in text


def test_the_fixture_sections_are_overdue_current_and_due_soon(views: SiteViews) -> None:
    states = {section_id: section.review.state for section_id, section in views.sections.items()}
    assert states["always-overdue"] == "overdue"
    assert states["always-current"] == "current"
    assert states["due-soon"] == "due_soon"


def test_overdue_notice_is_shown_only_on_the_overdue_section(
    site_dir: Path, views: SiteViews, data: SiteData
) -> None:
    """One calm line at the top, linking to the details at the end of the section."""
    words = views.words
    for section_id, section in views.sections.items():
        soup = section_soup(site_dir, views, section_id)
        notice, details = soup.select("[data-clo-overdue-notice]")
        assert words("section.checking_title") in notice.get_text()
        link = notice.select_one("a")
        assert link is not None and link.get_text() == words("section.checking_link")
        assert link["href"] == f"#{details['id']}"
        assert data.settings.contact.phone in details.get_text()
        assert details.select_one(f"a[href='{tel_href(data.settings.contact.phone)}']")
        if section_id == "always-overdue":
            assert section.review.overdue
            assert not notice.has_attr("hidden") and not details.has_attr("hidden")
        else:
            assert notice.has_attr("hidden"), f"{section_id} is {section.review.state}"
            assert details.has_attr("hidden")


def test_a_section_shows_its_help_before_its_housekeeping(site_dir: Path, views: SiteViews) -> None:
    """On a phone the first screen is the help: the review dates and the owner come after
    the last entry (the status still there for reviewers)."""
    for section_id, section in views.sections.items():
        soup = section_soup(site_dir, views, section_id)
        block = soup.select_one(f"#section-{section_id}")
        assert block is not None
        # Each overdue notice's own script (overdue-check.html) comes right after it.
        for notice in block.select("[data-clo-overdue-notice]"):
            after = notice.find_next_sibling()
            assert after is not None and after.name == "script", section_id
        children = [
            child
            for child in block.children
            if getattr(child, "name", None) not in (None, "script")
        ]
        kinds = [" ".join(child.get("class", [])) for child in children]
        # A link to the section's Easy Read version, when it has one, comes first.
        top = 1 if kinds[0] == "clo-section__easy-read" else 0
        first_entry = next(i for i, kind in enumerate(kinds) if "clo-entry" in kind)
        review = next(i for i, kind in enumerate(kinds) if kind.startswith("clo-review "))
        assert kinds[top].startswith("clo-notice") and "clo-section__intro" in kinds[top + 1]
        assert first_entry == top + 2 < review, kinds
        assert all("clo-entry" not in kind for kind in kinds[review:]), kinds
        if section.owner:
            assert "clo-section__owner" in kinds[-1]
        status = children[review].select_one(".clo-review__status")
        assert status is not None and status.get_text() == section.review.label


def test_due_soon_section_says_so(site_dir: Path, views: SiteViews) -> None:
    soup = section_soup(site_dir, views, "due-soon")
    status = soup.select_one(".clo-review__status")
    assert status is not None
    assert status.get_text(strip=True) == views.words("review.due_soon")
    review = soup.select_one(".clo-review")
    assert review is not None and "clo-review--due_soon" in review["class"]
    assert review["data-clo-review-due"] == "2026-12-01"
    current = section_soup(site_dir, views, "always-current").select_one(".clo-review__status")
    assert current is not None and current.get_text(strip=True) == views.words("review.current")


def test_dates_are_written_for_people(site_dir: Path, data: SiteData, views: SiteViews) -> None:
    for section_id, section in data.offer.items():
        soup = section_soup(site_dir, views, section_id)
        text = soup.get_text(" ")
        assert views.words.date(section.last_reviewed_on) in text
        assert section.last_reviewed_on.isoformat() not in text  # only in datetime attributes
        times = {str(t["datetime"]) for t in soup.select(".clo-review time")}
        assert section.last_reviewed_on.isoformat() in times
    assert "15 January 2020" in section_soup(site_dir, views, "always-overdue").get_text(" ")


def test_phone_numbers_are_tap_to_call(site_dir: Path, data: SiteData, views: SiteViews) -> None:
    soup = section_soup(site_dir, views, "always-overdue")
    calls = [str(a["href"]) for a in soup.select(".clo-entry a[href^='tel:']")]
    texts = [str(a["href"]) for a in soup.select(".clo-entry a[href^='sms:']")]
    phones = [
        phone for entry in data.offer["always-overdue"].entries for phone in entry.contact.phones
    ]
    to_call = [phone.number for phone in phones if phone.purpose is not PhonePurpose.text]
    text_only = [phone.number for phone in phones if phone.purpose is PhonePurpose.text]
    assert calls == [tel_href(number) for number in to_call] == ["tel:+441632960011"]
    assert texts == [sms_href(number) for number in text_only] == ["sms:+447700900011"]
    for section_id in views.sections:
        for link in section_soup(site_dir, views, section_id).select("a[href^='tel:']"):
            assert re.fullmatch(r"tel:\+44\d{10}|tel:\d{3,6}", str(link["href"])), link
        for link in section_soup(site_dir, views, section_id).select("a[href^='sms:']"):
            assert re.fullmatch(r"sms:\+44\d{10}|sms:\d{3,6}", str(link["href"])), link


def test_overview_lists_every_entry_with_its_ages(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    overview = views.places.overview
    assert overview == "offer/"
    soup = soup_of(page_of(site_dir, overview))
    form = soup.select_one("form[data-clo-age-filter]")
    assert form is not None and form.has_attr("hidden"), "filter is hidden until JS shows it"
    items = {
        str(item.a["href"]): item
        for item in soup.select(".clo-overview__list li")
        if item.a is not None
    }
    entries = [entry for section in views.sections.values() for entry in section.entries]
    assert len(items) == len(entries)
    for entry in entries:
        item = items[relative_url(overview, entry.url)]
        assert item.a is not None and item.a.get_text(strip=True) == entry.title
        # No age means none: an empty attribute, which the filter reads as every age.
        assert (item["data-clo-age-from"], item["data-clo-age-to"]) == (
            "" if entry.age_from is None else str(entry.age_from),
            "" if entry.age_to is None else str(entry.age_to),
        )
        assert entry.ages_in_list in item.get_text()
    bounded = [
        item for item in items.values() if item["data-clo-age-from"] and item["data-clo-age-to"]
    ]
    assert bounded
    for item in bounded:
        assert int(str(item["data-clo-age-from"])) <= int(str(item["data-clo-age-to"]))
    shown = {entry.id: entry.ages_in_list for entry in entries}
    words = views.words
    assert shown["money-advice"] == words("ages.any_in_list")
    assert shown["college-bursary"] == words("ages.from_in_list", start=16)
    titles = [h.get_text(strip=True) for h in soup.select(".clo-overview h2")]
    assert titles == [section.title for section in data.offer.values()]


def test_reviewers_page_lists_soonest_first(site_dir: Path, views: SiteViews) -> None:
    soup = soup_of(site_dir / "reviews" / "index.html")
    titles = [h.get_text(strip=True) for h in soup.select(".clo-review-row__title")]
    assert titles == [row.title for row in views.review_rows]
    dues = [
        str(t["datetime"]) for t in soup.select(".clo-review-row__facts dd:nth-of-type(4) time")
    ]
    assert len(dues) == len(titles)
    assert dues == sorted(dues)
    sections = [row.title for row in views.review_rows if row.kind == "section"]
    assert sections[0] == views.sections["always-overdue"].title
    separately = views.words("review.entry_title", entry="Free prescriptions", section="Health")
    assert separately in titles, "separately reviewed entries are listed"


def test_reviewers_page_is_in_the_footer_not_the_menu(site_dir: Path) -> None:
    soup = soup_of(site_dir / "index.html")
    assert soup.select_one("nav.clo-footer a[href$='reviews/']") is not None
    assert soup.select_one("nav.md-nav--primary a[href$='reviews/']") is None


def test_review_json_matches_the_data(site_dir: Path, views: SiteViews) -> None:
    report = json.loads((site_dir / REVIEW_JSON).read_text(encoding="utf-8"))
    assert report["generated_on"] == BUILD_DATE.isoformat()
    rows = views.review_rows
    assert [item["id"] for item in report["items"]] == [row.id for row in rows]
    assert "free-prescriptions" in [item["id"] for item in report["items"]]
    for item, row in zip(report["items"], rows, strict=True):
        assert item["next_review_on"] == row.review.next_due_iso
        assert item["status"] == row.review.state
        assert item["url"] == row.url
    assert sum(report["counts"].values()) == len(rows)
    # Overdue: the Money section, and a translation and an Easy Read text of it whose
    # English has changed since.
    assert report["counts"]["overdue"] == 3 and report["counts"]["due_soon"] == 1


def test_open_referral_export_has_every_entry(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    export = json.loads((site_dir / OPEN_REFERRAL_SERVICES).read_text("utf-8"))
    base = "https://example.org/care-leavers/"
    # Each service links to its entry's card, so the card's anchor finds it.
    services = {service["url"].rsplit("#", 1)[1]: service for service in export["contents"]}
    entries = [(sid, e) for sid, s in data.offer.items() for e in s.entries]
    assert export["total_items"] == len(entries) == len(services) == len(export["contents"])
    assert len({service["id"] for service in export["contents"]}) == len(entries)
    for section_id, entry in entries:
        service = services[entry.id]
        assert service["name"] == entry.title
        # An age with no limit is left out.
        assert service.get("minimum_age") == (entry.ages.from_age if entry.ages else None)
        assert service.get("maximum_age") == (entry.ages.to_age if entry.ages else None)
        assert service["status"] == "active"
        assert service["url"] == f"{base}{views.sections[section_id].url}#{entry.id}"
        reviewed = entry.last_reviewed_on or data.offer[section_id].last_reviewed_on
        assert service["assured_date"] == reviewed.isoformat()
    assert services["setting-up-home"]["url"] == f"{base}offer/money/#setting-up-home"
    assert services["free-prescriptions"]["assured_date"] == "2026-03-01"
    any_age = services["money-advice"]
    assert (any_age.get("minimum_age"), any_age.get("maximum_age")) == (None, None)
    assert services["college-bursary"].get("maximum_age") is None, "no upper age"
    assert services["college-bursary"]["minimum_age"] == 16


def test_search_index_lands_on_each_entry(site_dir: Path, views: SiteViews) -> None:
    by_location = search_index_sections(site_dir, views.words.language)
    for section in views.sections.values():
        for entry in section.entries:
            doc = by_location.get(entry.url)
            assert doc is not None, f"search cannot land on {entry.id}"
            assert doc[0] == entry.title
    assert "offer/money/#setting-up-home" in by_location


def test_section_page_description_comes_from_data(site_dir: Path, views: SiteViews) -> None:
    soup = section_soup(site_dir, views, "always-overdue")
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None
    assert description["content"] == views.sections["always-overdue"].description
    assert description["content"] == (
        "Money you can get, and help to claim what you are entitled to."
    )


def test_every_export_a_page_links_to_is_published(site_dir: Path) -> None:
    from macros.derive.exports import EXPORTS

    assert OPEN_REFERRAL_SERVICES in {export.path for export in EXPORTS}
    for export in EXPORTS:
        assert (site_dir / export.path).is_file(), export.path
