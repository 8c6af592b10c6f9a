"""Search in a real browser (docs/search.md, macro search_box, assets/clo-search.js).

Material's own search bundle is not loaded (overrides/main.html): no page but the
search page fetches the search index, and the search page only when someone searches.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote_plus

from playwright.sync_api import Browser, Page

from macros.validate.site_data import load_site_data
from tests.conftest import ROOT

PHONE = {"width": 360, "height": 800}
RESULT_LINKS = "[data-clo-search-results] .clo-search__link"


def status_text(page: Page) -> str:
    status = page.locator("[data-clo-search-status]")
    status.filter(has_not_text="Searching").wait_for()
    return status.inner_text()


def result_hrefs(page: Page) -> list[str]:
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")


def test_every_entry_is_found_by_its_title(browser: Browser, base_url: str) -> None:
    data = load_site_data(ROOT)
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "search/")
    missing = []
    for section_id, section in data.offer.items():
        for entry in section.entries:
            page.fill("#clo-search-query", entry.title)
            page.press("#clo-search-query", "Enter")
            status_text(page)
            wanted = f"{base_url}offer/{section_id}/#{entry.id}"
            if wanted not in result_hrefs(page)[:5]:
                missing.append(f"{entry.title!r} -> {wanted}")
    page.close()
    assert not missing, "not in the first five results:\n" + "\n".join(missing)


def test_a_search_is_an_address_that_can_be_shared_and_gone_back_to(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "search/?q=" + quote_plus("driving lessons"))
    assert page.input_value("#clo-search-query") == "driving lessons"
    assert "for \u201cdriving lessons\u201d" in status_text(page)
    first = page.locator(RESULT_LINKS).first
    assert "driving" in first.inner_text().lower()
    # Marked words are text, and a result leads to the entry on its page.
    assert page.locator("[data-clo-search-results] mark").count() > 0
    page.fill("#clo-search-query", "rent")
    page.click(".clo-search__button")
    assert "for \u201crent\u201d" in status_text(page)
    assert page.url.endswith("?q=rent")
    page.go_back()
    assert page.input_value("#clo-search-query") == "driving lessons"
    first.click()
    page.wait_for_load_state()
    assert "/offer/" in page.url and "#" in page.url
    page.close()


def test_no_results_and_partial_matches_are_said_plainly(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "search/?q=xyzzyplugh")
    assert status_text(page).startswith("No results for \u201cxyzzyplugh\u201d")
    assert page.locator("[data-clo-search-results]").is_hidden()
    page.goto(base_url + "search/?q=" + quote_plus("rent xyzzyplugh"))
    assert "none had all your words" in status_text(page)
    assert result_hrefs(page)
    page.close()


def test_index_text_is_never_read_as_html(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    hostile = {
        "config": {},
        "docs": [
            {
                "location": "offer/#x",
                "title": "Rent <img src=x onerror=window.__pwned=1>",
                "text": "rent &lt;script&gt;window.__pwned=2&lt;/script&gt; help",
            }
        ],
    }
    page.route("**/search_index.json", lambda route: route.fulfill(json=hostile))
    page.goto(base_url + "search/?q=rent")
    status_text(page)
    assert page.evaluate("window.__pwned") is None
    assert (
        page.locator("[data-clo-search-results] img, [data-clo-search-results] script").count() == 0
    )
    assert "<script>" in page.locator(".clo-search__snippet").inner_text()
    page.close()


def test_only_a_search_fetches_the_index_and_no_page_loads_material_scripts(
    browser: Browser, base_url: str, site_dir: Path
) -> None:
    page = browser.new_page(viewport=PHONE)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "offer/", "offer/money/", "search/"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "search_index" in url or "bundle." in url], requested
    assert not [url for url in requested if "/workers/" in url], requested
    page.goto(base_url + "search/?q=rent")
    status_text(page)
    assert any(url.endswith("search/search_index.json") for url in requested)
    page.close()
    assert "bundle." not in (site_dir / "index.html").read_text("utf-8")


def test_the_header_search_button_leads_to_the_search_page(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "offer/money/")
    link = page.locator(".md-header .clo-search-link")
    assert link.is_visible()
    assert link.get_attribute("aria-label") == "Search"
    link.click()
    page.wait_for_load_state()
    assert page.url == base_url + "search/"
    page.close()


def test_without_javascript_the_page_says_where_else_to_look(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "search/?q=rent")
    assert page.locator(".clo-search").is_hidden()
    message = page.locator(".clo-search__no-js")
    assert message.is_visible()
    assert "needs JavaScript" in message.inner_text()
    message.locator("a").click()
    page.wait_for_load_state()
    assert page.url == base_url + "offer/"
    # The footer link reaches the search page from every page, with or without JavaScript.
    assert page.locator('.clo-footer a[href$="search/"]').count() == 1
    context.close()
