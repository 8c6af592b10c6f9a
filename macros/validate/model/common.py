"""Building blocks shared by every data file's model."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

REVIEW_INTERVAL_PATTERN = r"^[1-9][0-9]* (week|weeks|month|months|year|years)$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _uk_phone(value: str) -> str:
    digits = re.sub(r"[\s()-]", "", value)
    if not re.fullmatch(r"(\+44|0)[0-9]{7,10}|[0-9]{3,6}", digits):
        raise ValueError("must be a UK phone number such as 01632 960 100")
    return value


PhoneNumber = Annotated[str, AfterValidator(_uk_phone)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
ReviewInterval = Annotated[str, Field(pattern=REVIEW_INTERVAL_PATTERN)]
Text = Annotated[str, Field(min_length=1)]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=2, max_length=60)]


def _plain(value: str) -> str:
    if re.search(r"[<>]|\{\{|\{%", value):
        raise ValueError("must be plain text: no < > and no {{ or {%")
    return value


# Text that is placed straight into pages and the theme, so it may not carry markup.
PlainText = Annotated[str, Field(min_length=1), AfterValidator(_plain)]
