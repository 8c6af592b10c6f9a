""" "Am I a care leaver?": the questions and answers worked out from the rules in data.

The categories of care leaver and their rules are in ``data/care_leavers.yml``; nothing
about the law is in code. From the rules this module works out

- which facts to ask about (``questions``): the young person's age (in the bands the
  rules' ages make: 15 or younger, 16 or 17, 18 to 20...), whether they are in care now,
  their weeks in care since a birthday (fewer than / at least each number of weeks the
  rules name) and whether they were in care since a birthday;
- the category of a young person (``category_for``): the first whose rules all hold;
- a path of one question at a time (``check_steps``): each step asks the first question
  whose answer can still change the outcome, and stops as soon as it cannot. An answer
  "I'm not sure" keeps every value open, so the last step may name more than one
  category.

Each fact has a few representative values (an age in each band, a number of weeks in
each range), so every possible young person is one of a few dozen combinations, and the
whole path is worked out at build time: the page needs no script to give the answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.markdown import markdown_to_html
from macros.validate.model import CareLeaversFile, Category
from macros.validate.model.care_leavers import Rules
from macros.words import Words

Fact = int | bool
Facts = Mapping[str, Fact]

AGE = "age"
IN_CARE_NOW = "in_care_now"
NOT_SURE = "not-sure"
"""The id of the answer "I'm not sure": every value of the fact stays open."""


def weeks_key(birthday: int) -> str:
    """The fact "weeks in care since this birthday".

    >>> weeks_key(14)
    'weeks_since_14'
    """
    return f"weeks_since_{birthday}"


def since_key(birthday: int) -> str:
    """The fact "in care at some time since this birthday".

    >>> since_key(16)
    'in_care_since_16'
    """
    return f"in_care_since_{birthday}"


@dataclass(frozen=True)
class Option:
    """One answer to a question, and the values of the fact it stands for."""

    id: str
    """Part of the step's anchor, e.g. '16-17', 'yes', '13-or-more', 'not-sure'."""
    values: tuple[Fact, ...]
    low: int | None = None
    """For a number: the lowest value it stands for (None: no lower bound)."""
    high: int | None = None
    """For a number: the highest value it stands for (None: no upper bound)."""


@dataclass(frozen=True)
class Question:
    key: str
    """The fact it asks about, e.g. 'age', 'weeks_since_14'."""
    kind: str
    """'age', 'in_care_now', 'weeks' or 'since'."""
    birthday: int | None
    options: tuple[Option, ...]


def _bands(points: Iterable[int], floor: int) -> list[tuple[int | None, int | None]]:
    """Ranges between cut points: below the first, between each, from the last up.

    >>> _bands([18, 16], 0)
    [(None, 15), (16, 17), (18, None)]
    >>> _bands([13], 0)
    [(None, 12), (13, None)]
    """
    cuts = sorted(set(points))
    bands: list[tuple[int | None, int | None]] = []
    if cuts[0] > floor:
        bands.append((None, cuts[0] - 1))
    for start, end in itertools.pairwise(cuts):
        bands.append((start, end - 1))
    bands.append((cuts[-1], None))
    return bands


def _number_options(points: Iterable[int], floor: int, not_sure: bool) -> tuple[Option, ...]:
    options = []
    for low, high in _bands(points, floor):
        value = low if low is not None else high
        assert value is not None
        name = (
            f"{high}-or-less"
            if low is None
            else f"{low}-or-more"
            if high is None
            else f"{low}"
            if low == high
            else f"{low}-{high}"
        )
        options.append(Option(name, (value,), low, high))
    if not_sure:
        options.append(Option(NOT_SURE, tuple(option.values[0] for option in options)))
    return tuple(options)


def _yes_no(not_sure: bool) -> tuple[Option, ...]:
    options = [Option("yes", (True,)), Option("no", (False,))]
    if not_sure:
        options.append(Option(NOT_SURE, (True, False)))
    return tuple(options)


def questions(file: CareLeaversFile) -> tuple[Question, ...]:
    """Every question the rules need, in the order they are asked.

    >>> from macros.validate.model.care_leavers import CareLeaversFile
    >>> file = CareLeaversFile.model_validate({"otherwise": "No.", "categories": [
    ...     {"id": "aa", "name": "A", "law": "s1", "means": "Yes.", "rules": {
    ...         "ages": {"from": 16, "to": 17}, "weeks_in_care": {
    ...             "since_birthday": 14, "at_least": 13}}}]})
    >>> [(q.key, [o.id for o in q.options]) for q in questions(file)]
    [('age', ['15-or-less', '16-17', '18-or-more']), ('weeks_since_14', ['12-or-less', '13-or-more', 'not-sure'])]
    """
    rules = [category.rules for category in file.categories]
    ages = [edge for r in rules for edge in (r.ages.from_age, r.ages.to_age + 1)]
    found = [Question(AGE, "age", None, _number_options(ages, 0, not_sure=False))]
    if any(r.in_care_now is not None for r in rules):
        found.append(Question(IN_CARE_NOW, "in_care_now", None, _yes_no(not_sure=False)))
    # "In care since 16?" before the weeks: a "no" there often settles it at once.
    since = {r.in_care_since_birthday for r in rules if r.in_care_since_birthday is not None}
    for birthday in sorted(since):
        found.append(Question(since_key(birthday), "since", birthday, _yes_no(not_sure=True)))
    weeks: dict[int, set[int]] = {}
    for r in rules:
        if r.weeks_in_care is not None:
            bound = r.weeks_in_care.at_least or r.weeks_in_care.fewer_than
            assert bound is not None
            weeks.setdefault(r.weeks_in_care.since_birthday, set()).add(bound)
    for birthday in sorted(weeks):
        options = _number_options(weeks[birthday], 0, not_sure=True)
        found.append(Question(weeks_key(birthday), "weeks", birthday, options))
    return tuple(found)


def rules_hold(rules: Rules, facts: Facts) -> bool:
    """Whether every rule of a category holds for these facts.

    >>> from macros.validate.model.care_leavers import Rules
    >>> rules = Rules.model_validate({"ages": {"from": 16, "to": 17}, "in_care_now": True})
    >>> rules_hold(rules, {"age": 17, "in_care_now": True})
    True
    >>> rules_hold(rules, {"age": 18, "in_care_now": True})
    False
    """
    age = facts[AGE]
    if not rules.ages.from_age <= int(age) <= rules.ages.to_age:
        return False
    if rules.in_care_now is not None and facts[IN_CARE_NOW] is not rules.in_care_now:
        return False
    weeks = rules.weeks_in_care
    if weeks is not None:
        counted = int(facts[weeks_key(weeks.since_birthday)])
        if weeks.at_least is not None and counted < weeks.at_least:
            return False
        if weeks.fewer_than is not None and counted >= weeks.fewer_than:
            return False
    birthday = rules.in_care_since_birthday
    return birthday is None or facts[since_key(birthday)] is True


def category_for(file: CareLeaversFile, facts: Facts) -> Category | None:
    """The young person's category: the first whose rules all hold, or None.

    Example: ``category_for(file, {"age": 19, "weeks_since_14": 13, "in_care_since_16":
    True, ...}).id`` -> 'former-relevant' with the example's data.
    """
    return next((c for c in file.categories if rules_hold(c.rules, facts)), None)


@dataclass(frozen=True)
class CareHistory:
    """A young person's time in care as dates: what each answer means, exactly."""

    born_on: dt.date
    periods: tuple[tuple[dt.date, dt.date | None], ...]
    """Each time in care: the first day, and the last day (None while still in care)."""
    today: dt.date


def birthday_on(born_on: dt.date, age: int) -> dt.date:
    """The date of a birthday (29 February birthdays fall on 1 March in other years).

    >>> birthday_on(dt.date(2008, 2, 29), 14)
    datetime.date(2022, 3, 1)
    """
    try:
        return born_on.replace(year=born_on.year + age)
    except ValueError:
        return dt.date(born_on.year + age, 3, 1)


def facts_from_history(history: CareHistory, asked: Sequence[Question]) -> dict[str, Fact]:
    """The facts the questions ask about, from dates: the age now (whole years), whether
    a time in care includes today, the whole weeks in care from a birthday on (only days
    on or after the birthday count, however long the care before it) and whether any
    time in care reached a birthday.

    >>> history = CareHistory(dt.date(2008, 5, 1), ((dt.date(2022, 5, 1), None),),
    ...                       dt.date(2026, 11, 23))
    >>> asked = (Question("age", "age", None, ()), Question("weeks_since_14", "weeks", 14, ()))
    >>> facts_from_history(history, asked)
    {'age': 18, 'weeks_since_14': 238}
    """
    today = history.today
    facts: dict[str, Fact] = {}
    for question in asked:
        if question.kind == "age":
            facts[question.key] = sum(
                1 for age in range(1, 120) if birthday_on(history.born_on, age) <= today
            )
        elif question.kind == "in_care_now":
            facts[question.key] = any(
                start <= today and (end is None or end >= today) for start, end in history.periods
            )
        else:
            assert question.birthday is not None
            birthday = birthday_on(history.born_on, question.birthday)
            ends = [(start, min(end or today, today)) for start, end in history.periods]
            if question.kind == "weeks":
                days = sum(max(0, (end - max(start, birthday)).days + 1) for start, end in ends)
                facts[question.key] = days // 7
            else:
                facts[question.key] = any(end >= birthday for _, end in ends)
    return facts


@dataclass(frozen=True)
class Step:
    """One step of the questions: a question with its answers, or the outcome."""

    id: str
    """The step's anchor on the page, e.g. 'check--16-17--no'."""
    parent: str | None
    question: Question | None
    """What this step asks, or None at an outcome."""
    answers: tuple[tuple[Option, str], ...]
    """Each answer with the id of the step it leads to."""
    outcomes: tuple[Category | None, ...]
    """At an outcome: every category the answers leave possible (None: no category)."""


ROOT = "check"


def _possible(
    file: CareLeaversFile, asked: Sequence[Question], chosen: Mapping[str, Option]
) -> list[tuple[dict[str, Fact], Category | None]]:
    """Every combination of facts the answers so far allow, with its category."""
    values = [
        chosen[q.key].values if q.key in chosen else tuple(v for o in q.options for v in o.values)
        for q in asked
    ]
    found = []
    for combination in itertools.product(*(dict.fromkeys(v) for v in values)):
        facts = dict(zip((q.key for q in asked), combination, strict=True))
        found.append((facts, category_for(file, facts)))
    return found


def _matters(possible: list[tuple[dict[str, Fact], Category | None]], key: str) -> bool:
    """Whether two young people who differ only in ``key`` can get different outcomes."""
    by_rest: dict[tuple[tuple[str, Fact], ...], set[str | None]] = {}
    for facts, category in possible:
        rest = tuple(sorted((k, v) for k, v in facts.items() if k != key))
        by_rest.setdefault(rest, set()).add(category.id if category else None)
    return any(len(outcomes) > 1 for outcomes in by_rest.values())


def check_steps(file: CareLeaversFile) -> tuple[Step, ...]:
    """Every step of "Am I a care leaver?", the first question first.

    A step asks the first question not yet answered whose answer can change the outcome;
    when none can, it is an outcome, naming every category still possible.
    """
    asked = questions(file)
    steps: list[Step] = []

    def visit(step_id: str, parent: str | None, chosen: dict[str, Option]) -> None:
        possible = _possible(file, asked, chosen)
        found = dict.fromkeys(category for _, category in possible)
        # In the data's order, "no category" last.
        outcomes = tuple(c for c in file.categories if c in found) + (
            (None,) if None in found else ()
        )
        question = next(
            (q for q in asked if q.key not in chosen and _matters(possible, q.key)), None
        )
        if question is None or len(outcomes) == 1:
            steps.append(Step(step_id, parent, None, (), outcomes))
            return
        answers = tuple((option, f"{step_id}--{option.id}") for option in question.options)
        steps.append(Step(step_id, parent, question, answers, ()))
        for option, child in answers:
            visit(child, step_id, {**chosen, question.key: option})

    visit(ROOT, None, {})
    return tuple(steps)


# --- Views: the steps with their words -------------------------------------------------


@dataclass(frozen=True)
class AnswerView:
    label: str
    step: str
    """The id of the step it leads to."""


@dataclass(frozen=True)
class OutcomeView:
    id: str | None
    """The category's id, or None for "no category"."""
    name: str
    means_html: Markup
    law: str | None
    law_url: str | None
    name_lang: str | None = None
    """The language of ``name`` when it differs from the page's (a category's name from
    the English data on a page in another language), else None."""
    means_lang: str | None = None
    """Likewise for ``means_html``."""


@dataclass(frozen=True)
class StepView:
    id: str
    parent: str | None
    question: str | None
    hint: str | None
    answers: tuple[AnswerView, ...]
    outcomes: tuple[OutcomeView, ...]


@dataclass(frozen=True)
class CategoryRulesView:
    """A category with its rules written in plain words, for "how it is worked out"."""

    outcome: OutcomeView
    rules: tuple[str, ...]


@dataclass(frozen=True)
class CheckView:
    steps: tuple[StepView, ...]
    """Every step, the first question first."""
    categories: tuple[CategoryRulesView, ...]


def option_label(question: Question, option: Option, words: Words) -> str:
    """An answer in words: "16 or 17", "Fewer than 13 weeks", "I'm not sure".

    >>> from macros.words import load_words
    >>> words = load_words("en-GB")
    >>> age = Question("age", "age", None, ())
    >>> [option_label(age, Option("", (), low, high), words)
    ...  for low, high in ((None, 15), (16, 17), (18, 20), (21, 21), (25, None))]
    ['15 or younger', '16 or 17', '18 to 20', '21', '25 or older']
    >>> weeks = Question("weeks_since_14", "weeks", 14, ())
    >>> [option_label(weeks, Option("", (), low, high), words)
    ...  for low, high in ((None, 12), (13, None), (13, 25))]
    ['Fewer than 13 weeks', '13 weeks or more', '13 to 25 weeks']
    """
    if option.id == NOT_SURE:
        return words("check.answer_not_sure")
    if question.kind in ("in_care_now", "since"):
        return words("check.answer_yes" if option.values == (True,) else "check.answer_no")
    low, high = option.low, option.high
    if question.kind == "weeks":
        if low is None:
            assert high is not None
            return words("check.weeks_fewer", weeks=high + 1)
        if high is None:
            return words("check.weeks_or_more", weeks=low)
        return words("check.weeks_range", start=low, end=high)
    if low is None:
        return words("check.age_or_younger", age=high)
    if high is None:
        return words("check.age_or_older", age=low)
    if low == high:
        return words("check.age_one", age=low)
    if high == low + 1:
        return words("check.age_two", start=low, end=high)
    return words("check.age_range", start=low, end=high)


def _question_words(question: Question, words: Words) -> tuple[str, str | None]:
    """The question and its hint."""
    if question.kind == "age":
        return words("check.question_age"), None
    if question.kind == "in_care_now":
        return words("check.question_in_care_now"), words("check.hint_in_care_now")
    if question.kind == "since":
        return words("check.question_since", birthday=question.birthday), None
    return words("check.question_weeks", birthday=question.birthday), words("check.hint_weeks")


def _outcome(
    category: Category | None, otherwise: Markup, words: Words, file_lang: str | None
) -> OutcomeView:
    if category is None:
        name = words("check.no_category")
        return OutcomeView(None, name, otherwise, None, None, means_lang=file_lang)
    url = str(category.law_url) if category.law_url else None
    means = markdown_to_html(category.means)
    return OutcomeView(category.id, category.name, means, category.law, url, file_lang, file_lang)


def rules_text(rules: Rules, words: Words) -> tuple[str, ...]:
    """A category's rules in plain words, one sentence each.

    >>> from macros.words import load_words
    >>> rules = Rules.model_validate({"ages": {"from": 16, "to": 17}, "in_care_now": False,
    ...     "weeks_in_care": {"since_birthday": 14, "at_least": 13},
    ...     "in_care_since_birthday": 16})
    >>> for line in rules_text(rules, load_words("en-GB")): print(line)
    You are 16 or 17.
    You are not in care now.
    Since you turned 14, you have been in care for 13 weeks or more in total.
    You have been in care at some time since you turned 16.
    """
    age = Question(AGE, "age", None, ())
    ages = Option("", (), rules.ages.from_age, rules.ages.to_age)
    lines = [words("check.rule_age", ages=option_label(age, ages, words))]
    if rules.in_care_now is not None:
        lines.append(words("check.rule_in_care" if rules.in_care_now else "check.rule_not_in_care"))
    weeks = rules.weeks_in_care
    if weeks is not None:
        if weeks.at_least is not None:
            lines.append(
                words(
                    "check.rule_weeks_at_least",
                    birthday=weeks.since_birthday,
                    weeks=weeks.at_least,
                )
            )
        else:
            lines.append(
                words(
                    "check.rule_weeks_fewer",
                    birthday=weeks.since_birthday,
                    weeks=weeks.fewer_than,
                )
            )
    if rules.in_care_since_birthday is not None:
        lines.append(words("check.rule_since", birthday=rules.in_care_since_birthday))
    return tuple(lines)


def check_view(file: CareLeaversFile, words: Words, file_lang: str | None = None) -> CheckView:
    """Every step of "Am I a care leaver?" and every category's rules, in words.

    ``file_lang`` is the language tag of the file's words when the pages are in another
    language: the categories' names and what they mean are marked with it (the
    questions and answers are the catalogue's, in the page's language).

    >>> from macros.words import load_words
    >>> file = CareLeaversFile.model_validate({"otherwise": "Ask us.", "categories": [
    ...     {"id": "relevant", "name": "Relevant child", "means": "You get help.", "law": "s23A",
    ...      "rules": {"ages": {"from": 16, "to": 17}, "in_care_now": False}}]})
    >>> outcome = check_view(file, load_words("ar"), "en-GB").categories[0].outcome
    >>> outcome.name, outcome.name_lang, outcome.means_lang
    ('Relevant child', 'en-GB', 'en-GB')
    """
    otherwise = markdown_to_html(file.otherwise)
    steps = []
    for step in check_steps(file):
        question, hint = (
            _question_words(step.question, words) if step.question is not None else (None, None)
        )
        answers = tuple(
            AnswerView(option_label(step.question, option, words), target)
            for option, target in step.answers
            if step.question is not None
        )
        outcomes = tuple(
            _outcome(category, otherwise, words, file_lang) for category in step.outcomes
        )
        steps.append(StepView(step.id, step.parent, question, hint, answers, outcomes))
    categories = tuple(
        CategoryRulesView(
            _outcome(category, otherwise, words, file_lang), rules_text(category.rules, words)
        )
        for category in file.categories
    )
    return CheckView(tuple(steps), categories)
