"""Cross-references between principles and the offer and action plan: pure functions.

Entries and actions name their principles; each principle lists what names it. The links
are generated both ways from that one field, never typed twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from macros.derive.offer import SectionView
from macros.validate.model import ActionPlanFile, Principle


@dataclass(frozen=True)
class Backlink:
    url: str
    text: str
    lang: str | None = None
    """The text's language tag when it is not the page's (an entry's English title on
    another language's page), else None."""


@dataclass(frozen=True)
class PrincipleView:
    principle: Principle
    offer_links: tuple[Backlink, ...]
    action_links: tuple[Backlink, ...]


def principle_views(
    principles: list[Principle],
    sections: Iterable[SectionView],
    action_plan: ActionPlanFile | None,
    action_plan_page: str | None,
) -> tuple[PrincipleView, ...]:
    """Each principle with the offer entries and actions that link to it.

    One pass over the entries and one over the actions, whatever the number of principles.
    Actions are linked only when a page shows the action plan.
    """
    offer_links: dict[str, list[Backlink]] = {principle.id: [] for principle in principles}
    for section in sections:
        for entry in section.entries:
            # An entry that names a principle twice is still listed once under it.
            for pid in dict.fromkeys(link.id for link in entry.principles):
                if pid in offer_links:
                    offer_links[pid].append(Backlink(entry.url, entry.title, entry.content_lang))
    action_links: dict[str, list[Backlink]] = {principle.id: [] for principle in principles}
    if action_plan is not None and action_plan_page is not None:
        for action in action_plan.actions:
            if action.principle in action_links:
                action_links[action.principle].append(
                    Backlink(f"{action_plan_page}#{action.id}", action.action)
                )
    return tuple(
        PrincipleView(
            principle, tuple(offer_links[principle.id]), tuple(action_links[principle.id])
        )
        for principle in principles
    )
