"""Organisations: who provides each service, with the description written in data."""

from __future__ import annotations

from typing import Any

from macros.publish.open_referral.context import FeedContext
from macros.validate.model import Organisation


def organization(organisation: Organisation, context: FeedContext) -> dict[str, Any]:
    """An HSDS ``organization`` (UK profile: ``id``, ``name`` and ``description`` required)."""
    document: dict[str, Any] = {
        "id": context.ids("organization", organisation.id),
        "name": organisation.name,
        "description": organisation.description,
    }
    if organisation.email:
        document["email"] = organisation.email
    if organisation.website:
        document["website"] = str(organisation.website)
    return document
