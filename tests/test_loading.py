"""macros.loading: YAML with line numbers, and the mistakes PyYAML lets through."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.yaml_file import load_yaml
from macros.problems import DataError


def load_text(tmp_path: Path, text: str | bytes) -> object:
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
    loaded = load_yaml_text(tmp_path, "a: 1\nlist:\n  - x: 1\n  - x: 2\n    y: 3\n")
    assert loaded.data == {"a": 1, "list": [{"x": 1}, {"x": 2, "y": 3}]}
    assert loaded.line_of(("list", 1, "y")) == 5
    assert loaded.line_of(("list", 1, "missing")) == 4


def load_yaml_text(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "data/x.yml")


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "title: One\nowner: Team\ntitle: Two\n") == [
        "data/x.yml:3: title: duplicate key: already set on line 1; keep one and delete the other"
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


def test_not_utf8(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1")) == [
        "data/x.yml:2: is not saved as UTF-8 text; save it as UTF-8"
    ]


def test_syntax_error_has_line(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    # Reported where the list opened, not where the parser gave up.
    assert problem.startswith("data/x.yml:2: YAML syntax error: the list that starts with '['")
