"""Catalogues of other languages (``macros/words/<code>.yml``): the whole interface.

Each catalogue that ships with the template has every key of ``en.yml`` (a key it lacks
would show in English), no key English does not have, the placeholders English fills in,
and plural forms of its own language.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from babel import Locale

from macros.words import CATALOGUE_DIR, load_words, placeholders

ENGLISH = load_words("en-GB")
CATALOGUES = sorted(path for path in CATALOGUE_DIR.glob("*.yml") if path.stem != "en")


def test_catalogues_other_than_english_ship() -> None:
    assert {path.stem for path in CATALOGUES} >= {"ar", "vi"}


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.stem for p in CATALOGUES])
def test_a_catalogue_has_every_english_key_and_no_other(path: Path) -> None:
    words = load_words(path.stem)
    assert sorted(words.untranslated) == [], f"{path.name} lacks keys English has"
    assert set(words.entries) == set(ENGLISH.entries)


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.stem for p in CATALOGUES])
def test_a_catalogue_uses_only_the_placeholders_english_fills_in(path: Path) -> None:
    words = load_words(path.stem)
    wrong = []
    for key, english in ENGLISH.entries.items():
        entry = words.entries[key]
        given = set().union(*(placeholders(text) for text in _forms(english)))
        for text in _forms(entry):
            if not placeholders(text) <= given:
                wrong.append(f"{key}: {sorted(placeholders(text) - given)}")
        if isinstance(english, str) and placeholders(english) != placeholders(str(entry)):
            wrong.append(f"{key}: {sorted(placeholders(str(entry)))} != {sorted(given)}")
    assert wrong == []


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.stem for p in CATALOGUES])
def test_plural_entries_have_the_forms_of_their_language(path: Path) -> None:
    words = load_words(path.stem)
    forms = set(Locale.parse(path.stem).plural_form.tags) | {"other"}
    for key, entry in words.entries.items():
        if isinstance(entry, str):
            continue
        assert set(entry) == forms, f"{key}: {sorted(entry)} is not {sorted(forms)}"


def test_each_language_is_named_in_itself() -> None:
    assert load_words("ar")("language.own_name") == "العربية"
    assert load_words("vi")("language.own_name") == "Tiếng Việt"
    assert ENGLISH("language.own_name") == "English"


def test_right_to_left_values_are_isolated() -> None:
    """An English name in Arabic words keeps its own order (Unicode isolates)."""
    arabic = load_words("ar")
    assert arabic("help.call", phone="01632 960 100") == "اتصل على \u206801632 960 100\u2069"
    assert ENGLISH("help.call", phone="01632 960 100") == "Call 01632 960 100"


def test_english_shown_until_translated_keeps_its_order_in_right_to_left_text() -> None:
    """A key a right-to-left catalogue lacks shows its English isolated, so "What can I
    get?" is not read as "?What can I get"; translated keys are as written."""
    arabic = load_words("ar")
    lacking = dataclasses.replace(
        arabic,
        entries={**arabic.entries, "footer.search": ENGLISH.text("footer.search")},
        untranslated=frozenset({"footer.search"}),
    )
    assert lacking("footer.search") == f"\u2068{ENGLISH('footer.search')}\u2069"
    assert lacking("footer.label") == arabic("footer.label")
    assert "\u2068" not in arabic("footer.search")


def _forms(entry: object) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry.values())  # type: ignore[attr-defined]
