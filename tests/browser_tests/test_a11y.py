"""Accessibility of every page of the built fixture site in a real browser (issue 7).

- axe-core (offline copy from axe-playwright-python) on every page, 404 included, at
  360x800 and 1280x800: no WCAG 2.0/2.1/2.2 A or AA violations;
- keyboard only: skip link first, focus always visible, home -> offer -> an entry;
- JavaScript off: every page still has its heading, text and menu;
- nothing is requested from another host and no cookie is set;
- targets in the content and footer are at least 24x24 CSS px on a phone (WCAG 2.5.8),
  except links inside a sentence;
- a broken page does fail the axe check;
- the print stylesheet.

The site is served under the path of its ``site_url`` (``/care-leavers/``), as published,
because MkDocs writes the 404 page with absolute links. The axe helpers here are shared
with ``tests/example/test_example_browser.py`` (import them; do not copy them).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import axe_playwright_python
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.words import load_words
from tests.browser import open_page, serve
from tests.conftest import BUILD_DATE, FIXTURE_SITE, built_pages, nav_pages, soup_of

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {360: PHONE, 1280: DESKTOP}
CONFIG = FIXTURE_SITE / "mkdocs.yml"
WORDS = load_words("en-GB")


def site_path_of(config: Path) -> str:
    """The path of a site's ``site_url``: 'care-leavers' for https://example.org/care-leavers/."""
    loaded = yaml.safe_load(config.read_text(encoding="utf-8"))
    return urlsplit(loaded["site_url"]).path.strip("/")


# Starts axe without waiting for it, so that both widths run side by side;
# AXE_RESULT waits for the answer.
AXE_START = """tags => {
  window.__cloAxe = axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  }).then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(node => node.target.join(" ")),
  })));
}"""
AXE_RESULT = "() => window.__cloAxe"

# Every layout shift from the start of the page (given to each page as it opens), so that
# what arrives after the first paint (the scripts) is seen to move nothing. A shift under
# 0.00005 (a sub-pixel move of a text node, "0.0000 (?)") is left out: it is CLS 0 as
# Lighthouse reports it, and CI on a loaded machine once saw one on a page no script
# changes (/ar/offer/ at 360 px), which 45 throttled loads here could not bring back.
RECORD_SHIFTS = """window.__cloShifts = [];
new PerformanceObserver(list => {
  for (const shift of list.getEntries()) {
    if (shift.value < 0.00005) { continue; }
    const moved = shift.sources.map(s => s.node && s.node.nodeType === 1
      ? s.node.tagName.toLowerCase() + (s.node.className ? "." + String(s.node.className).trim()
        .split(/\\s+/).join(".") : "") : "?");
    window.__cloShifts.push(shift.value.toFixed(4) + " (" + moved.join(", ") + ")");
  }
}).observe({type: "layout-shift", buffered: true});"""
SHIFTS = "() => window.__cloShifts"

# The first level of Material's main menu (links, and labels that open a section).
MENU_ITEMS = ".md-nav--primary > .md-nav__list > .md-nav__item"

# Visible links and controls in the content and footer that are smaller than 24x24 CSS
# px, unless they are inline text inside a sentence (the WCAG 2.5.8 "inline" exception):
# an inline element whose nearest block holds more text than the element itself.
SMALL_TARGETS = """() => {
  const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    + "label[for], [tabindex]:not([tabindex='-1'])";
  const BLOCKS = ["block", "list-item", "flex", "grid", "table-cell", "flow-root"];
  const words = node => node.textContent.replace(/\\s+/g, " ").trim();
  const small = [];
  for (const region of document.querySelectorAll(".md-content, .clo-footer, .md-footer")) {
    for (const el of region.querySelectorAll(CONTROLS)) {
      if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.width >= 24 && box.height >= 24) continue;
      if (getComputedStyle(el).display === "inline") {
        let block = el.parentElement;
        while (block && !BLOCKS.includes(getComputedStyle(block).display)) {
          block = block.parentElement;
        }
        if (block && words(block).length > words(el).length + 1) continue;
      }
      small.push(`${el.tagName.toLowerCase()} "${words(el).slice(0, 40)}" `
        + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""

# Waits (at most a second) for CSS transitions, such as Material's drawer and search.
# Two frames first: Material starts some transitions a moment after the focus event.
SETTLE = """async () => {
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 1000)),
  ]);
}"""

# How focus shows: outline (if not transparent), box-shadow and background colour.
FOCUS_STYLE = """el => {
  const s = getComputedStyle(el);
  const clear = /^(transparent|rgba\\(.*,\\s*0\\))$/.test(s.outlineColor);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !clear
    ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "none";
  return {outline, shadow: s.boxShadow, background: s.backgroundColor};
}"""
REMEMBER_UNFOCUSED = (
    "() => { const style = "
    + FOCUS_STYLE
    + "; window.__cloUnfocused = new Map(); for (const el of document.querySelectorAll("
    + "'a[href], button, input, select, textarea, summary, [tabindex]')) "
    + "window.__cloUnfocused.set(el, style(el)); }"
)
FOCUSED = (
    "async () => { await ("
    + SETTLE
    + ")(); const style = "
    + FOCUS_STYLE
    + """;
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    cls: String(el.className),
    text: (el.innerText || el.getAttribute("aria-label") || "").replace(/\\s+/g, " ").trim(),
    href: el.getAttribute("href"),
    inOverview: !!el.closest(".clo-overview__list"),
    inDrawer: !!el.closest(".md-sidebar--primary"),
    before: window.__cloUnfocused.get(el) || null,
    now: style(el),
    visible: el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}),
    onScreen: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
  };
}"""
)


def other_languages(site_dir: Path) -> list[str]:
    """The folders of the site's other languages (``ar``), from the built site's switcher."""
    soup = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [
        str(link["hreflang"])
        for link in soup.select('link[rel="alternate"][hreflang]')
        if (site_dir / str(link["hreflang"])).is_dir()
    ]


def printed_paths_of(site_dir: Path) -> set[str]:
    """The one-page offer's paths (one per language): the pages that are the printed
    document rather than the theme's."""
    return {
        html.relative_to(site_dir).as_posix().removesuffix("index.html")
        for html in built_pages(site_dir)
        if 'class="clo-print"' in html.read_text(encoding="utf-8")
    }


def page_paths(site_dir: Path) -> list[str]:
    """Every built page as a URL path below the site root: 'offer/', '404.html'."""
    paths = []
    for html in built_pages(site_dir):
        relative = html.relative_to(site_dir).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def visit_path(site_dir: Path, path: str) -> str:
    """``path`` as a visitor meets it: a finder question ('finder/where/') gets the
    first age the finder offers in its address, as its age links give it. Without an
    age, the question sends the visitor back to the first question once its script runs
    (after the first paint), so a walk would check the first question twice. In the
    fixture site, 'finder/where/' becomes 'finder/where/?age=16'; 'offer/' stays.
    """
    page = site_dir / (path + "index.html" if path.endswith("/") or not path else path)
    if "data-clo-finder-question" not in page.read_text(encoding="utf-8"):
        return path
    start = soup_of(page).select_one(".clo-finder__no-js a[href]")
    assert isinstance(start, Tag), f"/{path}: a finder question with no link to its start"
    start_page = (page.parent / str(start["href"])).resolve() / "index.html"
    age_link = soup_of(start_page).select_one("a.clo-finder__age[data-clo-href]")
    assert isinstance(age_link, Tag), f"/{path}: the finder's start has no age link"
    return path + "?" + urlsplit(str(age_link["data-clo-href"])).query


def nav_url(markdown_path: str) -> str:
    """The URL path MkDocs gives a page: 'offer/index.md' -> 'offer/', 'index.md' -> ''."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def is_local(url: str, local: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or (
        parts.scheme in ("http", "https") and parts.netloc == local
    )


def offer_link_text(site_dir: Path) -> str:
    """The words of the home page's link to the offer overview (from the built page)."""
    content = soup_of(site_dir / "index.html").select_one(".md-content")
    assert isinstance(content, Tag)
    link = content.select_one('a[href="offer/"]')
    assert isinstance(link, Tag), "the home page has no link to the offer"
    return link.get_text(" ", strip=True)


@contextmanager
def serve_published(site_dir: Path, scratch: Path, config: Path = CONFIG) -> Iterator[str]:
    """Serve ``site_dir`` at the path of the ``site_url`` in ``config``; yields the site's URL."""
    site_path = site_path_of(config)
    if not site_path:
        with serve(site_dir) as url:
            yield url
        return
    mount = scratch / "www" / site_path
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site_dir, target_is_directory=True)
    with serve(scratch / "www") as url:
        yield f"{url}{site_path}/"


def start_axe(page: Page) -> None:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    page.evaluate(AXE_START, WCAG_TAGS)


def axe_violations(page: Page) -> list[dict[str, object]]:
    """Run axe-core on the page loaded in ``page``: WCAG 2.x A and AA rules only."""
    start_axe(page)
    result: list[dict[str, object]] = page.evaluate(AXE_RESULT)
    return result


def describe(violation: dict[str, object], where: str) -> str:
    targets = violation["targets"]
    assert isinstance(targets, list)
    shown = ", ".join(str(t) for t in targets[:5]) + (" ..." if len(targets) > 5 else "")
    return f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}: {shown}"


@pytest.fixture(scope="module")
def site_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_published(site_dir, tmp_path_factory.mktemp("served")) as url:
        yield url


@dataclass
class Audit:
    """What one visit to every page at both widths found."""

    pages: list[str]
    violations: list[str] = field(default_factory=list)
    small_targets: list[str] = field(default_factory=list)
    shifts: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    cookies: list[object] = field(default_factory=list)


def audit_pages(
    browser: Browser, site_dir: Path, site_url: str, read_on: dt.date | None = None
) -> Audit:
    """Visit every page of ``site_dir`` (served at ``site_url``) at 360 and 1280 px once:
    axe, target sizes, requests, cookies. ``read_on``: the day the browser's clock
    says (today when None)."""
    found = Audit(page_paths(site_dir))
    contexts: dict[int, BrowserContext] = {}
    tabs: dict[int, Page] = {}
    for width, viewport in VIEWPORTS.items():
        contexts[width] = browser.new_context(viewport=viewport)
        if read_on is not None:
            # Noon that day; the timers still run.
            noon = dt.datetime.combine(read_on, dt.time(12), tzinfo=dt.UTC)
            contexts[width].clock.set_fixed_time(noon)
        # The same file start_axe() would add, given to every page as it opens: on
        # 50 page loads this saves several seconds.
        contexts[width].add_init_script(path=AXE_JS)
        contexts[width].add_init_script(RECORD_SHIFTS)
        tabs[width] = contexts[width].new_page()
        tabs[width].on("request", lambda request: found.requests.append(request.url))
    for path in found.pages:
        for tab in tabs.values():
            open_page(tab, site_url + visit_path(site_dir, path))
            start_axe(tab)  # both widths check side by side
        for width, tab in tabs.items():
            where = f"/{path} at {width}px"
            found.shifts += [f"{where}: {shift}" for shift in tab.evaluate(SHIFTS)]
            found.violations += [describe(v, where) for v in tab.evaluate(AXE_RESULT)]
        found.small_targets += [f"/{path}: {t}" for t in tabs[360].evaluate(SMALL_TARGETS)]
        for tab in tabs.values():
            # Scrolled to the end so that anything loaded lazily is asked for too; only
            # after axe, as Material animates the header title on scroll.
            tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    for tab in tabs.values():
        tab.wait_for_load_state("networkidle")
    for context in contexts.values():
        found.cookies += context.cookies()
        context.close()
    return found


@pytest.fixture(scope="module")
def audit(browser: Browser, site_dir: Path, site_url: str) -> Audit:
    # Read on the day the fixture was built (its frozen date): clo.js compares review
    # dates with the reader's clock, so on a later day the section due soon would be
    # overdue and show its notice after the first paint, a shift of the calendar's
    # making, not the page's (tests/browser_tests/test_offer.py checks that notice).
    return audit_pages(browser, site_dir, site_url, read_on=BUILD_DATE)


def test_every_page_is_checked_the_404_page_too(audit: Audit, site_dir: Path) -> None:
    assert "404.html" in audit.pages
    assert "" in audit.pages and "offer/" in audit.pages
    assert len(audit.pages) == len(built_pages(site_dir))


def test_axe_finds_no_wcag_a_or_aa_violations(audit: Audit) -> None:
    assert audit.violations == [], "axe-core found WCAG A/AA violations:\n" + "\n".join(
        audit.violations
    )


def test_nothing_is_requested_from_elsewhere_and_no_cookies(audit: Audit, site_url: str) -> None:
    local = urlsplit(site_url).netloc
    assert any(url.endswith(".js") for url in audit.requests), "requests were not recorded"
    elsewhere = sorted({url for url in audit.requests if not is_local(url, local)})
    assert elsewhere == [], "requests left the local server:\n" + "\n".join(elsewhere)
    assert audit.cookies == [], f"cookies were set: {audit.cookies}"


def test_nothing_moves_as_a_page_loads(audit: Audit) -> None:
    """CLS 0 on every page at both widths: the scripts that arrive after
    the first paint (overrides/main.html) show nothing that was not laid out for them."""
    assert audit.shifts == [], "\n".join(audit.shifts)


def test_targets_are_at_least_24px_on_a_phone(audit: Audit) -> None:
    assert audit.small_targets == [], (
        "links or controls smaller than 24x24 px at 360 px (and not inside a sentence):\n"
        + "\n".join(audit.small_targets)
    )


def test_axe_check_catches_a_broken_page(browser: Browser, site_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    shutil.copytree(site_dir, broken)
    page_file = broken / "offer" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    assert "</article>" in html
    page_file.write_text(
        html.replace(
            "</article>",
            '<img src="x.png"><p style="color: #bbb">This text is too pale to read.</p></article>',
            1,
        ),
        encoding="utf-8",
    )
    with serve_published(broken, tmp_path) as url:
        page = browser.new_page(viewport=PHONE)
        open_page(page, url + "offer/")
        found = {str(v["id"]) for v in axe_violations(page)}
        page.close()
    assert {"image-alt", "color-contrast"} <= found, found


# Keyboard only.


def focused(page: Page) -> dict[str, object]:
    result: dict[str, object] = page.evaluate(FOCUSED)
    return result


def press_until(
    page: Page, wanted: Callable[[dict[str, object]], bool], key: str = "Tab", limit: int = 60
) -> list[dict[str, object]]:
    """Press ``key`` until the focused element is ``wanted``; returns every stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stops.append(focused(page))
        if wanted(stops[-1]):
            return stops
    raise AssertionError(
        f"not reached in {limit} presses of {key}; focus went to:\n"
        + "\n".join(f"{s['tag']} {s['text']!r}" for s in stops)
    )


def focus_problems(stops: list[dict[str, object]]) -> list[str]:
    """Stops where focus cannot be seen: no change of outline, shadow or background."""
    problems = []
    for stop in stops:
        name = f"{stop['tag']}.{stop['cls']} {stop['text']!r}"
        if not (stop["visible"] and stop["onScreen"]):
            problems.append(f"{name}: focused but not on screen")
        elif stop["before"] is None:
            problems.append(f"{name}: not focusable when the page loaded, so not compared")
        elif stop["before"] == stop["now"]:
            problems.append(f"{name}: focus does not show ({stop['now']})")
    return problems


# Material's own words for its skip link (the theme's language is English).
SKIP_LINK = "Skip to content"


@pytest.mark.parametrize("width", [360, 1280])
def test_keyboard_only_from_home_to_an_offer_entry(
    browser: Browser, site_dir: Path, site_url: str, width: int
) -> None:
    offer_link = offer_link_text(site_dir)
    context = browser.new_context(viewport=VIEWPORTS[width])
    page = context.new_page()
    open_page(page, site_url)
    page.evaluate(REMEMBER_UNFOCUSED)

    stops = press_until(page, lambda stop: True)
    assert stops[0]["text"] == SKIP_LINK, "the skip link must be focused first"
    assert "md-skip" in str(stops[0]["cls"])
    stops += press_until(page, lambda stop: stop["text"] == offer_link)
    back = press_until(page, lambda stop: True, key="Shift+Tab")
    assert back[0]["text"] != offer_link
    again = press_until(page, lambda stop: True)
    assert again[0]["text"] == offer_link
    assert focus_problems(stops + back) == []

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == urlsplit(site_url).path + "offer/"

    # This time past the menus with the skip link.
    page.evaluate(REMEMBER_UNFOCUSED)
    stops = press_until(page, lambda stop: True)
    assert stops[0]["text"] == SKIP_LINK
    page.keyboard.press("Enter")
    stops += press_until(page, lambda stop: "#" in str(stop["href"]) and bool(stop["inOverview"]))
    # Past the menus: only the overview's own controls come first (the printed offer's
    # and PDF's links, the age filter), never the menu's dozens of links.
    assert len(stops) <= 8, "the skip link should jump past the menus"
    assert focus_problems(stops) == []
    entry = stops[-1]
    anchor = str(entry["href"]).split("#", 1)[1]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"#{anchor}")
    heading = page.locator(f"[id='{anchor}']")
    expect(heading).to_have_text(str(entry["text"]))
    expect(heading).to_be_in_viewport()
    header_bottom = page.evaluate(
        "document.querySelector('.md-header').getBoundingClientRect().bottom"
    )
    assert heading.bounding_box()["y"] >= header_bottom, "the entry is hidden under the header"  # type: ignore[index]
    # The next Tab carries on from the entry, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "id => { const heading = document.getElementById(id);"
        " return !!(heading.compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING); }",
        anchor,
    ), "Tab after following the link did not continue from the entry"
    context.close()


def test_menu_button_works_from_the_keyboard_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_page(page, site_url)
    page.evaluate(REMEMBER_UNFOCUSED)
    stops = press_until(page, lambda stop: stop["text"] == WORDS("menu.button"), limit=5)
    assert stops[-1]["tag"] == "button", "clo.js swaps Material's label for a button"
    assert focus_problems(stops) == []
    button = page.locator(".md-header .clo-menu-button")
    expect(button).to_have_attribute("aria-expanded", "false")
    top_links = page.locator(MENU_ITEMS)
    expect(top_links.first).to_be_hidden()

    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.evaluate(SETTLE)
    for index in range(top_links.count()):
        expect(top_links.nth(index)).to_be_in_viewport()

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert focused(page)["text"] == WORDS("menu.button")
    page.evaluate(SETTLE)
    expect(top_links.first).to_be_hidden()
    context.close()


def test_the_header_names_the_site_and_not_the_page_again(browser: Browser, site_url: str) -> None:
    # Material's header holds the page's title too, for its own script to slide in;
    # that script is not loaded, so the title is never shown and must not be read out
    # in the header as well as in the page's h1 (clo.css).
    page = browser.new_page(viewport=PHONE)
    open_page(page, site_url + "offer/")
    topics = page.locator(".md-header__topic .md-ellipsis")
    site_name, page_title = (" ".join(str(t).split()) for t in topics.all_text_contents())
    assert site_name and page_title and page_title not in site_name
    header = page.locator("header.md-header").aria_snapshot()
    assert site_name in header and page_title not in header, header
    page.close()


def test_menu_sections_on_a_phone_show_every_focused_link(
    browser: Browser, site_dir: Path, site_url: str
) -> None:
    """In the drawer a section opens as a panel over the main menu: Tab never stops on
    a link hidden under it, and the panel's title goes back up."""
    section = sorted((site_dir / "offer").glob("*/index.html"))[0].parent.name
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_page(page, f"{site_url}offer/{section}/")
    page.evaluate(REMEMBER_UNFOCUSED)
    press_until(page, lambda stop: stop["text"] == WORDS("menu.button"), limit=5)
    page.keyboard.press("Enter")
    stops = press_until(page, lambda stop: bool(stop["inDrawer"]), limit=5)[-1:]
    stops += press_until(page, lambda stop: not stop["inDrawer"])[:-1]
    assert focus_problems(stops) == []
    assert "md-nav__title" in str(stops[0]["cls"]), "the section's title comes first"
    assert any(str(stop["href"]).startswith("../") for stop in stops), "no page of the section"

    # Back up to the main menu with the title, then down its items.
    page.keyboard.press("Shift+Tab")
    page.evaluate(SETTLE)
    stops = press_until(page, lambda stop: "md-nav__title" in str(stop["cls"]), "Shift+Tab")
    page.keyboard.press("Enter")
    page.evaluate(SETTLE)
    stops = [focused(page)]
    assert stops[0]["inDrawer"] and "md-nav__title" not in str(stops[0]["cls"])
    stops += press_until(page, lambda stop: not stop["inDrawer"])[:-1]
    assert focus_problems(stops) == []
    # Focus went back to the section's label: from there down, the rest of the main menu.
    shown = {str(stop["text"]) for stop in stops}
    rest = top_level_titles_after("offer/")
    assert rest, "the fixture's menu has pages after the offer section"
    assert set(rest) <= shown, "not every later item of the main menu was reached"
    context.close()


def top_level_titles_after(folder: str) -> list[str]:
    """The titles of the pages at the top of the fixture site's menu (not sections) that
    come after the section holding the pages in ``folder``."""
    titles: list[str] = []
    passed = False
    for item in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["nav"]:
        title, target = next(iter(item.items())) if isinstance(item, dict) else ("", item)
        if isinstance(target, list):
            passed = passed or any(str(page).startswith(folder) for page in target)
        elif passed:
            titles.append(title)
    return titles


# JavaScript switched off.


def test_without_javascript_every_page_has_its_heading_text_and_menu(
    browser: Browser, site_dir: Path, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    # The menu is pruned (navigation.prune): every page lists the top level, where a
    # section is a link to its first page, and the pages of the section it is in.
    def url_of(entry: object) -> str:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        return urljoin(site_url, nav_url(str(target)))

    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    top_level: set[str] = set()
    sections: list[set[str]] = []
    for item in config["nav"]:
        target = item if isinstance(item, str) else next(iter(item.values()))
        if isinstance(target, list):
            top_level.add(url_of(target[0]))
            sections.append({url_of(entry) for entry in target})
        else:
            top_level.add(url_of(item))
    every_page = {urljoin(site_url, nav_url(path)) for _, path in nav_pages(CONFIG)}
    assert every_page == top_level.union(*sections), "the menu reaches every page in two steps"
    problems = []
    # The site's own language: another language's pages have its menu under its folder
    # (tests/browser_tests/test_languages.py), and the one-page offer is a document to
    # print, with no theme.
    others = tuple(f"{code}/" for code in other_languages(site_dir))
    printed = printed_paths_of(site_dir)
    assert printed, "the fixture site has the one-page offer"
    for path in page_paths(site_dir):
        if path.startswith(others) or path in {*printed, "offline.html"}:
            continue  # offline.html: what the service worker shows, tested in test_offline
        open_page(page, site_url + path)
        shown = page.evaluate(
            """() => ({
              headings: [...document.querySelectorAll(".md-content h1")].map(h => h.innerText.trim()),
              text: document.querySelector(".md-content").innerText.trim(),
              links: [...document.querySelectorAll(".md-sidebar--primary a.md-nav__link")]
                .map(a => a.href.split("#")[0]),
              button: !!document.querySelector('.md-header label[for="__drawer"]'),
            })"""
        )
        headings, text = shown["headings"], shown["text"]
        if len(headings) != 1 or not headings[0]:
            problems.append(f"/{path}: headings {headings}")
        elif path != "404.html" and len(text) <= len(headings[0]) + 20:
            problems.append(f"/{path}: no text under the heading")
        here = site_url + path
        menu = top_level.union(*(pages for pages in sections if here in pages))
        missing = sorted(menu - set(shown["links"]))
        if missing:
            problems.append(f"/{path}: menu links missing: {missing}")
        if not shown["button"]:
            problems.append(f"/{path}: no menu button")
    assert problems == [], "\n".join(problems)
    local = urlsplit(site_url).netloc
    assert [url for url in requested if not is_local(url, local)] == []
    assert context.cookies() == []

    # On a phone the menu is a drawer: Material's checkbox and label open it without JS.
    open_page(page, site_url)
    top_links = page.locator(MENU_ITEMS)
    assert top_links.count() >= 3
    expect(top_links.first).not_to_be_in_viewport()
    page.locator('.md-header label[for="__drawer"]').click()
    page.wait_for_timeout(300)  # the drawer slides in; no JavaScript to wait on
    for index in range(top_links.count()):
        expect(top_links.nth(index)).to_be_in_viewport()
    page.locator("label.md-overlay").click(position={"x": PHONE["width"] - 20, "y": 400})
    page.wait_for_timeout(300)
    expect(top_links.first).not_to_be_in_viewport()

    # The label takes no focus without JavaScript: the drawer slides in for a keyboard,
    # after the skip link and the language switcher's links (one per other language).
    page.keyboard.press("Tab")
    for _ in range(len(other_languages(site_dir)) + 1):
        page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    # (No FOCUSED here: with JavaScript off, timers in the page never fire.)
    drawer_link = page.locator(".md-sidebar--primary :focus")
    expect(drawer_link).to_have_count(1)
    expect(drawer_link).to_be_in_viewport(ratio=1)

    # On a wide screen the menu is always there.
    page.set_viewport_size(DESKTOP)
    open_page(page, site_url)
    for index in range(top_links.count()):
        expect(top_links.nth(index)).to_be_in_viewport()
    context.close()


# Print.


def test_print_shows_only_the_page_with_link_targets(
    browser: Browser, site_dir: Path, site_url: str
) -> None:
    kinds = ("http", "tel:", "mailto:")

    def has_every_kind(html: Path) -> bool:
        hrefs = [str(a["href"]) for a in soup_of(html).select(".md-content a[href]")]
        return all(any(href.startswith(kind) for href in hrefs) for kind in kinds)

    offer_pages = sorted((site_dir / "offer").glob("*/index.html"))
    chosen = next(html for html in offer_pages if has_every_kind(html))
    page = browser.new_page(viewport=PHONE)
    open_page(page, site_url + chosen.parent.relative_to(site_dir).as_posix() + "/")
    after = "a => getComputedStyle(a, '::after').content"
    web_link = page.locator('.md-content a[href^="http"]').first
    assert web_link.evaluate(after) == "none", "link targets are for print only"

    page.emulate_media(media="print")
    for furniture in (
        ".md-header",
        ".md-search",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".clo-footer",
        ".md-skip",
    ):
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator(".md-content h1")).to_be_visible()
    for start in kinds:
        link = page.locator(f'.md-content a[href^="{start}"]').first
        content = link.evaluate(after)  # Chrome resolves attr(href) here
        assert content == f'" ({link.get_attribute("href")})"', f"{start} link when printed"
    assert page.locator(".clo-entry").first.evaluate("e => getComputedStyle(e).breakInside") == (
        "avoid"
    )
    page.close()
