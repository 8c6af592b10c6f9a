"""macros.render: components are escaped and phone numbers become tap-to-call links."""

from __future__ import annotations

from macros.render.engine import render, tel_href
from macros.validate.model import HelpContact


def test_tel_href_uses_international_format() -> None:
    assert tel_href("01632 960 100") == "tel:+441632960100"
    assert tel_href("116 123") == "tel:116123"


def test_data_text_is_escaped() -> None:
    # model_construct skips validation: the template must escape even text that
    # slipped past the plain-text check.
    contact = HelpContact.model_construct(
        name="<script>alert(1)</script>", when='" onmouseover="x', phone="999", text=None, web=None
    )
    html = render("help-contacts.html", contacts=[contact])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '" onmouseover="x' not in html


def test_rendered_html_has_no_blank_or_indented_lines() -> None:
    contact = HelpContact(name="Samaritans", when="Any time", phone="116 123")
    html = render("help-contacts.html", contacts=[contact])
    assert all(line and line == line.strip() for line in html.splitlines())
    assert 'href="tel:116123"' in html
