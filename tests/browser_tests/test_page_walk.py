"""Every built page as a keyboard user, a phone at 320 px and a reader who spaces text out
(issue 22), on both of the suite's sites: the fixture site and the real offer's site.

axe-core (``test_a11y.py``) checks the markup of each page; these tests use each page in
Debian's Chromium the way people do, and walk every page a build writes (pages other
changes add are walked too, with nothing to list here):

- **keyboard**, at 360 and 1280 px: Tab from the top of the page to its end, then
  Shift+Tab back to the top (going up is when a sticky header can cover focus), and at
  360 px open the menu and Tab through it. Every stop must be visible and inside the
  viewport, not covered (the element at the centre of one of its boxes is itself or
  inside it: WCAG 2.4.11 Focus not obscured), and have a role a control can have and an
  accessible name, as Chromium's accessibility tree gives them (DevTools protocol);
- **reflow** at 320 px (WCAG 1.4.10): the page does not scroll sideways, nothing sticks
  out past its right edge and no chart label is cut off; with JavaScript and without it
  (the scripts change the header, and on a right-to-left page a sideways scroll that
  goes once they run also moves the whole page as it loads);
- **text spacing** (WCAG 1.4.12): the same at 320 and 1280 px with the spacing the
  criterion names forced on every element.

One browser, one tab for each width, every page visited once for all checks. The
helpers are shared with ``tests/example/test_example_browser.py`` (import them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, CDPSession, Page

from tests.browser import open_page
from tests.browser_tests.test_a11y import page_paths, serve_published, visit_path
from tests.conftest import FIXTURE_SITE, REAL_OFFER_SITE, built_pages

WALK_VIEWPORTS = {360: {"width": 360, "height": 800}, 1280: {"width": 1280, "height": 800}}
NARROWEST = {"width": 320, "height": 800}
# More stops than any page should have: a loop that never ends is a failure, not a hang.
STOP_LIMIT = 600

# WCAG 1.4.12's text spacing, forced on every element as the W3C's test bookmarklet does.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Roles of things a keyboard can act on, as Chromium's accessibility tree names them
# (a <summary> is a "DisclosureTriangle"). A tab stop with any other role (a <label>,
# a plain <div> that scrolls) tells a screen reader nothing it can do there.
CONTROL_ROLES = frozenset(
    {
        "link",
        "button",
        "textbox",
        "searchbox",
        "combobox",
        "listbox",
        "checkbox",
        "radio",
        "switch",
        "slider",
        "spinbutton",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "option",
        "tab",
        "treeitem",
        "DisclosureTriangle",
    }
)

# Walks keep their record in the page: a listener looks at the focused element each time
# a key goes down, before the key moves focus on, so that the previous key's scrolling
# is done, and the test sends keys without a round trip to read each stop. Running
# transitions are finished first, as a person would see the page a moment later.
# Each focused element is kept in state.elements, so that its role and name can be read.
START_WALK = """([mode, from]) => {
  const state = window.__cloWalk || (window.__cloWalk = {elements: []});
  Object.assign(state, {mode, stops: [], done: false, entered: false});
  const describe = node => {
    const text = (node.innerText || node.getAttribute("aria-label") || "")
      .replace(/\\s+/g, " ").trim().slice(0, 40);
    const cls = typeof node.className === "string" && node.className.trim()
      ? "." + node.className.trim().split(/\\s+/)[0] : "";
    return `${node.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ""}`;
  };
  const look = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement
        || el.id === "clo-walk-from") {
      if (state.mode === "page" && state.stops.length) state.done = true;
      return;
    }
    let index = state.elements.indexOf(el);
    if (index < 0) { index = state.elements.length; state.elements.push(el); }
    const inDrawer = !!el.closest(".md-sidebar--primary");
    if (state.mode === "menu") {
      // Tab passes the header's buttons on the way into the menu.
      if (!inDrawer) { state.done = state.entered; return; }
      state.entered = true;
    } else if (state.stops.length && index === state.stops[0].index) {
      state.done = true;
      return;
    }
    for (const animation of document.getAnimations()) {
      try { animation.finish(); } catch (error) { /* one that never ends */ }
    }
    const boxes = [...el.getClientRects()].filter(box => box.width >= 1 && box.height >= 1);
    const shown = boxes.length > 0
      && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
    let inside = false, uncovered = false, cover = "";
    for (const box of boxes) {
      const x = box.left + box.width / 2, y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      inside = true;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) { uncovered = true; break; }
      if (hit && !cover) cover = describe(hit);
    }
    state.stops.push({index, what: describe(el), shown, inside, uncovered, cover, inDrawer});
  };
  if (!state.listening) {
    state.listening = true;
    addEventListener("keydown", () => { if (!state.done) look(); }, true);
  }
  // Start from the top or the bottom of the page: a mark there takes focus.
  if (from) {
    let mark = document.getElementById("clo-walk-from");
    if (!mark) { mark = document.createElement("span"); mark.id = "clo-walk-from"; }
    mark.tabIndex = -1;
    if (from === "top") document.body.prepend(mark); else document.body.append(mark);
    mark.focus();
  }
  // About how many keys the walk takes, so that few are sent after its end.
  const where = mode === "menu" ? document.querySelector(".md-sidebar--primary") : document;
  const controls = where.querySelectorAll(
    "a[href], button, input, select, textarea, summary, label[tabindex], [tabindex]");
  return [...controls].filter(node => node.tabIndex >= 0 && !node.disabled
    && node.checkVisibility({checkVisibilityCSS: true})).length + (mode === "menu" ? 3 : 1);
}"""
FINISH_TRANSITIONS = """() => { for (const animation of document.getAnimations()) {
  try { animation.finish(); } catch (error) { /* one that never ends */ } } }"""
WALK_DONE = "() => window.__cloWalk.done"
WALK_STOPS = "() => window.__cloWalk.stops"
WALK_ELEMENTS = "() => window.__cloWalk ? window.__cloWalk.elements.length : 0"
# Keys sent between looks at whether a walk is over, once the keys it should take are sent.
KEYS_AT_A_TIME = 4

# What spills at this width: sideways scrolling, anything sticking out past the right
# (or left) edge, and chart labels cut off by their chart. Scroll areas (a wide table
# in a box that scrolls) are checked as a whole, not what scrolls inside them; the menu
# drawer is off the edge on purpose while it is closed.
SPILLS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const scrolled = document.scrollingElement.scrollWidth;
  if (scrolled > width) found.push(`the page scrolls sideways (${scrolled} px in ${width} px)`);
  const describe = node => {
    const text = (node.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40);
    const cls = node.getAttribute("class") ? "." + node.getAttribute("class").split(" ")[0] : "";
    return `${node.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ""}`;
  };
  const skipped = "[hidden], .clo-visually-hidden, .md-sidebar--primary, .md-search";
  const scrolls = node => {
    for (let up = node.parentElement; up; up = up.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(skipped) || el.closest("svg") && el.tagName !== "svg") continue;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    if (box.right <= width + 1 && box.left >= -1) continue;
    // Something unseen (opacity 0, as the header's hidden second title) spills only if
    // it makes the page scroll sideways, which the first check sees.
    if (!el.checkVisibility({checkVisibilityCSS: true, opacityProperty: true})
        || scrolls(el)) continue;
    // Only the outermost: its children stick out because it does.
    const parent = el.parentElement.getBoundingClientRect();
    if (parent.right > width + 1 || parent.left < -1) continue;
    found.push(`${describe(el)} sticks out to ${Math.round(box.left)}..${Math.round(box.right)} px`);
  }
  for (const text of document.querySelectorAll("svg text")) {
    const chart = text.ownerSVGElement.getBoundingClientRect();
    const box = text.getBoundingClientRect();
    if (box.left < chart.left - 1 || box.right > chart.right + 1
        || box.top < chart.top - 1 || box.bottom > chart.bottom + 1) {
      found.push(`chart label ${describe(text)} is cut off by its chart`);
    }
  }
  return found;
}"""


@dataclass
class Walk:
    """What walking every page of one built site found, by check."""

    pages: list[str]
    stops: int = 0
    hidden: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    reflow: list[str] = field(default_factory=list)
    spacing: list[str] = field(default_factory=list)


def stop_problems(stop: dict[str, Any], where: str) -> tuple[list[str], list[str]]:
    """(not visible or off screen, covered) for one tab stop."""
    hidden, covered = [], []
    if not stop["shown"]:
        hidden.append(f"{where}: {stop['what']} has focus but cannot be seen")
    elif not stop["inside"]:
        hidden.append(f"{where}: {stop['what']} has focus outside the viewport")
    elif not stop["uncovered"]:
        covered.append(f"{where}: {stop['what']} has focus under {stop['cover'] or 'something'}")
    return hidden, covered


def press_tab(session: CDPSession, shift: bool = False) -> None:
    """One Tab (or Shift+Tab) key going down: focus moves on the key down."""
    session.send(
        "Input.dispatchKeyEvent",
        {
            "type": "keyDown",
            "key": "Tab",
            "code": "Tab",
            "windowsVirtualKeyCode": 9,
            "modifiers": 8 if shift else 0,
        },
    )


def walk_keys(
    page: Page, session: CDPSession, mode: str, start: str | None, shift: bool = False
) -> list[dict[str, Any]]:
    """Press Tab (Shift+Tab with ``shift``) until the walk is over: in ``mode`` "page",
    from the ``start`` ("top" or "bottom") until focus leaves the page or comes round;
    in "menu", from where focus is, through the open menu until focus leaves it."""
    keys = int(page.evaluate(START_WALK, [mode, start]))
    pressed = 0
    while pressed < STOP_LIMIT:
        for _ in range(keys):
            press_tab(session, shift)
        pressed += keys
        if page.evaluate(WALK_DONE):
            stops: list[dict[str, Any]] = page.evaluate(WALK_STOPS)
            return stops
        keys = KEYS_AT_A_TIME
    raise AssertionError(f"{page.url}: {mode} walk not over after {STOP_LIMIT} presses")


def open_menu(page: Page) -> None:
    """On a phone: open the menu from its button, by keyboard."""
    button = page.locator(".md-header .clo-menu-button")
    if button.count() == 0:
        raise AssertionError(f"{page.url}: no menu button (clo.js puts it in the header)")
    button.focus()
    page.keyboard.press("Enter")
    page.evaluate(FINISH_TRANSITIONS)


def roles_and_names(
    session: CDPSession, page: Page, first: int
) -> dict[int, tuple[str, str, bool]]:
    """(role, name, ignored) of each element the walks kept, from number ``first`` on,
    from Chromium's accessibility tree, while the page is as it was when they had focus."""
    found: dict[int, tuple[str, str, bool]] = {}
    kept = session.send(
        "Runtime.evaluate", {"expression": f"window.__cloWalk.elements.slice({first})"}
    )["result"]
    listed = session.send(
        "Runtime.getProperties", {"objectId": kept["objectId"], "ownProperties": True}
    )
    for item in listed["result"]:
        if not item["name"].isdigit():
            continue
        nodes = session.send(
            "Accessibility.getPartialAXTree",
            {"objectId": item["value"]["objectId"], "fetchRelatives": False},
        )["nodes"]
        node = nodes[0] if nodes else {}
        role = str(node.get("role", {}).get("value", ""))
        name = " ".join(str(node.get("name", {}).get("value", "")).split())
        found[first + int(item["name"])] = (role, name, bool(node.get("ignored", False)))
    return found


def spills(page: Page) -> list[str]:
    found: list[str] = page.evaluate(SPILLS)
    return found


def with_text_spacing(page: Page) -> list[str]:
    """What spills with WCAG 1.4.12's spacing on; the page is as it was afterwards."""
    style = page.add_style_tag(content=TEXT_SPACING)
    try:
        return spills(page)
    finally:
        style.evaluate("node => node.remove()")


def walk_site(browser: Browser, site_dir: Path, site_url: str) -> Walk:
    """Every page of the built site at ``site_dir`` (served at ``site_url``): reflow and
    text spacing, then the keyboard walks, at each width."""
    walk = Walk(page_paths(site_dir))
    tabs: dict[int, tuple[Page, CDPSession]] = {}
    for width, viewport in WALK_VIEWPORTS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        tabs[width] = (page, context.new_cdp_session(page))
    plain = browser.new_context(viewport=NARROWEST, java_script_enabled=False).new_page()
    for path in walk.pages:
        address = site_url + visit_path(site_dir, path)
        open_page(plain, address)
        without = f"/{path} at {NARROWEST['width']}px without JavaScript"
        walk.reflow += [f"{without}: {spill}" for spill in spills(plain)]
        for width, (page, session) in tabs.items():
            open_page(page, address)
            where = f"/{path} at {width}px"
            if width == min(WALK_VIEWPORTS):
                page.set_viewport_size(NARROWEST)
                narrow = f"/{path} at {NARROWEST['width']}px"
                walk.reflow += [f"{narrow}: {spill}" for spill in spills(page)]
                walk.spacing += [f"{narrow}: {spill}" for spill in with_text_spacing(page)]
                page.set_viewport_size(WALK_VIEWPORTS[width])
            else:
                walk.spacing += [f"{where}: {spill}" for spill in with_text_spacing(page)]
            walks: dict[str, list[dict[str, Any]]] = {}
            named: dict[int, tuple[str, str, bool]] = {}
            ways = [("Tab", "page", "top", False), ("Shift+Tab", "page", "bottom", True)]
            # The one-page offer, a document to print, has no header and no menu.
            if width == min(WALK_VIEWPORTS) and page.locator(".md-header").count():
                ways.append(("menu open, Tab", "menu", None, False))
            for how, mode, start, shift in ways:
                if mode == "menu":
                    open_menu(page)
                first = page.evaluate(WALK_ELEMENTS)
                walks[how] = walk_keys(page, session, mode, start, shift)
                named.update(roles_and_names(session, page, first))
            if not walks["Tab"]:
                walk.hidden.append(f"{where}: Tab reaches nothing")
            for how, stops in walks.items():
                walk.stops += len(stops)
                for stop in stops:
                    hidden, covered = stop_problems(stop, f"{where} ({how})")
                    walk.hidden += hidden
                    walk.covered += covered
            described = {stop["index"]: stop["what"] for stops in walks.values() for stop in stops}
            for index, (role, name, ignored) in sorted(named.items()):
                what = described.get(index, f"tab stop {index}")
                if ignored or role not in CONTROL_ROLES:
                    walk.unnamed.append(f"{where}: {what} has role {role or 'none'!r}")
                if not name:
                    walk.unnamed.append(f"{where}: {what} has no accessible name")
    for page, _ in tabs.values():
        page.context.close()
    plain.context.close()
    # The same stop found going down and up is one problem.
    for found in (walk.hidden, walk.covered):
        found[:] = list(dict.fromkeys(found))
    return walk


SITES = {"fixture site": FIXTURE_SITE, "real offer site": REAL_OFFER_SITE}


@pytest.fixture(scope="module", params=list(SITES))
def walked(
    request: pytest.FixtureRequest,
    browser: Browser,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Walk, Path]]:
    """Each of the suite's sites, built once for the run, and every page of it walked."""
    fixture = "site_dir" if request.param == "fixture site" else "real_offer_site_dir"
    site_dir: Path = request.getfixturevalue(fixture)
    config = SITES[request.param] / "mkdocs.yml"
    with serve_published(site_dir, tmp_path_factory.mktemp("served"), config) as url:
        yield walk_site(browser, site_dir, url), site_dir


def report(problems: list[str], what: str) -> str:
    return f"{len(problems)} {what}:\n" + "\n".join(problems)


def test_every_page_is_walked(walked: tuple[Walk, Path]) -> None:
    walk, site_dir = walked
    assert "404.html" in walk.pages and "" in walk.pages
    assert len(walk.pages) == len(built_pages(site_dir))
    assert walk.stops >= 10 * len(walk.pages), "too few tab stops: did the walk run?"


def test_every_tab_stop_can_be_seen(walked: tuple[Walk, Path]) -> None:
    walk, _ = walked
    assert walk.hidden == [], report(walk.hidden, "tab stops that cannot be seen")


def test_no_tab_stop_is_covered(walked: tuple[Walk, Path]) -> None:
    walk, _ = walked
    assert walk.covered == [], report(walk.covered, "tab stops covered by something else")


def test_every_tab_stop_has_a_role_and_a_name(walked: tuple[Walk, Path]) -> None:
    walk, _ = walked
    assert walk.unnamed == [], report(walk.unnamed, "tab stops without a control's role or a name")


def test_nothing_spills_at_320px(walked: tuple[Walk, Path]) -> None:
    walk, _ = walked
    assert walk.reflow == [], report(walk.reflow, "things that spill at 320 px")


def test_nothing_spills_with_wcag_text_spacing(walked: tuple[Walk, Path]) -> None:
    walk, _ = walked
    assert walk.spacing == [], report(walk.spacing, "things that spill with WCAG text spacing")
