"""Each page's critical CSS (macros/publish/stylesheets.py) lays it out exactly as the
site's whole stylesheet does, so nothing moves when that arrives (CLS 0), on a phone
and on a wide screen, with the menu closed and open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from macros.derive.site import SiteViews
from macros.publish.stylesheets import SITE_CSS

LAYOUT = """() => Array.from(document.querySelectorAll("body *")).map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return [el.tagName, el.className && String(el.className), Math.round(box.x), Math.round(box.y),
          Math.round(box.width), Math.round(box.height), style.color, style.backgroundColor,
          style.fontSize, style.fontWeight, style.display, style.visibility];
})"""


def layout(page: Page) -> list[Any]:
    result: list[Any] = page.evaluate(LAYOUT)
    return result


def with_stylesheets(page: Page, hrefs: list[str]) -> None:
    """The stylesheets at ``hrefs`` (relative to the site) added to the page, loaded."""
    page.evaluate(
        """(hrefs) => Promise.all(hrefs.map((href) => new Promise((done) => {
          const link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = new URL(href, document.baseURI).href;
          link.addEventListener("load", () => done(), {once: true});
          link.addEventListener("error", () => done(), {once: true});
          document.head.appendChild(link);
        })))""",
        hrefs,
    )
    page.wait_for_timeout(100)


def original_stylesheets(site_dir: Path) -> list[str]:
    """Material's whole stylesheet and clo.css, as the site holds them, from its root."""
    material = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    assert material, "Material's stylesheet is in the site"
    return [material[0].relative_to(site_dir).as_posix(), "assets/clo.css", SITE_CSS]


@pytest.mark.parametrize("width", [360, 1280])
def test_the_whole_stylesheets_change_nothing_the_critical_css_laid_out(
    browser: Browser, base_url: str, site_dir: Path, views: SiteViews, width: int
) -> None:
    """Critical CSS alone, then with Material's whole stylesheet, clo.css and the site's
    stylesheet added after it: every element in the same place, size and colours."""
    stylesheets = original_stylesheets(site_dir)
    section = views.sections["always-overdue"]
    # No transitions: the drawer would still be sliding in when the layout is read.
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    # Without clo.js the site's stylesheet stays a print stylesheet: critical CSS only.
    context.route("**/assets/clo.js", lambda route: route.abort())
    page = context.new_page()
    for path in ("", "offer/", section.url, "search/", "reviews/", "gallery/", "404.html"):
        page.goto(base_url + path)
        link = page.locator("link[data-clo-site-css]")
        assert link.get_attribute("media") == "print", path
        for menu_open in (False, True):
            if menu_open:
                page.evaluate("document.getElementById('__drawer').checked = true")
                page.wait_for_timeout(400)
            before = layout(page)
            root = "../" * path.count("/")
            with_stylesheets(page, [root + href for href in stylesheets])
            after = layout(page)
            changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
            assert not changed, f"/{path} (menu open: {menu_open}): {changed[:3]}"
            page.reload()
    context.close()


def test_clo_js_turns_the_site_stylesheet_on_once_the_page_has_loaded(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page()
    page.goto(base_url + "offer/")
    page.wait_for_load_state("load")
    page.wait_for_function(
        "document.querySelector('link[data-clo-site-css]').media === 'all'", timeout=5000
    )
    page.close()
