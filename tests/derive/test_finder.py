"""macros.derive.finder: what each entry needs, the one rule that decides, and each age's page."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from macros.derive.finder import (
    AGE,
    FINDER_AGES,
    SITUATION,
    WHERE,
    Clause,
    age_pages,
    answers_of,
    applies,
    entry_needs,
    finder_view,
    needs_json,
    where_choices,
)
from macros.derive.offer import EntryView
from macros.derive.site import SiteViews
from macros.derive.urls import Places
from macros.validate.model.site import District
from macros.validate.model.situations import (
    IN_THE_AREA,
    NONE_OF_THESE,
    NOT_SURE,
    OUTSIDE_THE_AREA,
)
from macros.words import load_words

EN = load_words("en-GB")
NORTH = District(id="north", name="North")
SOUTH = District(id="south", name="South")


def entry(views: SiteViews, entry_id: str) -> EntryView:
    return next(e for s in views.sections.values() for e in s.entries if e.id == entry_id)


def clauses(needs: tuple[Clause, ...]) -> dict[str, list[str]]:
    return {clause.key: sorted(clause.values) for clause in needs}


# --- What an entry needs --------------------------------------------------------------------


def test_ages_become_the_finder_ages_they_cover(views: SiteViews) -> None:
    needs = clauses(entry_needs(entry(views, "money-at-16"), []))
    assert needs == {AGE: ["16", "17"]}
    # No upper age: every finder age from the youngest on.
    open_ended = clauses(entry_needs(entry(views, "college-bursary"), []))
    assert open_ended[AGE] == [str(age) for age in FINDER_AGES]


def test_an_entry_for_any_age_and_anyone_needs_nothing(views: SiteViews) -> None:
    drop_in = entry(views, "drop-in")
    assert (drop_in.age_from, drop_in.only_for, drop_in.where) == (None, (), "anywhere")
    assert entry_needs(drop_in, [NORTH]) == ()


def test_ages_outside_the_finder_can_never_apply(views: SiteViews) -> None:
    young = replace(entry(views, "money-at-16"), age_from=14, age_to=15)
    needs = entry_needs(young, [])
    assert needs == (Clause(AGE, frozenset()),)
    assert not any(applies(needs, answers_of(age)) for age in FINDER_AGES)


def test_only_for_is_a_clause_about_situations_and_especially_for_is_none(
    views: SiteViews,
) -> None:
    assert clauses(entry_needs(entry(views, "college-bursary"), []))[SITUATION] == ["at-college"]
    group = entry(views, "young-parents-group")
    assert group.especially_for and SITUATION not in clauses(entry_needs(group, [NORTH]))


@pytest.mark.parametrize(
    ("where", "districts", "site", "expected"),
    [
        ("in_area", (), [NORTH, SOUTH], ["north", NOT_SURE, "south"]),
        ("in_area", (), [], [IN_THE_AREA, NOT_SURE]),
        ("districts", ("south",), [NORTH, SOUTH], [NOT_SURE, "south"]),
        ("outside_area", (), [NORTH], [NOT_SURE, OUTSIDE_THE_AREA]),
    ],
)
def test_where_one_lives_is_a_clause_and_not_sure_satisfies_it(
    views: SiteViews,
    where: str,
    districts: tuple[str, ...],
    site: list[District],
    expected: list[str],
) -> None:
    view = replace(entry(views, "drop-in"), where=where, districts=districts)
    assert clauses(entry_needs(view, site)) == {WHERE: expected}


# --- The rule ---------------------------------------------------------------------------------

PARENTS_AT_16 = (
    Clause(AGE, frozenset({"16", "17"})),
    Clause(SITUATION, frozenset({"parent", "expecting"})),
    Clause(WHERE, frozenset({"north", NOT_SURE})),
)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, True),  # nothing answered: nothing rules it out
        (answers_of(16), True),
        (answers_of(18), False),
        (answers_of(16, ["parent"]), True),
        (answers_of(16, ["college", "expecting"]), True),  # any one situation is enough
        (answers_of(16, [NONE_OF_THESE]), False),
        (answers_of(16, ["college"]), False),
        (answers_of(16, ["parent"], "north"), True),
        (answers_of(16, ["parent"], "south"), False),
        (answers_of(16, ["parent"], NOT_SURE), True),
        (answers_of(16, ["parent"], OUTSIDE_THE_AREA), False),
        ({AGE: frozenset({"16"}), SITUATION: frozenset()}, True),  # an empty answer is none
    ],
)
def test_an_entry_applies_when_every_answered_question_fits(
    answers: dict[str, frozenset[str]], expected: bool
) -> None:
    assert applies(PARENTS_AT_16, answers) is expected


def test_needs_are_published_without_what_the_page_decided() -> None:
    published = json.loads(needs_json(PARENTS_AT_16, decided=[AGE]))
    assert published == [
        [SITUATION, ["expecting", "parent"]],
        [WHERE, ["north", NOT_SURE]],
    ]
    # Nothing left to check: no attribute on the page.
    assert needs_json(()) == ""
    assert needs_json((Clause(AGE, frozenset({"16"})),), decided=[AGE]) == ""


# --- The questions and each age's results ----------------------------------------------------


def test_where_choices_are_the_districts_then_outside_then_not_sure() -> None:
    choices = where_choices([NORTH, SOUTH], "Testborough", EN)
    assert [(c.value, c.label) for c in choices] == [
        ("north", "North"),
        ("south", "South"),
        (OUTSIDE_THE_AREA, EN("finder.where_outside", area="Testborough")),
        (NOT_SURE, EN("finder.where_not_sure")),
    ]
    without = where_choices([], "Testborough", EN)
    assert [c.value for c in without] == [IN_THE_AREA, OUTSIDE_THE_AREA]


def test_the_finder_asks_the_sites_situations_then_none_of_these(views: SiteViews) -> None:
    finder = views.finder
    assert finder is not None
    assert [c.value for c in finder.situations] == [
        "living-outside-the-area",
        "at-college",
        "parent-or-expecting",
        "leaving-custody",
        "staying-put",
    ]
    assert finder.none_of_these.value == NONE_OF_THESE
    labels = finder.labels()
    assert labels[SITUATION][NONE_OF_THESE] == EN("finder.none")
    assert labels[WHERE]["northtown"] == "Northtown"


def test_each_age_page_holds_exactly_the_entries_that_apply_at_that_age(
    views: SiteViews,
) -> None:
    finder = views.finder
    assert finder is not None and finder.ages == FINDER_AGES == tuple(range(16, 26))
    for age in FINDER_AGES:
        expected = [
            (section.id, e.id)
            for section in views.sections.values()
            for e in section.entries
            if e.age_from is None or (e.age_from <= age and (e.age_to is None or age <= e.age_to))
        ]
        found = [
            (group.section.id, result.entry.id)
            for group in finder.results[age]
            for result in group.results
        ]
        assert found == expected, age
        assert all(group.results for group in finder.results[age]), "no empty section"


def test_a_result_publishes_what_is_left_to_check_in_the_browser(views: SiteViews) -> None:
    assert views.finder is not None
    results = {r.entry.id: r for g in views.finder.results[19] for r in g.results}
    assert json.loads(results["council-tax"].browser_needs) == [
        [WHERE, ["northtown", NOT_SURE, "southtown"]]
    ]
    assert json.loads(results["college-bursary"].browser_needs) == [[SITUATION, ["at-college"]]]
    assert results["drop-in"].browser_needs == ""


def test_applying_lists_what_fits_a_whole_profile(views: SiteViews) -> None:
    assert views.finder is not None
    student = {e.id for e in views.finder.applying(answers_of(19, ["at-college"], "northtown"))}
    assert {"college-bursary", "council-tax", "drop-in"} <= student
    assert not student & {"staying-put", "leaving-custody", "council-tax-elsewhere"}
    away = {e.id for e in views.finder.applying(answers_of(19, [NONE_OF_THESE], "outside"))}
    assert "council-tax-elsewhere" in away and "council-tax" not in away
    assert "college-bursary" not in away


def test_a_page_is_made_for_each_age_beside_the_results_page() -> None:
    pages = age_pages(Places(finder_results="help/finder/results.md"), EN)
    assert [p.age for p in pages] == list(FINDER_AGES)
    assert pages[0].path == "help/finder/16.md" and pages[0].source == "help/finder/results.md"
    assert pages[-1].title == EN("finder.results_title", age=25)
    assert age_pages(Places(), EN) == ()


def test_no_situations_file_still_asks_the_other_questions(views: SiteViews) -> None:
    finder = finder_view(views.sections.values(), (), [], "Testborough", EN, views.places)
    assert finder.situations == ()
    assert [c.value for c in finder.where] == [IN_THE_AREA, OUTSIDE_THE_AREA]
