"""The fixture site's home page in a real browser: fits a 360 px phone, loads nothing
from elsewhere, and its link leads to the offer."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from macros.derive.site import SiteViews
from tests.browser import open_page
from tests.browser_tests.test_a11y import offer_link_text


@pytest.mark.parametrize("width", [360, 1280])
def test_home_page_fits_the_screen_and_stays_local(
    browser: Browser, base_url: str, site_dir: Path, views: SiteViews, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, base_url, wait_until="networkidle")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"page scrolls sideways at {width}px ({scroll_width}px wide)"

    offer_link = page.get_by_role("link", name=offer_link_text(site_dir), exact=True)
    assert offer_link.is_visible()
    assert page.locator("html").get_attribute("lang") == views.words.language

    assert any(url.endswith(".js") for url in requested), "requests were not recorded"
    local = urlsplit(base_url).netloc
    elsewhere = [url for url in requested if urlsplit(url).netloc not in (local, "")]
    assert elsewhere == [], f"requests left the site: {elsewhere}"
    page.close()


def test_offer_link_opens_the_offer(browser: Browser, base_url: str, site_dir: Path) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    open_page(page, base_url)
    page.get_by_role("link", name=offer_link_text(site_dir), exact=True).click()
    page.wait_for_load_state()
    assert page.url == base_url + "offer/"
    assert page.locator("h1").first.is_visible()
    assert page.locator("[data-clo-overview-section]").count() > 0, "not the offer overview"
    page.close()
