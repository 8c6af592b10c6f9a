"""Model of ``data/action_plan.yml``: the year's actions for each principle."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from .common import Identifier, Strict, Text


class MilestoneStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"


class Milestone(Strict):
    due_on: dt.date = Field(description="When it is due.")
    what: Text = Field(description="What will be done by then.")
    status: MilestoneStatus | None = Field(
        None,
        description="planned, in_progress or done; when left out it is worked out from the date.",
    )


class Action(Strict):
    id: Identifier = Field(description="Stable anchor for the action.")
    principle: Identifier = Field(description="Id of the principle it delivers.")
    action: Text = Field(description="What we will do.")
    milestones: list[Milestone] = Field(
        default_factory=list, description="Dated steps, each with a status."
    )
    links_to_plans: list[Text] = Field(default_factory=list, description="Related plans.")
    board_updates: list[Text] = Field(
        default_factory=list, description="When and how it is reported to the board."
    )
    board_lead: Text = Field(description="Lead on the board, as a role, never a name.")
    service_leads: list[Text] = Field(min_length=1, description="Service leads, as roles.")


class ActionPlanFile(Strict):
    """``data/action_plan.yml``: the actions for each principle, with dated milestones."""

    title: Text = Field(description="e.g. 'Action plan, year 1 (2025 to 2026)'.")
    introduction: Text = Field(description="How the plan is reported and reviewed.")
    actions: list[Action] = Field(min_length=1, description="The actions, each under a principle.")
