"""Model of ``data/site.yml``: every council-specific word."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field

from .common import Email, HttpsUrl, Identifier, PhoneNumber, ReviewInterval, Strict, Text

HEADER_NAME_LENGTH = 22
"""Characters of the header name that fit a 360 px phone's header beside its two buttons."""


def _fits_the_header(value: str) -> str:
    if len(value) > HEADER_NAME_LENGTH:
        raise ValueError(
            f"must be at most {HEADER_NAME_LENGTH} characters, to fit a phone's header "
            f"(this has {len(value)})"
        )
    return value


HeaderName = Annotated[
    Text,
    AfterValidator(_fits_the_header),
    Field(json_schema_extra={"maxLength": HEADER_NAME_LENGTH}),
]

LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"


class Council(Strict):
    name: Text = Field(description="Full name of the council, e.g. 'Example County Council'.")
    short_name: Text = Field(description="Short name used in headings and the browser tab.")
    area_name: Text = Field(description="The place, as in 'children in <area>'.")
    website: HttpsUrl = Field(description="The council's main website.")


class Strategy(Strict):
    title: Text = Field(description="The strategy's own title, chosen with young people.")
    subtitle: Text = Field(description="What kind of document it is.")
    start_year: int = Field(ge=2000, le=2100, description="First year the strategy covers.")
    end_year: int = Field(ge=2000, le=2100, description="Last year the strategy covers.")
    offer_title: Text = Field(description="Name of the local offer for care leavers.")


class Boards(Strict):
    corporate_parenting: Text = Field(description="Board of councillors that oversees the plan.")
    children_in_care_council: Text = Field(description="Group of children in care.")
    care_leavers_forum: Text = Field(description="Group of care leavers.")
    partnership: Text = Field(description="Multi-agency partnership board.")


class Contact(Strict):
    team: Text = Field(description="Team care leavers contact.")
    phone: PhoneNumber = Field(description="Daytime phone number.")
    text: PhoneNumber | None = Field(None, description="Mobile number for text messages.")
    email: Email = Field(description="Team email address.")
    web: HttpsUrl = Field(description="Team web page.")
    opening_hours: Text = Field(description="When the phone line is answered.")
    out_of_hours_phone: PhoneNumber = Field(description="Emergency duty team number.")
    address: Text = Field(description="Postal address.")
    places: list[Identifier] = Field(
        default_factory=list, description="Where to find the team (data/places.yml)."
    )


class District(Strict):
    id: Identifier = Field(description="Name entries use for it, e.g. 'northdale'.")
    name: Text = Field(description="Its name, e.g. 'Northdale'.")


class Accessibility(Strict):
    email: Email = Field(description="Where to report an accessibility problem.")
    phone: PhoneNumber = Field(description="Phone number for accessibility problems.")
    response_days: int = Field(ge=1, le=60, description="Working days to reply.")
    statement_prepared_on: dt.date = Field(description="When the statement was first written.")
    statement_reviewed_on: dt.date = Field(description="When the statement was last reviewed.")
    last_tested_on: dt.date = Field(description="When the site was last tested.")


class ReviewSettings(Strict):
    default_review_in: ReviewInterval = Field(
        "6 months", description="Interval used when a section sets no review_in or review_by."
    )
    due_soon_days: int = Field(30, ge=0, le=366, description="Days before due counted 'due soon'.")
    fail_on_overdue: bool = Field(
        False, description="Make the review command exit non-zero when something is overdue."
    )


class HelpContact(Strict):
    name: Text = Field(description="Who to contact.")
    when: Text = Field(description="When to use it, in plain words.")
    phone: PhoneNumber | None = Field(None, description="Phone number.")
    text: Text | None = Field(None, description="Text message instructions.")
    web: HttpsUrl | None = Field(None, description="Web page.")


class Language(Strict):
    code: str = Field(
        pattern=LANGUAGE_PATTERN,
        description="Language tag, e.g. 'ar' (Arabic), 'vi' (Vietnamese), 'ps' (Pashto): its "
        "pages are built under <site>/<code>/ from data/offer/<section>.<code>.yml, "
        "data/site.<code>.yml and docs/<page>.<code>.md, with the words of the interface in "
        "macros/words/<code>.yml (in English until that file exists)",
    )
    name: Text = Field(
        description="The language's name in its own words, e.g. 'العربية': the language "
        "switcher shows it"
    )
    checked_by_translator: bool = Field(
        False,
        description="true once a qualified translator has checked the translations; until "
        "then every page in it says they have not been checked",
    )


class SiteSettings(Strict):
    """``data/site.yml``: every council-specific word."""

    language: str = Field(
        "en-GB",
        pattern=LANGUAGE_PATTERN,
        description="Language of the site as a tag such as 'en-GB': the words of the "
        "interface, dates and HTML lang follow it",
    )
    council: Council = Field(description="The council's names and website.")
    header_name: HeaderName | None = Field(
        None,
        description="The site's name in the header at the top of every page, short enough "
        f"to fit a phone (at most {HEADER_NAME_LENGTH} characters), e.g. 'Anyshire Care "
        "Leavers'; the full name (council.short_name and strategy.offer_title) stays in "
        "the browser tab and everywhere else",
    )
    strategy: Strategy = Field(description="The strategy's title and years, and the offer's name.")
    boards: Boards = Field(description="Names of the boards and groups the pages mention.")
    contact: Contact = Field(description="How care leavers reach the leaving care team.")
    accessibility: Accessibility = Field(
        description="Contact details and dates for the accessibility statement."
    )
    review: ReviewSettings = Field(
        default_factory=ReviewSettings, description="When offer sections are due for review."
    )
    help_now: list[HelpContact] = Field(
        default_factory=list, description="Crisis contacts on the 'Need help now?' page."
    )
    districts: list[District] = Field(
        default_factory=list,
        description="Districts of the area, for entries only given in some of them.",
    )
    languages: list[Language] = Field(
        default_factory=list,
        description="Other languages the site is published in, besides `language`; "
        "leave it out for one language",
    )
