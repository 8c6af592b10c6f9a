"""macros.validate.rules.action_plan: unique action ids, each under a principle that exists."""

from __future__ import annotations

from macros.validate.model import ActionPlanFile
from macros.validate.rules.action_plan import action_plan_problems
from tests.validate.fixture_files import fixture_file

PLAN = "data/action_plan.yml"
PRINCIPLE_IDS = {"best-interests", "express-views", "safe-and-stable"}


def problems(*replace: tuple[str, str], principles: set[str] | None = PRINCIPLE_IDS) -> list[str]:
    plan, source = fixture_file(PLAN, ActionPlanFile, *replace)
    return [str(problem) for problem in action_plan_problems(plan, source, principles)]


def test_the_fixture_site_action_plan_has_no_problem() -> None:
    assert problems() == []


def test_an_action_id_used_twice() -> None:
    assert problems(("id: forum-meetings", "id: health-checks")) == [
        "data/action_plan.yml:32: actions[2].id: duplicate id 'health-checks': already used at "
        "data/action_plan.yml:8; ids must be unique"
    ]


def test_an_action_under_a_principle_that_does_not_exist() -> None:
    assert problems(("principle: express-views", "principle: express-view")) == [
        "data/action_plan.yml:33: actions[2].principle: unknown principle 'express-view'; "
        "did you mean 'express-views'?"
    ]
    assert problems(("principle: best-interests", "principle: healthy-lives")) == [
        "data/action_plan.yml:9: actions[1].principle: unknown principle 'healthy-lives'; "
        "known: best-interests, express-views, safe-and-stable"
    ]


def test_principles_are_not_checked_when_the_principles_file_has_problems() -> None:
    replace = ("principle: best-interests", "principle: healthy-lives")
    assert problems(replace, principles=None) == []
