"""The README's data-file reference tables are generated from the model and current."""

from __future__ import annotations

from macros.tools.reference import END, START, reference
from tests.conftest import ROOT


def test_readme_reference_is_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(START) : text.index(END) + len(END)]
    assert section == reference(), "run 'uv run python -m macros.reference'"


def test_every_field_has_a_description() -> None:
    empty = [line for line in reference().splitlines() if line.endswith("|  |")]
    assert empty == []
