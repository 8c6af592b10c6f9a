"""The CI workflow files are valid GitHub Actions workflows with pinned actions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_is_a_workflow() -> None:
    assert WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow_matches_github_schema(workflow: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(workflow),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps: []\n", encoding="utf-8")
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(broken),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_actions_are_pinned_to_exact_versions(workflow: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8"))
    assert uses
    for action in uses:
        assert re.search(r"@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", action), f"{action} is not pinned"


def test_publish_workflow_builds_strict_tests_and_deploys() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "mkdocs build --strict" in commands and " -q" not in commands
    assert "pytest" in commands
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML reads `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    deploy_uses = [step["uses"] for step in workflow["jobs"]["deploy"]["steps"]]
    assert any(use.startswith("actions/deploy-pages@") for use in deploy_uses)


def test_weekly_workflow_rebuilds_reports_checks_links_and_files_one_issue() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "weekly-review.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]
    assert triggers["schedule"][0]["cron"].split()[-1] == "1"  # weekly, on Mondays
    rebuild = " ".join(step.get("run", "") for step in workflow["jobs"]["rebuild"]["steps"])
    assert "mkdocs build --strict" in rebuild
    assert "uv run review" in rebuild
    assert "check-links --site site --external" in rebuild
    assert workflow["jobs"]["deploy"]["needs"] == "rebuild"
    issue = " ".join(step.get("run", "") for step in workflow["jobs"]["review-issue"]["steps"])
    assert "review --markdown" in issue
    assert "gh issue edit" in issue and "gh issue create" in issue
    assert workflow["jobs"]["review-issue"]["permissions"]["issues"] == "write"


def test_pull_requests_run_check_build_tests_and_upload_a_preview() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert runs.index("uv run check") < runs.index("uv run mkdocs build --strict --site-dir site")
    preview = [step for step in steps if "upload-artifact" in step.get("uses", "")]
    assert preview and preview[0]["if"] == "github.event_name == 'pull_request'"
