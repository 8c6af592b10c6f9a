"""Each page's critical CSS (macros/publish/stylesheets.py) lays it out exactly as the
site's whole stylesheet does, so nothing moves when that arrives (CLS 0), on a phone
and on a wide screen, with the menu closed and open."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import Browser, Page

from macros.derive.site import SiteViews
from macros.publish.stylesheets import SITE_CSS
from tests.browser import open_page, wait_until_ready

LAYOUT = """() => Array.from(document.querySelectorAll("body *")).map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return [el.tagName, el.className && String(el.className), Math.round(box.x), Math.round(box.y),
          Math.round(box.width), Math.round(box.height), style.color, style.backgroundColor,
          style.fontSize, style.fontWeight, style.display, style.visibility];
})"""


SITE_CSS_FILE = SITE_CSS.rsplit("/", 1)[-1]

LINKED_STYLESHEETS = """() => Array.from(document.styleSheets).filter((sheet) => {
  try { return sheet.href && sheet.cssRules.length > 0; } catch (error) { return false; }
}).map((sheet) => sheet.href.split("/").pop() + " " + (sheet.media.mediaText || "all"))"""
"""The stylesheets linked from the page that loaded, each as "<file> <media>"; one that
failed to load has no rules to read."""


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
    # Critical CSS only: the site's stylesheet, added after the first paint, is refused,
    # and so is clo.js, as the original stylesheets are compared on the page without it.
    context.route(f"**/{SITE_CSS}", lambda route: route.abort())
    context.route("**/assets/clo.js", lambda route: route.abort())
    page = context.new_page()
    for path in ("", "offer/", section.url, "search/", "reviews/", "gallery/", "404.html"):
        open_page(page, base_url + path)
        assert page.evaluate(LINKED_STYLESHEETS) == [], path
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
            wait_until_ready(page)
    context.close()


LATER = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    paint: paint ? paint.startTime : null,
    fetched: performance.getEntriesByType("resource")
      .filter((entry) => /clo-site\\.css|clo\\.js|clo-search\\.js/.test(entry.name))
      .map((entry) => [entry.name.split("/").pop(), entry.startTime]),
  };
}"""


def test_the_site_stylesheet_and_scripts_are_fetched_after_the_first_paint(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """Nothing but the page is fetched before a phone shows it: the whole stylesheet,
    clo.js and the page's own script start after the first contentful paint, and then
    apply (the stylesheet for the screen, the script's search results)."""
    page = browser.new_page()
    title = views.sections["always-overdue"].entries[0].title
    open_page(page, base_url + "search/?q=" + quote_plus(title))
    later = page.evaluate(LATER)
    assert later["paint"] is not None
    names = sorted(name for name, _ in later["fetched"])
    assert names == ["clo-search.js", "clo-site.css", "clo.js"], later
    early = [(name, start) for name, start in later["fetched"] if start < later["paint"]]
    assert not early, f"fetched before the first paint at {later['paint']} ms: {early}"
    assert page.evaluate(LINKED_STYLESHEETS) == [SITE_CSS_FILE + " all"]
    page.wait_for_selector("[data-clo-search-results] li", timeout=5000)
    page.close()


def test_without_javascript_the_site_stylesheet_is_for_printing_and_no_script_is_fetched(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, base_url + "search/")
    assert page.evaluate(LINKED_STYLESHEETS) == [SITE_CSS_FILE + " print"]
    assert not [url for url in fetched if url.endswith(".js")], fetched
    context.close()
