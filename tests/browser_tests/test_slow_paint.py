"""What a slow phone paints before it has read the whole page stays where it is (CLS 0).

A phone that is slow to read a page paints what it has so far: half of the menu, or a
line of text without its end. Nothing painted may then move as the rest arrives. So a
picture is not centred on text beside it that may not all be there yet, and nothing's
place depends on what comes after it in the page (a browser applies ``:last-child``
only once it has read the end of the parent; a margin that collapses through a list's
top moves the list when its first item arrives).

Found with the example at 1280 and 360 px, under CPU throttling or with its pages sent
slowly; these tests make the late part happen on purpose, so they do not depend on
timing: the page is sent up to a chosen point, the browser paints, then the rest comes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from playwright.sync_api import Browser, Page, ViewportSize

from tests.browser import open_page, serve
from tests.browser_tests.test_a11y import DESKTOP, PHONE, RECORD_SHIFTS, SHIFTS

EASY_READ = "offer/money-easy-read/"
LINE = ".clo-easy-read__line"

# The box of the first line's picture and text, before and after the rest of its text
# arrives (three more lines' worth of words).
GROW_FIRST_LINE = """(line) => {
  const first = document.querySelector(line);
  const box = el => { const b = el.getBoundingClientRect(); return [b.x, b.y, b.width]; };
  const picture = first.querySelector("img"), text = first.querySelector("span");
  const before = {picture: box(picture), text: box(text), height: text.offsetHeight};
  text.textContent += " and the rest of the words that had not arrived yet".repeat(3);
  return {before, after: {picture: box(picture), text: box(text), height: text.offsetHeight}};
}"""


def first_line(browser: Browser, base_url: str, direction: str) -> Page:
    page = browser.new_page(viewport=PHONE)
    open_page(page, base_url + EASY_READ)
    page.evaluate("(direction) => { document.documentElement.dir = direction; }", direction)
    return page


def test_an_easy_read_picture_stays_put_as_its_text_arrives(
    browser: Browser, base_url: str
) -> None:
    for direction in ("ltr", "rtl"):
        page = first_line(browser, base_url, direction)
        moved = page.evaluate(GROW_FIRST_LINE, LINE)
        assert moved["after"]["height"] > moved["before"]["height"], "the text did not grow"
        assert moved["after"]["picture"] == moved["before"]["picture"], (direction, moved)
        assert moved["after"]["text"][:2] == moved["before"]["text"][:2], (direction, moved)
        page.close()


def test_one_line_of_easy_read_is_level_with_the_middle_of_its_picture(
    browser: Browser, base_url: str
) -> None:
    page = first_line(browser, base_url, "ltr")
    page.evaluate(
        "(line) => { document.querySelector(line + ' span').textContent = 'Rent.'; }", LINE
    )
    middles = page.evaluate(
        """(line) => [...document.querySelector(line).children].map(el => {
             const range = document.createRange(); range.selectNodeContents(el);
             const box = el.tagName === "IMG" ? el.getBoundingClientRect()
               : range.getClientRects()[0];
             return box.y + box.height / 2; })""",
        LINE,
    )
    picture, text = middles
    assert abs(picture - text) <= 2, middles
    page.close()


# A page sent in two parts, with a pause between them


@contextmanager
def sent_in_two(site_dir: Path, page: str, cut_after: str, nth: int = 1) -> Iterator[str]:
    """Serve ``site_dir``; ``page`` (a path below it) is sent up to the end of the
    ``nth`` ``cut_after`` in it, then, after a pause in which the browser paints, the
    rest. Yields the page's URL."""
    html = (site_dir / (page if page.endswith(".html") else page + "index.html")).read_bytes()
    cut = -1
    for _ in range(nth):
        cut = html.index(cut_after.encode(), cut + 1)
    cut += len(cut_after.encode())

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.split("?")[0] != "/" + page:
                super().do_GET()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html[:cut])
            self.wfile.flush()
            time.sleep(0.8)
            self.wfile.write(html[cut:])

    with serve(site_dir, Handler) as root:
        yield root + page


def shifts_when_sent_in_two(
    browser: Browser,
    site_dir: Path,
    page: str,
    cut_after: str,
    nth: int = 1,
    viewport: ViewportSize = DESKTOP,
) -> list[str]:
    context = browser.new_context(viewport=viewport, service_workers="block")
    context.add_init_script(RECORD_SHIFTS)
    tab = context.new_page()
    with sent_in_two(site_dir, page, cut_after, nth) as url:
        open_page(tab, url)
        found: list[str] = tab.evaluate(SHIFTS)
    context.close()
    return found


def first_in_menu(site_dir: Path, page: str, marker: str, after: str = "") -> int:
    """Which ``marker`` in the page is the first inside the main menu's list (and after
    ``after`` in it)."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    menu = html.index('<ul class="md-nav__list"', html.index("md-nav--primary"))
    nth = html.count(marker, 0, html.index(after, menu)) + 1
    assert html.count(marker) >= nth, f"/{page}: no {marker} in the menu"
    return nth


def test_a_menu_arrow_stays_put_while_its_item_is_read(browser: Browser, site_dir: Path) -> None:
    """Material puts the arrow of a menu section at the end of its line with
    ``:last-child``; sent up to just after the arrow, it was drawn beside the title."""
    arrow = '<span class="md-nav__icon md-icon"></span>'
    for page in ("", "ar/"):
        # A section of the menu: the page's own contents item is hidden at 1280 px.
        nth = first_in_menu(site_dir, page, arrow, after="md-nav__item--nested")
        assert shifts_when_sent_in_two(browser, site_dir, page, arrow, nth) == [], page


def test_a_menu_list_stays_put_while_its_first_item_is_read(
    browser: Browser, site_dir: Path
) -> None:
    """Sent up to the first menu title's start: the list moved down by its first link's
    top margin when the title arrived."""
    title = '<span class="md-ellipsis">'
    for page in ("", "ar/"):
        nth = first_in_menu(site_dir, page, title)
        assert shifts_when_sent_in_two(browser, site_dir, page, title, nth) == [], page


def test_the_footers_stay_put_while_the_copyright_line_is_read(
    browser: Browser, site_dir: Path
) -> None:
    """The 404 page is shorter than a phone's screen. Material stretched the page to
    put the footers at the bottom, so the help links moved up when the copyright line
    under them arrived (CI saw 0.03 on the example's 404 page at 360 px)."""
    for cut_after in ('<footer class="md-footer">', '<div class="md-copyright">'):
        for page in ("404.html", "ar/404.html"):
            found = shifts_when_sent_in_two(browser, site_dir, page, cut_after, viewport=PHONE)
            assert found == [], (page, cut_after, found)
