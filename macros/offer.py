"""Derive finished values for the offer from validated data: pure functions.

Templates receive these view objects and only place them in markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from .dates import format_date
from .model import Entry, OfferSection, Principle, SiteSettings
from .model.offer import Duty, ProviderType
from .render import tel_href
from .review import Review, ReviewState, review
from .text import markdown_inline, markdown_to_html, plain_text

PROVIDER_LABELS = {
    ProviderType.council: "the council",
    ProviderType.nhs: "the NHS",
    ProviderType.district_council: "your district council",
    ProviderType.charity: "a charity",
    ProviderType.employer: "an employer",
    ProviderType.government: "the government",
}

DUTY_LABELS = {
    Duty.statutory: "You have a legal right to this",
    Duty.local_extra: "A local extra: the law does not require it, we offer it by choice",
}

PRINCIPLES_PAGE = "strategy/where-we-want-to-be/"


def section_url(section_id: str) -> str:
    """Site URL of a section's page.

    >>> section_url("money")
    'offer/money/'
    """
    return f"offer/{section_id}/"


def ages_text(age_from: int, age_to: int) -> str:
    """Plain-words age range.

    >>> ages_text(18, 25)
    'Ages 18 to 25'
    >>> ages_text(21, 21)
    'Age 21'
    """
    return f"Age {age_from}" if age_from == age_to else f"Ages {age_from} to {age_to}"


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class ReviewView:
    """A review with its dates already written for people."""

    last_reviewed: str
    last_reviewed_iso: str
    next_due: str
    next_due_iso: str
    state: str
    label: str
    due_soon_days: int

    @classmethod
    def of(cls, value: Review, due_soon_days: int) -> ReviewView:
        return cls(
            last_reviewed=format_date(value.last_reviewed_on),
            last_reviewed_iso=value.last_reviewed_on.isoformat(),
            next_due=format_date(value.next_review_on),
            next_due_iso=value.next_review_on.isoformat(),
            state=value.state.value,
            label=value.label,
            due_soon_days=due_soon_days,
        )

    @property
    def overdue(self) -> bool:
        return self.state == ReviewState.overdue.value


@dataclass(frozen=True)
class EntryView:
    id: str
    section_id: str
    title: str
    summary_html: Markup
    summary_text: str
    age_from: int
    age_to: int
    ages: str
    conditions: tuple[Markup, ...]
    steps: tuple[Markup, ...]
    provider: str
    provider_type: str
    provider_type_id: str
    phone: str | None
    phone_href: str | None
    email: str | None
    web: str | None
    duty: str
    duty_label: str
    principles: tuple[tuple[str, str], ...]  # (principle id, short name)
    review: ReviewView | None
    last_reviewed_on: dt.date | None


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    introduction_html: Markup
    description: str
    owner: str
    review: ReviewView
    entries: tuple[EntryView, ...]
    url: str


def entry_view(
    section_id: str,
    entry: Entry,
    principles: dict[str, Principle],
    section_review: Review,
    settings: SiteSettings,
    today: dt.date,
) -> EntryView:
    """Finished values for one entry."""
    entry_review: ReviewView | None = None
    if entry.last_reviewed_on is not None:
        # An entry checked on its own keeps its section's interval.
        interval = section_review.next_review_on - section_review.last_reviewed_on
        own = review(
            entry.last_reviewed_on,
            None,
            entry.last_reviewed_on + interval,
            settings.review.default_review_in,
            settings.review.due_soon_days,
            today,
        )
        entry_review = ReviewView.of(own, settings.review.due_soon_days)
    contact = entry.contact
    return EntryView(
        id=entry.id,
        section_id=section_id,
        title=entry.title,
        summary_html=markdown_to_html(entry.summary),
        summary_text=entry.summary,
        age_from=entry.ages.from_age,
        age_to=entry.ages.to_age,
        ages=ages_text(entry.ages.from_age, entry.ages.to_age),
        conditions=tuple(markdown_inline(text) for text in entry.conditions),
        steps=tuple(markdown_inline(text) for text in entry.how_to_get_it),
        provider=entry.provider.name,
        provider_type=PROVIDER_LABELS[entry.provider.type],
        provider_type_id=entry.provider.type.value,
        phone=contact.phone,
        phone_href=tel_href(contact.phone) if contact.phone else None,
        email=contact.email,
        web=str(contact.web) if contact.web else None,
        duty=entry.duty.value,
        duty_label=DUTY_LABELS[entry.duty],
        principles=tuple(
            (pid, principles[pid].short_name) for pid in entry.principles if pid in principles
        ),
        review=entry_review,
        last_reviewed_on=entry.last_reviewed_on,
    )


def section_view(
    section_id: str,
    section: OfferSection,
    principles: dict[str, Principle],
    settings: SiteSettings,
    today: dt.date,
) -> SectionView:
    """Finished values for one section and its entries."""
    section_review = review(
        section.last_reviewed_on,
        section.review_in,
        section.review_by,
        settings.review.default_review_in,
        settings.review.due_soon_days,
        today,
    )
    return SectionView(
        id=section_id,
        title=section.title,
        introduction_html=markdown_to_html(section.introduction),
        description=plain_text(section.introduction),
        owner=section.owner,
        review=ReviewView.of(section_review, settings.review.due_soon_days),
        entries=tuple(
            entry_view(section_id, entry, principles, section_review, settings, today)
            for entry in section.entries
        ),
        url=section_url(section_id),
    )


def offer_views(
    offer: dict[str, OfferSection],
    principles: list[Principle],
    settings: SiteSettings,
    today: dt.date,
) -> dict[str, SectionView]:
    """Every section, in overview order."""
    by_id = {principle.id: principle for principle in principles}
    return {
        section_id: section_view(section_id, section, by_id, settings, today)
        for section_id, section in offer.items()
    }
