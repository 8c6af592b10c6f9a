"""macros.derive.phones: tap-to-call and tap-to-text link targets."""

from __future__ import annotations

import pytest

from macros.derive.phones import sms_href, tel_href


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("01632 960 100", "tel:+441632960100"),
        ("(01632) 960-100", "tel:+441632960100"),
        ("07700 900 010", "tel:+447700900010"),
        ("+44 1632 960 100", "tel:+441632960100"),
        ("116 123", "tel:116123"),
        ("999", "tel:999"),
        ("0800 1111", "tel:+448001111"),
        ("101", "tel:101"),
    ],
)
def test_tel_href_uses_international_format(number: str, href: str) -> None:
    assert tel_href(number) == href


def test_short_numbers_starting_with_0_are_left_alone() -> None:
    assert tel_href("0300") == "tel:0300"


def test_sms_href() -> None:
    assert sms_href("07700 900 010") == "sms:+447700900010"
    assert sms_href("85258") == "sms:85258"


def test_nothing_but_digits_and_plus_reaches_the_link() -> None:
    assert tel_href('01632 960 100" onclick="x') == "tel:+441632960100"
    assert tel_href("javascript:alert(1)") == "tel:1"
