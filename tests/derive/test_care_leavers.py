"""macros.derive.care_leavers: "Am I a care leaver?" from the rules in data, at every boundary.

The fixture's data/care_leavers.yml holds the law's categories (Children Act 1989: Sch 2
para 19B, s22, s23A, s23C, s24), as the example's does. The boundaries are the law's: 13
weeks in care, counted from the 14th birthday; in care on or after the 16th birthday; and
the ages 16, 18, 21 and 25.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from macros.derive.care_leavers import (
    AGE,
    IN_CARE_NOW,
    NOT_SURE,
    ROOT,
    CareHistory,
    Fact,
    birthday_on,
    category_for,
    check_steps,
    check_view,
    facts_from_history,
    questions,
    since_key,
    weeks_key,
)
from macros.validate.model import CareLeaversFile
from macros.validate.site_data import SiteData
from macros.words import load_words

EN = load_words("en-GB")
WEEKS = weeks_key(14)
SINCE_16 = since_key(16)
BORN = dt.date(2008, 5, 10)


@pytest.fixture(scope="module")
def rules(data: SiteData) -> CareLeaversFile:
    assert data.care_leavers is not None
    return data.care_leavers


def category(rules: CareLeaversFile, **facts: Fact) -> str | None:
    found = category_for(rules, facts)
    return found.id if found is not None else None


def young_person(age: int, in_care: bool, weeks: int, since_16: bool = True) -> dict[str, Fact]:
    return {AGE: age, IN_CARE_NOW: in_care, WEEKS: weeks, SINCE_16: since_16}


# --- The questions come from the rules -------------------------------------------------------


def test_the_questions_are_the_facts_the_rules_name(rules: CareLeaversFile) -> None:
    asked = questions(rules)
    assert [q.key for q in asked] == [AGE, IN_CARE_NOW, SINCE_16, WEEKS]
    ages, _, since, weeks = asked
    # The age bands are cut where a rule's ages start or end: 16, 18, 21 and 25.
    assert [o.id for o in ages.options] == ["15-or-less", "16-17", "18-20", "21-24", "25-or-more"]
    assert [o.id for o in weeks.options] == ["12-or-less", "13-or-more", NOT_SURE]
    assert [o.id for o in since.options] == ["yes", "no", NOT_SURE]


def test_changing_a_rule_in_data_changes_the_question(rules: CareLeaversFile) -> None:
    raw = rules.model_dump(by_alias=True, mode="json")
    for item in raw["categories"]:
        weeks = item["rules"].get("weeks_in_care")
        if weeks:
            for bound in ("at_least", "fewer_than"):
                if weeks.get(bound) is not None:
                    weeks[bound] = 26
            weeks["since_birthday"] = 15
    changed = CareLeaversFile.model_validate(raw)
    labels = [o for q in questions(changed) if q.kind == "weeks" for o in q.options]
    assert [o.id for o in labels] == ["25-or-less", "26-or-more", NOT_SURE]
    view = check_view(changed, EN)
    asked = {step.question for step in view.steps if step.question}
    assert EN("check.question_weeks", birthday=15) in asked


# --- Each category, at each boundary ------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        # Ages: 16 is the first age of a care leaver, 18 the end of childhood, 21 and 25
        # the ends of the duties to former relevant children.
        (young_person(15, True, 52), None),
        (young_person(16, True, 13), "eligible"),
        (young_person(17, True, 13), "eligible"),
        (young_person(17, False, 13), "relevant"),
        (young_person(18, False, 13), "former-relevant"),
        (young_person(20, False, 13), "former-relevant"),
        (young_person(21, False, 13), "former-relevant-to-25"),
        (young_person(24, False, 13), "former-relevant-to-25"),
        (young_person(25, False, 13), None),
        # 13 weeks: one week fewer is a different category.
        (young_person(16, True, 12), "looked-after"),
        (young_person(17, False, 12), "qualifying"),
        (young_person(19, False, 12), "qualifying"),
        (young_person(20, False, 12), "qualifying"),
        (young_person(21, False, 12), "qualifying-to-25"),
        (young_person(25, False, 12), None),
        # In care since the 16th birthday, or not a care leaver at all.
        (young_person(17, False, 13, since_16=False), None),
        (young_person(19, False, 52, since_16=False), None),
        (young_person(19, False, 0, since_16=False), None),
    ],
)
def test_category_at_each_boundary(
    rules: CareLeaversFile, facts: dict[str, Fact], expected: str | None
) -> None:
    assert category(rules, **facts) == expected


def history(*periods: tuple[dt.date, dt.date | None], today: dt.date) -> CareHistory:
    return CareHistory(BORN, periods, today)


def category_on(rules: CareLeaversFile, made: CareHistory) -> str | None:
    found = category_for(rules, facts_from_history(made, questions(rules)))
    return found.id if found is not None else None


def test_the_13_weeks_count_only_from_the_14th_birthday(rules: CareLeaversFile) -> None:
    fourteen, today = birthday_on(BORN, 14), birthday_on(BORN, 17)
    # 13 weeks from the 14th birthday, still in care at 17: eligible.
    start = fourteen
    assert category_on(rules, history((start, None), today=today)) == "eligible"
    # A year in care that ended the day before the 14th birthday counts for nothing;
    # 12 weeks and 6 days after it are not enough.
    before = (fourteen - dt.timedelta(days=365), fourteen - dt.timedelta(days=1))
    short = (birthday_on(BORN, 16), birthday_on(BORN, 16) + dt.timedelta(days=89))
    assert category_on(rules, history(before, short, today=today)) == "qualifying"
    # A stay that starts a day before the 14th birthday counts from the birthday.
    stay = (fourteen - dt.timedelta(days=1), fourteen + dt.timedelta(days=89))
    facts = facts_from_history(history(stay, short, today=today), questions(rules))
    assert facts[WEEKS] == (90 + 90) // 7
    # Periods add up: 90 days after the birthday, then 1 more day.
    one_more = (birthday_on(BORN, 16), birthday_on(BORN, 16))
    total = history((fourteen, fourteen + dt.timedelta(days=89)), one_more, today=today)
    assert category_on(rules, total) == "relevant"


def test_in_care_on_the_16th_birthday_counts(rules: CareLeaversFile) -> None:
    sixteen, today = birthday_on(BORN, 16), birthday_on(BORN, 17)
    start = birthday_on(BORN, 14)
    assert category_on(rules, history((start, sixteen), today=today)) == "relevant"
    left_before = (start, sixteen - dt.timedelta(days=1))
    assert category_on(rules, history(left_before, today=today)) is None


@pytest.mark.parametrize(
    ("age", "day", "expected"),
    [
        (16, -1, None),
        (16, 0, "eligible"),
        (18, -1, "eligible"),
        (18, 0, "former-relevant"),
        (21, -1, "former-relevant"),
        (21, 0, "former-relevant-to-25"),
        (25, -1, "former-relevant-to-25"),
        (25, 0, None),
    ],
)
def test_ages_change_on_the_birthday(
    rules: CareLeaversFile, age: int, day: int, expected: str | None
) -> None:
    today = birthday_on(BORN, age) + dt.timedelta(days=day)
    # In care from 14, leaving on the 18th birthday (or still in care if that is later).
    eighteen = birthday_on(BORN, 18)
    end = eighteen if today >= eighteen else None
    made = history((birthday_on(BORN, 14), end), today=today)
    assert category_on(rules, made) == expected


def test_a_29_february_birthday_is_on_1_march_in_other_years() -> None:
    assert birthday_on(dt.date(2008, 2, 29), 16) == dt.date(2024, 2, 29)
    assert birthday_on(dt.date(2008, 2, 29), 17) == dt.date(2025, 3, 1)


# --- The steps ----------------------------------------------------------------------------


def test_every_young_person_reaches_their_own_category(rules: CareLeaversFile) -> None:
    """Follow the steps with each combination of answers (never "not sure"): the outcome
    is the category the rules give, alone."""
    steps = {step.id: step for step in check_steps(rules)}
    asked = questions(rules)
    values = [[v for o in q.options if o.id != NOT_SURE for v in o.values] for q in asked]
    for combination in itertools.product(*values):
        facts = dict(zip((q.key for q in asked), combination, strict=True))
        step = steps[ROOT]
        while step.question is not None:
            key = step.question.key
            option_id = next(
                f"{step.id}--{o.id}" for o in step.question.options if facts[key] in o.values
            )
            step = steps[option_id]
        expected = category_for(rules, facts)
        assert step.outcomes == (expected,), facts


def test_not_sure_names_every_category_still_possible(rules: CareLeaversFile) -> None:
    steps = {step.id: step for step in check_steps(rules)}
    unsure = steps[f"{ROOT}--16-17--no--yes--{NOT_SURE}"]
    assert unsure.question is None
    assert [c.id if c else None for c in unsure.outcomes] == ["relevant", "qualifying"]
    # Under 16, nothing else is asked.
    young = steps[f"{ROOT}--15-or-less"]
    assert young.question is None and young.outcomes == (None,)


def test_only_questions_that_change_the_outcome_are_asked(rules: CareLeaversFile) -> None:
    steps = {step.id: step for step in check_steps(rules)}
    # From 18, nobody is in care: the question is not asked.
    after_18 = steps[f"{ROOT}--18-20"].question
    assert after_18 is not None and after_18.key == SINCE_16
    # Not in care since 16: not a care leaver, whatever the weeks.
    assert steps[f"{ROOT}--18-20--no"].outcomes == (None,)
    ids = [step.id for step in check_steps(rules)]
    assert len(ids) == len(set(ids)) and ids[0] == ROOT
    for step in steps.values():
        assert step.parent is None or step.parent in steps
        assert all(target in steps for _, target in step.answers)


def test_the_view_words_every_step(rules: CareLeaversFile) -> None:
    view = check_view(rules, EN)
    first = view.steps[0]
    assert first.question == EN("check.question_age") and first.parent is None
    assert [a.label for a in first.answers] == [
        "15 or younger",
        "16 or 17",
        "18 to 20",
        "21 to 24",
        "25 or older",
    ]
    outcomes = {o.id: o for step in view.steps for o in step.outcomes}
    assert outcomes[None].name == EN("check.no_category")
    eligible = outcomes["eligible"]
    # Plain text stays text; Markdown is sanitised.
    assert eligible.name == "Eligible child <i>in care</i>"
    assert "<script>" not in eligible.means_html
    assert (
        eligible.law_url == "https://www.legislation.gov.uk/ukpga/1989/41/schedule/2/paragraph/19B"
    )
    rules_of = {c.outcome.id: c.rules for c in view.categories}
    assert rules_of["relevant"] == (
        EN("check.rule_age", ages="16 or 17"),
        EN("check.rule_not_in_care"),
        EN("check.rule_weeks_at_least", birthday=14, weeks=13),
        EN("check.rule_since", birthday=16),
    )
