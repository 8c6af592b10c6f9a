"""Load one of the fixture site's data files, changed as a test says, with its model."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from macros.load.yaml_file import LoadedFile, parse_yaml
from macros.validate.messages import validate
from tests.conftest import FIXTURE_SITE

ModelT = TypeVar("ModelT", bound=BaseModel)


def fixture_text(relative: str, *replace: tuple[str, str]) -> str:
    """The text of ``relative`` in the fixture site, with each (old, new) replaced once."""
    text = (FIXTURE_SITE / relative).read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text, f"{old!r} not in {relative}"
        text = text.replace(old, new, 1)
    return text


def fixture_file(
    relative: str, model: type[ModelT], *replace: tuple[str, str], shown: str | None = None
) -> tuple[ModelT, LoadedFile]:
    """The file validated against ``model``, and the loaded file (for its lines)."""
    loaded = parse_yaml(fixture_text(relative, *replace).encode("utf-8"), shown or relative)
    return validate(loaded, model), loaded
