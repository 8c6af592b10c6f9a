"""The glossary in Chromium: a marked word leads to its meaning and back by keyboard, by
touch and without JavaScript; screen readers get the meaning as the link's description;
axe finds nothing at 360 px, with a meaning highlighted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.words import load_words
from tests.browser import open_page
from tests.browser_tests.test_a11y import PHONE, axe_violations, describe

WORDS = load_words("en-GB")
PAGE = "words-in-use/"
IN_VIEW = """selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  return box.top >= header.bottom - 1 && box.bottom <= innerHeight;
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_keyboard_reaches_the_meaning_and_comes_back(phone: Page, base_url: str) -> None:
    open_page(phone, base_url + PAGE)
    for _ in range(60):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('clo-term')"):
            break
    else:
        pytest.fail("Tab never reached a marked word")
    assert phone.evaluate("document.activeElement.textContent") == "PA"
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(base_url + PAGE + "#clo-term-personal-adviser")
    assert phone.evaluate(IN_VIEW, "#clo-term-personal-adviser")
    phone.keyboard.press("Tab")
    back = phone.locator(":focus")
    expect(back).to_have_text(WORDS("glossary.back", term="personal adviser"))
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(base_url + PAGE + "#clo-use-personal-adviser")
    assert phone.evaluate(IN_VIEW, "#clo-use-personal-adviser")


def test_a_tap_reaches_the_meaning(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    open_page(page, base_url + PAGE)
    page.locator("a.clo-term", has_text="pathway plan").tap()
    expect(page).to_have_url(base_url + PAGE + "#clo-term-pathway-plan")
    assert page.evaluate(IN_VIEW, "#clo-term-pathway-plan")
    expect(page.locator("#clo-def-pathway-plan")).to_be_visible()
    context.close()


def test_without_javascript_the_link_still_leads_to_the_meaning(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    open_page(page, base_url + PAGE)
    page.locator("a.clo-term", has_text="Staying Put").click()
    expect(page).to_have_url(base_url + PAGE + "#clo-term-staying-put")
    expect(page.locator("#clo-def-staying-put")).to_be_in_viewport()
    context.close()


def test_screen_readers_get_the_meaning_as_the_links_description(
    phone: Page, base_url: str
) -> None:
    open_page(phone, base_url + PAGE)
    link = phone.get_by_role("link", name="pathway plan", exact=True)
    expect(link).to_have_accessible_description("Your written plan for the future.")
    # The words of the term stay the link's name: nothing is added to what is read out.
    expect(phone.get_by_role("link", name="Staying Put", exact=True)).to_have_count(1)


def test_axe_is_clean_at_360px_with_a_meaning_highlighted(phone: Page, base_url: str) -> None:
    found = []
    for path in (
        PAGE + "#clo-term-hostile-words",
        "glossary/#term-personal-adviser",
        "offer/health/",
    ):
        open_page(phone, base_url + path)
        found += [describe(v, path) for v in axe_violations(phone)]
    assert found == []
