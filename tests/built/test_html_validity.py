"""Every page of both of the suite's sites is valid HTML, by the Nu Html Checker (issue 22).

A second engine beside axe-core: the W3C's checker reads the markup as the HTML standard
defines it (a label for a control that is not there, a link attribute on a link that goes
nowhere, a table cell spanning the wrong way), which axe does not look at. Material's
known noise is left out by what the checker says, never by page (``tests/html_checker.py``).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import built_pages
from tests.html_checker import Message, check_html


def report(messages: list[Message]) -> str:
    return f"{len(messages)} HTML errors and warnings:\n" + "\n".join(map(str, messages))


def test_every_page_of_the_fixture_site_is_valid_html(site_dir: Path) -> None:
    messages = check_html(built_pages(site_dir), site_dir)
    assert messages == [], report(messages)


def test_every_page_of_the_real_offer_site_is_valid_html(real_offer_site_dir: Path) -> None:
    messages = check_html(built_pages(real_offer_site_dir), real_offer_site_dir)
    assert messages == [], report(messages)


def test_the_checker_finds_invalid_html(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en-GB"><head><title>Broken</title></head><body>'
        '<label for="nowhere">Age</label><a rel="noopener">no link</a>'
        '<input class="md-toggle" type="checkbox" autocomplete="off">'
        "</body></html>",
        encoding="utf-8",
    )
    found = check_html([page], tmp_path)
    assert {message.page for message in found} == {"broken.html"}
    said = " ".join(message.text for message in found)
    assert "“for” attribute" in said and "“href”" in said
    assert "autocomplete" not in said, "Material's toggle noise is left out by its rule"
