"""macros.publish.open_referral: every entry as an Open Referral UK service."""

from __future__ import annotations

from macros.derive.site import SiteViews
from macros.publish.open_referral import services


def test_every_entry_is_a_service_with_its_address_and_review_date(views: SiteViews) -> None:
    export = services(views.sections.values(), "https://example.org/care-leavers/", "2026-11-23")
    entries = [entry for section in views.sections.values() for entry in section.entries]
    assert export["total_items"] == len(entries) == len(export["contents"])
    by_id = {service["id"]: service for service in export["contents"]}
    grant = by_id["setting-up-home"]
    assert grant["url"] == "https://example.org/care-leavers/offer/money/#setting-up-home"
    assert grant["assured_date"] == "2020-01-15"
    assert by_id["free-prescriptions"]["assured_date"] == "2026-03-01"
    assert grant["minimum_age"] == 18 and grant["maximum_age"] == 25
