"""Dates for people: today's date for reproducible builds, and UK formatting."""

from __future__ import annotations

import datetime as dt
import os


def today(environ: dict[str, str] | None = None) -> dt.date:
    """The build date: ``SOURCE_DATE_EPOCH`` (UTC) when set, else the real date.

    >>> today({"SOURCE_DATE_EPOCH": "1775001600"})
    datetime.date(2026, 4, 1)
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def format_date(value: dt.date) -> str:
    """Write a date the GOV.UK way.

    >>> format_date(dt.date(2026, 4, 1))
    '1 April 2026'
    """
    return f"{value.day} {value:%B %Y}"
