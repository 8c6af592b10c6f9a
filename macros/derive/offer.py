"""The offer as finished values: every section and entry, ready to place in markup.

Pure functions from validated data, the words of the interface, the pages that show
each thing and the build date; templates receive these views and only place them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.markdown import markdown_inline, markdown_to_html, plain_text
from macros.derive.phones import tel_href
from macros.derive.review import Review, ReviewState, review
from macros.derive.urls import Places
from macros.validate.model import Entry, OfferSection, Principle
from macros.validate.model.site import ReviewSettings
from macros.words import Words


@dataclass(frozen=True)
class ReviewView:
    """A review with its dates and status already written for people."""

    last_reviewed: str
    last_reviewed_iso: str
    next_due: str
    next_due_iso: str
    state: str
    label: str
    due_soon_days: int

    @property
    def overdue(self) -> bool:
        return self.state == ReviewState.overdue.value


def review_view(value: Review, due_soon_days: int, words: Words) -> ReviewView:
    """Finished values for one review.

    >>> from macros.words import load_words
    >>> r = Review(dt.date(2026, 1, 5), dt.date(2026, 7, 5), ReviewState.overdue)
    >>> view = review_view(r, 30, load_words("en-GB"))
    >>> view.next_due, view.label, view.overdue
    ('5 July 2026', 'Being reviewed', True)
    """
    return ReviewView(
        last_reviewed=words.date(value.last_reviewed_on),
        last_reviewed_iso=value.last_reviewed_on.isoformat(),
        next_due=words.date(value.next_review_on),
        next_due_iso=value.next_review_on.isoformat(),
        state=value.state.value,
        label=words(f"review.{value.state.value}"),
        due_soon_days=due_soon_days,
    )


def ages_text(age_from: int, age_to: int, words: Words, in_list: bool = False) -> str:
    """Plain-words age range; ``in_list`` for the lower-case form inside a sentence.

    >>> from macros.words import load_words
    >>> words = load_words("en-GB")
    >>> ages_text(18, 25, words), ages_text(21, 21, words), ages_text(16, 17, words, True)
    ('Ages 18 to 25', 'Age 21', 'ages 16 to 17')
    """
    suffix = "_in_list" if in_list else ""
    if age_from == age_to:
        return words(f"ages.one{suffix}", age=age_from)
    return words(f"ages.range{suffix}", start=age_from, end=age_to)


@dataclass(frozen=True)
class PrincipleLink:
    id: str
    name: str
    url: str | None
    """Site URL of the principle, or None when no page shows the principles."""


@dataclass(frozen=True)
class EntryView:
    id: str
    section_id: str
    title: str
    url: str
    summary_html: Markup
    summary_text: str
    age_from: int
    age_to: int
    ages: str
    ages_in_list: str
    conditions: tuple[Markup, ...]
    steps: tuple[Markup, ...]
    provider: str
    provider_type_id: str
    phone: str | None
    phone_href: str | None
    email: str | None
    web: str | None
    duty: str
    duty_label: str
    principles: tuple[PrincipleLink, ...]
    review: ReviewView | None
    """Set when the entry was reviewed on its own, apart from its section."""


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


@dataclass(frozen=True)
class OfferContext:
    """What every entry's view depends on besides the entry itself."""

    principles: Mapping[str, Principle]
    places: Places
    review_settings: ReviewSettings
    words: Words
    today: dt.date


def entry_view(
    section_id: str, entry: Entry, section_review: Review, context: OfferContext
) -> EntryView:
    """Finished values for one entry."""
    words, settings = context.words, context.review_settings
    entry_review: ReviewView | None = None
    if entry.last_reviewed_on is not None:
        # An entry checked on its own keeps its section's interval.
        interval = section_review.next_review_on - section_review.last_reviewed_on
        own = review(
            entry.last_reviewed_on,
            None,
            entry.last_reviewed_on + interval,
            settings.default_review_in,
            settings.due_soon_days,
            context.today,
        )
        entry_review = review_view(own, settings.due_soon_days, words)
    contact = entry.contact
    return EntryView(
        id=entry.id,
        section_id=section_id,
        title=entry.title,
        url=f"{context.places.section(section_id)}#{entry.id}",
        summary_html=markdown_to_html(entry.summary),
        summary_text=entry.summary,
        age_from=entry.ages.from_age,
        age_to=entry.ages.to_age,
        ages=ages_text(entry.ages.from_age, entry.ages.to_age, words),
        ages_in_list=ages_text(entry.ages.from_age, entry.ages.to_age, words, in_list=True),
        conditions=tuple(markdown_inline(text) for text in entry.conditions),
        steps=tuple(markdown_inline(text) for text in entry.how_to_get_it),
        provider=entry.provider.name,
        provider_type_id=entry.provider.type.value,
        phone=contact.phone,
        phone_href=tel_href(contact.phone) if contact.phone else None,
        email=contact.email,
        web=str(contact.web) if contact.web else None,
        duty=entry.duty.value,
        duty_label=words(f"duty.{entry.duty.value}"),
        principles=tuple(
            PrincipleLink(pid, context.principles[pid].short_name, context.places.principle(pid))
            for pid in entry.principles
            if pid in context.principles
        ),
        review=entry_review,
    )


def section_view(section_id: str, section: OfferSection, context: OfferContext) -> SectionView:
    """Finished values for one section and its entries."""
    settings = context.review_settings
    section_review = review(
        section.last_reviewed_on,
        section.review_in,
        section.review_by,
        settings.default_review_in,
        settings.due_soon_days,
        context.today,
    )
    return SectionView(
        id=section_id,
        title=section.title,
        introduction_html=markdown_to_html(section.introduction),
        description=plain_text(section.introduction),
        owner=section.owner,
        review=review_view(section_review, settings.due_soon_days, context.words),
        entries=tuple(
            entry_view(section_id, entry, section_review, context) for entry in section.entries
        ),
        url=context.places.section(section_id),
    )


def offer_views(offer: Mapping[str, OfferSection], context: OfferContext) -> dict[str, SectionView]:
    """Every section, in overview order."""
    return {
        section_id: section_view(section_id, section, context)
        for section_id, section in offer.items()
    }
