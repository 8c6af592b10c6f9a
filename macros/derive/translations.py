"""Translations and their freshness: pure functions from the validated data of one language.

``translated_data`` gives the data a language's pages are built from: the English data
with every current translation put in, and every short text found under ``names:``.
A translation is **current** when the fingerprint it records (``made_from``) is the
fingerprint of the English as it is now; otherwise it is **changed**, and the English
is shown instead, with a notice in the reader's language. An entry nobody translated is
**missing**, and shown the same way. Amounts, phone numbers, dates, ids and every other
fact always come from the English data: only words are replaced.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TypeVar

from babel import Locale
from pydantic import BaseModel

from macros.derive.offer import ReviewView, SectionView
from macros.derive.review import ReviewState
from macros.derive.reviews import ReviewRow
from macros.validate.model import Entry, OfferSection, SiteSettings
from macros.validate.model.site import Language
from macros.validate.model.translations import EasyRead
from macros.validate.rules.translations import entry_fingerprint, section_fingerprint
from macros.validate.site_data import LanguageData, SiteData
from macros.words import Words


class Freshness(StrEnum):
    current = "current"
    """Translated from the English as it is now."""
    changed = "changed"
    """Translated, but the English has changed since: the English is shown."""
    missing = "missing"
    """Not translated yet: the English is shown."""


@dataclass(frozen=True)
class TextState:
    """How one translatable part (a section's introduction, an entry) is shown."""

    freshness: Freshness
    english_checked_on: dt.date
    """When the English was last checked: the date the notice of a changed part gives."""
    fingerprint: str
    """The fingerprint of the English as it is now (what a translation must record)."""

    @property
    def shows_english(self) -> bool:
        return self.freshness is not Freshness.current


@dataclass(frozen=True)
class SectionStates:
    """The state of a section's title and introduction, and of each entry, by id."""

    section: TextState
    entries: Mapping[str, TextState] = field(default_factory=dict)


def freshness(made_from: str | None, current: str) -> Freshness:
    """Whether a translation made from ``made_from`` is current for the English ``current``.

    >>> freshness("3f9a1c2b7d4e", "3f9a1c2b7d4e"), freshness("3f9a1c2b7d4e", "000000000000")
    (<Freshness.current: 'current'>, <Freshness.changed: 'changed'>)
    >>> freshness(None, "3f9a1c2b7d4e")
    <Freshness.missing: 'missing'>
    """
    if made_from is None:
        return Freshness.missing
    return Freshness.current if made_from == current else Freshness.changed


def section_states(
    section: OfferSection,
    translation_made_from: Mapping[str, str | None],
    intro_made_from: str | None,
) -> SectionStates:
    """The state of every translatable part of one section, from what each translation
    recorded (``None`` where there is none)."""
    entries: dict[str, TextState] = {}
    for entry in section.entries:
        checked = entry.last_reviewed_on or section.last_reviewed_on
        current = entry_fingerprint(entry)
        entries[entry.id] = TextState(
            freshness(translation_made_from.get(entry.id), current), checked, current
        )
    current = section_fingerprint(section)
    return SectionStates(
        TextState(freshness(intro_made_from, current), section.last_reviewed_on, current), entries
    )


def easy_read_state(entry: Entry, section: OfferSection) -> TextState | None:
    """Whether an entry's Easy Read text was written from its English as it is now; None
    when it has none."""
    easy: EasyRead | None = entry.easy_read
    if easy is None:
        return None
    current = entry_fingerprint(entry)
    checked = entry.last_reviewed_on or section.last_reviewed_on
    return TextState(freshness(easy.made_from, current), checked, current)


@dataclass(frozen=True)
class TranslatedData:
    """The data one language's pages are built from, and the state of every part."""

    data: SiteData
    language: Language
    states: Mapping[str, SectionStates]
    """By section id."""
    names: Mapping[str, str] = field(default_factory=dict)
    """The language's short texts by their English."""


def translated_data(data: SiteData, code: str) -> TranslatedData:
    """The English data with language ``code``'s current translations put in.

    Example: ``translated_data(data, "ar").data.offer["money"].entries[0].title`` is the
    Arabic title when its translation is current, the English title otherwise.
    """
    language = next(item for item in data.settings.languages if item.code == code)
    found = data.languages.get(code, LanguageData(code))
    names = found.site.names if found.site is not None else {}
    offer: dict[str, OfferSection] = {}
    states: dict[str, SectionStates] = {}
    for section_id, section in data.offer.items():
        translation = found.offer.get(section_id)
        made_from = (
            {entry_id: item.made_from for entry_id, item in translation.entries.items()}
            if translation is not None
            else {}
        )
        state = section_states(section, made_from, translation.made_from if translation else None)
        states[section_id] = state
        entries = []
        for entry in section.entries:
            item = translation.entries.get(entry.id) if translation else None
            if item is not None and not state.entries[entry.id].shows_english:
                entry = entry.model_copy(
                    update={
                        "title": item.title,
                        "summary": item.summary,
                        "conditions": list(item.conditions),
                        "how_to_get_it": list(item.how_to_get_it),
                    }
                )
            entries.append(_with_names(entry, names))
        update: dict[str, object] = {"entries": entries}
        if section.owner is not None:
            update["owner"] = names.get(section.owner, section.owner)
        if translation is not None and not state.section.shows_english:
            update |= {"title": translation.title, "introduction": translation.introduction}
        offer[section_id] = section.model_copy(update=update)
    translated = replace(
        data,
        settings=_settings_with_names(data.settings, names),
        offer=offer,
        organisations=_renamed(data.organisations, "organisations", ("name",), names),
        situations=_renamed(data.situations, "situations", ("label", "hint"), names),
        areas=_renamed(data.areas, "areas", ("label",), names),
        places=_renamed(data.places, "places", ("name",), names),
    )
    return TranslatedData(translated, language, states, names)


def _with_names(entry: Entry, names: Mapping[str, str]) -> Entry:
    """Short texts of an entry (notes of amounts and phones, link texts) from ``names``."""
    if not names:
        return entry
    amounts = [
        amount.model_copy(
            update={
                "note": names.get(amount.note, amount.note) if amount.note else None,
                "for_whom": names.get(amount.for_whom, amount.for_whom)
                if amount.for_whom
                else None,
            }
        )
        for amount in entry.amounts
    ]
    contact = entry.contact.model_copy(
        update={
            "phones": [
                phone.model_copy(update={"note": names.get(phone.note, phone.note)})
                if phone.note
                else phone
                for phone in entry.contact.phones
            ],
            "links": [
                link.model_copy(update={"text": names.get(link.text, link.text)})
                for link in entry.contact.links
            ],
        }
    )
    return entry.model_copy(update={"amounts": amounts, "contact": contact})


ModelT = TypeVar("ModelT", bound=BaseModel)


def _renamed(
    model: ModelT | None, items: str, fields: tuple[str, ...], names: Mapping[str, str]
) -> ModelT | None:
    """A registry file (organisations, places...) with each item's short texts in
    ``fields`` put in the language where ``names`` has them (an empty text stays empty).

    >>> from macros.validate.model import AreasFile
    >>> areas = AreasFile.model_validate({"areas": [{"id": "rights", "label": "Rights"}]})
    >>> _renamed(areas, "areas", ("label",), {"Rights": "حقوق"}).areas[0].label
    'حقوق'
    """
    if model is None:
        return None
    renamed = [
        item.model_copy(
            update={
                name: names.get(value, value) for name in fields if (value := getattr(item, name))
            }
        )
        for item in getattr(model, items)
    ]
    return model.model_copy(update={items: renamed})


def _settings_with_names(settings: SiteSettings, names: Mapping[str, str]) -> SiteSettings:
    """The strategy's and the offer's titles, the team's name and hours, and crisis
    contacts' words from ``names``; numbers and addresses stay as they are."""
    if not names:
        return settings

    def name(text: str) -> str:
        return names.get(text, text)

    strategy = settings.strategy.model_copy(
        update={
            key: name(getattr(settings.strategy, key))
            for key in ("title", "subtitle", "offer_title")
        }
    )
    contact = settings.contact.model_copy(
        update={
            "team": name(settings.contact.team),
            "opening_hours": name(settings.contact.opening_hours),
        }
    )
    help_now = [
        item.model_copy(update={"when": name(item.when), "name": name(item.name)})
        for item in settings.help_now
    ]
    return settings.model_copy(
        update={"strategy": strategy, "contact": contact, "help_now": help_now}
    )


@dataclass(frozen=True)
class LanguageView:
    """One language of the site, for the language switcher and ``hreflang``."""

    code: str
    """The code in data/site.yml (``ar``), or the site's own language tag (``en-GB``)."""
    tag: str
    """For HTML ``lang`` and ``hreflang``."""
    name: str
    """In its own words, e.g. "العربية"."""
    direction: str
    prefix: str
    """Where its pages are in the site: ``""`` for the site's own language, ``ar/``."""
    checked_by_translator: bool
    default: bool


def language_views(settings: SiteSettings, own_name: str) -> tuple[LanguageView, ...]:
    """The site's own language first, then each of ``languages:`` in data/site.yml.

    >>> from macros.validate.model.site import Language
    >>> settings = SiteSettings.model_construct(language="en-GB", languages=[
    ...     Language(code="ar", name="العربية")])
    >>> [(v.tag, v.prefix, v.direction) for v in language_views(settings, "English")]
    [('en-GB', '', 'ltr'), ('ar', 'ar/', 'rtl')]
    """

    def direction(tag: str) -> str:
        return "rtl" if Locale.parse(tag.replace("-", "_")).text_direction == "rtl" else "ltr"

    own = LanguageView(
        settings.language, settings.language, own_name, direction(settings.language), "", True, True
    )
    others = tuple(
        LanguageView(
            item.code,
            item.code,
            item.name,
            direction(item.code),
            f"{item.code}/",
            item.checked_by_translator,
            False,
        )
        for item in settings.languages
    )
    return (own, *others)


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^---[ \t]*$", re.DOTALL | re.MULTILINE)
_MACROS_AND_COMMENTS = re.compile(r"\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)


def has_prose(markdown: str) -> bool:
    """Whether a page's Markdown has words of its own to translate: anything but its
    front matter, macro calls and Jinja comments. A page of macros alone (a finder
    question) is already in every language, as its macros are.

    >>> has_prose("---\\ntitle: Where do you live?\\n---\\n\\n{{ finder_where() }}\\n")
    False
    >>> has_prose("# Money\\n\\n{{ offer_section('money') }}\\n")
    True
    """
    body = _FRONT_MATTER.sub("", markdown, count=1)
    return bool(_MACROS_AND_COMMENTS.sub("", body).strip())


def notice(state: TextState, words: Words) -> str | None:
    """Why a part is shown in English, in the reader's language; None when it is translated.

    >>> from macros.words import load_words
    >>> state = TextState(Freshness.changed, dt.date(2026, 4, 1), "3f9a1c2b7d4e")
    >>> notice(state, load_words("en-GB"))
    'This part was updated in English on 1 April 2026 and is being translated. Here it is in English.'
    """
    if state.freshness is Freshness.changed:
        return words("translation.changed", date=words.date(state.english_checked_on))
    if state.freshness is Freshness.missing:
        return words("translation.missing")
    return None


def with_freshness(
    sections: Mapping[str, SectionView],
    states: Mapping[str, SectionStates],
    words: Words,
    english_tag: str,
) -> dict[str, SectionView]:
    """The sections of a page in another language, each part shown in English marked with
    the English's language tag and a notice."""
    marked: dict[str, SectionView] = {}
    for section_id, view in sections.items():
        state = states[section_id]
        entries = tuple(
            replace(entry, content_lang=english_tag, notice=notice(state.entries[entry.id], words))
            if state.entries[entry.id].shows_english
            else entry
            for entry in view.entries
        )
        if state.section.shows_english:
            view = replace(view, content_lang=english_tag, notice=notice(state.section, words))
        marked[section_id] = replace(view, entries=entries)
    return marked


def under_page_notice(sections: Mapping[str, SectionView]) -> dict[str, SectionView]:
    """The sections as a page whose prose is the English shows them: without each part's
    own "not translated yet" notice, as the page's notice above them already says the
    page is in English (a reader saw it once for the page, then again on every card).
    The parts keep their language tag.

    Example: ``under_page_notice(sections)["leisure"].entries[0].notice`` -> None, where
    ``sections["leisure"].entries[0].notice`` is "This part has not been translated yet."
    """
    return {
        key: replace(
            view,
            notice=None,
            entries=tuple(replace(entry, notice=None) for entry in view.entries),
        )
        for key, view in sections.items()
    }


def _due_row(
    kind: str,
    kind_label: str,
    row_id: str,
    title: str,
    owner: str | None,
    url: str,
    state: TextState,
    label: str,
    words: Words,
) -> ReviewRow:
    date = state.english_checked_on
    review = ReviewView(
        last_reviewed=words.date(date),
        last_reviewed_iso=date.isoformat(),
        next_due=words.date(date),
        next_due_iso=date.isoformat(),
        state=ReviewState.overdue.value,
        label=label,
        due_soon_days=0,
    )
    return ReviewRow(kind, kind_label, row_id, title, owner, url, review)


def translation_rows(
    data: SiteData, sections: Mapping[str, SectionView], words: Words
) -> tuple[ReviewRow, ...]:
    """A row like an overdue review for every translation whose English has changed since
    it was made, in every language, and every Easy Read text likewise.

    Untranslated parts are not listed: a council may translate only some sections.
    """
    rows: list[ReviewRow] = []
    for language in data.settings.languages:
        found = data.languages.get(language.code, LanguageData(language.code))
        kind_label = words("translation.review_kind", language=language.name)
        for section_id, section in data.offer.items():
            translation = found.offer.get(section_id)
            if translation is None:
                continue
            made_from = {key: item.made_from for key, item in translation.entries.items()}
            states = section_states(section, made_from, translation.made_from)
            view = sections[section_id]
            label = words("translation.review_status")
            if states.section.freshness is Freshness.changed:
                rows.append(
                    _due_row(
                        "translation",
                        kind_label,
                        f"{language.code}/{section_id}",
                        section.title,
                        section.owner,
                        f"{language.code}/{view.url}",
                        states.section,
                        label,
                        words,
                    )
                )
            for entry in view.entries:
                state = states.entries[entry.id]
                if state.freshness is Freshness.changed:
                    title = words("review.entry_title", entry=entry.title, section=section.title)
                    rows.append(
                        _due_row(
                            "translation",
                            kind_label,
                            f"{language.code}/{entry.id}",
                            title,
                            section.owner,
                            f"{language.code}/{entry.url}",
                            state,
                            label,
                            words,
                        )
                    )
    for section_id, section in data.offer.items():
        view = sections[section_id]
        for english, entry_view in zip(section.entries, view.entries, strict=True):
            easy = easy_read_state(english, section)
            if easy is not None and easy.freshness is Freshness.changed:
                title = words("review.entry_title", entry=english.title, section=section.title)
                url = f"{view.easy_read_url}#{english.id}" if view.easy_read_url else entry_view.url
                rows.append(
                    _due_row(
                        "easy_read",
                        words("easy_read.review_kind"),
                        f"easy-read/{english.id}",
                        title,
                        section.owner,
                        url,
                        easy,
                        words("easy_read.review_status"),
                        words,
                    )
                )
    return tuple(rows)
