"""macros.publish.languages and language_links: a build per language, translated pages,
the menu, and the links between languages."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.derive.site import SiteViews
from macros.derive.translations import Freshness
from macros.publish import languages
from macros.publish.language_links import alternate_links, language_bar
from macros.publish.languages import (
    build_language,
    page_source,
    translated_nav,
    untranslated_page,
)
from macros.validate.rules.translations import fingerprint
from macros.words import load_words
from tests.conftest import BuildResult


def test_the_language_of_a_build() -> None:
    assert build_language({}) is None
    assert build_language({"clo_language": "ar"}) == "ar"


def test_a_build_checks_the_site_once_and_notes_each_notice_once(built_site: BuildResult) -> None:
    # The fixture site has notices and a second language: its build is read and checked
    # once, by the site's own language, and every language is made from that.
    notes = [line for line in built_site.output.splitlines() if " note: " in line]
    assert len(notes) >= 2
    assert len(notes) == len(set(notes)), "\n".join(notes)


def test_a_translated_page_is_read_only_when_made_from_the_english_as_it_is(tmp_path: Path) -> None:
    english = "# Money\n\n{{ offer_section('money') }}\n"
    translated = tmp_path / "money.ar.md"
    translated.write_text(f"---\nmade_from: {fingerprint(english)}\n---\n# المال\n", "utf-8")
    source, state = page_source(tmp_path, "money.md", "ar", english)
    assert state is Freshness.current and source is not None and "# المال" in source
    changed = english + "\nMore.\n"
    assert page_source(tmp_path, "money.md", "ar", changed) == (None, Freshness.changed)
    assert page_source(tmp_path, "money.md", "vi", changed) == (None, Freshness.missing)
    translated.write_text("# المال\n", encoding="utf-8")  # no fingerprint at all
    assert page_source(tmp_path, "money.md", "ar", english)[1] is Freshness.missing


def test_a_page_of_macros_alone_needs_no_translation(tmp_path: Path) -> None:
    # Its macros speak the reader's language: no notice says the page is in English.
    question = "---\ntitle: Where do you live?\n---\n\n{{ finder_where() }}\n{# why #}\n"
    assert page_source(tmp_path, "where.md", "ar", question) == (None, Freshness.current)
    with_words = question + "\nSome help depends on where you live.\n"
    assert page_source(tmp_path, "where.md", "ar", with_words) == (None, Freshness.missing)


def test_menu_titles_come_from_names() -> None:
    page = SimpleNamespace(title="Home", children=None)
    child = SimpleNamespace(title="What changed", children=None)
    section = SimpleNamespace(title="Offer", children=[child])
    nav = SimpleNamespace(items=[page, section])
    translated_nav(nav, {"Home": "الرئيسية", "What changed": "ما الذي تغيّر"})
    assert (page.title, section.title, child.title) == ("الرئيسية", "Offer", "ما الذي تغيّر")


def test_an_untranslated_page_is_wrapped_as_english(views: SiteViews) -> None:
    arabic = views.theme.__class__(
        **{**views.theme.__dict__, "current": views.languages[1], "words": load_words("ar")}
    )
    html = untranslated_page("<p>Hello</p>", Freshness.missing, arabic)
    assert html.endswith(
        '<div class="clo-in-language" lang="en-GB" dir="ltr">\n<p>Hello</p>\n</div>'
    )
    assert load_words("ar")("translation.page_missing") in html
    assert untranslated_page("<p>x</p>", Freshness.current, arabic) == "<p>x</p>"


def test_the_switcher_and_alternates_of_a_page(views: SiteViews) -> None:
    page = SimpleNamespace(url="offer/money/")
    bar = str(language_bar(views.theme, page))
    assert 'href="../../ar/offer/money/"' in bar and 'hreflang="ar"' in bar
    assert 'aria-current="true"' in bar and "clo-languages__sample" not in bar
    assert alternate_links(views.theme, "https://example.org/x/", page) == [
        ("en-GB", "https://example.org/x/offer/money/"),
        ("ar", "https://example.org/x/ar/offer/money/"),
        ("x-default", "https://example.org/x/offer/money/"),
    ]
    assert alternate_links(views.theme, "https://example.org/x/", None) == []


def test_languages_are_forked_only_on_linux_with_a_spare_processor_and_one_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(languages, "spare_processors", lambda: 1)
    monkeypatch.setattr(languages.threading, "active_count", lambda: 1)
    monkeypatch.setattr(languages.sys, "platform", "linux")
    assert languages.can_fork()
    monkeypatch.setattr(languages.threading, "active_count", lambda: 2)  # mkdocs serve
    assert not languages.can_fork()
    monkeypatch.setattr(languages.threading, "active_count", lambda: 1)
    monkeypatch.setattr(languages, "spare_processors", lambda: 0)
    assert not languages.can_fork()
    monkeypatch.setattr(languages, "spare_processors", lambda: 1)
    monkeypatch.setattr(languages.sys, "platform", "darwin")
    assert not languages.can_fork()
