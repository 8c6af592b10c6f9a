"""The Easy Read version of a section: short sentences, one idea per line, a picture each.

Built from ``easy_read:`` in each entry, with the freshness rules of a translation: the
text records the fingerprint of the English entry it was written from, and once that
English changes the page shows the usual words with a notice until it is rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.offer import SectionView
from macros.derive.translations import Freshness, easy_read_state
from macros.validate.model import OfferSection
from macros.words import Words


@dataclass(frozen=True)
class EasyReadLineView:
    picture: str
    """Name of a picture in ``overrides/assets/easy-read/`` (without ``.svg``)."""
    text: str


@dataclass(frozen=True)
class EasyReadEntryView:
    id: str
    title: str
    url: str
    """The entry in the usual words, on its section's page."""
    lines: tuple[EasyReadLineView, ...]
    """Empty when the Easy Read text is missing or out of date."""
    notice: str | None
    summary_html: Markup
    """The usual words, shown when there are no current lines."""
    content_lang: str | None = None
    """The English's language tag when the title and usual words are shown in English on
    a page in another language (as ``EntryView.content_lang``)."""


@dataclass(frozen=True)
class EasyReadView:
    section_id: str
    title: str
    entries: tuple[EasyReadEntryView, ...]
    lines_lang: str | None = None
    """The English's language tag on a page in another language: Easy Read lines are
    written in English only, and are marked so (read aloud as English, left to right)."""


def easy_read_view(
    section: OfferSection, view: SectionView, words: Words, english_tag: str | None = None
) -> EasyReadView:
    """The Easy Read view of one section, from its English data and its view (in the
    page's language); ``english_tag`` when that language is not English.

    Example: an entry whose ``easy_read.made_from`` is its current fingerprint gets its
    lines; any other gets the usual summary and a notice saying why.
    """
    entries = []
    for entry, entry_view in zip(section.entries, view.entries, strict=True):
        state = easy_read_state(entry, section)
        current = state is not None and state.freshness is Freshness.current
        lines = (
            tuple(EasyReadLineView(line.picture.value, line.text) for line in entry.easy_read.lines)
            if current and entry.easy_read is not None
            else ()
        )
        if current:
            notice = None
        elif state is not None and state.freshness is Freshness.changed:
            notice = words("easy_read.changed", date=words.date(state.english_checked_on))
        else:
            notice = words("easy_read.missing")
        entries.append(
            EasyReadEntryView(
                entry.id,
                entry_view.title,
                entry_view.url,
                lines,
                notice,
                entry_view.summary_html,
                entry_view.content_lang,
            )
        )
    return EasyReadView(view.id, view.title, tuple(entries), english_tag)
