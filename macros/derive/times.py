"""Opening times written for people: "Thursday, 17:30 to 19:30, every other week"."""

from __future__ import annotations

import datetime as dt

from macros.validate.model.times import Every, OpeningTime, Weekday
from macros.words import Words

_DAY_INDEX = {day: index for index, day in enumerate(Weekday)}


def _clock(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def opening_text(opening: OpeningTime, words: Words) -> str:
    """One pattern of opening in plain words.

    >>> from macros.words import load_words
    >>> time = OpeningTime(days=["thursday"], opens="17:30", closes="19:30", every="2 weeks")
    >>> opening_text(time, load_words("en-GB"))
    'Thursday, 17:30 to 19:30, every other week'
    >>> weekdays = OpeningTime(days=["monday", "friday"], opens="09:00", closes="17:00")
    >>> opening_text(weekdays, load_words("en-GB"))
    'Monday and Friday, 09:00 to 17:00'
    """
    days = words.join([words.weekday(_DAY_INDEX[day]) for day in opening.days])
    text = words(
        "times.line",
        days=days,
        opens=words.time(_clock(opening.opens)),
        closes=words.time(_clock(opening.closes)),
    )
    if opening.every is not Every.week:
        text = words(
            "times.every_line", line=text, every=words(f"times.every.{opening.every.name}")
        )
    if opening.starting is not None and opening.every is not Every.week:
        text = words("times.starting", line=text, date=words.date(opening.starting))
    if opening.note:
        text = words("times.note", line=text, note=opening.note)
    return text
