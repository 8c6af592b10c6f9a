"""Building blocks shared by every data file's model."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl

REVIEW_INTERVAL_PATTERN = r"^[1-9][0-9]* (week|weeks|month|months|year|years)$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CODE_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _uk_phone(value: str) -> str:
    digits = re.sub(r"[\s()-]", "", value)
    if not re.fullmatch(r"(\+44|0)[0-9]{7,10}|[0-9]{3,6}", digits):
        raise ValueError("must be a UK phone number such as 01632 960 100")
    return value


def _no_control_characters(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise ValueError(
            f"contains an invisible control character (U+{ord(found.group()):04X}); "
            "delete it and type the text again"
        )
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _https(value: HttpUrl) -> HttpUrl:
    if value.scheme != "https":
        raise ValueError("must be a full web address starting with https://")
    return value


def _markdown_marker(schema: dict[str, object]) -> None:
    schema["contentMediaType"] = "text/markdown"


PhoneNumber = Annotated[str, AfterValidator(_uk_phone)]
Email = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
    ),
]
ReviewInterval = Annotated[str, Field(pattern=REVIEW_INTERVAL_PATTERN)]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=2, max_length=60)]
Code = Annotated[str, Field(pattern=CODE_PATTERN, min_length=2, max_length=60)]
"""A name from a list of kinds (areas, types of organisation): words joined by underscores."""
HttpsUrl = Annotated[HttpUrl, AfterValidator(_https)]
"""A web address; only https:// (a link that is not encrypted can be changed on the way)."""

Text = Annotated[str, Field(min_length=1), AfterValidator(_no_control_characters)]
"""Plain text: shown exactly as written, whatever characters it holds (escaped on pages)."""


class _Markdown:
    """Marks a text field in which Markdown is allowed (see ``MarkdownText``)."""

    def __repr__(self) -> str:
        return "MARKDOWN"


MARKDOWN = _Markdown()

MarkdownText = Annotated[
    str,
    MARKDOWN,
    Field(min_length=1, json_schema_extra=_markdown_marker),
    AfterValidator(_no_control_characters),
]
"""Text in which Markdown is allowed (**bold**, [links](https://...), lists); turned into HTML
and sanitised by ``macros/derive/markdown.py``, the one sanitiser."""
