"""The benchmarks' generator (tests/benchmarks/big_offer.py) writes data the model accepts.

The benchmarks build large offers from it; when the model changes and the generator
does not, this fails instead of a benchmark an hour later.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.pipeline import check_project
from tests.benchmarks.big_offer import write_offer
from tests.conftest import BUILD_DATE, copy_fixture_site, copy_project


def test_a_generated_offer_in_place_of_the_example_passes_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "example")
    sections = write_offer(project, 20, BUILD_DATE)
    assert sum(len(section["entries"]) for section in sections.values()) == 20
    on_disk = sorted(path.stem for path in (project / "data" / "offer").glob("*.yml"))
    assert on_disk == sorted(sections)
    report = check_project(project, project / "docs", BUILD_DATE)
    assert report.problems == [], "\n".join(str(problem) for problem in report.problems)


def test_generated_sections_added_to_the_fixture_site_pass_check_and_are_in_the_menu(
    tmp_path: Path,
) -> None:
    project = copy_fixture_site(tmp_path / "fixture")
    own = {path.stem for path in (project / "data" / "offer").glob("*.yml")}
    sections = write_offer(project, 20, BUILD_DATE, replace=False)
    assert own < {path.stem for path in (project / "data" / "offer").glob("*.yml")}
    report = check_project(project, project / "docs", BUILD_DATE)
    assert report.problems == [], "\n".join(str(problem) for problem in report.problems)
    menu = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert all(f"offer/{section_id}.md" in str(menu["nav"]) for section_id in sections)
    entries = [entry for section in sections.values() for entry in section["entries"]]
    used = {key for entry in entries for key in entry}
    assert {"ages", "providers", "contact", "places", "amounts", "duty"} <= used
