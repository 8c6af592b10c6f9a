"""Every data field and the two setup commands are documented in the README."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from macros.validate.model import SiteSettings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def field_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    paths: list[str] = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.append(path)
        inner = _model_in(field.annotation)
        if inner is not None:
            is_list = "list" in str(field.annotation)
            paths += field_paths(inner, f"{path}[]." if is_list else f"{path}.")
    return paths


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def test_every_site_yml_field_is_in_the_reference_table() -> None:
    rows = set(re.findall(r"^\| `([^`]+)` \|", README, flags=re.MULTILINE))
    missing = [path for path in field_paths(SiteSettings) if path not in rows]
    leaf_paths = [path for path in field_paths(SiteSettings) if "." in path or "[" in path]
    assert leaf_paths, "the model walk found no fields"
    # Section headings (council, strategy, ...) need no row of their own.
    sections = {
        name
        for name, field in SiteSettings.model_fields.items()
        if "list" not in str(field.annotation)
    }
    assert [path for path in missing if path not in sections] == []


def test_readme_gives_the_two_commands_first() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    assert blocks[:2] == [
        "bash .ci/setup && uv run mkdocs serve",
        "bash .ci/setup --browser && uv run pytest",
    ]
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/setup --browser" in ci_run and "uv run pytest" in ci_run
