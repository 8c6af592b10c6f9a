"""macros.derive.dates: the build date; dates are written for people by the words."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.dates import today
from macros.words import load_words
from tests.conftest import BUILD_DATE, FROZEN_EPOCH


def test_today_uses_source_date_epoch() -> None:
    assert today({"SOURCE_DATE_EPOCH": "1795392000"}) == dt.date(2026, 11, 23)
    assert today({"SOURCE_DATE_EPOCH": FROZEN_EPOCH}) == BUILD_DATE


def test_the_epoch_is_read_in_utc() -> None:
    # 23:59:59 UTC on 22 November 2026 is still the 22nd, wherever the build runs.
    assert today({"SOURCE_DATE_EPOCH": str(1795392000 - 1)}) == dt.date(2026, 11, 22)


def test_today_without_epoch_is_the_real_date() -> None:
    assert today({}) == dt.date.today()
    assert today({"SOURCE_DATE_EPOCH": "  "}) == dt.date.today()


def test_today_reads_the_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
    assert today() == BUILD_DATE


def test_dates_are_written_without_a_leading_zero() -> None:
    words = load_words("en-GB")
    assert words.date(dt.date(2026, 4, 1)) == "1 April 2026"
    assert words.date(dt.date(2024, 2, 29)) == "29 February 2024"


def test_a_date_written_as_text_is_refused() -> None:
    with pytest.raises(TypeError, match="expected a date"):
        load_words("en-GB").date("2026-04-01")  # type: ignore[arg-type]
