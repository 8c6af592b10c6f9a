"""What a slow phone paints before it has read the whole page stays where it is (CLS 0).

A phone that is slow to read a page paints what it has so far, sometimes half of a line
of text. Nothing painted may then move as the rest arrives: so a picture is not centred
on text beside it that may not all be there yet. Found on the example's Easy Read page
at 360 px under four times CPU throttling; these tests make the late text happen on
purpose, so they do not depend on timing.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.browser import open_page

PHONE = {"width": 360, "height": 800}
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
