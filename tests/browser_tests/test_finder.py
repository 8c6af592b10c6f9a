"""The finder and "Am I a care leaver?" in a real browser on a 360 px phone, with and
without JavaScript.

Five young people walk the finder from the home page. What each is shown is compared
with what the data says applies to them (``FinderView.applying``, the rule of
macros/derive/finder.py); the same walk without JavaScript reaches the page for their
age, which shows all that applies to them and says who each other thing is for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.derive.finder import answers_of
from macros.derive.site import SiteViews
from macros.render.macros import FINDER_SCRIPT
from macros.words import load_words
from tests.browser import open_page, wait_until_ready
from tests.browser_tests.test_a11y import RECORD_SHIFTS, SHIFTS, axe_violations, describe

PHONE = {"width": 360, "height": 800}
WORDS = load_words("en-GB")


@dataclass(frozen=True)
class Profile:
    name: str
    age: int
    situations: tuple[str, ...]
    """Values of the situation boxes; () ticks "None of these"."""
    where: str


PROFILES = [
    Profile("17, in supported housing in Northtown", 17, (), "northtown"),
    Profile("19, at university out of the area", 19, ("at-college",), "outside"),
    Profile("22, a parent in Southtown", 22, ("parent-or-expecting",), "southtown"),
    Profile("24, not working, not sure of the district", 24, (), "not-sure"),
    Profile(
        "18, staying put and leaving custody", 18, ("staying-put", "leaving-custody"), "northtown"
    ),
]


def applying(views: SiteViews, profile: Profile) -> list[str]:
    assert views.finder is not None
    answers = answers_of(profile.age, profile.situations or ("none",), profile.where)
    return [entry.id for entry in views.finder.applying(answers)]


def shown(page: Page) -> list[str]:
    """The results the page shows, in order (once its script has sorted them)."""
    wait_until_ready(page)
    ids: list[str] = page.eval_on_selector_all(
        ".clo-result",
        "items => items.filter(i => i.checkVisibility())"
        ".map(i => i.querySelector('.clo-result__title a').hash.slice(1))",
    )
    return ids


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


@pytest.fixture
def phone_without_js(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context
    context.close()


def choose_age(page: Page, base_url: str, age: int) -> None:
    open_page(page, base_url)
    start = page.locator(".clo-finder-start")
    expect(start).to_be_in_viewport()
    start.get_by_role("link", name=str(age), exact=True).click()


def answer_situations(page: Page, profile: Profile) -> None:
    wait_until_ready(page)  # the script copies the age into the form
    for value in profile.situations or ("none",):
        page.locator(f"input[name=situation][value='{value}']").check()
    page.get_by_role("button", name=WORDS("finder.continue")).click()


def answer_where(page: Page, profile: Profile) -> None:
    wait_until_ready(page)
    page.locator(f"input[name=where][value='{profile.where}']").check()
    page.get_by_role("button", name=WORDS("finder.continue")).click()


# The page's contents whose entry does not match its section: listed while the section
# is hidden, or gone while it is shown.
CONTENTS_ASTRAY = """() => [...document.querySelectorAll(".md-nav--secondary a[href^='#']")]
  .filter(link => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target && link.parentNode.hidden === target.checkVisibility();
  }).map(link => link.textContent.trim())"""


def test_on_a_desktop_the_results_move_nothing_and_list_only_what_is_shown(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    # Beside the results, the page's contents list its sections: those the answers
    # leave empty go from there too, and the list does not shrink in sight.
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(RECORD_SHIFTS)
    for profile in PROFILES:
        answers = {"situation": list(profile.situations or ("none",)), "where": profile.where}
        open_page(page, f"{base_url}finder/{profile.age}/?{urlencode(answers, doseq=True)}")
        assert shown(page) == applying(views, profile)
        hidden = page.locator("[data-clo-finder-section]:not(:visible)").count()
        contents = page.locator(".md-nav--secondary li:visible")
        assert contents.count() > 0 and page.evaluate(CONTENTS_ASTRAY) == [], profile.name
        assert page.evaluate(SHIFTS) == [], profile.name
        if hidden:
            break
    assert hidden, "no profile here leaves a section empty: the test shows nothing"
    page.close()


@pytest.mark.parametrize("profile", PROFILES, ids=[p.name for p in PROFILES])
def test_a_young_person_sees_exactly_what_applies_to_them(
    phone: BrowserContext, base_url: str, views: SiteViews, profile: Profile
) -> None:
    page = phone.new_page()
    page.add_init_script(RECORD_SHIFTS)
    choose_age(page, base_url, profile.age)
    expect(page).to_have_url(re.compile(rf"finder/situations/\?age={profile.age}$"))
    expect(page.locator("h1")).to_have_text(WORDS("finder.situations_question"))
    answer_situations(page, profile)
    expect(page).to_have_url(re.compile(r"finder/where/\?"))
    answer_where(page, profile)

    address = urlsplit(page.url)
    assert address.path.endswith(f"/finder/{profile.age}/")
    query = parse_qs(address.query)
    assert query == {
        "situation": list(profile.situations or ("none",)),
        "where": [profile.where],
    }, "the answers are the address"
    expected = applying(views, profile)
    assert expected, "every profile can get something"
    expect(page.locator("[data-clo-finder-count]")).to_have_text(
        WORDS("finder.count", count=len(expected))
    )
    assert shown(page) == expected
    # What does not apply was never shown: the list waits for the script (clo.css).
    assert page.evaluate(SHIFTS) == [], "the results moved as the script sorted them"
    # "Narrow this down" shows without answers only (from the first paint, clo.css).
    expect(page.locator("[data-clo-finder-narrow]")).to_have_count(0)
    # Sections with nothing left are hidden; the team's numbers stay first.
    for section in page.locator("[data-clo-finder-section]").all():
        assert section.is_visible() == (section.locator(".clo-result:visible").count() > 0)
    expect(page.locator(".clo-finder-contact")).to_be_in_viewport()
    answers = page.locator("[data-clo-finder-answers]")
    expect(answers).to_be_visible()
    assert views.finder is not None
    labels = views.finder.labels()
    expect(answers.locator("[data-clo-finder-answer=where]")).to_have_text(
        labels["where"][profile.where]
    )
    # Shared: the same address shows the same results in a new tab.
    again = phone.new_page()
    again.add_init_script(RECORD_SHIFTS)
    open_page(again, page.url)
    assert shown(again) == expected
    assert again.evaluate(SHIFTS) == []


@pytest.mark.parametrize("profile", PROFILES, ids=[p.name for p in PROFILES])
def test_without_javascript_the_page_for_the_age_shows_it_all_and_says_who_for(
    phone_without_js: BrowserContext, base_url: str, views: SiteViews, profile: Profile
) -> None:
    page = phone_without_js.new_page()
    choose_age(page, base_url, profile.age)
    assert urlsplit(page.url).path.endswith(f"/finder/{profile.age}/")
    expect(page.locator("h1")).to_have_text(WORDS("finder.results_title", age=profile.age))
    expect(page.locator("[data-clo-finder-all]")).to_be_visible()
    expect(page.locator(".clo-finder-contact")).to_be_in_viewport()
    on_page = shown(page)
    expected = applying(views, profile)
    assert [entry for entry in on_page if entry in expected] == expected
    who = WORDS("entry.who_can_get_it")
    for entry_id in set(on_page) - set(expected):
        item = page.locator(f".clo-result:has(.clo-result__title a[href$='#{entry_id}'])")
        facts = item.locator("dt", has_text=who)
        expect(facts).to_be_visible()  # it says whom it is for


def test_the_questions_say_they_need_javascript_without_it(
    phone_without_js: BrowserContext, base_url: str
) -> None:
    page = phone_without_js.new_page()
    for url in ("finder/situations/?age=19", "finder/where/?age=19&situation=none"):
        open_page(page, base_url + url)
        expect(page.locator("h1")).to_be_visible()
        note = page.locator(".clo-finder__no-js")
        expect(note).to_be_visible()
        expect(page.get_by_role("button", name=WORDS("finder.continue"))).to_be_hidden()
        note.get_by_role("link").click()
        assert urlsplit(page.url).path.endswith("/finder/")


def test_an_unanswered_question_shows_the_gov_uk_error_pattern(
    phone: BrowserContext, base_url: str
) -> None:
    page = phone.new_page()
    open_page(page, base_url + "finder/situations/?age=19")
    title = page.title()
    summary = page.locator("[data-clo-error-summary]")
    expect(summary).to_be_hidden()
    page.get_by_role("button", name=WORDS("finder.continue")).click()
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert page.title() == WORDS("finder.title_error", title=title)
    assert urlsplit(page.url).path.endswith("/finder/situations/"), "not sent"
    message = page.locator("#clo-situation-error")
    expect(message).to_be_visible()
    fieldset = page.locator("fieldset")
    assert "clo-situation-error" in (fieldset.get_attribute("aria-describedby") or "")
    violations = axe_violations(page)
    assert [describe(v, "error") for v in violations] == []
    # The link in the summary goes to the first box; a second error does not repeat "Error:".
    summary.get_by_role("link").click()
    expect(page.locator("#clo-situation-1")).to_be_focused()
    page.get_by_role("button", name=WORDS("finder.continue")).click()
    assert page.title() == WORDS("finder.title_error", title=title)
    page.locator("#clo-situation-1").check()
    page.get_by_role("button", name=WORDS("finder.continue")).click()
    expect(page).to_have_url(re.compile(r"finder/where/\?"))
    page.get_by_role("button", name=WORDS("finder.continue")).click()
    expect(page.locator("[data-clo-error-summary]")).to_be_focused()
    expect(page.locator("#clo-where-error")).to_be_visible()


# The address of the page's own finder script (FINDER_SCRIPT), from its template.
FINDER_SCRIPT_URL = """(script) => [...document.querySelectorAll("template[data-clo-later]")]
  .flatMap(t => [...t.content.querySelectorAll("script[src]")])
  .map(s => new URL(s.getAttribute("src"), location.href).href)
  .find(src => src.endsWith("/" + script))"""


def test_a_question_waits_for_its_script_and_keeps_what_was_ticked(
    phone: BrowserContext, base_url: str
) -> None:
    # The script starts after the first paint. Held back here, as on a slow phone:
    # Continue cannot send the form without the age, and a box ticked meanwhile stays.
    page = phone.new_page()
    page.route(f"**/{FINDER_SCRIPT}", lambda route: route.abort())
    open_page(page, base_url + "finder/situations/?age=19")
    button = page.get_by_role("button", name=WORDS("finder.continue"))
    expect(button).to_be_visible()
    expect(button).to_be_disabled()
    ticked = page.locator("#clo-situation-1")
    ticked.check()
    value = str(ticked.get_attribute("value"))
    button.click(force=True)
    page.wait_for_timeout(300)
    assert urlsplit(page.url).path.endswith("/finder/situations/"), "sent without the age"
    page.unroute(f"**/{FINDER_SCRIPT}")
    page.add_script_tag(url=page.evaluate(FINDER_SCRIPT_URL, FINDER_SCRIPT))
    expect(button).to_be_enabled()
    expect(ticked).to_be_checked()
    button.click()
    expect(page).to_have_url(re.compile(r"finder/where/\?"))
    assert parse_qs(urlsplit(page.url).query) == {
        "age": ["19"],
        "situation": [value],
    }


def test_none_of_these_and_the_other_boxes_untick_each_other(
    phone: BrowserContext, base_url: str
) -> None:
    page = phone.new_page()
    open_page(page, base_url + "finder/situations/?age=19")
    first, none = page.locator("#clo-situation-1"), page.locator("#clo-situation-none")
    first.check()
    none.check()
    expect(first).not_to_be_checked()
    first.check()
    expect(none).not_to_be_checked()


def test_a_results_page_without_answers_offers_to_narrow_it_down(
    phone: BrowserContext, base_url: str
) -> None:
    page = phone.new_page()
    open_page(page, base_url + "finder/19/")
    narrow = page.locator("[data-clo-finder-narrow]")
    expect(narrow).to_be_visible()
    assert narrow.get_by_role("link").get_attribute("href") == "../situations/?age=19"


def test_see_the_steps_opens_the_card_at_its_steps(phone: BrowserContext, base_url: str) -> None:
    # The steps are on the entry's card, one tap from the result: the tap lands on
    # "How to get it" with the first step in view on a phone.
    page = phone.new_page()
    open_page(page, base_url + "finder/19/")
    see = page.get_by_role("link", name=WORDS("finder.see_steps"))
    assert see.count() > 1
    link = see.nth(see.count() // 2)
    entry_id = link.evaluate("a => a.closest('.clo-result').querySelector('h3 a').hash.slice(1)")
    link.click()
    page.wait_for_url(re.compile(rf"/offer/[^#]+#{entry_id}__steps$"))
    how = page.locator(f"[id='{entry_id}__steps']")
    expect(how).to_have_text(WORDS("entry.how_to_get_it"))
    expect(how).to_be_in_viewport()
    first = page.locator(f"[id='{entry_id}__steps'] + dd li").first
    expect(first).to_be_in_viewport()
    # Not under the sticky header.
    header = page.locator(".md-header").bounding_box()
    box = how.bounding_box()
    assert header is not None and box is not None and box["y"] >= header["y"] + header["height"]
    # Marked, so the eye finds where the tap landed.
    marked = how.evaluate("e => getComputedStyle(e).backgroundColor")
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent")


def test_change_and_back_keep_the_answers(
    phone: BrowserContext, base_url: str, views: SiteViews
) -> None:
    profile = PROFILES[2]
    page = phone.new_page()
    open_page(page, base_url + "finder/22/?situation=parent-or-expecting&where=southtown")
    page.get_by_role(
        "link", name=WORDS("finder.change") + " " + WORDS("finder.change_where")
    ).click()
    expect(page.locator("input[value=southtown]")).to_be_checked()
    page.get_by_role("link", name=WORDS("finder.back")).click()
    expect(page.locator("input[value='parent-or-expecting']")).to_be_checked()
    page.go_back()
    wait_until_ready(page)
    page.locator("input[value=outside]").check()
    page.get_by_role("button", name=WORDS("finder.continue")).click()
    moved = Profile("22, a parent who moved away", 22, profile.situations, "outside")
    assert shown(page) == applying(views, moved)
    page.go_back()
    page.go_back()
    assert shown(page) == applying(views, profile), "Back shows the answers before"


def test_an_answer_no_question_offers_is_neither_shown_nor_used(
    phone: BrowserContext, base_url: str, views: SiteViews
) -> None:
    # A link changed by hand, or made to mislead, cannot put its words on the
    # council's page, nor hide what the young person can get.
    made_up = "Call 07700 900999 to claim your grant"
    page = phone.new_page()
    open_page(
        page,
        base_url
        + "finder/22/?"
        + urlencode(
            [("situation", "parent-or-expecting"), ("situation", made_up), ("where", made_up)]
        ),
    )
    answers = answers_of(22, ("parent-or-expecting",))  # where: not answered
    assert views.finder is not None
    assert shown(page) == [entry.id for entry in views.finder.applying(answers)]
    expect(page.locator("[data-clo-finder-answers]")).to_be_visible()
    assert made_up not in page.locator("article").inner_text()
    expect(page.locator("[data-clo-finder-answer=situation]")).to_have_text(
        views.finder.labels()["situation"]["parent-or-expecting"]
    )
    expect(page.locator("[data-clo-finder-answer=where]")).to_be_hidden()


def test_keyboard_only_from_the_home_page_to_the_results(
    phone: BrowserContext, base_url: str
) -> None:
    page = phone.new_page()
    open_page(page, base_url)
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        if "clo-finder__age" in focused:
            break
    assert page.evaluate("document.activeElement.textContent") == "16"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"finder/situations/\?age=16$"))
    # Until its script has put the answers so far in the form (a moment after the
    # first paint), a question cannot be sent: see the test above.
    wait_until_ready(page)
    page.locator("#clo-situation-none").focus()
    page.keyboard.press("Space")
    expect(page.locator("#clo-situation-none")).to_be_checked()
    page.keyboard.press("Enter")  # submits the form, as a button would
    expect(page).to_have_url(re.compile(r"finder/where/\?"))
    wait_until_ready(page)
    page.locator("#clo-where-1").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"finder/16/\?situation=none&where=northtown$"))


def test_the_results_with_answers_have_no_accessibility_violations(
    browser: Browser, base_url: str
) -> None:
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        open_page(page, base_url + "finder/19/?situation=at-college&where=outside")
        expect(page.locator("[data-clo-finder-answers]")).to_be_visible()
        assert [describe(v, f"results at {width}") for v in axe_violations(page)] == []
        context.close()


# --- Am I a care leaver? ---------------------------------------------------------------------


def test_a_care_leaver_finds_their_category_without_javascript(
    browser: Browser, phone_without_js: BrowserContext, base_url: str
) -> None:
    page = phone_without_js.new_page()
    open_page(page, base_url + "am-i-a-care-leaver/")
    steps = page.locator(".clo-check__step")
    expect(steps.filter(has=page.locator("h2:visible"))).to_have_count(1)
    for answer in ("16 or 17", WORDS("check.answer_no"), WORDS("check.answer_yes")):
        page.locator(".clo-check__step:visible").get_by_role("link", name=answer).click()
    page.locator(".clo-check__step:visible").get_by_role(
        "link", name=WORDS("check.weeks_or_more", weeks=13)
    ).click()
    step = page.locator(".clo-check__step:visible")
    expect(step).to_have_count(1)
    expect(step.locator("h2")).to_have_text(WORDS("check.probably"))
    expect(step.locator("h3")).to_have_text("Relevant child")
    expect(step.locator(".clo-check__caveat")).to_be_visible()
    assert urlsplit(page.url).fragment == "check--16-17--no--yes--13-or-more"
    page.go_back()
    expect(page.locator(".clo-check__step:visible h2")).to_have_text(
        WORDS("check.question_weeks", birthday=14)
    )
    page.locator(".clo-check__step:visible").get_by_role(
        "link", name=WORDS("check.answer_not_sure")
    ).click()
    names = page.locator(".clo-check__step:visible h3")
    expect(names).to_have_text(["Relevant child", "Qualifying care leaver"])
    # axe needs JavaScript: the same step, in a phone with it (the page itself has none).
    with_js = browser.new_context(viewport=PHONE)
    checked = with_js.new_page()
    open_page(checked, page.url)
    expect(checked.locator(".clo-check__step:visible h3")).to_have_count(2)
    assert [describe(v, "check") for v in axe_violations(checked)] == []
    with_js.close()
    page.locator(".clo-check__step:visible").get_by_role(
        "link", name=WORDS("check.start_again")
    ).click()
    expect(page.locator(".clo-check__step:visible h2")).to_have_text(WORDS("check.question_age"))
