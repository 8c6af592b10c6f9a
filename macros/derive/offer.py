"""The offer as finished values: every section and entry, ready to place in markup.

Pure functions from validated data, the words of the interface, the pages that show
each thing and the build date; templates receive these views and only place them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from macros.derive.markdown import markdown_inline, markdown_to_html, plain_text
from macros.derive.money import AmountView, amounts_shown
from macros.derive.phones import sms_href, tel_href
from macros.derive.review import Review, ReviewState, review
from macros.derive.times import opening_html, opening_text
from macros.derive.urls import Places
from macros.validate.model import (
    STATUTORY_AREAS,
    Entry,
    OfferSection,
    Organisation,
    Place,
    Principle,
    Where,
)
from macros.validate.model.contacts import Phone, PhonePurpose
from macros.validate.model.offer import ProviderRef
from macros.validate.model.site import ReviewSettings
from macros.validate.model.times import OpeningTime
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


def ages_text(age_from: int | None, age_to: int | None, words: Words, in_list: bool = False) -> str:
    """Plain-words age range; ``in_list`` for the lower-case form inside a sentence.

    >>> from macros.words import load_words
    >>> words = load_words("en-GB")
    >>> ages_text(18, 25, words), ages_text(21, 21, words), ages_text(16, 17, words, True)
    ('Ages 18 to 25', 'Age 21', 'ages 16 to 17')
    >>> ages_text(21, None, words), ages_text(None, None, words)
    ('Age 21 and over', 'Any age')
    """
    suffix = "_in_list" if in_list else ""
    if age_from is None:
        return words(f"ages.any{suffix}")
    if age_to is None:
        return words(f"ages.from{suffix}", start=age_from)
    if age_from == age_to:
        return words(f"ages.one{suffix}", age=age_from)
    return words(f"ages.range{suffix}", start=age_from, end=age_to)


@dataclass(frozen=True)
class PrincipleLink:
    id: str
    name: str
    url: str | None
    """Site URL of the principle, or None when no page shows the principles."""
    lang: str | None = None
    """The name's language tag when it is shown in English on another language's page."""


@dataclass(frozen=True)
class ProviderView:
    id: str
    name: str
    text: str
    """The name with the part it plays, e.g. "Jobcentre Plus (you apply through them)"."""
    type_id: str


@dataclass(frozen=True)
class PhoneView:
    number: str
    href: str
    """``tel:`` to call, or ``sms:`` for a number that only takes text messages."""
    label: str
    """What it is for, e.g. "Out of hours"."""
    purpose: str
    note: str | None
    note_lang: str | None = None
    """The note's language tag when it is shown in English on another language's page."""


@dataclass(frozen=True)
class PlaceView:
    id: str
    name: str
    address: str | None
    accessibility: str | None
    opening_times: tuple[str, ...]
    """In plain words, as the Open Referral feed says them."""
    opening_times_html: tuple[Markup, ...]
    """As a page shows them: a note in English on another language's page is marked."""
    accessibility_lang: str | None = None
    """Its language tag when it is shown in English on another language's page."""


@dataclass(frozen=True)
class EntryView:
    id: str
    section_id: str
    title: str
    url: str
    summary_html: Markup
    summary_text: str
    age_from: int | None
    age_to: int | None
    ages: str
    ages_in_list: str
    areas: tuple[str, ...]
    """Ids of the areas of life it helps with."""
    only_for: tuple[str, ...]
    """Ids of the situations it is only for."""
    especially_for: tuple[str, ...]
    situations_text: str | None
    """E.g. "Only for: At university or college", or None."""
    conditions: tuple[Markup, ...]
    steps: tuple[Markup, ...]
    steps_id: str
    """The id of "How to get it" on the entry's card: ``<entry id>__steps`` (an entry's
    id has no ``_``, so no entry can take it)."""
    steps_url: str
    """Where a results page links for the steps: the card, at ``steps_id``."""
    ask_text: str
    """What to do when the steps are not published."""
    providers: tuple[ProviderView, ...]
    phones: tuple[PhoneView, ...]
    email: str | None
    web: str | None
    links: tuple[tuple[str, str], ...]
    """(text, url) of other links."""
    places: tuple[PlaceView, ...]
    opening_times: tuple[str, ...]
    """In plain words, as the Open Referral feed says them."""
    opening_times_html: tuple[Markup, ...]
    """As a page shows them: a note in English on another language's page is marked."""
    where: str
    where_text: str | None
    """E.g. "Only if you live in Northdale", or None when it is wherever you live."""
    districts: tuple[str, ...]
    duty: str
    duty_label: str
    amounts: tuple[AmountView, ...]
    principles: tuple[PrincipleLink, ...]
    review: ReviewView | None
    """Set when the entry was reviewed on its own, apart from its section."""
    added_on: dt.date | None
    area_names: tuple[str, ...] = ()
    """Names of the areas of life it helps with, as the card shows them."""
    content_lang: str | None = None
    """On a page in another language, the English's language tag when its words are shown
    in English (not translated, or changed since): the card marks them ``lang``."""
    notice: str | None = None
    """Why its words are in English, in the reader's language."""


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    introduction_html: Markup
    description: str
    owner: str | None
    review: ReviewView
    entries: tuple[EntryView, ...]
    url: str
    content_lang: str | None = None
    """As for entries: set when the title and introduction are shown in English."""
    owner_lang: str | None = None
    """Set when the owner (a team's role) is shown in English on another language's page."""
    notice: str | None = None
    easy_read_url: str | None = None
    """Site URL of the section's Easy Read page, when there is one."""


@dataclass(frozen=True)
class OfferContext:
    """What every entry's view depends on besides the entry itself."""

    principles: Mapping[str, Principle]
    organisations: Mapping[str, Organisation]
    organisation_types: Mapping[str, str]
    """Labels of a council's own kinds of organisation, by id."""
    places_by_id: Mapping[str, Place]
    situations: Mapping[str, str]
    """Labels of situations, by id."""
    districts: Mapping[str, str]
    """Names of districts, by id."""
    area_name: str
    team: str
    places: Places
    review_settings: ReviewSettings
    words: Words
    today: dt.date
    area_labels: Mapping[str, str] = field(default_factory=dict)
    """Names of a council's own areas (data/areas.yml), by id."""
    translated_names: frozenset[str] | None = None
    """On pages in another language, the translations under ``names:`` (so a short text
    that is not one of them is still the English); None on the site's own pages."""
    english_tag: str = "en-GB"
    """The language tag of the site's own language."""

    def lang_of(self, text: str | None) -> str | None:
        """The English's language tag for a short text (a note, a link's words) shown in
        English on a page in another language, so that it is marked as English; None
        when it is in the page's language.

        >>> from types import SimpleNamespace
        >>> arabic = SimpleNamespace(translated_names=frozenset({"مرة"}), english_tag="en-GB")
        >>> OfferContext.lang_of(arabic, "Each time"), OfferContext.lang_of(arabic, "مرة")
        ('en-GB', None)
        """
        if not text or self.translated_names is None or text in self.translated_names:
            return None
        return self.english_tag


_STATUTORY_AREA_IDS = frozenset(area.id for area in STATUTORY_AREAS)


def _area_name(area: str, context: OfferContext) -> str:
    """A statutory area's name from the words of the interface, a council's own from its data."""
    if area in _STATUTORY_AREA_IDS:
        return context.words(f"areas.{area}")
    return context.area_labels.get(area, area)


def _provider_view(reference: ProviderRef, context: OfferContext) -> ProviderView:
    organisation = context.organisations[reference.organisation]
    return ProviderView(
        id=organisation.id,
        name=organisation.name,
        text=context.words(f"roles.{reference.role.value}", name=organisation.name),
        type_id=organisation.type,
    )


def phone_view(phone: Phone, words: Words, note_lang: str | None = None) -> PhoneView:
    """A phone number with what it is for, and a link that calls or texts it; ``note_lang``
    marks a note shown in English on another language's page."""
    is_text = phone.purpose is PhonePurpose.text
    return PhoneView(
        number=phone.number,
        href=sms_href(phone.number) if is_text else tel_href(phone.number),
        label=words(f"phones.{phone.purpose.value}"),
        purpose=phone.purpose.value,
        note=phone.note,
        note_lang=note_lang,
    )


def place_view(
    place: Place,
    opening: Sequence[OpeningTime],
    words: Words,
    lang_of: Callable[[str | None], str | None],
) -> PlaceView:
    """A place with its address on one line and its opening times written out;
    ``lang_of`` (``OfferContext.lang_of``) marks how to get in and the times' notes when
    they are shown in English on another language's page."""
    address = ", ".join(part for part in (place.address, place.postcode) if part) or None
    return PlaceView(
        id=place.id,
        name=place.name,
        address=address,
        accessibility=place.accessibility,
        opening_times=tuple(opening_text(time, words) for time in opening),
        opening_times_html=tuple(opening_html(time, words, lang_of(time.note)) for time in opening),
        accessibility_lang=lang_of(place.accessibility),
    )


def _where_text(entry: Entry, context: OfferContext) -> str | None:
    words = context.words
    if entry.where is Where.in_area:
        return words("where.in_area", area=context.area_name)
    if entry.where is Where.districts:
        names = [context.districts.get(district, district) for district in entry.districts]
        return words("where.districts", districts=words.join(names, style="or"))
    if entry.where is Where.outside_area:
        return words("where.outside_area", area=context.area_name)
    return None


def _situations_text(entry: Entry, context: OfferContext) -> str | None:
    words = context.words
    if entry.only_for:
        labels = [context.situations.get(item, item) for item in entry.only_for]
        return words("entry.only_for", situations=words.join(labels))
    if entry.especially_for:
        labels = [context.situations.get(item, item) for item in entry.especially_for]
        return words("entry.especially_for", situations=words.join(labels))
    return None


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
    age_from = entry.ages.from_age if entry.ages else None
    age_to = entry.ages.to_age if entry.ages else None
    return EntryView(
        id=entry.id,
        section_id=section_id,
        title=entry.title,
        url=f"{context.places.section(section_id)}#{entry.id}",
        summary_html=markdown_to_html(entry.summary),
        summary_text=entry.summary,
        age_from=age_from,
        age_to=age_to,
        ages=ages_text(age_from, age_to, words),
        ages_in_list=ages_text(age_from, age_to, words, in_list=True),
        areas=tuple(entry.areas),
        only_for=tuple(entry.only_for),
        especially_for=tuple(entry.especially_for),
        situations_text=_situations_text(entry, context),
        conditions=tuple(markdown_inline(text) for text in entry.conditions),
        steps=tuple(markdown_inline(text) for text in entry.how_to_get_it),
        steps_id=f"{entry.id}__steps",
        steps_url=f"{context.places.section(section_id)}#{entry.id}__steps",
        ask_text=words("entry.ask_adviser", team=context.team),
        providers=tuple(_provider_view(reference, context) for reference in entry.providers),
        phones=tuple(
            phone_view(phone, words, context.lang_of(phone.note)) for phone in contact.phones
        ),
        email=contact.email,
        web=str(contact.web) if contact.web else None,
        links=tuple((link.text, str(link.url)) for link in contact.links),
        places=tuple(
            place_view(
                context.places_by_id[ref.place],
                ref.opening_times or context.places_by_id[ref.place].opening_times,
                words,
                context.lang_of,
            )
            for ref in entry.places
        ),
        opening_times=tuple(opening_text(time, words) for time in entry.opening_times),
        opening_times_html=tuple(
            opening_html(time, words, context.lang_of(time.note)) for time in entry.opening_times
        ),
        where=entry.where.value,
        where_text=_where_text(entry, context),
        districts=tuple(entry.districts),
        duty=entry.duty.value,
        duty_label=words(f"duty.{entry.duty.value}"),
        amounts=amounts_shown(entry.amounts, words, context.today, context.lang_of),
        principles=tuple(
            PrincipleLink(
                pid,
                context.principles[pid].short_name,
                context.places.principle(pid),
                context.lang_of(context.principles[pid].short_name),
            )
            for pid in entry.principles
            if pid in context.principles
        ),
        review=entry_review,
        added_on=entry.added_on,
        area_names=tuple(_area_name(area, context) for area in entry.areas),
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
        owner_lang=context.lang_of(section.owner),
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
