"""One invalid fixture per defect: each must give exactly the message it names.

A fixture in ``tests/fixtures/invalid/<defect-name>.yml`` starts with header
comments:

    # target: data/offer/money.yml      file in a copy of the project to change
    # expect: data/offer/money.yml:14: entries[2].ages.to: ...   (one or more)
    # replace: <old text> => <new text>  (optional, repeatable)

With ``replace`` lines, each old text in the target's current content is
replaced (it must be there). Without them, the rest of the fixture (after
the header) becomes the whole target file. The data and the pages are then
checked as ``check`` does, and every expected line must be reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.tools.cli import problems_in
from tests.conftest import copy_project

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "invalid").glob("*"))


def parse_fixture(path: Path) -> tuple[str, list[str], list[tuple[str, str]], bytes]:
    raw = path.read_bytes()
    header_lines: list[str] = []
    body_start = 0
    for line in raw.splitlines(keepends=True):
        text = line.decode("utf-8", errors="replace")
        if not text.startswith("# ") or ":" not in text:
            break
        key = text[2:].split(":", 1)[0]
        if key not in {"target", "expect", "replace"}:
            break
        header_lines.append(text.rstrip("\n"))
        body_start += len(line)
    target = ""
    expected: list[str] = []
    replacements: list[tuple[str, str]] = []
    for line in header_lines:
        key, value = line[2:].split(":", 1)
        value = value.strip()
        if key == "target":
            target = value
        elif key == "expect":
            expected.append(value)
        else:
            old, new = value.split(" => ", 1)
            replacements.append(
                (old.encode().decode("unicode_escape"), new.encode().decode("unicode_escape"))
            )
    return target, expected, replacements, raw[body_start:]


def test_corpus_is_large_enough() -> None:
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_invalid_input_gives_exact_message(fixture: Path, tmp_path: Path) -> None:
    target, expected, replacements, body = parse_fixture(fixture)
    assert target and expected, f"{fixture.name}: needs '# target:' and '# expect:' lines"
    project = copy_project(tmp_path / "project")
    path = project / target
    path.parent.mkdir(parents=True, exist_ok=True)
    if replacements:
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{fixture.name}: {old!r} not found in {target}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(body)
    reported = [str(problem) for problem in problems_in(project)]
    for line in expected:
        assert line in reported, f"expected {line!r}\nreported:\n" + "\n".join(reported)
