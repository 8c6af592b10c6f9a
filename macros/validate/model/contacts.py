"""Ways to get in touch: phone numbers with what each is for, and links."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .common import Email, HttpsUrl, PhoneNumber, Strict, Text


class PhonePurpose(StrEnum):
    main = "main"
    mobile = "mobile"
    text = "text"
    """Text messages only: a tap-to-text link."""
    out_of_hours = "out_of_hours"


class Phone(Strict):
    number: PhoneNumber = Field(description='The number, in quotes, e.g. "01632 960 100".')
    purpose: PhonePurpose = Field(
        PhonePurpose.main,
        description="main, mobile, text (text messages only) or out_of_hours (default main).",
    )
    note: Text | None = Field(None, description="When to use it, e.g. 'weekdays 9am to 5pm'.")


def _phone_shorthand(value: Any) -> Any:
    """``- "01632 960 100"`` is a main number: the short way to write one."""
    return {"number": value} if isinstance(value, str) else value


PhoneItem = Annotated[
    Phone, BeforeValidator(_phone_shorthand, json_schema_input_type=PhoneNumber | Phone)
]


class Link(Strict):
    text: Text = Field(description="What the link is, e.g. 'Our Instagram'.")
    url: HttpsUrl = Field(description="The address, starting https://.")


class EntryContact(Strict):
    phones: list[PhoneItem] = Field(
        default_factory=list,
        description='Phone numbers, each "in quotes" or with number:, purpose: and note:.',
        examples=[['"01632 960 100"']],
    )
    email: Email | None = Field(
        None, description="Email address.", examples=["leaving.care@example.org"]
    )
    web: HttpsUrl | None = Field(
        None,
        description="Web page with more details, starting https://.",
        examples=["https://www.example.org/leaving-care"],
    )
    links: list[Link] = Field(
        default_factory=list, description="Other links, such as a social media account."
    )
