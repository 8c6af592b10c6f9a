"""macros.derive.translations: a language's data, and which parts are current."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from macros.derive.site import SiteViews
from macros.derive.translations import (
    Freshness,
    TextState,
    freshness,
    language_views,
    notice,
    translated_data,
    translation_rows,
)
from macros.validate.site_data import SiteData
from macros.words import load_words

ARABIC = load_words("ar")


def test_freshness_compares_fingerprints() -> None:
    assert freshness("abcdefabcdef", "abcdefabcdef") is Freshness.current
    assert freshness("abcdefabcdef", "000000000000") is Freshness.changed
    assert freshness(None, "abcdefabcdef") is Freshness.missing


def test_current_translations_are_put_in_and_facts_stay_english(data: SiteData) -> None:
    translated = translated_data(data, "ar")
    section = translated.data.offer["always-overdue"]
    english = data.offer["always-overdue"]
    entries = {entry.id: entry for entry in section.entries}
    assert entries["money-at-16"].title == "مال للعيش في سن 16 و17"
    assert entries["setting-up-home"].how_to_get_it == [
        "تحدث مع مستشارك.",
        "اكتب قائمة بما تحتاجه.",
    ]
    # Changed and missing: the English as it is now.
    assert entries["college-bursary"].title == "Bursary for your course"
    assert entries["money-advice"].title == "Money advice, whatever your age"
    # Amounts, phones, ids, ages, providers: from the English, always.
    for ours, theirs in zip(section.entries, english.entries, strict=True):
        assert ours.id == theirs.id and ours.ages == theirs.ages
        assert [a.value for a in ours.amounts] == [a.value for a in theirs.amounts]
        assert [p.number for p in ours.contact.phones] == [p.number for p in theirs.contact.phones]
        assert ours.providers == theirs.providers
    assert section.title == "المال" and section.last_reviewed_on == english.last_reviewed_on
    # The English data itself is untouched.
    assert english.entries[1].title == "Money to live on at 16 and 17"


def test_the_state_of_every_part(data: SiteData) -> None:
    states = translated_data(data, "ar").states["always-overdue"]
    assert {key: state.freshness.value for key, state in states.entries.items()} == {
        "setting-up-home": "current",
        "money-at-16": "current",
        "college-bursary": "changed",
        "money-advice": "missing",
    }
    assert states.section.freshness is Freshness.current
    untranslated = translated_data(data, "ar").states["always-current"]
    assert untranslated.section.freshness is Freshness.missing


def test_short_texts_come_from_names_by_their_english(data: SiteData) -> None:
    translated = translated_data(data, "ar").data
    assert translated.settings.strategy.offer_title == "عرض الخدمات لمن غادروا الرعاية"
    assert translated.settings.strategy.subtitle == "استراتيجية الأطفال في الرعاية"
    assert translated.settings.strategy.title == data.settings.strategy.title  # not under names
    assert translated.settings.contact.phone == data.settings.contact.phone
    labels = {item.id: item.label for item in translated.situations.situations}
    assert labels["at-college"] == "في الكلية أو الجامعة"
    assert labels["staying-put"] == "Still living with former foster carers (Staying Put)"
    entry = translated.offer["always-overdue"].entries[0]
    assert [link.text for link in entry.contact.links] == ["حسابنا على إنستغرام"]


def test_a_notice_says_why_a_part_is_in_english() -> None:
    changed = TextState(Freshness.changed, dt.date(2026, 4, 1), "0" * 12)
    assert notice(changed, ARABIC) == ARABIC(
        "translation.changed", date=ARABIC.date(dt.date(2026, 4, 1))
    )
    assert notice(replace(changed, freshness=Freshness.missing), ARABIC) == ARABIC(
        "translation.missing"
    )
    assert notice(replace(changed, freshness=Freshness.current), ARABIC) is None


def test_a_changed_translation_is_a_row_like_an_overdue_review(
    views: SiteViews, data: SiteData
) -> None:
    rows = translation_rows(data, views.sections, load_words("en-GB"))
    assert [(row.kind, row.id, row.review.state, row.url) for row in rows] == [
        ("translation", "ar/college-bursary", "overdue", "ar/offer/money/#college-bursary"),
        ("easy_read", "easy-read/money-at-16", "overdue", "offer/money-easy-read/#money-at-16"),
    ]
    assert rows[0].kind_label == "Translation: العربية"
    assert rows[0].review.next_due_iso == "2020-01-15"


def test_languages_own_first_with_their_direction(data: SiteData) -> None:
    languages = language_views(data.settings, "English")
    assert [(v.code, v.tag, v.direction, v.prefix, v.default) for v in languages] == [
        ("en-GB", "en-GB", "ltr", "", True),
        ("ar", "ar", "rtl", "ar/", False),
    ]
    assert languages[1].name == "العربية" and not languages[1].checked_by_translator


def test_a_language_build_marks_the_english_parts(data: SiteData, views: SiteViews) -> None:
    from macros.derive.site import derive_site

    arabic = derive_site(data, views.places, ARABIC, views.build_date, "ar")
    entries = {entry.id: entry for entry in arabic.sections["always-overdue"].entries}
    assert entries["money-advice"].content_lang == "en-GB"
    assert entries["money-advice"].notice == ARABIC("translation.missing")
    assert entries["money-at-16"].content_lang is None and entries["money-at-16"].notice is None
    assert arabic.language is not None and arabic.language.code == "ar"
    assert arabic.english_prose is not None
    assert arabic.english_prose.page_variables["strategy"].offer_title == "Care Leaver Offer"
    assert arabic.review_rows == tuple(
        row for row in arabic.review_rows if row.kind != "translation"
    )


def test_a_page_in_english_shows_its_parts_without_their_own_notices(
    data: SiteData, views: SiteViews
) -> None:
    from macros.derive.site import derive_site

    arabic = derive_site(data, views.places, ARABIC, views.build_date, "ar")
    assert arabic.english_page is not None
    marked = arabic.sections["always-overdue"]
    quiet = arabic.english_page.sections["always-overdue"]
    assert any(entry.notice for entry in marked.entries)
    assert quiet.notice is None and not any(entry.notice for entry in quiet.entries)
    assert [entry.content_lang for entry in quiet.entries] == [
        entry.content_lang for entry in marked.entries
    ]
    assert arabic.english_page.words is arabic.words
    assert views.english_page is None
