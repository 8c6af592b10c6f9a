"""The editor commands: ``check`` and ``review``, as console scripts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import FROZEN_EPOCH, ROOT


def run(command: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
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


def test_check_passes_on_the_example() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "All data and pages are valid."


def test_check_reports_every_problem_without_traceback(project_copy: Path) -> None:
    site = project_copy / "data" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("  response_days: 10", "  response_days: ten"),
        encoding="utf-8",
    )
    page = project_copy / "docs" / "strategy" / "why.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ councl.name }}\n", encoding="utf-8")
    result = run("check", "--root", str(project_copy))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "2 problems found."
    assert any(line.startswith("data/site.yml:") and "response_days" in line for line in lines)
    assert any(
        line.startswith("docs/strategy/why.md:") and "did you mean 'council'?" in line
        for line in lines
    )
    assert "Traceback" not in result.stderr


def test_review_lists_soonest_first_and_exits_zero_by_default() -> None:
    result = run("review")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Offer review report for 23 November 2026"
    dates = [
        line.split()[1] if line.startswith(("CURRENT", "OVERDUE")) else line.split()[2]
        for line in lines[1:-1]
    ]
    assert dates == sorted(dates)
    assert lines[1].startswith("OVERDUE")


def test_review_fails_on_overdue_when_asked(project_copy: Path) -> None:
    assert run("review", "--fail-on-overdue").returncode == 1
    site = project_copy / "data" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("fail_on_overdue: false", "fail_on_overdue: true"),
        encoding="utf-8",
    )
    assert run("review", "--root", str(project_copy)).returncode == 1


def test_review_json_output() -> None:
    result = run("review", "--json")
    report = json.loads(result.stdout)
    assert report["generated_on"] == "2026-11-23"
    assert report["counts"]["overdue"] >= 1
