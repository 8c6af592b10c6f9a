"""macros.derive.action_plan: milestone statuses and progress by principle."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.derive.action_plan import STATUS_ORDER, action_plan_views, milestone_status
from macros.derive.site import SiteViews
from macros.derive.urls import Places
from macros.validate.model import Milestone, MilestoneStatus
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")
DUE = dt.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("status", "today", "expected"),
    [
        (None, dt.date(2026, 3, 30), "planned"),
        (None, DUE, "planned"),  # due today is not yet overdue
        (None, dt.date(2026, 4, 1), "overdue"),
        (MilestoneStatus.planned, dt.date(2026, 4, 1), "overdue"),
        (MilestoneStatus.in_progress, DUE, "in_progress"),
        (MilestoneStatus.in_progress, dt.date(2026, 4, 1), "overdue"),
        (MilestoneStatus.done, dt.date(2026, 1, 1), "done"),
        (MilestoneStatus.done, dt.date(2030, 1, 1), "done"),  # done stands, however late
    ],
)
def test_milestone_status(status: MilestoneStatus | None, today: dt.date, expected: str) -> None:
    milestone = Milestone(due_on=DUE, what="Something", status=status)
    assert milestone_status(milestone, today) == expected


def test_every_status_has_its_words() -> None:
    assert [EN(f"plan.{status}") for status in STATUS_ORDER] == [
        "Done",
        "In progress",
        "Planned",
        "Overdue",
    ]


def test_actions_grouped_under_their_principles(views: SiteViews) -> None:
    groups = views.action_plan
    assert groups is not None
    # Only principles with actions, in the principles' order.
    assert [group.principle.id for group in groups] == ["best-interests", "express-views"]
    assert [item.action.id for item in groups[0].actions] == ["health-checks"]
    assert [item.action.id for item in groups[1].actions] == ["forum-meetings"]


def test_milestones_on_the_build_date(views: SiteViews) -> None:
    assert views.action_plan is not None
    milestones = views.action_plan[0].actions[0].milestones
    assert [(m.due_on, m.status, m.label) for m in milestones] == [
        ("31 January 2026", "done", "Done"),
        ("31 March 2026", "overdue", "Overdue"),  # in progress, but past its date
        ("31 March 2099", "planned", "Planned"),
        ("28 February 2026", "overdue", "Overdue"),
    ]
    assert milestones[0].due_on_iso == "2026-01-31"


def test_counts_in_a_fixed_order_without_zeros(views: SiteViews) -> None:
    assert views.action_plan is not None
    first, second = views.action_plan
    assert [(c.status, c.label, c.count) for c in first.counts] == [
        ("done", "Done", 1),
        ("planned", "Planned", 1),
        ("overdue", "Overdue", 2),
    ]
    assert second.counts == ()  # an action without milestones


def test_counts_on_an_earlier_date(data: SiteData) -> None:
    assert data.action_plan is not None
    groups = action_plan_views(
        data.action_plan, data.principles.principles, Places(), EN, dt.date(2026, 2, 1)
    )
    assert [(c.status, c.count) for c in groups[0].counts] == [
        ("done", 1),
        ("in_progress", 1),
        ("planned", 2),
    ]


def test_principle_links_follow_places(data: SiteData, views: SiteViews) -> None:
    assert views.action_plan is not None
    assert views.action_plan[0].principle_url == "strategy/principles/#best-interests"
    assert data.action_plan is not None
    moved = action_plan_views(
        data.action_plan, data.principles.principles, Places(principles="why/"), EN, BUILD_DATE
    )
    assert moved[0].principle_url == "why/#best-interests"
    unlinked = action_plan_views(
        data.action_plan, data.principles.principles, Places(), EN, BUILD_DATE
    )
    assert unlinked[0].principle_url is None
