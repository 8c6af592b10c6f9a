"""macros.validate.model.offer, amounts: exact pounds and pence, from a date, per a period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from macros.load.yaml_file import parse_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model import Amount, OfferSection
from macros.validate.model.offer import Per
from tests.validate.fixture_files import fixture_file

RANGE = "must be more than 0 and at most 100000"


def amount(text: str) -> Amount:
    return validate(parse_yaml(text.encode(), "data/offer/money.yml"), Amount)


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        amount(text)
    return [f"{problem.field}: {problem.message}" for problem in caught.value.problems]


def value_problems(value: str) -> list[str]:
    return problems(f"value: {value}\nper: week\nfrom: 2026-04-01\n")


def test_an_amount_with_every_field() -> None:
    loaded = amount(
        "value: 57.90\nper: week\nup_to: true\nfor: a couple\nfrom: 2026-04-01\n"
        "to: 2027-03-31\nnote: Set each April.\n"
    )
    assert loaded.value == Decimal("57.90")
    assert loaded.per is Per.week
    assert loaded.up_to is True
    assert (loaded.for_whom, loaded.note) == ("a couple", "Set each April.")
    assert (loaded.from_date, loaded.to_date) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_the_fixture_site_amounts_are_exact_decimals() -> None:
    section, _ = fixture_file("data/offer/always-overdue.yml", OfferSection)
    allowance = next(entry for entry in section.entries if entry.id == "money-at-16")
    (weekly,) = allowance.amounts
    assert weekly.value == Decimal("57.90") and isinstance(weekly.value, Decimal)
    assert weekly.value * 52 == Decimal("3010.80")  # exactly: never 3010.7999999999997


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("57.90", "57.90"),
        ("57.9", "57.9"),
        ("10", "10"),
        ('"57.90"', "57.90"),
        ('"1,200"', "1200"),
        ("0.01", "0.01"),
        ("100000", "100000"),
    ],
)
def test_pounds_and_pence_written_in_figures(typed: str, value: str) -> None:
    assert amount(f"value: {typed}\nper: once\nfrom: 2026-04-01\n").value == Decimal(value)


def test_a_letter_o_for_a_zero_is_named_as_typed() -> None:
    assert value_problems("57.9O") == [
        "value: must be an amount in pounds written in figures, such as 57.90; got '57.9O'"
    ]


@pytest.mark.parametrize("typed", ["£57.90", '"£ 57.90"', "$57.90", "57.90€"])
def test_a_currency_sign_is_refused_with_the_number_to_write(typed: str) -> None:
    (message,) = value_problems(typed)
    shown = typed.strip('"')
    assert message.startswith(
        f"value: must be the number only, without £: write 57.90 instead of {shown}"
    ), message


@pytest.mark.parametrize(
    ("typed", "shown"), [("-57.90", "'-57.90'"), ("0", "0"), ("100000.01", "100000.01")]
)
def test_an_amount_must_be_more_than_nothing_and_not_absurd(typed: str, shown: str) -> None:
    assert value_problems(typed) == [f"value: {RANGE}; got {shown}"]


def test_an_absurd_amount_over_100000() -> None:
    assert value_problems("250000") == [f"value: {RANGE}; got 250000"]


@pytest.mark.parametrize("typed", ["57.905", "0.001", "12.3456"])
def test_at_most_two_figures_after_the_point(typed: str) -> None:
    assert value_problems(typed) == [
        f"value: must be pounds and pence, at most two figures after the point; got {typed}"
    ]


def test_true_or_false_is_not_an_amount() -> None:
    assert value_problems("yes") == ["value: must be an amount in pounds, such as 57.90; got 'yes'"]


def test_per_is_one_of_the_periods() -> None:
    assert problems("value: 10\nper: fortnight\nfrom: 2026-04-01\n") == [
        "per: must be one of: once, week, month, year; got 'fortnight'"
    ]


def test_an_amount_needs_its_from_date() -> None:
    assert problems("value: 10\nper: once\n") == [
        "from: is required but missing; add 'from:' (the date it applies from)"
    ]


def test_to_may_not_be_before_from_but_may_be_the_same_day() -> None:
    assert problems("value: 10\nper: once\nfrom: 2026-04-01\nto: 2026-03-31\n") == [
        "to: must not be before from (2026-04-01); got 2026-03-31"
    ]
    one_day = amount("value: 10\nper: once\nfrom: 2026-04-01\nto: 2026-04-01\n")
    assert one_day.from_date == one_day.to_date
