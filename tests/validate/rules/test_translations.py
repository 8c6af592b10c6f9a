"""macros.validate.rules.translations: fingerprints, file names, and translations checked
against the English they translate."""

from __future__ import annotations

from pathlib import Path

from macros.load.yaml_file import LoadedFile
from macros.pipeline import build_views, check_project
from macros.validate.model.translations import EntryTranslation, OfferSectionTranslation
from macros.validate.rules.translations import (
    entry_fingerprint,
    fingerprint,
    language_problem,
    offer_translation_problems,
    section_fingerprint,
    translation_name,
)
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE


def test_a_fingerprint_is_twelve_hex_characters_and_changes_with_any_word() -> None:
    first = fingerprint("Money", "We pay.", ["a"])
    assert len(first) == 12 and set(first) <= set("0123456789abcdef")
    assert fingerprint("Money", "We pay.", ["a"]) == first
    assert fingerprint("Money", "We pay!", ["a"]) != first
    assert fingerprint("Money", "We pay.", ["a", "b"]) != first
    # Where a word is matters: the same words in other fields are another English.
    assert fingerprint("Money", "We pay.", []) != fingerprint("Money We pay.", "", [])


def test_an_entry_fingerprint_leaves_out_amounts_and_contacts(data: SiteData) -> None:
    entry = data.offer["always-overdue"].entries[0]
    changed = entry.model_copy(update={"amounts": [], "easy_read": None})
    assert entry_fingerprint(changed) == entry_fingerprint(entry) == "ced3ba0642fe"
    retitled = entry.model_copy(update={"title": "Another title"})
    assert entry_fingerprint(retitled) != entry_fingerprint(entry)
    assert section_fingerprint(data.offer["always-overdue"]) == "47f8032a6c7a"


def test_translation_file_names() -> None:
    assert translation_name("money.ar") == ("money", "ar")
    assert translation_name("money") is None
    assert translation_name("a.b.c") is None


def test_a_language_not_listed_is_one_line() -> None:
    assert language_problem("data/offer/m.ar.yml", "ar", ["ar", "vi"]) is None
    problem = language_problem("data/offer/m.v2.yml", "v2", ["ar"])
    assert problem is not None and "'v2' in the file name is not a language tag" in str(problem)
    none_yet = language_problem("data/site.ar.yml", "ar", [])
    assert none_yet is not None and "add the language under languages:" in none_yet.message


def test_a_current_translation_needs_every_step_an_old_one_does_not(data: SiteData) -> None:
    english = data.offer["always-overdue"]
    source = LoadedFile("data/offer/always-overdue.ar.yml", {}, {})

    def problems(made_from: str, steps: list[str]) -> list[str]:
        item = EntryTranslation(made_from=made_from, title="t", summary="s", how_to_get_it=steps)
        translation = OfferSectionTranslation(entries={"setting-up-home": item})
        found = offer_translation_problems(translation, source, english, "data/offer/x.yml")
        return [problem.message for problem in found]

    assert problems("ced3ba0642fe", ["one"]) == [
        "the English has 1; translate each of them, in order (found 0)",
        "the English has 2; translate each of them, in order (found 1)",
    ]
    assert problems("000000000000", ["one"]) == []  # out of date: the English shows


def test_an_entry_id_the_english_lacks_is_named_with_a_guess(data: SiteData) -> None:
    translation = OfferSectionTranslation(
        entries={"money-at-61": EntryTranslation(made_from="0" * 12, title="t", summary="s")}
    )
    source = LoadedFile("x.ar.yml", {}, {("entries", "money-at-61"): 7})
    (problem,) = offer_translation_problems(
        translation, source, data.offer["always-overdue"], "data/offer/always-overdue.yml"
    )
    assert str(problem) == (
        "x.ar.yml:7: entries.money-at-61: unknown entry in data/offer/always-overdue.yml "
        "'money-at-61'; did you mean 'money-at-16'?"
    )


def test_a_language_without_interface_words_is_added_by_data_alone(fixture_copy: Path) -> None:
    settings = fixture_copy / "data" / "site.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("    name: العربية\n", "    name: العربية\n  - code: ps\n    name: پښتو\n"),
        encoding="utf-8",
    )
    report = check_project(fixture_copy, fixture_copy / "docs", BUILD_DATE)
    assert report.problems == []
    notices = [str(notice) for notice in report.notices if "'ps'" in str(notice)]
    assert notices == [
        "macros/words/ps.yml: the interface has no words in 'ps' yet and shows in English: "
        "add this file, a copy of en.yml with every text translated"
    ]
    views, _report = build_views(fixture_copy, fixture_copy / "docs", BUILD_DATE, "ps")
    assert views.language is not None and views.language.direction == "rtl"
    # The interface in English, isolated in the right-to-left page.
    assert views.words("entry.contact") == f"\u2068{load_words('en-GB')('entry.contact')}\u2069"
