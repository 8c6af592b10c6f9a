"""Where and when: places as ``location``s, a service at a place as a
``service_at_location``, and opening times as ``schedule``s in the iCalendar (RFC 5545)
style HSDS uses: ``freq``, ``interval``, ``byday``, ``opens_at``, ``closes_at``, ``dtstart``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from macros.derive.times import opening_text
from macros.publish.open_referral.context import FeedContext
from macros.validate.model import Place
from macros.validate.model.times import Every, OpeningTime, Weekday

DAY_CODES = dict(zip(Weekday, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
INTERVALS = {Every.week: 1, Every.two_weeks: 2, Every.four_weeks: 4}


def _address(place: Place, context: FeedContext) -> dict[str, Any] | None:
    """A UK address from a place's one line and postcode; the town is the line's last
    part ("1 High Street, Northtown"), or the council's area when the line has one part."""
    if not place.address or not place.postcode:
        return None
    area = context.site.settings.council.area_name
    parts = [part.strip() for part in place.address.split(",") if part.strip()]
    street, city = (", ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (place.address, area)
    return {
        "id": context.ids("address", place.id),
        "location_id": context.ids("location", place.id),
        "address_1": street,
        "city": city,
        "state_province": area,
        "postal_code": place.postcode,
        "country": "GB",
        "address_type": "physical",
    }


def location(place: Place, context: FeedContext) -> dict[str, Any]:
    """A place: its name, address and how to get in."""
    document: dict[str, Any] = {
        "id": context.ids("location", place.id),
        "location_type": "physical",
        "name": place.name,
    }
    address = _address(place, context)
    if address is not None:
        document["addresses"] = [address]
    if place.accessibility:
        document["accessibility"] = [
            {
                "id": context.ids("accessibility", place.id),
                "location_id": document["id"],
                "description": place.accessibility,
            }
        ]
    return document


def _nth_weekday(day: dt.date) -> str:
    """``2TH`` for the second Thursday of its month; ``-1TH`` for a fifth (the last)."""
    week = (day.day - 1) // 7 + 1
    code = DAY_CODES[list(Weekday)[day.weekday()]]
    return f"{'-1' if week == 5 else week}{code}"


def schedule(
    opening: OpeningTime,
    key: tuple[str, ...],
    context: FeedContext,
    text: str | None = None,
    **links: str,
) -> dict[str, Any]:
    """One pattern of opening. Weekly ones (every 1, 2 or 4 weeks) become ``WEEKLY`` with
    an ``interval``; ``every: month`` with a ``starting`` date is ``MONTHLY`` on the same
    weekday of the month (``byday: 2TH``); without one, only the words say it (``text``,
    the words the page shows, when the caller has them)."""
    document: dict[str, Any] = {"id": context.ids("schedule", *key), **links}
    days = ",".join(DAY_CODES[day] for day in opening.days)
    if opening.every in INTERVALS:
        document |= {"freq": "WEEKLY", "interval": INTERVALS[opening.every], "byday": days}
    elif opening.starting is not None:
        document |= {"freq": "MONTHLY", "interval": 1, "byday": _nth_weekday(opening.starting)}
    if opening.starting is not None:
        document["dtstart"] = opening.starting.isoformat()
    document |= {
        "opens_at": opening.opens,
        "closes_at": opening.closes,
        "description": text if text is not None else opening_text(opening, context.words),
    }
    if opening.note:
        document["notes"] = opening.note
    return document


def schedules(
    openings: Sequence[OpeningTime],
    texts: Sequence[str],
    key: tuple[str, ...],
    context: FeedContext,
    **links: str,
) -> list[dict[str, Any]]:
    """The schedules of opening times, with the words the page shows for each."""
    return [
        schedule(opening, (*key, str(index)), context, text, **links)
        for index, (opening, text) in enumerate(zip(openings, texts, strict=True))
    ]


def service_at_location(
    entry_id: str,
    place: Place,
    openings: Sequence[OpeningTime],
    texts: Sequence[str],
    context: FeedContext,
) -> dict[str, Any]:
    """A service at one of its places, with the times it is on there."""
    sal_id = context.ids("service_at_location", entry_id, place.id)
    service_id = context.ids("service", entry_id)
    return {
        "id": sal_id,
        "service_id": service_id,
        "location_id": context.ids("location", place.id),
        "location": location(place, context),
        "schedules": schedules(
            openings,
            texts,
            ("service_at_location", entry_id, place.id),
            context,
            service_id=service_id,
            service_at_location_id=sal_id,
            attending_type="in_person",
        ),
    }
