"""One entry of the offer as an HSDS-UK ``service``: in full for ``/services/{id}``, with
its one-to-one fields only for the ``/services`` list, and at each of its places for
``/service_at_locations``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from macros.derive.markdown import plain_text
from macros.derive.offer import EntryView, SectionView
from macros.publish.open_referral.context import FeedContext
from macros.publish.open_referral.locations import schedules, service_at_location
from macros.publish.open_referral.organisation import organization
from macros.publish.open_referral.taxonomy import Taxonomy, attributes
from macros.validate.model import Amount, Entry, Role
from macros.validate.model.contacts import PhonePurpose

PHONE_TYPES = {
    PhonePurpose.main: "voice",
    PhonePurpose.mobile: "cell",
    PhonePurpose.text: "text",
    PhonePurpose.out_of_hours: "voice",
}
"""HSDS phone ``type`` of each purpose a number can have."""


@dataclass(frozen=True)
class ServiceDocuments:
    full: dict[str, Any]
    listed: dict[str, Any]
    at_locations: tuple[dict[str, Any], ...]
    """Each ``service_at_location`` in full, with the service's one-to-one fields."""


def _number(value: Decimal) -> int | float:
    """Pounds as a JSON number: ``2500``, ``57.9``."""
    return int(value) if value == value.to_integral_value() else float(value)


def _last_modified(
    entry: Entry, view: EntryView, section: SectionView, context: FeedContext
) -> str:
    """The last date anything about the entry changed that the data records: a review, the
    day it was added, an amount starting (never after the build date)."""
    review = view.review or section.review
    dates = [dt.date.fromisoformat(review.last_reviewed_iso)]
    dates += [entry.added_on] if entry.added_on else []
    dates += [amount.from_date for amount in entry.amounts]
    day = max((date for date in dates if date <= context.build_date), default=context.build_date)
    return f"{day.isoformat()}T00:00:00Z"


def _eligibility(entry: Entry, view: EntryView) -> str:
    parts = [view.ages, view.situations_text, view.where_text]
    parts += [plain_text(condition) for condition in entry.conditions]
    return "; ".join(part for part in parts if part)


def _application(entry: Entry, view: EntryView, context: FeedContext) -> str:
    if not entry.how_to_get_it:
        return view.ask_text
    return " ".join(
        context.words("open_referral.step", number=number, step=plain_text(step))
        for number, step in enumerate(entry.how_to_get_it, start=1)
    )


def _contacts(
    entry: Entry, view: EntryView, service_id: str, context: FeedContext
) -> list[dict[str, Any]]:
    contact = entry.contact
    if not contact.phones and not contact.email:
        return []
    contact_id = context.ids("contact", entry.id)
    document: dict[str, Any] = {
        "id": contact_id,
        "service_id": service_id,
        "name": view.providers[0].name,
    }
    if contact.email:
        document["email"] = contact.email
    if contact.phones:
        document["phones"] = []
    for phone, phone_view in zip(contact.phones, view.phones, strict=True):
        label = phone_view.label
        description = (
            context.words("open_referral.phone_note", label=label, note=phone.note)
            if phone.note
            else label
        )
        document["phones"].append(
            {
                "id": context.ids("phone", entry.id, phone.purpose.value, phone.number),
                "contact_id": contact_id,
                "number": phone.number,
                "type": PHONE_TYPES[phone.purpose],
                "description": description,
            }
        )
    return [document]


def _option(amount: Amount, context: FeedContext) -> str:
    words = context.words
    text = words(f"amounts.{amount.per.value}", value=words.money(amount.value))
    if amount.up_to:
        text = words("amounts.up_to", amount=text)
    if amount.for_whom:
        text = words("amounts.for", amount=text, who=amount.for_whom)
    return text


def _cost_options(entry: Entry, service_id: str, context: FeedContext) -> list[dict[str, Any]]:
    """The amounts in force on the build date or still to come, as the page shows them."""
    options = []
    for amount in entry.amounts:
        if amount.to_date is not None and amount.to_date < context.build_date:
            continue
        option: dict[str, Any] = {
            "id": context.ids(
                "cost_option",
                entry.id,
                amount.per.value,
                amount.from_date.isoformat(),
                amount.for_whom or "",
            ),
            "service_id": service_id,
            "valid_from": amount.from_date.isoformat(),
        }
        if amount.to_date is not None:
            option["valid_to"] = amount.to_date.isoformat()
        option |= {
            "option": _option(amount, context),
            "currency": "GBP",
            "amount": _number(amount.value),
            "amount_description": amount.note or context.words("open_referral.money_paid"),
        }
        options.append(option)
    return options


def _service_areas(view: EntryView, service_id: str, context: FeedContext) -> list[dict[str, Any]]:
    site = context.site
    if view.where == "in_area":
        names = [(site.settings.council.area_name, "area")]
    elif view.where == "districts":
        districts = {district.id: district.name for district in site.settings.districts}
        names = [(districts.get(item, item), item) for item in view.districts]
    else:
        return []
    return [
        {
            "id": context.ids("service_area", view.id, key),
            "service_id": service_id,
            "name": name,
            "description": view.where_text or name,
        }
        for name, key in names
    ]


def service_documents(
    view: EntryView, section: SectionView, found: dict[str, Taxonomy], context: FeedContext
) -> ServiceDocuments:
    """Every document the feed holds for one entry."""
    entry = context.entries[view.id]
    ids, settings = context.ids, context.site.settings
    service_id = ids("service", entry.id)
    main = next((ref for ref in entry.providers if ref.role is Role.runs_it), entry.providers[0])
    provider = context.organisations[main.organisation]
    review = view.review or section.review
    listed: dict[str, Any] = {
        "id": service_id,
        "organization_id": ids("organization", provider.id),
        "name": view.title,
        "description": plain_text(entry.summary),
        "url": context.url(view.url),
    }
    if entry.contact.email:
        listed["email"] = entry.contact.email
    listed["status"] = "active"
    if view.age_from is not None:
        listed["minimum_age"] = view.age_from
    if view.age_to is not None:
        listed["maximum_age"] = view.age_to
    listed |= {
        "assured_date": review.last_reviewed_iso,
        "assurer_email": settings.contact.email,
        "last_modified": _last_modified(entry, view, section, context),
        "organization": organization(provider, context),
    }
    at_locations = []
    place_schedules = []
    for ref, place_view in zip(entry.places, view.places, strict=True):
        place = context.places[ref.place]
        openings = ref.opening_times or place.opening_times
        at = service_at_location(entry.id, place, openings, place_view.opening_times, context)
        at_locations.append(at)
        place_schedules += at["schedules"]
    full = {
        **listed,
        "eligibility_description": _eligibility(entry, view),
        "application_process": _application(entry, view, context),
        "fees_description": context.words("open_referral.fees"),
        "contacts": _contacts(entry, view, service_id, context),
        "schedules": schedules(
            entry.opening_times,
            view.opening_times,
            ("service", entry.id),
            context,
            service_id=service_id,
        )
        + place_schedules,
        "service_areas": _service_areas(view, service_id, context),
        "service_at_locations": [
            {key: value for key, value in at.items() if key != "schedules"} for at in at_locations
        ],
        "cost_options": _cost_options(entry, service_id, context),
        "funding": [
            {
                "id": ids("funding", entry.id, ref.organisation),
                "service_id": service_id,
                "organization_id": ids("organization", ref.organisation),
                "source": context.organisations[ref.organisation].name,
            }
            for ref in entry.providers
            if ref.role is Role.pays_for_it
        ],
        "attributes": attributes(view, service_id, found, context),
    }
    return ServiceDocuments(
        full=full,
        listed=listed,
        at_locations=tuple(
            {
                **listed,
                **at,
                "service": listed,
            }
            for at in at_locations
        ),
    )
