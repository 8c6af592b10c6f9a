"""macros.validation: pydantic errors become one located line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.yaml_file import load_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model import SiteSettings
from tests.conftest import ROOT


def site_problems(tmp_path: Path, replace: tuple[str, str]) -> list[str]:
    text = (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    assert replace[0] in text
    path = tmp_path / "site.yml"
    path.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "data/site.yml"), SiteSettings)
    return [str(problem) for problem in caught.value.problems]


def line_of(text_fragment: str) -> int:
    lines = (ROOT / "data" / "site.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text_fragment in line)


def test_example_site_data_is_valid() -> None:
    settings = validate(load_yaml(ROOT / "data" / "site.yml", "data/site.yml"), SiteSettings)
    assert settings.review.due_soon_days >= 0
    assert settings.strategy.start_year <= settings.strategy.end_year


def test_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    line = line_of("  due_soon_days:")
    assert site_problems(tmp_path, ("  due_soon_days:", "  due_son_days:")) == [
        f"data/site.yml:{line}: review.due_son_days: unknown key; did you mean 'due_soon_days'?"
    ]


def test_wrong_type_says_what_was_given(tmp_path: Path) -> None:
    line = line_of("  response_days:")
    (problem,) = site_problems(tmp_path, ("response_days: 10", "response_days: ten"))
    assert problem.startswith(f"data/site.yml:{line}: accessibility.response_days: ")
    assert "'ten'" in problem


def test_missing_field(tmp_path: Path) -> None:
    line = line_of("council:")
    area_line = next(
        line
        for line in (ROOT / "data" / "site.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("  area_name:")
    )
    (problem,) = site_problems(tmp_path, (area_line + "\n", ""))
    assert problem == (
        f"data/site.yml:{line}: council.area_name: is required but missing; "
        "add 'area_name:' (the place, as in 'children in <area>')"
    )


def test_all_problems_reported_together(tmp_path: Path) -> None:
    text = (ROOT / "data" / "site.yml").read_text(encoding="utf-8")
    text = text.replace("response_days: 10", "response_days: ten").replace(
        "due_soon_days:", "due_son_days:"
    )
    path = tmp_path / "site.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "data/site.yml"), SiteSettings)
    assert len(caught.value.problems) == 2
