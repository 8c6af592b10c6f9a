"""Other languages in a real browser at 360 px (issue 19): the Arabic Money page of the
fixture site (section ``always-overdue``) right to left, its translated and untranslated
entries, a changed English entry flipping its translation to the notice, and search in
Arabic. Axe runs on every page of every language in ``test_a11y.py``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.words import load_words
from tests.browser import open_page, serve
from tests.conftest import copy_fixture_site, run_build

PHONE = {"width": 360, "height": 800}
ARABIC = load_words("ar")


def card(page: Page, entry_id: str):  # type: ignore[no-untyped-def]
    return page.locator(f"article[aria-labelledby='{entry_id}']")


def test_the_arabic_money_page_is_right_to_left_at_360px(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "ar/offer/money/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Mirrored: headings start at the right edge of the content, not the left.
    heading = page.locator(".md-content h1").bounding_box()
    assert heading is not None
    right_gap = PHONE["width"] - (heading["x"] + heading["width"])
    assert right_gap < 40, heading
    text_align = page.evaluate(
        "getComputedStyle(document.querySelector('.clo-entry__summary')).textAlign"
    )
    assert text_align in {"start", "right"}
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The translated entries are listed in Arabic.
    expect(card(page, "money-at-16").locator("h2")).to_have_text("مال للعيش في سن 16 و17")
    expect(card(page, "setting-up-home").locator(".clo-entry__language")).to_have_count(0)
    # The untranslated one is the English, left to right, under a notice in Arabic.
    untranslated = card(page, "money-advice")
    expect(untranslated.locator("h2")).to_have_attribute("lang", "en-GB")
    assert untranslated.locator("h2").evaluate("h => getComputedStyle(h).direction") == "ltr"
    expect(untranslated.locator(".clo-entry__language")).to_have_text(ARABIC("translation.missing"))
    # A phone number keeps its order in right-to-left text: "01632 960 011", not reversed.
    phone = card(page, "setting-up-home").locator("a[href^='tel:']").first
    assert phone.evaluate("a => getComputedStyle(a).direction") == "ltr"
    assert phone.evaluate("a => getComputedStyle(a).unicodeBidi") == "isolate"
    page.screenshot(path=str(tmp_path / "ar-money-360.png"), full_page=True)
    page.close()


def test_the_language_switcher_goes_to_the_same_page(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "offer/money/")
    page.locator(".clo-languages a[hreflang=ar]").click()
    page.wait_for_url(re.compile(r"/ar/offer/money/$"))
    expect(page.locator(".md-content h1")).to_have_text("المال")
    page.locator(".clo-languages a[hreflang=en-GB]").click()
    page.wait_for_url(re.compile(r"/offer/money/$"))
    assert "/ar/" not in page.url
    page.close()


def test_a_search_in_arabic_finds_arabic_entries(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "ar/search/")
    page.fill("#clo-search-query", "منحة")
    page.press("#clo-search-query", "Enter")
    results = page.locator("[data-clo-search-results] .clo-search__link")
    expect(results.first).to_be_visible()
    assert any(text.startswith("منحة تأسيس المنزل") for text in results.all_inner_texts())
    # Without its article: "مال" (money) finds "المال" (the money).
    page.fill("#clo-search-query", "مال")
    page.press("#clo-search-query", "Enter")
    expect(results.filter(has_text="المال").first).to_be_visible()
    page.close()


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with the English summary of one translated entry changed."""
    site = copy_fixture_site(tmp_path_factory.mktemp("changed"))
    section = site / "data" / "offer" / "always-overdue.yml"
    text = section.read_text(encoding="utf-8")
    old = "summary: A grant of **£2,000** to buy what you need for your first home."
    assert old in text
    section.write_text(
        text.replace(old, "summary: A grant to buy what you need for your first home."),
        encoding="utf-8",
    )
    built = tmp_path_factory.mktemp("changed-site")
    result = run_build(site, built)
    assert result.returncode == 0, result.output
    return built


def test_a_changed_english_entry_flips_its_translation_to_the_notice(
    browser: Browser, changed_site: Path
) -> None:
    with serve(changed_site) as url:
        page = browser.new_page(viewport=PHONE)
        open_page(page, url + "ar/offer/money/")
        flipped = card(page, "setting-up-home")
        expect(flipped.locator("h2")).to_have_text("Setting up home grant")
        expect(flipped.locator("h2")).to_have_attribute("lang", "en-GB")
        expect(flipped.locator(".clo-entry__summary")).to_have_text(
            "A grant to buy what you need for your first home."
        )
        expect(flipped.locator(".clo-entry__language")).to_have_text(
            ARABIC("translation.changed", date=ARABIC.date(dt.date(2020, 1, 15)))
        )
        # The other translation is untouched.
        expect(card(page, "money-at-16").locator("h2")).to_have_text("مال للعيش في سن 16 و17")
        page.close()
