"""Phone numbers as tap-to-call and tap-to-text link targets."""

from __future__ import annotations

import re


def tel_href(number: str) -> str:
    """A tap-to-call link target from a number as people write it.

    >>> tel_href("01632 960 100")
    'tel:+441632960100'
    >>> tel_href("999")
    'tel:999'
    """
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("0") and len(digits) > 6:
        digits = "+44" + digits[1:]
    return f"tel:{digits}"


def sms_href(number: str) -> str:
    """A tap-to-text link target.

    >>> sms_href("07700 900 100")
    'sms:+447700900100'
    """
    return "sms:" + tel_href(number).removeprefix("tel:")
