"""Amounts of money written for people, and which apply on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.language_marks import lang_span
from macros.validate.model import Amount
from macros.words import Words


@dataclass(frozen=True)
class AmountView:
    text: Markup
    """E.g. "£57.90 a week, from 1 April 2026" or "Up to £3,000, paid once", as HTML: a
    note in it may be marked as English on another language's page."""
    value: str
    from_iso: str
    upcoming: bool
    """True for an amount that starts after the build date."""


def amount_value_text(amount: Amount, words: Words) -> str:
    """The amount itself, as it reads inside a sentence: "£35 a year", "up to £3,000, paid once".

    >>> from macros.words import load_words
    >>> grant = Amount(value=3000, per="once", up_to=True, **{"from": dt.date(2020, 4, 1)})
    >>> amount_value_text(grant, load_words("en-GB"))
    'up to £3,000, paid once'
    """
    text = words(f"amounts.{amount.per.value}", value=words.money(amount.value))
    return words("amounts.up_to_in_sentence", amount=text) if amount.up_to else text


def amount_text(
    amount: Amount,
    words: Words,
    today: dt.date,
    lang_of: Callable[[str | None], str | None] | None = None,
) -> Markup:
    """An amount in plain words, as HTML; the start date is said when it is recent or
    still to come.

    ``lang_of`` gives the language tag of a note or "for whom" still in English on a page
    in another language: that part is marked, so that a screen reader reads it as English.

    >>> from decimal import Decimal
    >>> from macros.words import load_words
    >>> en = load_words("en-GB")
    >>> weekly = Amount(value=Decimal("57.90"), per="week", **{"from": dt.date(2026, 4, 1)})
    >>> str(amount_text(weekly, en, dt.date(2026, 11, 23)))
    '£57.90 a week, from 1 April 2026'
    >>> grant = Amount(value=3000, per="once", up_to=True, **{"from": dt.date(2020, 4, 1)})
    >>> str(amount_text(grant, en, dt.date(2026, 11, 23)))
    'Up to £3,000, paid once'
    >>> fare = Amount(value=35, per="year", note="<Each> time", **{"from": dt.date(2020, 4, 1)})
    >>> str(amount_text(fare, en, dt.date(2026, 11, 23), lambda text: "en-GB"))
    '£35 a year (<span lang="en-GB" dir="ltr">&lt;Each&gt; time</span>)'
    """
    note_lang = lang_of(amount.note) if lang_of else None
    who_lang = lang_of(amount.for_whom) if lang_of else None
    text = words.markup(f"amounts.{amount.per.value}", value=words.money(amount.value))
    if amount.for_whom:
        who = lang_span(amount.for_whom, who_lang)
        text = words.markup("amounts.for", amount=amount_value_text(amount, words), who=who)
    elif amount.up_to:
        text = words.markup("amounts.up_to", amount=text)
    if amount.note:
        note = lang_span(amount.note, note_lang)
        text = words.markup("amounts.note", amount=text, note=note)
    if (today - amount.from_date).days < 365:
        text = words.markup("amounts.from", amount=text, date=words.date(amount.from_date))
    if amount.to_date is not None:
        text = words.markup("amounts.until", amount=text, date=words.date(amount.to_date))
    return text


def amounts_shown(
    amounts: Iterable[Amount],
    words: Words,
    today: dt.date,
    lang_of: Callable[[str | None], str | None] | None = None,
) -> tuple[AmountView, ...]:
    """The amounts in force on ``today`` and those still to come; ended ones are left out."""
    return tuple(
        AmountView(
            text=amount_text(amount, words, today, lang_of),
            value=words.money(amount.value),
            from_iso=amount.from_date.isoformat(),
            upcoming=amount.from_date > today,
        )
        for amount in amounts
        if amount.to_date is None or amount.to_date >= today
    )
