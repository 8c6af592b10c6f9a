"""The Care Leaver Offer as built: entries, review dates, overview, reviewers' page, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.derive.dates import format_date, today
from macros.derive.offer import SectionView, offer_views
from macros.publish.review_report import review_rows
from macros.validate.model import StatutoryArea
from macros.validate.site_data import SiteData, load_site_data
from tests.conftest import FROZEN_EPOCH, ROOT, soup_of

BUILD_DATE = today({"SOURCE_DATE_EPOCH": FROZEN_EPOCH})


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT)


@pytest.fixture(scope="module")
def sections(data: SiteData) -> dict[str, SectionView]:
    return offer_views(data.offer, data.principles.principles, data.settings, BUILD_DATE)


def section_page(site_dir: Path, section_id: str) -> Path:
    return site_dir / "offer" / section_id / "index.html"


def test_every_statutory_area_has_a_section(data: SiteData) -> None:
    covered = {area for section in data.offer.values() for area in section.covers}
    missing = set(StatutoryArea) - covered
    assert not missing, f"no offer section covers: {sorted(missing)}"


def test_example_offer_is_big_enough(data: SiteData) -> None:
    assert len(data.offer) >= 8
    assert sum(len(section.entries) for section in data.offer.values()) >= 40


def test_example_contacts_are_reserved_for_examples(data: SiteData) -> None:
    for section in data.offer.values():
        for entry in section.entries:
            if entry.contact.phone:
                digits = re.sub(r"\D", "", entry.contact.phone)
                assert digits.startswith(("01632960", "07700900")), entry.contact.phone
            if entry.contact.email:
                assert entry.contact.email.endswith("example.org"), entry.contact.email
            if entry.contact.web:
                assert entry.contact.web.host in {"example.org", "www.example.org"}


def test_every_entry_is_rendered_once_with_its_anchor(site_dir: Path, data: SiteData) -> None:
    pages = {path: path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")}
    for section_id, section in data.offer.items():
        home = section_page(site_dir, section_id)
        for entry in section.entries:
            anchor = f'id="{entry.id}"'
            where = [path for path, html in pages.items() if anchor in html]
            assert where == [home], f"{entry.id} rendered on {where}"
            assert pages[home].count(anchor) == 1
            heading = soup_of(home).find(id=entry.id)
            assert heading is not None and heading.name == "h2"
            assert heading.get_text(strip=True) == entry.title


def test_every_section_shows_its_review_dates(
    site_dir: Path, sections: dict[str, SectionView]
) -> None:
    for section_id, section in sections.items():
        text = " ".join(soup_of(section_page(site_dir, section_id)).get_text(" ").split())
        line = (
            f"Last reviewed {section.review.last_reviewed} · "
            f"Next review due {section.review.next_due}"
        )
        assert line in text, f"{section_id}: {line!r} missing"
        assert section.review.label in text


def test_overdue_section_says_calmly_it_is_being_reviewed(
    site_dir: Path, sections: dict[str, SectionView], data: SiteData
) -> None:
    states = {section_id: section.review.state for section_id, section in sections.items()}
    # The example data keeps one section always overdue and others current on the frozen date.
    assert "overdue" in states.values() and "current" in states.values()
    for section_id, state in states.items():
        notice = soup_of(section_page(site_dir, section_id)).select_one("[data-clo-overdue-notice]")
        assert notice is not None and "We are checking this page." in notice.get_text()
        if state == "overdue":
            assert not notice.has_attr("hidden")
            assert data.settings.contact.phone in notice.get_text()
        else:
            assert notice.has_attr("hidden"), f"{section_id} is {state}: notice must be hidden"


def test_dates_are_written_for_people(site_dir: Path, data: SiteData) -> None:
    section_id, section = next(iter(data.offer.items()))
    text = soup_of(section_page(site_dir, section_id)).get_text(" ")
    assert format_date(section.last_reviewed_on) in text
    assert section.last_reviewed_on.isoformat() not in text  # only in datetime attributes


def test_phone_numbers_are_tap_to_call(site_dir: Path) -> None:
    soup = soup_of(section_page(site_dir, "money"))
    calls = [a["href"] for a in soup.select(".clo-entry a[href^='tel:']")]
    assert calls and all(re.fullmatch(r"tel:\+44\d{10}|tel:\d{3,6}", str(h)) for h in calls)


def test_overview_lists_every_entry_with_its_ages(site_dir: Path, data: SiteData) -> None:
    soup = soup_of(site_dir / "offer" / "index.html")
    form = soup.select_one("form[data-clo-age-filter]")
    assert form is not None and form.has_attr("hidden"), "filter is hidden until JS shows it"
    links = {str(a["href"]) for a in soup.select(".clo-overview__list a")}
    items = soup.select(".clo-overview__list li")
    for section_id, section in data.offer.items():
        for entry in section.entries:
            assert f"{section_id}/#{entry.id}" in links
    for item in items:
        assert int(str(item["data-clo-age-from"])) <= int(str(item["data-clo-age-to"]))


def test_reviewers_page_lists_soonest_first(
    site_dir: Path, sections: dict[str, SectionView]
) -> None:
    soup = soup_of(site_dir / "reviews" / "index.html")
    titles = [h.get_text(strip=True) for h in soup.select(".clo-review-row__title")]
    expected = [row.title for row in review_rows(sections)]
    assert titles == expected
    dues = [t["datetime"] for t in soup.select(".clo-review-row__facts dd:nth-of-type(4) time")]
    assert dues == sorted(dues)
    assert any("(" in title for title in titles), "separately reviewed entries are listed"


def test_reviewers_page_is_in_the_footer_not_the_menu(site_dir: Path) -> None:
    soup = soup_of(site_dir / "index.html")
    assert soup.select_one("nav.clo-footer a[href$='reviews/']") is not None
    assert soup.select_one("nav.md-nav--primary a[href$='reviews/']") is None


def test_review_json_matches_the_data(site_dir: Path, sections: dict[str, SectionView]) -> None:
    report = json.loads((site_dir / "review.json").read_text(encoding="utf-8"))
    assert report["generated_on"] == BUILD_DATE.isoformat()
    rows = review_rows(sections)
    assert [item["id"] for item in report["items"]] == [row.id for row in rows]
    for item, row in zip(report["items"], rows, strict=True):
        assert item["next_review_on"] == row.review.next_due_iso
        assert item["status"] == row.review.state
    assert sum(report["counts"].values()) == len(rows)


def test_open_referral_export_has_every_entry(site_dir: Path, data: SiteData) -> None:
    export = json.loads((site_dir / "open-referral" / "services.json").read_text("utf-8"))
    services = {service["id"]: service for service in export["contents"]}
    entries = [(sid, e) for sid, s in data.offer.items() for e in s.entries]
    assert export["total_items"] == len(entries) == len(services)
    for section_id, entry in entries:
        service = services[entry.id]
        assert service["name"] == entry.title
        assert service["minimum_age"] == entry.ages.from_age
        assert service["maximum_age"] == entry.ages.to_age
        assert service["status"] == "active"
        assert service["url"].endswith(f"offer/{section_id}/#{entry.id}")
        reviewed = entry.last_reviewed_on or data.offer[section_id].last_reviewed_on
        assert service["assured_date"] == reviewed.isoformat()


def test_search_index_lands_on_each_entry(site_dir: Path, data: SiteData) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for section_id, section in data.offer.items():
        for entry in section.entries:
            doc = by_location.get(f"offer/{section_id}/#{entry.id}")
            assert doc is not None, f"search cannot land on {entry.id}"
            assert doc["title"] == entry.title


def test_section_page_description_comes_from_data(site_dir: Path, data: SiteData) -> None:
    soup = soup_of(section_page(site_dir, "money"))
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None
    first_words = " ".join(data.offer["money"].introduction.split()[:4])
    assert str(description["content"]).startswith(first_words.replace("**", ""))
