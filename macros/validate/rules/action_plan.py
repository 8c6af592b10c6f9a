"""The action plan: unique action ids, each under a principle that exists."""

from __future__ import annotations

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import ActionPlanFile
from macros.validate.rules.references import duplicates, unknown


def action_plan_problems(
    plan: ActionPlanFile, source: LoadedFile, principle_ids: set[str] | None
) -> list[DataProblem]:
    actions = plan.actions
    problems = duplicates((a.id, source, ("actions", i, "id")) for i, a in enumerate(actions))
    if principle_ids is not None:
        for i, action in enumerate(actions):
            path = ("actions", i, "principle")
            problems += unknown(source, path, action.principle, principle_ids, "principle")
    return problems
