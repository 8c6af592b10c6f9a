""" "What can I get?": which entries apply to a young person's answers, decided in one place.

A young person answers three questions: their age, the situations they are in (any
number, or "None of these") and where they live. Answers are the values of a GET form,
so they are also the address of the results: ``finder/19/?situation=parent-or-expecting
&where=northdale``.

What an entry needs is worked out here, once, as **clauses** (``entry_needs``): each is
one question and the answers that satisfy it, e.g. ``situation`` in {``at-college``,
``at-university``} for an entry only for students. An entry applies when every clause is
satisfied by the answers, a question not answered satisfying it (``applies``). That rule
knows nothing of ages, situations or places, so the browser can follow the very same
rule on the clauses published with each result (``data-clo-needs``); it never decides
anything about entries itself.

The age is a path, not a query: there is one pre-built results page per age (16 to 25),
holding the entries that apply at that age, decided here. A page per age works without
JavaScript and keeps the number of pages the same at any size of offer: ten results
pages, whatever the number of entries. Without JavaScript a results page shows
everything for the age, each entry saying who it is for; with JavaScript the page hides
what the situations and place in its address rule out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from macros.derive.offer import EntryView, SectionView
from macros.derive.urls import Places
from macros.validate.model import Situation
from macros.validate.model.site import District
from macros.validate.model.situations import (
    IN_THE_AREA,
    NONE_OF_THESE,
    NOT_SURE,
    OUTSIDE_THE_AREA,
)
from macros.words import Words

FINDER_AGES: tuple[int, ...] = tuple(range(16, 26))
"""The ages the finder asks about: a care leaver's offer runs from 16 to 25."""

AGE = "age"
SITUATION = "situation"
WHERE = "where"
"""The names of the three questions' fields, as they appear in the address."""
FINDER_AGE = "finder_age"
"""The front matter of a results page made for an age: which age it is for."""


@dataclass(frozen=True)
class Clause:
    """One thing an entry needs: an answer to ``key`` that is one of ``values``."""

    key: str
    values: frozenset[str]


Needs = tuple[Clause, ...]
Answers = Mapping[str, frozenset[str]]
"""Each question answered, with its answer(s), e.g. ``{"situation": {"at-college"}}``."""


def where_values(districts: Sequence[District]) -> frozenset[str]:
    """Every answer to "Where do you live?" that means living in the area.

    >>> sorted(where_values([])), sorted(where_values([District(id="north", name="N")]))
    (['in-area'], ['north'])
    """
    return frozenset(d.id for d in districts) or frozenset({IN_THE_AREA})


def entry_needs(entry: EntryView, districts: Sequence[District]) -> Needs:
    """What an entry needs of the answers: its ages, its situations, where one lives.

    "I'm not sure" where you live satisfies every place, so that the entry is shown with
    the place it is for written on it.

    >>> from types import SimpleNamespace as Entry
    >>> parents = Entry(age_from=16, age_to=17, only_for=("parent",), where="anywhere")
    >>> [(c.key, sorted(c.values)) for c in entry_needs(parents, [])]
    [('age', ['16', '17']), ('situation', ['parent'])]
    >>> away = Entry(age_from=None, age_to=None, only_for=(), where="outside_area")
    >>> [(c.key, sorted(c.values)) for c in entry_needs(away, [])]
    [('where', ['not-sure', 'outside'])]
    """
    needs: list[Clause] = []
    if entry.age_from is not None:
        top = entry.age_to if entry.age_to is not None else FINDER_AGES[-1]
        ages = frozenset(str(age) for age in FINDER_AGES if entry.age_from <= age <= top)
        needs.append(Clause(AGE, ages))
    if entry.only_for:
        needs.append(Clause(SITUATION, frozenset(entry.only_for)))
    places: frozenset[str] | None = None
    if entry.where == "in_area":
        places = where_values(districts)
    elif entry.where == "districts":
        places = frozenset(entry.districts)
    elif entry.where == "outside_area":
        places = frozenset({OUTSIDE_THE_AREA})
    if places is not None:
        needs.append(Clause(WHERE, places | {NOT_SURE}))
    return tuple(needs)


def applies(needs: Needs, answers: Answers) -> bool:
    """Whether an entry with these needs applies to these answers: every clause about a
    question that was answered holds an answer given. The one rule the results pages
    follow; ``clo-finder.js`` follows it on the clauses each result publishes.

    >>> needs = (Clause("age", frozenset({"18", "19"})), Clause("situation", frozenset({"a"})))
    >>> applies(needs, {"age": frozenset({"19"})})
    True
    >>> applies(needs, {"age": frozenset({"19"}), "situation": frozenset({"none"})})
    False
    >>> applies(needs, {"age": frozenset({"19"}), "situation": frozenset({"b", "a"})})
    True
    """
    return all(
        clause.key not in answers or not answers[clause.key] or clause.values & answers[clause.key]
        for clause in needs
    )


def answers_of(
    age: int | None = None, situations: Iterable[str] = (), where: str | None = None
) -> dict[str, frozenset[str]]:
    """Answers as the address carries them; a question left out is not answered.

    >>> answers_of(19, ["a"], "north") == {
    ...     "age": {"19"}, "situation": {"a"}, "where": {"north"}}
    True
    >>> answers_of(19)
    {'age': frozenset({'19'})}
    """
    answers: dict[str, frozenset[str]] = {}
    if age is not None:
        answers[AGE] = frozenset({str(age)})
    if situations:
        answers[SITUATION] = frozenset(situations)
    if where is not None:
        answers[WHERE] = frozenset({where})
    return answers


def needs_json(needs: Needs, decided: Iterable[str] = ()) -> str:
    """The clauses the browser still has to check, as JSON for ``data-clo-needs``: every
    clause but those about the questions already ``decided`` by the page itself; ``""``
    when none is left (most results), so that the page leaves the attribute out.

    >>> needs_json((Clause("age", frozenset({"19"})), Clause("where", frozenset({"b", "a"}))),
    ...            decided=["age"])
    '[["where",["a","b"]]]'
    >>> needs_json((Clause("age", frozenset({"19"})),), decided=["age"])
    ''
    """
    left = [[c.key, sorted(c.values)] for c in needs if c.key not in set(decided)]
    return json.dumps(left, separators=(",", ":"), ensure_ascii=False) if left else ""


@dataclass(frozen=True)
class Choice:
    """One answer the finder offers: its value in the address and its words."""

    value: str
    label: str
    hint: str | None = None


@dataclass(frozen=True)
class Result:
    entry: EntryView
    needs: Needs
    """Everything the entry needs (the age included)."""
    browser_needs: str
    """JSON of the clauses left for the browser on its age's page (``""``: none)."""


@dataclass(frozen=True)
class ResultSection:
    section: SectionView
    results: tuple[Result, ...]


@dataclass(frozen=True)
class AgePage:
    """A results page made for one age from the results page in ``docs/``."""

    age: int
    source: str
    """The results page's file in docs/, e.g. ``finder/results.md`` (not published itself)."""
    path: str
    """The page made for the age, e.g. ``finder/19.md`` (published at ``finder/19/``)."""
    title: str


def age_pages(places: Places, words: Words) -> tuple[AgePage, ...]:
    """The results pages to make, one per age, when a page calls ``finder_results()``.

    >>> from macros.words import load_words
    >>> pages = age_pages(Places(finder_results="finder/results.md"), load_words("en-GB"))
    >>> len(pages), pages[3].path, pages[3].title
    (10, 'finder/19.md', 'What you can get at 19')
    """
    if places.finder_results is None:
        return ()
    pages = []
    for age in FINDER_AGES:
        path = places.finder_result_file(age)
        assert path is not None
        title = words("finder.results_title", age=age)
        pages.append(AgePage(age, places.finder_results, path, title))
    return tuple(pages)


@dataclass(frozen=True)
class FinderView:
    """The finder's questions and, for each age, the results page's entries."""

    ages: tuple[int, ...]
    situations: tuple[Choice, ...]
    none_of_these: Choice
    where: tuple[Choice, ...]
    results: Mapping[int, tuple[ResultSection, ...]]
    """For each age, the sections with the entries that apply at that age, in order."""
    pages: tuple[AgePage, ...] = ()
    """The results pages to make, one per age."""

    def labels(self) -> dict[str, dict[str, str]]:
        """The words of every answer, by question and value, for the results page."""
        return {
            SITUATION: {c.value: c.label for c in (*self.situations, self.none_of_these)},
            WHERE: {c.value: c.label for c in self.where},
        }

    def applying(self, answers: Answers) -> list[EntryView]:
        """Every entry that applies to a young person's answers, in page order; the age
        must be one of the finder's.

        Example: ``finder.applying(answers_of(19, ["at-college"], "north"))`` -> the
        entries the results page shows for them.
        """
        age = int(next(iter(answers[AGE])))
        return [
            result.entry
            for group in self.results[age]
            for result in group.results
            if applies(result.needs, answers)
        ]


def where_choices(districts: Sequence[District], area: str, words: Words) -> tuple[Choice, ...]:
    """The answers to "Where do you live?": each district (or "In <area>" when the site
    lists none), "Outside <area>", and "I'm not sure" when there are districts to know."""
    if districts:
        inside = [Choice(district.id, district.name) for district in districts]
    else:
        inside = [Choice(IN_THE_AREA, words("finder.where_in_area", area=area))]
    choices = [*inside, Choice(OUTSIDE_THE_AREA, words("finder.where_outside", area=area))]
    if districts:
        choices.append(Choice(NOT_SURE, words("finder.where_not_sure")))
    return tuple(choices)


def finder_view(
    sections: Iterable[SectionView],
    situations: Sequence[Situation],
    districts: Sequence[District],
    area: str,
    words: Words,
    places: Places,
) -> FinderView:
    """The questions, and what applies at each age, from the offer's views."""
    sections = tuple(sections)
    results: dict[int, tuple[ResultSection, ...]] = {}
    needs = {
        entry.id: entry_needs(entry, districts) for section in sections for entry in section.entries
    }
    for age in FINDER_AGES:
        at_age = answers_of(age)
        groups = []
        for section in sections:
            found = tuple(
                Result(entry, needs[entry.id], needs_json(needs[entry.id], decided=[AGE]))
                for entry in section.entries
                if applies(needs[entry.id], at_age)
            )
            if found:
                groups.append(ResultSection(section, found))
        results[age] = tuple(groups)
    return FinderView(
        ages=FINDER_AGES,
        situations=tuple(Choice(s.id, s.label, s.hint) for s in situations),
        none_of_these=Choice(NONE_OF_THESE, words("finder.none")),
        where=where_choices(districts, area, words),
        results=results,
        pages=age_pages(places, words),
    )
