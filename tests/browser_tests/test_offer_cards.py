"""Issues 15 and 16 in a real browser on a 360 px phone: an amount on a card reads
without scrolling sideways, and the overview's age filter keeps entries for any age and
entries with no upper age (clo.js reads an empty bound as no limit)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from playwright.sync_api import Browser, Page, expect

from macros.derive.site import SiteViews
from macros.words import load_words
from tests.browser import open_page

PHONE = {"width": 360, "height": 800}
WORDS = load_words("en-GB")
SELECT_AGES = range(16, 26)


def test_an_amount_on_a_card_is_visible_without_scrolling_sideways(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + views.sections["always-overdue"].url)
    # The longest amount of the fixture's money page: up to, per year, from and until.
    amount = WORDS(
        "amounts.until",
        amount=WORDS(
            "amounts.from",
            amount=WORDS(
                "amounts.up_to",
                amount=WORDS("amounts.year", value=WORDS.money(Decimal(1000))),
            ),
            date=WORDS.date(dt.date(2026, 9, 1)),
        ),
        date=WORDS.date(dt.date(2027, 8, 31)),
    )
    card = page.locator("article.clo-entry", has=page.locator("[id='college-bursary']"))
    shown = card.locator(".clo-amount").first
    expect(shown).to_have_text(amount)
    shown.scroll_into_view_if_needed()
    expect(shown).to_be_in_viewport()
    # Every amount on the page wraps inside the screen: nothing is cut off at the side.
    amounts = page.locator(".clo-amount").all()
    assert len(amounts) == 4
    for box in [item.bounding_box() for item in amounts]:
        assert box is not None and box["width"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("window.scrollX") == 0
    page.close()


def shown_ids(page: Page) -> set[str]:
    """The entries the overview shows, as their anchors."""
    ids: list[str] = page.eval_on_selector_all(
        ".clo-overview__list li",
        "items => items.filter(i => i.offsetParent !== null)"
        ".map(i => i.querySelector('a').getAttribute('href').split('#')[1])",
    )
    return set(ids)


def test_the_age_filter_reads_no_ages_as_every_age_and_no_upper_age_as_and_over(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    entries = {entry.id: entry for s in views.sections.values() for entry in s.entries}
    any_age, and_over, bounded = entries["money-advice"], entries["college-bursary"], "money-at-16"
    assert (any_age.age_from, any_age.age_to) == (None, None)
    assert (and_over.age_from, and_over.age_to) == (16, None)
    assert (entries[bounded].age_from, entries[bounded].age_to) == (16, 17)

    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + views.places.overview)
    select = page.get_by_label(WORDS("overview.age_question"))
    for age in SELECT_AGES:
        select.select_option(str(age))
        shown = shown_ids(page)
        assert any_age.id in shown, f"an entry for any age is shown for {age}"
        assert and_over.id in shown, f"an entry for 16 and over is shown for {age}"
        assert (bounded in shown) == (age <= 17), f"{bounded} for {age}"

    # An entry with no upper age starting later than the youngest age in the list: hidden
    # below its start, shown at its start and every age after.
    page.evaluate(
        """() => document.querySelector(".clo-overview__list a[href$='#college-bursary']")
          .parentElement.setAttribute("data-clo-age-from", "21")"""
    )
    for age in SELECT_AGES:
        select.select_option(str(age))
        assert (and_over.id in shown_ids(page)) == (age >= 21), f"21 and over, for {age}"
        assert any_age.id in shown_ids(page)
    page.close()
