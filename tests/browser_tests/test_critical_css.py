"""Each page's critical CSS (macros/publish/stylesheets.py) lays it out exactly as the
whole stylesheets would, on a phone and on a wide screen, with the menu closed and
open, and what its scripts and the service worker add too: so the page needs no other
stylesheet, and links none."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import Browser, Page

from macros.derive.site import SiteViews
from tests.browser import open_page, wait_until_ready
from tests.built.test_offline import worker_settings

LAYOUT = """() => Array.from(document.querySelectorAll("body *")).map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return [el.tagName, el.className && String(el.className), Math.round(box.x), Math.round(box.y),
          Math.round(box.width), Math.round(box.height), style.color, style.backgroundColor,
          style.fontSize, style.fontWeight, style.display, style.visibility];
})"""


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
    return [material[0].relative_to(site_dir).as_posix(), "assets/clo.css"]


@pytest.mark.parametrize("width", [360, 1280])
def test_the_whole_stylesheets_change_nothing_the_critical_css_laid_out(
    browser: Browser, base_url: str, site_dir: Path, views: SiteViews, width: int
) -> None:
    """Critical CSS alone, then with Material's whole stylesheet and clo.css added after
    it: every element in the same place, size and colours."""
    stylesheets = original_stylesheets(site_dir)
    section = views.sections["always-overdue"]
    # No transitions: the drawer would still be sliding in when the layout is read.
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    # The page as it is before clo.js runs; the next test runs the scripts.
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


@pytest.mark.parametrize("width", [360, 1280])
def test_what_the_scripts_and_the_worker_add_needs_no_other_stylesheet(
    browser: Browser, base_url: str, site_dir: Path, views: SiteViews, width: int
) -> None:
    """With the scripts run (search results listed, the finder's results kept to the
    answers, clo.js's menu button) and the service worker's offline notice put at the top
    as the worker puts it: the whole stylesheets added move nothing."""
    stylesheets = original_stylesheets(site_dir)
    notice = worker_settings(site_dir)["notice"]
    title = views.sections["always-overdue"].entries[0].title
    finder = views.finder
    assert finder is not None
    answers = f"situation={finder.situations[0].value}&where={finder.where[0].value}"
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    for path in ("search/?q=" + quote_plus(title), f"finder/{finder.ages[-1]}/?{answers}", ""):
        open_page(page, base_url + path)
        if path.startswith("search/"):
            page.wait_for_selector("[data-clo-search-complete] li mark", timeout=5000)
        page.evaluate("(html) => document.body.insertAdjacentHTML('afterbegin', html)", notice)
        assert page.locator(".clo-offline").count() == 1
        before = layout(page)
        root = "../" * path.split("?")[0].count("/")
        with_stylesheets(page, [root + href for href in stylesheets])
        after = layout(page)
        changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        assert not changed, f"/{path}: {changed[:3]}"
    context.close()


LATER = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    paint: paint ? paint.startTime : null,
    fetched: performance.getEntriesByType("resource")
      .filter((entry) => /\\.css|clo\\.js|clo-search\\.js/.test(entry.name))
      .map((entry) => [entry.name.split("/").pop(), entry.startTime]),
  };
}"""


def test_the_scripts_are_fetched_after_the_first_paint_and_no_stylesheet_is(
    browser: Browser, base_url: str, views: SiteViews
) -> None:
    """Nothing but the page is fetched before a phone shows it: clo.js and the page's own
    script start after the first contentful paint, and then apply (the search results);
    no stylesheet is fetched at all."""
    page = browser.new_page()
    title = views.sections["always-overdue"].entries[0].title
    open_page(page, base_url + "search/?q=" + quote_plus(title))
    later = page.evaluate(LATER)
    assert later["paint"] is not None
    names = sorted(name for name, _ in later["fetched"])
    assert names == ["clo-search.js", "clo.js"], later
    early = [(name, start) for name, start in later["fetched"] if start < later["paint"]]
    assert not early, f"fetched before the first paint at {later['paint']} ms: {early}"
    assert page.evaluate(LINKED_STYLESHEETS) == []
    page.wait_for_selector("[data-clo-search-results] li", timeout=5000)
    page.close()


def test_without_javascript_no_stylesheet_and_no_script_is_fetched(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, base_url + "search/")
    assert page.evaluate(LINKED_STYLESHEETS) == []
    assert not [url for url in fetched if url.endswith((".js", ".css"))], fetched
    context.close()
