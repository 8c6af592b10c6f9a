"""Export the offer as Open Referral UK services (HSDS 3 UK profile, service shape)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from macros.derive.offer import SectionView


def services(sections: Iterable[SectionView], site_url: str, build_date_iso: str) -> dict[str, Any]:
    """Every entry as an Open Referral UK ``service``.

    ``assured_date`` is the date the entry (or its section) was last reviewed.
    """
    base = site_url.rstrip("/") + "/"
    items = []
    for section in sections:
        for entry in section.entries:
            review = entry.review or section.review
            contacts = []
            if entry.phones or entry.email:
                contact: dict[str, Any] = {
                    "id": f"{entry.id}-contact",
                    "name": entry.providers[0].name,
                }
                if entry.email:
                    contact["email"] = entry.email
                if entry.phones:
                    contact["phones"] = [
                        {"id": f"{entry.id}-phone", "number": entry.phones[0].number}
                    ]
                contacts.append(contact)
            items.append(
                {
                    "id": entry.id,
                    "name": entry.title,
                    "description": entry.summary_text,
                    "status": "active",
                    "minimum_age": entry.age_from,
                    "maximum_age": entry.age_to,
                    "assured_date": review.last_reviewed_iso,
                    "url": f"{base}{entry.url}",
                    "email": entry.email,
                    "organization": {"id": entry.providers[0].id, "name": entry.providers[0].name},
                    "contacts": contacts,
                    "taxonomy_terms": [{"id": section.id, "name": section.title}],
                    "attending_type": None,
                    "eligibility_description": entry.ages,
                }
            )
    return {"generated_on": build_date_iso, "total_items": len(items), "contents": items}


def _slug(text: str) -> str:
    """A URL-safe id from a name.

    >>> _slug("Leaving Care Team")
    'leaving-care-team'
    """
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())
