"""macros.derive.principles: each principle lists what names it, links made from one field."""

from __future__ import annotations

from dataclasses import replace

from macros.derive.principles import principle_views
from macros.derive.site import SiteViews
from macros.validate.site_data import SiteData


def links(
    views: SiteViews, principle_id: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    view = next(view for view in views.principles if view.principle.id == principle_id)
    return (
        [(link.url, link.text) for link in view.offer_links],
        [(link.url, link.text) for link in view.action_links],
    )


def test_every_principle_in_order(views: SiteViews, data: SiteData) -> None:
    assert [view.principle.id for view in views.principles] == [
        principle.id for principle in data.principles.principles
    ]
    assert [view.principle.number for view in views.principles] == list(range(1, 8))


def test_offer_entries_and_actions_that_name_a_principle_are_listed_under_it(
    views: SiteViews,
) -> None:
    offer, actions = links(views, "best-interests")
    assert [url for url, _ in offer] == [
        "offer/money/#setting-up-home",
        "offer/health/#health-passport",
        "offer/hostile/#hostile-entry",
    ]
    assert actions == [
        (
            "strategy/action-plan/#health-checks",
            'Improve health checks <script>alert("action")</script>',
        )
    ]
    offer, actions = links(views, "safe-and-stable")
    assert offer == [
        ("offer/money/#money-at-16", "Money to live on at 16 and 17"),
        ("offer/housing/#staying-put", "Staying with your foster carers after 18"),
    ]
    assert actions == []
    assert links(views, "express-views") == (
        [],
        [("strategy/action-plan/#forum-meetings", "Hold a care leavers forum every month.")],
    )
    assert links(views, "aspirations") == ([], [])


def test_links_follow_the_pages_that_show_each_thing(views: SiteViews, data: SiteData) -> None:
    sections = {
        section_id: replace(
            section,
            entries=tuple(
                replace(entry, url=f"help/{section_id}/#{entry.id}") for entry in section.entries
            ),
        )
        for section_id, section in views.sections.items()
    }
    moved = principle_views(
        data.principles.principles, sections.values(), data.action_plan, "plan/"
    )
    best = moved[0]
    assert best.offer_links[0].url == "help/always-overdue/#setting-up-home"
    assert best.action_links[0].url == "plan/#health-checks"


def test_actions_are_linked_only_when_a_page_shows_the_action_plan(
    views: SiteViews, data: SiteData
) -> None:
    unlinked = principle_views(
        data.principles.principles, views.sections.values(), data.action_plan, None
    )
    assert all(view.action_links == () for view in unlinked)
    assert unlinked[0].offer_links  # the offer is still linked
    without_plan = principle_views(
        data.principles.principles, views.sections.values(), None, "strategy/action-plan/"
    )
    assert all(view.action_links == () for view in without_plan)


def test_an_entry_that_names_a_principle_twice_is_listed_once(
    views: SiteViews, data: SiteData
) -> None:
    money = views.sections["always-overdue"]
    entry = money.entries[0]
    doubled = replace(entry, principles=(*entry.principles, *entry.principles))
    view = principle_views(
        data.principles.principles, [replace(money, entries=(doubled,))], None, None
    )[0]
    assert [link.url for link in view.offer_links] == ["offer/money/#setting-up-home"]
