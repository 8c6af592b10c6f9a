"""macros.validate.model.times: opening times written 24-hour, days named once, closing
after opening, and how often."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.load.yaml_file import parse_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model.times import Every, OpeningTime, Weekday
from tests.validate.fixture_files import fixture_text

TIME_RULE = 'must be a time written 24-hour in quotes, such as "09:00" or "17:30"'


def opening(text: str) -> OpeningTime:
    return validate(parse_yaml(text.encode(), "data/places.yml"), OpeningTime)


def problems(text: str) -> list[str]:
    """The messages for ``text``, one YAML mapping of an opening time."""
    with pytest.raises(DataError) as caught:
        opening(text)
    return [f"{problem.field}: {problem.message}" for problem in caught.value.problems]


def test_an_opening_time_with_every_field() -> None:
    time = opening(
        'days: [thursday]\nopens: "17:30"\ncloses: "19:30"\nevery: 2 weeks\n'
        "starting: 2026-01-08\nnote: except bank holidays\n"
    )
    assert time.days == [Weekday.thursday]
    assert (time.opens, time.closes) == ("17:30", "19:30")
    assert time.every is Every.two_weeks
    assert time.starting == dt.date(2026, 1, 8)
    assert time.note == "except bank holidays"


def test_every_defaults_to_each_week_and_starting_to_none() -> None:
    time = opening('days: [monday, friday]\nopens: "09:00"\ncloses: "17:00"\n')
    assert (time.every, time.starting, time.note) == (Every.week, None, None)


def test_the_fixture_site_writes_opening_times_that_load() -> None:
    """Every place's and entry's times in the fixture site are of this model."""
    assert '"17:30"' in fixture_text("data/offer/always-current.yml")
    assert 'opens: "09:00"' in fixture_text("data/places.yml")


@pytest.mark.parametrize(
    ("opens", "closes"), [("00:00", "09:00"), ("12:30", "23:59"), (" 08:15 ", "08:16")]
)
def test_24_hour_times_are_allowed(opens: str, closes: str) -> None:
    time = opening(f'days: [monday]\nopens: "{opens}"\ncloses: "{closes}"\n')
    assert (time.opens, time.closes) == (opens.strip(), closes)


@pytest.mark.parametrize("value", ["5.30pm", "9:00", "24:00", "12:60", "0900", "noon", "9am"])
def test_a_time_not_written_24_hour_says_what_was_typed(value: str) -> None:
    assert problems(f'days: [monday]\nopens: "{value}"\ncloses: "23:00"\n') == [
        f"opens: {TIME_RULE}; got '{value}'"
    ]


def test_an_unquoted_time_that_yaml_reads_as_a_number_is_shown_as_typed() -> None:
    """YAML 1.1 reads 17:30 without quotes as the number 1050: show 17:30, never 1050."""
    (message,) = problems('days: [monday]\nopens: 17:30\ncloses: "19:00"\n')
    assert message == f"opens: {TIME_RULE}; got '17:30'"
    assert "1050" not in message


@pytest.mark.parametrize("closes", ["08:00", "09:00"])
def test_closing_must_be_after_opening(closes: str) -> None:
    assert problems(f'days: [monday]\nopens: "09:00"\ncloses: "{closes}"\n') == [
        f"closes: must be later than opens (09:00); got '{closes}'"
    ]


def test_a_day_named_twice_is_named_in_the_message() -> None:
    assert problems('days: [tuesday, thursday, tuesday]\nopens: "10:00"\ncloses: "16:00"\n') == [
        "days: names tuesday twice; name each day once; got a list of 3 items"
    ]


def test_an_unknown_day_gets_its_close_match() -> None:
    assert problems('days: [tues]\nopens: "10:00"\ncloses: "16:00"\n') == [
        "days[1]: must be one of: monday, tuesday, wednesday, thursday, friday, saturday, "
        "sunday; got 'tues'; did you mean 'tuesday'?"
    ]


def test_at_least_one_day() -> None:
    assert problems('days: []\nopens: "10:00"\ncloses: "16:00"\n') == [
        "days: must have at least 1 item, found 0"
    ]


def test_how_often_is_one_of_the_allowed_words() -> None:
    assert problems('days: [friday]\nopens: "10:00"\ncloses: "16:00"\nevery: fortnight\n') == [
        "every: must be one of: week, 2 weeks, 4 weeks, month; got 'fortnight'"
    ]
