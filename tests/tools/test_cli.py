"""The editor commands ``check`` and ``review``, run as console scripts on the fixture site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import FIXTURE_SITE, FROZEN_EPOCH


def run(command: str, *args: str, cwd: Path = FIXTURE_SITE) -> subprocess.CompletedProcess[str]:
    executable = shutil.which(command, path=str(Path(os.sys.executable).parent))
    assert executable, f"console script {command!r} is not installed"
    return subprocess.run(
        [executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH},
    )


def test_check_passes_and_names_the_withheld_piece() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "All data and pages are valid."
    notes = ("note: data/gallery.yml:", "note: data/glossary.yml:")
    assert lines[:-1] == [line for line in lines[:-1] if line.startswith(notes)]
    assert any("'not-yet-agreed' is not published" in line for line in lines)
    assert any("'Staying Close' is not used on any page" in line for line in lines)


def test_check_reports_every_problem_without_traceback(fixture_copy: Path) -> None:
    site = fixture_copy / "data" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("  response_days: 10", "  response_days: ten"),
        encoding="utf-8",
    )
    page = fixture_copy / "docs" / "accessibility.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ councl.name }}\n", encoding="utf-8")
    figures = fixture_copy / "data" / "figures.yml"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("total: 200", "total: 201"), encoding="utf-8"
    )
    result = run("check", "--root", str(fixture_copy))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "3 problems found."
    assert any(line.startswith("data/site.yml:") and "response_days" in line for line in lines)
    assert any(
        line.startswith("docs/accessibility.md:") and "did you mean 'council'?" in line
        for line in lines
    )
    assert any(
        line.startswith("data/figures.yml:") and "placements.total" in line for line in lines
    )
    assert "Traceback" not in result.stderr


def review_lines(*args: str, cwd: Path = FIXTURE_SITE) -> list[str]:
    result = run("review", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_review_lists_soonest_first_and_exits_zero_by_default() -> None:
    lines = review_lines()
    assert lines[0] == "Offer review report for 23 November 2026"
    rows = lines[1:-1]
    dates = [line.split()[2 if line.startswith(("DUE SOON",)) else 1] for line in rows]
    assert dates == sorted(dates)
    assert rows[0].startswith("OVERDUE") and "Money" in rows[0]
    assert any(line.startswith("DUE SOON") and "A place to live" in line for line in rows)
    # The arrangements are reviewed too, and have a row of their own.
    assert any(
        line.startswith("CURRENT") and "Arrangements  How we help you move to adult life" in line
        for line in rows
    )
    # Overdue: the Money section, and the Arabic and the Easy Read of one of its entries,
    # made from an older English.
    assert lines[-1] == "3 overdue, 1 due soon, 4 up to date."


def test_review_fails_on_overdue_when_asked(fixture_copy: Path) -> None:
    assert run("review", "--fail-on-overdue").returncode == 1
    site = fixture_copy / "data" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("fail_on_overdue: false", "fail_on_overdue: true"),
        encoding="utf-8",
    )
    assert run("review", "--root", str(fixture_copy)).returncode == 1


def test_review_json_and_markdown_output() -> None:
    report = json.loads(run("review", "--json").stdout)
    assert report["generated_on"] == "2026-11-23"
    assert report["counts"] == {"current": 4, "due_soon": 1, "overdue": 3}
    assert "arrangements" in [item["kind"] for item in report["items"]]
    markdown = run("review", "--markdown").stdout
    assert "- [ ] **Overdue** (15 July 2020): section `always-overdue`, Money" in markdown
    assert "- [ ] **Due soon** (1 December 2026): section `due-soon`" in markdown
    assert "translation `ar/college-bursary`, Bursary for your course (Money)" in markdown


def test_review_on_broken_data_prints_the_problem_not_a_traceback(fixture_copy: Path) -> None:
    site = fixture_copy / "data" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    result = run("review", "--root", str(fixture_copy))
    assert result.returncode == 1
    assert "data/site.yml:" in result.stderr and "unknown_key: unknown key" in result.stderr
    assert "Traceback" not in result.stderr


def test_in_github_actions_problems_are_annotations_on_their_lines(
    fixture_copy: Path, tmp_path: Path
) -> None:
    site = fixture_copy / "data" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("  response_days: 10", "  response_days: ten"),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    executable = shutil.which("check", path=str(Path(os.sys.executable).parent))
    assert executable
    result = subprocess.run(
        [executable, "--root", str(fixture_copy)],
        cwd=fixture_copy,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 1
    lines = site.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "response_days: ten" in text)
    errors = [out for out in result.stdout.splitlines() if out.startswith("::error ")]
    assert errors == [
        f"::error file=data/site.yml,line={line},title=accessibility.response_days::"
        f"data/site.yml:{line}: accessibility.response_days: must be a whole number, from 1 to "
        "60, written in figures; got 'ten'"
    ]
    notices = [out for out in result.stdout.splitlines() if out.startswith("::notice ")]
    assert len(notices) == 1 and "file=data/gallery.yml" in notices[0]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## check: 1 problem\n")
    assert f"| `data/site.yml:{line}` | `accessibility.response_days` |" in text


def test_annotations_name_the_file_from_the_repository_when_check_runs_on_a_subfolder(
    fixture_copy: Path,
) -> None:
    repository = fixture_copy.parent.parent  # the copy's root: tests/fixture_site is inside
    figures = fixture_copy / "data" / "figures.yml"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("total: 200", "total: 201"), encoding="utf-8"
    )
    result = run("check", "--root", "tests/fixture_site", "--format", "github", cwd=repository)
    assert result.returncode == 1
    assert "::error file=tests/fixture_site/data/figures.yml,line=" in result.stdout
