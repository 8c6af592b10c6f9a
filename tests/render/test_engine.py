"""macros.render.engine: components are escaped and come out as one block Markdown keeps."""

from __future__ import annotations

import re

import pytest
from jinja2 import UndefinedError
from markupsafe import Markup

from macros.derive.help_now import help_contact_views
from macros.render.engine import TEMPLATE_DIR, _environment, render
from macros.validate.model import HelpContact
from macros.words import load_words
from tests.conftest import ROOT

EN = load_words("en-GB")
HOSTILE = '<script>alert(1)</script>" onmouseover="x'


def unmarked(text: str | None) -> str | None:
    """No word is in another language than the page's."""
    return None


def test_data_text_is_escaped() -> None:
    # model_construct skips validation: the template must escape even text that
    # slipped past the plain-text check.
    contact = HelpContact.model_construct(
        name="<script>alert(1)</script>", when='" onmouseover="x', phone="999", text=None, web=None
    )
    html = render("help-contacts.html", EN, contacts=help_contact_views([contact], unmarked))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '" onmouseover="x' not in html


def test_values_given_to_the_words_are_escaped_too() -> None:
    contact = HelpContact.model_construct(
        name=HOSTILE, when="Now", phone=HOSTILE, text=None, web="https://example.org/"
    )
    html = render("help-contacts.html", EN, contacts=help_contact_views([contact], unmarked))
    assert "<script>" not in html
    assert "Call &lt;script&gt;" in html  # help.call with the phone as its value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;x website" in html
    # Marked as English on another language's page: escaped inside the marks too.
    html = render(
        "help-contacts.html", EN, contacts=help_contact_views([contact], lambda text: "en-GB")
    )
    assert "<script>" not in html
    assert '<h2 class="clo-help-list__name" lang="en-GB" dir="ltr">&lt;script&gt;' in html
    assert '<span lang="en-GB" dir="ltr">&lt;script&gt;alert(1)&lt;/script&gt;' in html


def test_rendered_html_has_no_blank_or_indented_lines() -> None:
    contact = HelpContact(name="Samaritans", when="Any time", phone="116 123")
    html = render("help-contacts.html", EN, contacts=help_contact_views([contact], unmarked))
    assert isinstance(html, Markup)
    assert html.splitlines()
    assert all(line and line == line.strip() for line in html.splitlines())
    assert 'href="tel:116123"' in html
    assert "Call 116 123" in html


def test_every_template_is_named_in_kebab_case() -> None:
    names = sorted(path.name for path in TEMPLATE_DIR.glob("*.html"))
    assert names
    assert all(name == name.lower() and "_" not in name for name in names)


def test_a_value_the_template_needs_but_was_not_given_is_an_error() -> None:
    with pytest.raises(UndefinedError, match="contacts"):
        render("help-contacts.html", EN)


CASE_FILTERS = re.compile(
    r"\|\s*(lower|upper|title|capitalize)\b|\.(lower|upper|title|capitalize)\(\)"
)


def test_no_template_changes_the_case_of_words() -> None:
    """Names keep the case they were written in: "Junior ISA", "CAMHS" and "Jobcentre
    Plus" lowercased are read by a screen reader as other words (issue 22)."""
    templates = [*TEMPLATE_DIR.glob("*.html"), *(ROOT / "overrides").rglob("*.html")]
    assert templates
    changed = [
        f"{path.name}: {match.group(0)}"
        for path in templates
        for match in CASE_FILTERS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert changed == []


def test_json_for_scripts_keeps_other_letters_and_escapes_markup() -> None:
    """tojson (the finder's and search's words) writes Arabic letters as themselves, a
    third of the bytes of \\uXXXX, and still nothing that could end the script."""
    template = _environment().from_string("{{ value | tojson }}")
    text = template.render(value={"b": "مرحبا </script>", "a": "x & 'y'"})
    assert text == '{"a": "x \\u0026 \\u0027y\\u0027", "b": "مرحبا \\u003c/script\\u003e"}'
