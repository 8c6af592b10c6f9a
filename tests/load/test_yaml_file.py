"""macros.load.yaml_file: YAML with line numbers, and the mistakes PyYAML lets through."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.load import yaml_file
from macros.load.yaml_file import LoadedFile, dotted, load_yaml, parse_yaml
from macros.problems import DataError, DataProblem
from tests.conftest import FIXTURE_SITE


def load_text(tmp_path: Path, text: str | bytes) -> LoadedFile:
    path = tmp_path / "x.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_yaml(path, "data/x.yml")


def problems_of(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_text(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def test_lines_are_recorded_for_keys_and_items(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, "a: 1\nlist:\n  - x: 1\n  - x: 2\n    y: 3\n")
    assert loaded.data == {"a": 1, "list": [{"x": 1}, {"x": 2, "y": 3}]}
    assert loaded.line_of(("list", 1, "y")) == 5
    # A field that is not there is placed on its nearest parent.
    assert loaded.line_of(("list", 1, "missing")) == 4


def test_a_problem_names_the_field_counting_items_from_one(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, "entries:\n  - id: a\n  - id: b\n    ages: {from: 16}\n")
    assert loaded.problem(("entries", 1, "ages", "to"), "is required") == DataProblem(
        "data/x.yml", 4, "entries[2].ages.to", "is required"
    )
    assert dotted(("entries", 0, "principles", 2)) == "entries[1].principles[3]"
    assert dotted(()) == ""


def test_the_name_shown_in_problems_is_the_one_given(tmp_path: Path) -> None:
    assert parse_yaml(b"a: 1\n", "data/offer/money.yml").path == "data/offer/money.yml"
    path = tmp_path / "x.yml"
    path.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_yaml(path)  # no name given: the path itself
    assert caught.value.problems[0].file == str(path)


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "title: One\nowner: Team\ntitle: Two\n") == [
        "data/x.yml:3: title: duplicate key: already set on line 1; keep one and delete the other"
    ]


def test_every_duplicate_key_is_reported_at_once(tmp_path: Path) -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"
    assert problems_of(tmp_path, text) == [
        "data/x.yml:4: b.c: duplicate key: already set on line 3; keep one and delete the other",
        "data/x.yml:5: a: duplicate key: already set on line 1; keep one and delete the other",
    ]


def test_date_that_does_not_exist(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "a: 1\nlast_reviewed_on: 2025-02-30\n") == [
        "data/x.yml:2: last_reviewed_on: is not a real date, got '2025-02-30'; write it as YYYY-MM-DD"
    ]


def test_tab_indentation(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "a:\n\tb: 1\n") == [
        "data/x.yml:2: indented with a tab; use spaces, not tabs"
    ]


def test_empty_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "# only a comment\n") == [
        "data/x.yml:1: is empty; it must contain data"
    ]
    assert problems_of(tmp_path, "") == ["data/x.yml:1: is empty; it must contain data"]


def test_not_utf8(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1")) == [
        "data/x.yml:2: is not saved as UTF-8 text; save it as UTF-8"
    ]


def test_syntax_error_has_line(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    # Reported where the list opened, not where the parser gave up.
    assert problem.startswith("data/x.yml:2: YAML syntax error: the list that starts with '['")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: {b: 1 c: 2}\n",
            "data/x.yml:1: YAML syntax error: the group that starts with '{' on this line is not "
            "closed with '}', or two items have no comma between them",
        ),
        (
            "a: 1\nb: one: two\n",
            "data/x.yml:2: YAML syntax error: unexpected ':'. Text that contains ': ' must be in "
            "quotes, or this line is indented more than the line above it",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            "data/x.yml:3: YAML syntax error: this line is indented differently from the lines "
            "around it; keys at the same level need the same number of spaces",
        ),
    ],
)
def test_syntax_errors_in_plain_words(tmp_path: Path, text: str, expected: str) -> None:
    assert problems_of(tmp_path, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, y]\nc:\n  - d: 2025-01-30\n    e: |\n      one\n      two\n",
        # Each of these sends the file to PyYAML's own parser.
        "a: 'Not sure? Ask us!'\nb: [x, y]\n",
        "a: |+\n  kept\n\nb: 2\n",
        "a: [one, ?two]\n",
        "a: 1\nb: 2",  # no final line break
        "a: caf\u00e9 \ufeff\n",
    ],
)
def test_fast_and_careful_parsers_give_the_same_values_and_lines(text: str) -> None:
    """libyaml is used only when it gives what PyYAML's own parser gives."""
    raw = text.encode("utf-8")
    loaded = parse_yaml(raw, "data/x.yml")
    careful = yaml_file._Builder("data/x.yml")
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert loaded.data == careful.build(node, ())
    assert loaded.lines == careful.lines


def test_the_example_in_the_fixture_site_loads_with_its_lines() -> None:
    loaded = load_yaml(FIXTURE_SITE / "data" / "figures.yml", "data/figures.yml")
    assert loaded.data["placements"]["total"] == 200
    assert loaded.line_of(("placements", "total")) == 7
    assert loaded.line_of(("placements", "by_type", 1, "id")) == 13
