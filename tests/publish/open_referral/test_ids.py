"""macros.publish.open_referral.ids: one id per thing, the same in every build, per site."""

from __future__ import annotations

import uuid

from macros.publish.open_referral.ids import FEED_NAMESPACE, FeedIds, site_namespace


def test_an_id_is_a_version_5_uuid_that_depends_only_on_the_site_kind_and_name() -> None:
    ids = FeedIds("https://example.org/care-leavers/")
    made = uuid.UUID(ids("service", "setting-up-home"))
    assert made.version == 5
    assert str(made) == ids("service", "setting-up-home")
    assert str(made) == str(
        uuid.uuid5(site_namespace("https://example.org/care-leavers"), "service/setting-up-home")
    )


def test_kinds_and_names_never_share_an_id() -> None:
    ids = FeedIds("https://example.org/care-leavers/")
    made = {
        ids("service", "drop-in"),
        ids("contact", "drop-in"),
        ids("service_at_location", "drop-in", "advice-bus"),
        ids("service_at_location", "drop-in", "northtown-hub"),
        ids("service", "drop-in-2"),
    }
    assert len(made) == 5


def test_the_same_site_written_differently_is_the_same_namespace() -> None:
    same = {
        site_namespace(url)
        for url in (
            "https://example.org/care-leavers/",
            "https://example.org/care-leavers",
            "HTTPS://Example.ORG/care-leavers/",
            " https://example.org/care-leavers/ ",
        )
    }
    assert len(same) == 1


def test_two_sites_never_share_a_namespace() -> None:
    names = {
        site_namespace(url)
        for url in (
            "https://example.org/care-leavers/",
            "https://example.org/Care-Leavers/",
            "https://example.org/",
            "https://fellshire.example/care-leavers/",
        )
    }
    assert len(names) == 4
    assert FEED_NAMESPACE not in names
