"""Milestone statuses and per-principle progress for the action plan: pure functions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from macros.derive.urls import Places
from macros.validate.model import Action, ActionPlanFile, Milestone, MilestoneStatus, Principle
from macros.words import Words

STATUS_ORDER = ("done", "in_progress", "planned", "overdue")


def milestone_status(milestone: Milestone, today: dt.date) -> str:
    """A stored ``done`` stands; otherwise a date in the past means overdue.

    >>> m = Milestone(due_on=dt.date(2026, 3, 31), what="x")
    >>> milestone_status(m, dt.date(2026, 3, 31)), milestone_status(m, dt.date(2026, 4, 1))
    ('planned', 'overdue')
    """
    if milestone.status == MilestoneStatus.done:
        return "done"
    if milestone.due_on < today:
        return "overdue"
    if milestone.status == MilestoneStatus.in_progress:
        return "in_progress"
    return "planned"


@dataclass(frozen=True)
class MilestoneView:
    due_on: str
    due_on_iso: str
    what: str
    status: str
    label: str


@dataclass(frozen=True)
class ActionView:
    action: Action
    milestones: tuple[MilestoneView, ...]


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class PrincipleActions:
    principle: Principle
    principle_url: str | None
    actions: tuple[ActionView, ...]
    counts: tuple[StatusCount, ...]
    """Milestones by status, in a fixed order, zero counts left out."""


def action_plan_views(
    plan: ActionPlanFile,
    principles: list[Principle],
    places: Places,
    words: Words,
    today: dt.date,
) -> tuple[PrincipleActions, ...]:
    """Actions grouped under their principle, in the Act's order, with status counts."""
    groups = []
    for principle in principles:
        actions = []
        counts: Counter[str] = Counter()
        for action in plan.actions:
            if action.principle != principle.id:
                continue
            milestones = []
            for milestone in action.milestones:
                status = milestone_status(milestone, today)
                counts[status] += 1
                milestones.append(
                    MilestoneView(
                        words.date(milestone.due_on),
                        milestone.due_on.isoformat(),
                        milestone.what,
                        status,
                        words(f"plan.{status}"),
                    )
                )
            actions.append(ActionView(action, tuple(milestones)))
        if actions:
            summary = tuple(
                StatusCount(status, words(f"plan.{status}"), counts[status])
                for status in STATUS_ORDER
                if counts[status]
            )
            groups.append(
                PrincipleActions(principle, places.principle(principle.id), tuple(actions), summary)
            )
    return tuple(groups)
