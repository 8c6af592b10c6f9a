"""Opening times written for people: "Thursday, 17:30 to 19:30, every other week"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from macros.derive.language_marks import lang_span
from macros.validate.model.times import Every, OpeningTime, Weekday
from macros.words import Words

_DAY_INDEX = {day: index for index, day in enumerate(Weekday)}


def _clock(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def opening_text(opening: OpeningTime, words: Words) -> str:
    """One pattern of opening in plain words (as the Open Referral feed says it).

    >>> from macros.words import load_words
    >>> time = OpeningTime(days=["thursday"], opens="17:30", closes="19:30", every="2 weeks")
    >>> opening_text(time, load_words("en-GB"))
    'Thursday, 17:30 to 19:30, every other week'
    >>> weekdays = OpeningTime(days=["monday", "friday"], opens="09:00", closes="17:00")
    >>> opening_text(weekdays, load_words("en-GB"))
    'Monday and Friday, 09:00 to 17:00'
    """
    return str(_opening(opening, words, words, opening.note or ""))


def opening_html(opening: OpeningTime, words: Words, note_lang: str | None = None) -> Markup:
    """One pattern of opening in plain words, as HTML for a page: its note is marked as
    ``note_lang`` when it is shown in English on another language's page, so that a
    screen reader reads it as English.

    >>> from macros.words import load_words
    >>> time = OpeningTime(days=["saturday"], opens="10:00", closes="12:00", note="<Phone> only")
    >>> str(opening_html(time, load_words("en-GB"), "en-GB"))
    'Saturday, 10:00 to 12:00 (<span lang="en-GB" dir="ltr">&lt;Phone&gt; only</span>)'
    >>> str(opening_html(time, load_words("en-GB")))
    'Saturday, 10:00 to 12:00 (&lt;Phone&gt; only)'
    """
    return Markup(_opening(opening, words, words.markup, lang_span(opening.note or "", note_lang)))


def _opening(opening: OpeningTime, catalogue: Words, words: Callable[..., Any], note: str) -> Any:
    # ``words`` says each line: ``catalogue`` itself for plain text, ``catalogue.markup``
    # for HTML. It keeps the name ``words`` so that tests/words/test_catalogue.py sees
    # the keys used here.
    days = catalogue.join([catalogue.weekday(_DAY_INDEX[day]) for day in opening.days])
    text = words(
        "times.line",
        days=days,
        opens=catalogue.time(_clock(opening.opens)),
        closes=catalogue.time(_clock(opening.closes)),
    )
    if opening.every is not Every.week:
        text = words(
            "times.every_line", line=text, every=words(f"times.every.{opening.every.name}")
        )
    if opening.starting is not None and opening.every is not Every.week:
        text = words("times.starting", line=text, date=catalogue.date(opening.starting))
    if opening.note:
        text = words("times.note", line=text, note=note)
    return text
