"""The fixture site's offer in a real browser on a 360 px phone: the age filter, and the
review status worked out again when a page is read later than it was built (clo.js)."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.derive.offer import EntryView
from macros.derive.site import SiteViews
from macros.words import load_words
from tests.browser import open_page
from tests.browser_tests.test_a11y import DESKTOP, RECORD_SHIFTS, SHIFTS
from tests.conftest import BUILD_DATE

PHONE = {"width": 360, "height": 800}
WORDS = load_words("en-GB")
AGES = range(16, 26)


def visible_entry_ids(page: Page) -> list[str]:
    """The entries the overview shows, as their anchors, in the order shown."""
    ids: list[str] = page.eval_on_selector_all(
        ".clo-overview__list li",
        "items => items.filter(i => i.offsetParent !== null)"
        ".map(i => i.querySelector('a').getAttribute('href').split('#')[1])",
    )
    return ids


def fits(entry: EntryView, age: int | None) -> bool:
    """Whether an entry is for ``age``: no ages is any age, no upper age is "and over"."""
    if age is None or entry.age_from is None:
        return True
    return entry.age_from <= age and (entry.age_to is None or age <= entry.age_to)


def expected_ids(views: SiteViews, age: int | None) -> list[str]:
    """The entries for ``age`` (every entry for None), from the data, in the offer's order."""
    return [
        entry.id
        for section in views.sections.values()
        for entry in section.entries
        if fits(entry, age)
    ]


def test_age_filter_narrows_entries_on_a_phone(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "offer/")
    select = page.get_by_label(WORDS("overview.age_question"))
    assert select.is_visible()
    assert visible_entry_ids(page) == expected_ids(views, None)
    result = page.locator("[data-clo-age-result]")

    narrowed = False
    for age in AGES:
        select.select_option(str(age))
        shown = visible_entry_ids(page)
        assert shown == expected_ids(views, age), f"age {age}"
        narrowed = narrowed or len(shown) < len(expected_ids(views, None))
        expect(result).to_have_text(WORDS("overview.showing", count=len(shown), age=age))
        # A section with nothing for this age is hidden with its heading.
        hidden_sections = [
            section.id
            for section in views.sections.values()
            if not any(entry.id in shown for entry in section.entries)
        ]
        for section_id in hidden_sections:
            expect(page.locator(f"[aria-labelledby='overview-{section_id}']")).to_be_hidden()
    assert narrowed, "the fixture must narrow the overview at some age"

    select.select_option("")
    assert visible_entry_ids(page) == expected_ids(views, None)
    expect(result).to_have_text("")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    page.close()


@pytest.mark.parametrize("count", [1, 2])
def test_the_status_line_says_kind_or_kinds_from_the_catalogue(
    browser: Browser, base_url: str, views: SiteViews, count: int
) -> None:
    """The plural form comes from the catalogue, chosen for the count in the browser."""
    assert WORDS("overview.showing", count=1, age=16) != WORDS(
        "overview.showing", count=2, age=16
    ), "the catalogue has one form for one and another for more"
    age = 16
    fits = expected_ids(views, age)
    assert len(fits) > count, "the fixture has more entries for 16 than the test keeps"
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "offer/")
    # Leave only ``count`` of the entries for this age on the page.
    page.evaluate(
        """ids => document.querySelectorAll(".clo-overview__list li").forEach(item => {
          const id = item.querySelector("a").getAttribute("href").split("#")[1];
          if (!ids.includes(id)) item.remove();
        })""",
        fits[:count],
    )
    page.get_by_label(WORDS("overview.age_question")).select_option(str(age))
    expect(page.locator("[data-clo-age-result]")).to_have_text(
        WORDS("overview.showing", count=count, age=age)
    )
    page.close()


def test_without_javascript_everything_shows(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    open_page(page, base_url + "offer/")
    assert not page.get_by_label(WORDS("overview.age_question")).is_visible()
    assert visible_entry_ids(page) == expected_ids(views, None)

    overdue = views.sections["always-overdue"]
    assert overdue.review.state == "overdue"
    open_page(page, base_url + overdue.url)
    review = page.locator(".clo-section > .clo-review")
    expect(review.locator(".clo-review__dates")).to_have_text(
        WORDS("review.dates", last=overdue.review.last_reviewed, next=overdue.review.next_due)
    )
    expect(review.locator(".clo-review__status")).to_have_text(WORDS("review.overdue"))
    expect(page.locator("[data-clo-overdue-notice]").first).to_be_visible()
    for entry in overdue.entries:
        expect(page.locator(f"[id='{entry.id}']")).to_be_visible()
    context.close()


def section_status(browser: Browser, base_url: str, url: str, on: dt.datetime) -> tuple[str, str]:
    """The status shown at the top of a section's page read on ``on``, and its class."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.install(time=on)
    open_page(page, base_url + url)
    review = page.locator(".clo-section > .clo-review")
    status = review.locator(".clo-review__status").inner_text()
    classes = review.get_attribute("class") or ""
    # The line at the top and the details at the end show and hide together.
    notices = page.locator("[data-clo-overdue-notice]")
    shown = notices.count() == 2 and notices.first.is_visible() and notices.last.is_visible()
    context.close()
    return status, classes + (" notice" if shown else "")


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt.UTC)


def test_a_section_read_after_its_due_date_shows_its_notice_without_moving(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """Built before its due date and read after it, a section shows its overdue notice
    from the first paint: shown later by clo.js, it moved the help below it down."""
    soon = views.sections["due-soon"]
    due = dt.date.fromisoformat(soon.review.next_due_iso)
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, timezone_id="Europe/London")
        context.add_init_script(RECORD_SHIFTS)
        page = context.new_page()
        page.clock.install(time=noon(due + dt.timedelta(1)))
        open_page(page, base_url + soon.url)
        notices = page.locator("[data-clo-overdue-notice]")
        assert [notices.nth(i).is_visible() for i in range(notices.count())] == [True, True]
        assert page.evaluate(SHIFTS) == [], viewport
        context.close()


def test_review_status_is_worked_out_again_when_read_later(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    soon = views.sections["due-soon"]
    assert soon.review.state == "due_soon", "due soon when the fixture is built"
    due = dt.date.fromisoformat(soon.review.next_due_iso)

    # Read on the day it was built: as built.
    status, classes = section_status(browser, base_url, soon.url, noon(BUILD_DATE))
    assert status == WORDS("review.due_soon")
    assert "clo-review--due_soon" in classes and "notice" not in classes

    # Read the day after the review was due: overdue, with the notice.
    status, classes = section_status(browser, base_url, soon.url, noon(due + dt.timedelta(1)))
    assert status == WORDS("review.overdue"), f"{soon.title} is overdue after {due}"
    assert "clo-review--overdue" in classes and "notice" in classes

    # Long before the due date (a clock set back): up to date.
    early = due - dt.timedelta(days=soon.review.due_soon_days + 30)
    status, classes = section_status(browser, base_url, soon.url, noon(early))
    assert status == WORDS("review.current")
    assert "clo-review--current" in classes and "notice" not in classes

    # A section due in 2099 stays up to date years later.
    current = views.sections["always-current"]
    status, classes = section_status(browser, base_url, current.url, noon(dt.date(2031, 1, 1)))
    assert status == WORDS("review.current")
    assert "clo-review--current" in classes
