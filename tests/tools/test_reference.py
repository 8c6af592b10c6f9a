"""macros.tools.reference: the README's reference tables are generated from the registries."""

from __future__ import annotations

from macros.derive.site import PAGE_VARIABLES
from macros.render.macros import MACROS
from macros.tools.reference import (
    DATA_END,
    DATA_START,
    PAGE_END,
    PAGE_START,
    data_reference,
    page_names_reference,
)
from macros.validate.model.files import DATA_FILES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(start: str, end: str) -> str:
    return README[README.index(start) : README.index(end) + len(end)]


def test_readme_data_reference_is_current() -> None:
    assert section(DATA_START, DATA_END) == data_reference(), (
        "run 'uv run python -m macros.tools.reference'"
    )


def test_readme_page_names_are_current() -> None:
    assert section(PAGE_START, PAGE_END) == page_names_reference(), (
        "run 'uv run python -m macros.tools.reference'"
    )


def test_every_data_file_kind_has_a_table() -> None:
    for kind in DATA_FILES:
        assert f"### `{kind.path}`" in data_reference()


def test_every_page_variable_and_macro_has_a_row() -> None:
    table = page_names_reference()
    for variable in PAGE_VARIABLES:
        assert f"| `{variable.name}` |" in table
    for macro in MACROS.values():
        assert f"| `{macro.usage}` |" in table and macro.name in macro.usage


def test_every_field_has_a_description() -> None:
    empty = [line for line in data_reference().splitlines() if line.endswith("|  |")]
    assert empty == []
