"""macros.validate.rules.references: ids used once, and references to ids that exist."""

from __future__ import annotations

from macros.load.yaml_file import LoadedFile
from macros.validate.rules.references import duplicates, unknown

A = LoadedFile("data/a.yml", {}, {("items", 0, "id"): 3, ("items", 1, "id"): 7, ("x",): 9})
B = LoadedFile("data/b.yml", {}, {("items", 0, "id"): 12})
PRINCIPLES = ["best-interests", "express-views", "safe-and-stable"]


def lines(problems: list[object]) -> list[str]:
    return [str(problem) for problem in problems]


def test_unique_ids_give_no_problem() -> None:
    assert duplicates([("rent", A, ("items", 0, "id")), ("bills", A, ("items", 1, "id"))]) == []


def test_a_repeated_id_is_reported_where_it_is_used_again_pointing_at_the_first() -> None:
    uses = [("rent", A, ("items", 0, "id")), ("rent", A, ("items", 1, "id"))]
    assert lines(duplicates(uses)) == [
        "data/a.yml:7: items[2].id: duplicate id 'rent': already used at data/a.yml:3; "
        "ids must be unique"
    ]


def test_a_repeat_in_another_file_names_that_file() -> None:
    uses = [("rent", A, ("items", 0, "id")), ("rent", B, ("items", 0, "id"))]
    assert lines(duplicates(uses, "figure name")) == [
        "data/b.yml:12: items[1].id: duplicate figure name 'rent': already used at "
        "data/a.yml:3; ids must be unique"
    ]


def test_every_repeat_points_at_the_first_use() -> None:
    uses = [
        ("rent", A, ("items", 0, "id")),
        ("rent", A, ("items", 1, "id")),
        ("rent", B, ("items", 0, "id")),
    ]
    assert [problem.message for problem in duplicates(uses)] == [
        "duplicate id 'rent': already used at data/a.yml:3; ids must be unique"
    ] * 2


def test_a_known_reference_gives_no_problem() -> None:
    assert unknown(A, ("x",), "express-views", PRINCIPLES, "principle") == []


def test_an_unknown_reference_suggests_the_nearest() -> None:
    assert lines(unknown(A, ("x",), "safe-and-stabel", PRINCIPLES, "principle")) == [
        "data/a.yml:9: x: unknown principle 'safe-and-stabel'; did you mean 'safe-and-stable'?"
    ]


def test_an_unknown_reference_with_nothing_near_lists_what_is_known_sorted() -> None:
    assert lines(unknown(A, ("x",), "pocket-money", reversed(PRINCIPLES), "principle")) == [
        "data/a.yml:9: x: unknown principle 'pocket-money'; known: best-interests, "
        "express-views, safe-and-stable"
    ]
