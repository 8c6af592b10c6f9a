"""Cross-references between principles and the offer and action plan: pure functions.

Entries and actions name their principles; each principle lists what names
it. The links are generated both ways from that one field, never typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import ActionPlanFile, Principle
from .offer import SectionView

PRINCIPLES_PAGE = "strategy/where-we-want-to-be/"
ACTION_PLAN_PAGE = "strategy/action-plan/"


@dataclass(frozen=True)
class Backlink:
    url: str
    text: str


@dataclass(frozen=True)
class PrincipleView:
    principle: Principle
    url: str
    offer_links: tuple[Backlink, ...]
    action_links: tuple[Backlink, ...]


def principle_url(principle_id: str) -> str:
    """Where a principle is explained.

    >>> principle_url("voice")
    'strategy/where-we-want-to-be/#voice'
    """
    return f"{PRINCIPLES_PAGE}#{principle_id}"


def principle_views(
    principles: list[Principle],
    sections: dict[str, SectionView],
    action_plan: ActionPlanFile | None,
) -> list[PrincipleView]:
    """Each principle with the offer entries and actions that link to it.

    One pass over the entries and one over the actions, whatever the number of principles.
    """
    offer_links: dict[str, list[Backlink]] = {principle.id: [] for principle in principles}
    for section in sections.values():
        for entry in section.entries:
            # An entry that names a principle twice is still listed once under it.
            for pid in dict.fromkeys(pid for pid, _ in entry.principles):
                if pid in offer_links:
                    offer_links[pid].append(Backlink(f"{section.url}#{entry.id}", entry.title))
    action_links: dict[str, list[Backlink]] = {principle.id: [] for principle in principles}
    for action in action_plan.actions if action_plan else []:
        if action.principle in action_links:
            action_links[action.principle].append(
                Backlink(f"{ACTION_PLAN_PAGE}#{action.id}", action.action)
            )
    return [
        PrincipleView(
            principle,
            principle_url(principle.id),
            tuple(offer_links[principle.id]),
            tuple(action_links[principle.id]),
        )
        for principle in principles
    ]
