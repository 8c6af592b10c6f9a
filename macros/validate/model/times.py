"""When something is open or on: weekdays, times and how often (``every: 2 weeks``)."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, field_validator

from .common import Strict, Text


class Weekday(StrEnum):
    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"


class Every(StrEnum):
    """How often it is on."""

    week = "week"
    two_weeks = "2 weeks"
    four_weeks = "4 weeks"
    month = "month"


_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _time_of_day(value: object) -> object:
    """Times are written 24-hour, "17:30"; YAML reads an unquoted 17:30 as a number."""
    if isinstance(value, str) and _TIME.match(value.strip()):
        return value.strip()
    # The message adds what was typed ("; got '5.30pm'").
    raise ValueError('must be a time written 24-hour in quotes, such as "09:00" or "17:30"')


TimeOfDay = Annotated[str, BeforeValidator(_time_of_day)]


def _days(value: list[Weekday]) -> list[Weekday]:
    twice = [day for i, day in enumerate(value) if day in value[:i]]
    if twice:
        raise ValueError(f"names {twice[0]} twice; name each day once")
    return value


class OpeningTime(Strict):
    """One pattern of opening: ``{days: [thursday], opens: "17:30", closes: "19:30",
    every: 2 weeks, starting: 2026-01-08}`` is every other Thursday evening."""

    days: Annotated[list[Weekday], AfterValidator(_days)] = Field(
        min_length=1, description="Days it is open, e.g. [monday, tuesday]."
    )
    opens: TimeOfDay = Field(description='Opening time, 24-hour, in quotes: "09:00".')
    closes: TimeOfDay = Field(description='Closing time, 24-hour, in quotes: "17:00".')
    every: Every = Field(
        Every.week, description="How often: week, 2 weeks, 4 weeks or month (default week)."
    )
    starting: dt.date | None = Field(
        None, description="A date it is on, so that 'every 2 weeks' says which weeks."
    )
    note: Text | None = Field(None, description="Anything else, e.g. 'except bank holidays'.")

    @field_validator("closes")
    @classmethod
    def _after_opening(cls, value: str, info: ValidationInfo) -> str:
        opens = info.data.get("opens")
        if opens is not None and value <= opens:
            raise ValueError(f"must be later than opens ({opens})")
        return value
