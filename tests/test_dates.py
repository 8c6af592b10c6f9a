"""macros.dates: the build date and how dates are written."""

from __future__ import annotations

import datetime as dt

from macros.derive.dates import format_date, today


def test_today_uses_source_date_epoch() -> None:
    assert today({"SOURCE_DATE_EPOCH": "1795392000"}) == dt.date(2026, 11, 23)


def test_today_without_epoch_is_the_real_date() -> None:
    assert today({}) == dt.date.today()


def test_format_date_has_no_leading_zero() -> None:
    assert format_date(dt.date(2026, 4, 1)) == "1 April 2026"
    assert format_date(dt.date(2024, 2, 29)) == "29 February 2024"
