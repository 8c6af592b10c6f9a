"""The build date: what "today" is for review statuses and publishing rules.

Dates are written for people by the words of the interface (``macros/words``).
"""

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
