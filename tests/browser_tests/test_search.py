"""Search on the fixture site in a real browser (docs/search.md, macro search_box,
overrides/assets/clo-search.js, its words from window.cloWords set by clo.js, the index
written by macros/publish/search_index.py).

Material's own search bundle is not loaded (overrides/main.html): no page but the
search page fetches the search index, and the search page only when someone searches.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote_plus

from playwright.sync_api import Browser, Page, Route, expect

from macros.derive.offer import EntryView
from macros.derive.site import SiteViews
from macros.derive.urls import search_index_folder
from macros.words import load_words
from tests.browser import open_page

PHONE = {"width": 360, "height": 800}
RESULT_LINKS = "[data-clo-search-results] .clo-search__link"
WORDS = load_words("en-GB")
NOWHERE = "xyzzyplugh"
# What the hostile text would make of the page if it were ever read as HTML.
MARKUP = "img, script, svg, iframe, a[href^='javascript']"


def status_text(page: Page) -> str:
    """The search's status, once its results and their snippets are all on the page."""
    status = page.locator("[data-clo-search-status]")
    status.filter(has_not_text=WORDS("search.searching")).filter(
        has_text=re.compile(".")
    ).wait_for()
    page.locator("[data-clo-search-results][data-clo-search-complete]").wait_for(state="attached")
    return status.inner_text()


def result_hrefs(page: Page) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    return hrefs


def entries(views: SiteViews) -> list[EntryView]:
    return [entry for section in views.sections.values() for entry in section.entries]


def quoted(question: str) -> str:
    return WORDS("search.quoted", question=question)


def search_for(page: Page, question: str) -> str:
    page.fill("#clo-search-query", question)
    page.press("#clo-search-query", "Enter")
    return status_text(page)


def test_every_entry_is_found_by_its_title(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """Hostile titles too: searched for as typed, found, and shown as text."""
    page = browser.new_page(viewport=PHONE)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    open_page(page, base_url + "search/")
    missing = []
    for entry in entries(views):
        search_for(page, entry.title)
        wanted = base_url + entry.url
        hrefs = result_hrefs(page)[:5]
        if wanted not in hrefs:
            missing.append(f"{entry.title!r} -> {wanted}")
            continue
        link = page.locator(RESULT_LINKS).nth(hrefs.index(wanted))
        expect(link).to_have_text(entry.title)
    assert page.locator(f"[data-clo-search-results] :is({MARKUP})").count() == 0
    page.close()
    assert not missing, "not in the first five results:\n" + "\n".join(missing)
    assert dialogs == [], f"text from the index ran as script: {dialogs}"
    assert any("<" in entry.title for entry in entries(views)), "the fixture has hostile titles"


def test_a_search_is_an_address_that_can_be_shared_and_gone_back_to(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    first, second = views.sections["always-overdue"].entries[0], entries(views)[-3]
    assert first.title != second.title
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "search/?q=" + quote_plus(first.title))
    assert page.input_value("#clo-search-query") == first.title
    assert quoted(first.title) in status_text(page)
    top = page.locator(RESULT_LINKS).first
    expect(top).to_have_text(first.title)
    # Marked words are text, and a result leads to the entry on its page.
    assert page.locator("[data-clo-search-results] mark").count() > 0
    page.fill("#clo-search-query", second.title)
    page.click(".clo-search__button")
    assert quoted(second.title) in status_text(page)
    # The address follows once the results are painted.
    expect(page).to_have_url(base_url + "search/?q=" + quote_plus(second.title))
    page.go_back()
    assert page.input_value("#clo-search-query") == first.title
    expect(top).to_have_text(first.title)
    top.click()
    page.wait_for_load_state()
    assert page.url == base_url + first.url
    expect(page.locator(f"[id='{first.id}']")).to_be_in_viewport()
    page.close()


def test_no_results_and_partial_matches_are_said_plainly(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "search/?q=" + NOWHERE)
    assert status_text(page) == WORDS("search.no_results", question=quoted(NOWHERE))
    assert page.locator("[data-clo-search-results]").is_hidden()

    # One word that is in the offer, one that is nowhere: some results, and it says so.
    word = max(views.sections["always-overdue"].entries[0].title.split(), key=len)
    question = f"{word} {NOWHERE}"
    open_page(page, base_url + "search/?q=" + quote_plus(question))
    status = status_text(page)
    found = result_hrefs(page)
    assert found
    assert status == (
        WORDS("search.results", count=len(found), question=quoted(question))
        + WORDS("search.partial")
    )

    # Every word found: no "partial"; one result or many, in the catalogue's words.
    open_page(page, base_url + "search/?q=" + quote_plus(word))
    status = status_text(page)
    found = result_hrefs(page)
    assert status == WORDS("search.results", count=len(found), question=quoted(word)) + WORDS(
        "search.end"
    )
    page.close()


def test_index_text_is_never_read_as_html(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    # The index's files (macros/publish/search_index.py): the words starting "re", the
    # headings of every section, and the page the result is on, with hostile text in
    # each.
    # The hostile section is the page's second (the first is always its top).
    shard = {"k": ["rent"], "p": [[0, 1, 3]]}
    hostile = {
        "u": "offer/",
        "t": "Offer <svg onload=window.__pwned=3>",
        "s": [
            ["", "Offer <svg onload=window.__pwned=4>", ""],
            [
                "#x",
                "Rent <img src=x onerror=window.__pwned=1>",
                "rent <script>window.__pwned=2</script> help",
            ],
        ],
    }
    titles = {"p": [[hostile["u"], hostile["t"], [section[1] for section in hostile["s"]]]]}
    page.route("**/t/re.json", lambda route: route.fulfill(json=shard))
    page.route("**/titles.json", lambda route: route.fulfill(json=titles))
    page.route("**/p/0.json", lambda route: route.fulfill(json=hostile))
    open_page(page, base_url + "search/?q=rent")
    status_text(page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(f"[data-clo-search-results] :is({MARKUP})").count() == 0
    assert "<script>" in page.locator(".clo-search__snippet").inner_text()
    page.close()
    assert dialogs == []


def test_the_fixtures_hostile_section_is_found_as_text(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """The real index: the hostile section's words found, shown as text, never run."""
    hostile = views.sections["hostile"]
    page = browser.new_page(viewport=PHONE)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    open_page(page, base_url + "search/?q=" + quote_plus("onerror alert script"))
    status_text(page)
    hrefs = result_hrefs(page)
    assert any(href.startswith(base_url + hostile.url) for href in hrefs), hrefs
    results = page.locator("[data-clo-search-results]")
    assert results.locator(f":is({MARKUP})").count() == 0
    assert "<script>" in results.inner_text() or "<img" in results.inner_text()
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    page.close()
    assert dialogs == [], f"text from the index ran as script: {dialogs}"


def test_only_a_search_fetches_the_index_and_no_page_loads_material_scripts(
    browser: Browser, base_url: str, site_dir: Path, views: SiteViews
) -> None:
    page = browser.new_page(viewport=PHONE)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    section = views.sections["always-overdue"]
    for path in ("", "offer/", section.url, "search/"):
        open_page(page, base_url + path)
        page.wait_for_load_state("networkidle")
    assert any(url.endswith("clo-search.js") for url in requested), "requests were not recorded"
    index = search_index_folder(views.words.language)
    assert not [url for url in requested if index in url or "bundle." in url], requested
    assert not [url for url in requested if "/workers/" in url], requested
    open_page(page, base_url + "search/?q=" + quote_plus(section.entries[0].title))
    status_text(page)
    assert any(index + "t/" in url for url in requested), requested
    assert any(index + "p/" in url for url in requested), requested
    page.close()
    for html in site_dir.rglob("*.html"):
        assert "bundle." not in html.read_text("utf-8"), html


def test_the_header_search_button_leads_to_the_search_page(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + views.sections["always-overdue"].url)
    link = page.locator(".md-header .clo-search-link")
    assert link.is_visible()
    assert link.get_attribute("aria-label") == WORDS("menu.search_link")
    link.click()
    page.wait_for_load_state()
    assert page.url == base_url + "search/"
    page.close()


def test_without_javascript_the_page_says_where_else_to_look(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    open_page(page, base_url + "search/?q=rent")
    assert page.locator(".clo-search").is_hidden()
    assert page.locator(".md-header .clo-search-link").count() == 0
    message = page.locator(".clo-search__no-js")
    assert message.is_visible()
    expect(message).to_have_text(WORDS("search.no_js", link=WORDS("search.no_js_link")))
    message.get_by_role("link", name=WORDS("search.no_js_link")).click()
    page.wait_for_load_state()
    assert page.url == base_url + "offer/"
    # The footer link reaches the search page from every page, with or without JavaScript.
    footer = page.locator('.clo-footer a[href$="search/"]')
    expect(footer).to_have_count(1)
    expect(footer).to_have_text(WORDS("footer.search"))
    context.close()


def test_a_plural_and_the_start_of_a_word_find_the_word(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    entry = views.sections["always-overdue"].entries[0]
    word = max(re.findall(r"[A-Za-z]+", entry.title), key=len)
    assert len(word) > 4 and not word.lower().endswith("s")
    page = browser.new_page(viewport=PHONE)
    for question in (word + "s", word[:4]):
        open_page(page, base_url + "search/?q=" + quote_plus(question))
        status_text(page)
        assert base_url + entry.url in result_hrefs(page), question
    page.close()


def test_results_line_up_with_the_page_text_in_either_direction(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """Not indented by Material's list margin, on the start side of either direction."""
    entry = views.sections["always-overdue"].entries[0]
    page = browser.new_page(viewport=PHONE)
    for folder in ("", "ar/"):
        open_page(page, base_url + folder + "search/?q=" + quote_plus(entry.title))
        page.locator(RESULT_LINKS).first.wait_for()
        edges = page.evaluate(
            """() => [".md-content__inner h1", ".clo-search__result"].map(selector => {
                 const box = document.querySelector(selector).getBoundingClientRect();
                 return [Math.round(box.left), Math.round(box.right)]; })"""
        )
        assert edges[0] == edges[1], (folder, edges)
    page.close()


def test_results_are_listed_before_their_snippets_and_nothing_moves_when_they_come(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """The headings come from titles.json; the snippets and the sections' anchors from
    the results' pages, later."""
    held: list[Route] = []
    released: list[bool] = []
    page = browser.new_page(viewport=PHONE)
    page.route("**/p/*.json", lambda route: route.continue_() if released else held.append(route))
    entry = views.sections["always-overdue"].entries[0]
    open_page(page, base_url + "search/?q=" + quote_plus(entry.title))
    page.locator(RESULT_LINKS).first.wait_for()
    assert page.locator("[data-clo-search-complete]").count() == 0
    boxes = page.eval_on_selector_all(
        ".clo-search__result", "items => items.map(i => i.getBoundingClientRect().toJSON())"
    )
    page_url = base_url + entry.url.split("#")[0]
    assert "#" in entry.url and page_url in result_hrefs(page)
    released.append(True)
    while held:
        held.pop().continue_()
    page.locator("[data-clo-search-results][data-clo-search-complete]").wait_for(state="attached")
    assert page.locator(".clo-search__snippet mark").count() > 0
    after = page.eval_on_selector_all(
        ".clo-search__result", "items => items.map(i => i.getBoundingClientRect().toJSON())"
    )
    assert after == boxes
    assert base_url + entry.url in result_hrefs(page)
    page.close()


def test_a_result_tapped_before_its_anchor_is_known_goes_to_its_section(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """titles.json has no anchors: a tap waits for the result's page file, then goes on."""
    held: list[Route] = []
    page = browser.new_page(viewport=PHONE)
    page.route("**/p/*.json", lambda route: held.append(route))
    entry = views.sections["always-overdue"].entries[0]
    open_page(page, base_url + "search/?q=" + quote_plus(entry.title))
    page_url = base_url + entry.url.split("#")[0]
    link = page.locator(RESULT_LINKS).filter(has_text=entry.title).first
    expect(link).to_have_attribute("href", page_url)
    link.click()
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url + "search/"), "it went on before knowing the anchor"
    assert held, "the result's page file was asked for"
    with page.expect_navigation():
        while held:
            held.pop().continue_()
    expect(page).to_have_url(base_url + entry.url)
    page.close()


def _commonest_word(site_dir: Path, views: SiteViews) -> str:
    """The word of the built index found in the most sections: a question with many results."""
    counts: dict[str, int] = {}
    for shard in (site_dir / search_index_folder(views.words.language) / "t").glob("*.json"):
        data = json.loads(shard.read_text(encoding="utf-8"))
        for word, postings in zip(data["k"], data["p"], strict=True):
            counts[word] = len(postings) // 3
    return max(sorted(counts), key=lambda word: counts[word])


def test_results_below_the_screen_are_laid_out_only_when_scrolled_near(
    browser: Browser, base_url: str, site_dir: Path, views: SiteViews
) -> None:
    """A new list of results costs a slow phone the layout of what it shows (issue 21):
    the rest wait (content-visibility) until they are scrolled near."""
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + "search/?q=" + quote_plus(_commonest_word(site_dir, views)))
    status_text(page)
    results = page.locator(".clo-search__result")
    assert results.count() > 8
    # Whether each result's link is laid out, or skipped until it is scrolled near.
    laid_out = "links => links.map(a => a.checkVisibility({contentVisibilityAuto: true}))"
    rendered = page.eval_on_selector_all(".clo-search__result a", laid_out)
    assert rendered[0] and not rendered[-1], rendered
    results.last.scroll_into_view_if_needed()
    page.wait_for_function(
        f"({laid_out})([...document.querySelectorAll('.clo-search__result a')]).pop()",
        timeout=5_000,
    )
    page.close()


def _sections(site_dir: Path, language: str) -> list[tuple[str, str, str, str]]:
    """(url in the language's folder, heading, text, language or "") of every section in
    the built index of a language's pages: the language is the section's when it is
    not the page's (on the fixture's Arabic pages, its entries not translated yet)."""
    found = []
    folder = site_dir / language / search_index_folder(language) / "p"
    for path in sorted(folder.glob("*.json")):
        page = json.loads(path.read_bytes())
        for anchor, title, text, *marked in page["s"]:
            found.append((page["u"] + anchor, title, text, marked[0] if marked else ""))
    return found


def _first_letter_is_latin(text: str) -> bool:
    first = re.search(r"[^\W\d_]", text)
    return first is not None and first.group().isascii()


# Each result's heading and snippet: [lang, laid out right to left, the first letter of
# its text is Arabic].
_DIRECTIONS = """elements => elements.map(e => [e.lang, e.matches(':dir(rtl)'),
  /\\p{Script=Arabic}/u.test((e.textContent.match(/\\p{L}/u) || [''])[0])])"""


def test_a_result_in_another_language_is_read_and_laid_out_as_that_language(
    browser: Browser, base_url: str, site_dir: Path
) -> None:
    """English under an Arabic search starts at the left, with its "…" at the ends the
    words run to, and a heading in English is read as English (WCAG 3.1.2); Arabic
    stays right to left. Each result's text is laid out by its first letters."""
    sections = _sections(site_dir, "ar")
    english = [s for s in sections if s[3] and _first_letter_is_latin(s[2])]
    arabic = [s for s in sections if not s[3] and not _first_letter_is_latin(s[1])]
    assert english and arabic, "the fixture has Arabic pages with entries not translated"
    page = browser.new_page(viewport=PHONE)
    shown = []
    for url, title, _, language in (english[0], arabic[0]):
        open_page(page, base_url + "ar/search/?q=" + quote_plus(title))
        status_text(page)
        link = page.locator(f"{RESULT_LINKS}[href='{base_url}ar/{url}']")
        if language:
            expect(link).to_have_attribute("lang", language)
            # It starts at the left of its result, as the entry's heading does on its page.
            edges = link.evaluate(
                "a => [a, a.closest('li')].map(e => Math.round(e.getBoundingClientRect().left))"
            )
            assert edges[0] == edges[1], edges
        else:
            assert link.evaluate("a => !a.lang && a.matches(':dir(rtl)')"), title
        shown += page.eval_on_selector_all(".clo-search__link, .clo-search__snippet", _DIRECTIONS)
    page.close()
    assert all(rtl == arabic for _, rtl, arabic in shown), shown
    assert {rtl for _, rtl, _ in shown} == {True, False}, shown
    assert {lang for lang, _, _ in shown} <= {"", english[0][3]}, shown
