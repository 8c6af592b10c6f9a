"""What changed in the offer, newest first: worked out from the data, plus editors' notes.

- an amount that went up or down: two amounts for the same thing, the later one's ``from``
  date is the change (an amount still to come is listed too, dated when it starts);
- an entry added: its ``added_on`` date;
- a section or the arrangements checked: their ``last_reviewed_on``;
- what the data cannot show (an entry removed): ``data/changes.yml``.
Also the amounts nobody has changed for more than a year, for reviewers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.language_marks import lang_span
from macros.derive.markdown import markdown_inline
from macros.derive.money import amount_value_text
from macros.derive.offer import SectionView
from macros.validate.model import Amount, ChangesFile, OfferSection
from macros.words import Words

STALE_AFTER_DAYS = 365
FEED_PATH = "changes.xml"
"""Where the Atom feed of the changes is published (``macros/publish/feed.py``)."""


@dataclass(frozen=True)
class ChangeView:
    on: dt.date
    on_text: str
    kind: str
    """``amount``, ``added``, ``reviewed`` or ``note``."""
    html: Markup
    """What changed, in plain words (escaped, or sanitised Markdown for editors' notes)."""
    url: str | None
    key: str
    """Stable identity of the change, for feeds."""


KIND_ORDER = ("amount", "added", "note", "reviewed")
"""Within a day, what matters most to a care leaver first: money, then what is new."""


@dataclass(frozen=True)
class ChangeMonth:
    """The changes of one month, for a page that lists them under a heading per month."""

    month_text: str
    """"November 2026"."""
    id: str
    """For the heading's anchor: ``changes-2026-11``."""
    changes: tuple[ChangeView, ...]
    day_texts: tuple[str, ...]
    """Each change's day without the year ("2 November"), in the same order."""


def change_months(changes: Iterable[ChangeView], words: Words) -> tuple[ChangeMonth, ...]:
    """The changes grouped by month, newest month first; within a day, money first.

    >>> import datetime as dt
    >>> from markupsafe import Markup
    >>> from macros.derive.changes import ChangeView
    >>> def change(day, kind):
    ...     return ChangeView(dt.date(2026, 4, day), "", kind, Markup(kind), None, kind)
    >>> months = change_months([change(1, "reviewed"), change(1, "amount"), change(9, "added")], EN)
    >>> [(m.month_text, [c.kind for c in m.changes], m.day_texts) for m in months]
    [('April 2026', ['added', 'amount', 'reviewed'], ('9 April', '1 April', '1 April'))]
    """
    ordered = sorted(
        changes, key=lambda change: (-change.on.toordinal(), KIND_ORDER.index(change.kind))
    )
    months = []
    for (year, month), group in itertools.groupby(
        ordered, key=lambda change: (change.on.year, change.on.month)
    ):
        listed = tuple(group)
        months.append(
            ChangeMonth(
                words.month(listed[0].on),
                f"changes-{year}-{month:02d}",
                listed,
                tuple(words.day(change.on) for change in listed),
            )
        )
    return tuple(months)


@dataclass(frozen=True)
class StaleAmount:
    entry_title: str
    url: str
    amount: str
    since: str
    since_iso: str


def _amount_changes(
    entry_id: str, title: str, url: str, amounts: list[Amount], words: Words
) -> list[ChangeView]:
    changes = []
    groups: dict[tuple[str | None, str], list[Amount]] = {}
    for amount in amounts:
        groups.setdefault((amount.for_whom, amount.per.value), []).append(amount)
    for number, (_, group) in enumerate(groups.items(), start=1):
        # Amounts for different people (``for``) may change on one day: each its own key.
        suffix = f"-{number}" if number > 1 else ""
        ordered = sorted(group, key=lambda amount: amount.from_date)
        for before, after in itertools.pairwise(ordered):
            kind = "amounts.went_up" if after.value > before.value else "amounts.went_down"
            text = words.markup(
                kind,
                title=words.markup("changes.title_for", title=title, who=after.for_whom)
                if after.for_whom
                else title,
                old=amount_value_text(before, words),
                new=amount_value_text(after, words),
            )
            changes.append(
                ChangeView(
                    after.from_date,
                    words.date(after.from_date),
                    "amount",
                    text,
                    url,
                    f"amount-{entry_id}-{after.from_date.isoformat()}{suffix}",
                )
            )
    return changes


def change_views(
    offer: Mapping[str, OfferSection],
    sections: Mapping[str, SectionView],
    notes: ChangesFile | None,
    arrangements: tuple[str, dt.date, str | None, str | None] | None,
    words: Words,
    notes_lang: str | None = None,
) -> tuple[ChangeView, ...]:
    """Every change, newest first (an amount still to come is first of all).

    ``arrangements`` is (title, last reviewed, page URL, the title's language tag when it
    is not the page's) of the arrangements, if any. A title shown in English on another
    language's page is marked so (its view's ``content_lang``), and so is each editor's
    note with ``notes_lang`` (data/changes.yml is in the site's own language only).
    """
    changes: list[ChangeView] = []
    for section_id, section in offer.items():
        view = sections[section_id]
        changes.append(
            ChangeView(
                section.last_reviewed_on,
                words.date(section.last_reviewed_on),
                "reviewed",
                words.markup("changes.reviewed", title=lang_span(section.title, view.content_lang)),
                view.url,
                f"reviewed-{section_id}-{section.last_reviewed_on.isoformat()}",
            )
        )
        for entry, entry_view in zip(section.entries, view.entries, strict=True):
            title = lang_span(entry.title, entry_view.content_lang)
            changes += _amount_changes(entry.id, title, entry_view.url, entry.amounts, words)
            if entry.added_on is not None:
                changes.append(
                    ChangeView(
                        entry.added_on,
                        words.date(entry.added_on),
                        "added",
                        words.markup("changes.added", title=title),
                        entry_view.url,
                        f"added-{entry.id}",
                    )
                )
    if arrangements is not None:
        title, reviewed_on, url, lang = arrangements
        changes.append(
            ChangeView(
                reviewed_on,
                words.date(reviewed_on),
                "reviewed",
                words.markup("changes.reviewed", title=lang_span(title, lang)),
                url,
                f"reviewed-arrangements-{reviewed_on.isoformat()}",
            )
        )
    on_the_day: dict[dt.date, int] = {}
    for note in notes.changes if notes else []:
        shown = sections.get(note.section) if note.section else None
        html = markdown_inline(note.what)
        html = Markup(lang_span(html, notes_lang))
        # The page links a change to its section: not a note with a link of its own,
        # as a link inside a link is not HTML.
        section_url = shown.url if shown is not None and "<a " not in html else None
        # Numbered within its day, so that a note added on another day keeps the keys.
        index = on_the_day[note.date] = on_the_day.get(note.date, -1) + 1
        changes.append(
            ChangeView(
                note.date,
                words.date(note.date),
                "note",
                html,
                section_url,
                f"note-{note.date.isoformat()}-{index}",
            )
        )
    return tuple(sorted(changes, key=lambda change: (change.on, change.key), reverse=True))


def stale_amounts(
    offer: Mapping[str, OfferSection],
    sections: Mapping[str, SectionView],
    words: Words,
    today: dt.date,
) -> tuple[StaleAmount, ...]:
    """Amounts in force whose value has not changed for more than a year, oldest first."""
    stale = []
    for section_id, section in offer.items():
        for entry, view in zip(section.entries, sections[section_id].entries, strict=True):
            for amount in _in_force(entry.amounts, today):
                if (today - amount.from_date).days > STALE_AFTER_DAYS:
                    stale.append(
                        StaleAmount(
                            entry.title,
                            view.url,
                            amount_value_text(amount, words),
                            words.date(amount.from_date),
                            amount.from_date.isoformat(),
                        )
                    )
    return tuple(sorted(stale, key=lambda item: (item.since_iso, item.entry_title)))


def _in_force(amounts: Iterable[Amount], today: dt.date) -> list[Amount]:
    return [
        amount
        for amount in amounts
        if amount.from_date <= today and (amount.to_date is None or amount.to_date >= today)
    ]
