"""The offer in a real browser on a 360 px phone: age filter and review status."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Browser, Page

from macros.validate.site_data import load_site_data
from tests.conftest import ROOT

PHONE = {"width": 360, "height": 800}


def visible_entry_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".clo-overview__list li",
        "items => items.filter(i => i.offsetParent !== null)"
        ".map(i => i.querySelector('a').getAttribute('href').split('#')[1])",
    )


def expected_ids(age: int | None) -> list[str]:
    data = load_site_data(ROOT)
    return [
        entry.id
        for section in data.offer.values()
        for entry in section.entries
        if age is None or entry.ages.from_age <= age <= entry.ages.to_age
    ]


def test_age_filter_narrows_entries_on_a_phone(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "offer/")
    select = page.get_by_label("How old are you?")
    assert select.is_visible()
    assert visible_entry_ids(page) == expected_ids(None)

    for age in (16, 19, 22, 25):
        select.select_option(str(age))
        shown = visible_entry_ids(page)
        assert shown == expected_ids(age), f"age {age}"
        assert (
            page.locator("[data-clo-age-result]").inner_text().startswith(f"Showing {len(shown)} ")
        )
    assert len(expected_ids(16)) < len(expected_ids(None)), "the example must narrow at 16"

    select.select_option("")
    assert visible_entry_ids(page) == expected_ids(None)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    page.close()


def test_without_javascript_everything_shows(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "offer/")
    assert not page.get_by_label("How old are you?").is_visible()
    assert visible_entry_ids(page) == expected_ids(None)
    page.goto(base_url + "offer/leisure/")
    assert "Last reviewed" in page.locator(".clo-review").first.inner_text()
    assert page.locator("[data-clo-overdue-notice]").is_visible(), "leisure is overdue at build"
    context.close()


def test_review_status_is_worked_out_again_when_read_later(browser: Browser, base_url: str) -> None:
    data = load_site_data(ROOT)
    section_id, section = next((sid, s) for sid, s in data.offer.items() if sid != "leisure")
    page = browser.new_page(viewport=PHONE)
    page.clock.install(time=dt.datetime(2031, 1, 1, 12, 0, tzinfo=dt.UTC))
    page.goto(base_url + f"offer/{section_id}/")
    status = page.locator(".clo-section > .clo-review .clo-review__status")
    assert status.inner_text() == "Being reviewed", f"{section.title} is overdue by 2031"
    assert page.locator("[data-clo-overdue-notice]").is_visible()
    assert "clo-review--overdue" in (
        page.locator(".clo-section > .clo-review").get_attribute("class") or ""
    )
    page.close()
