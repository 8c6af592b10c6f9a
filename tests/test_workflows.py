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
def test_actions_are_pinned_to_a_commit_with_their_version_named(workflow: Path) -> None:
    """GitHub's hardening guide: a tag can be moved to other code, a commit cannot."""
    uses = re.findall(r"uses:\s*(.+)$", workflow.read_text(encoding="utf-8"), re.MULTILINE)
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", action.strip()), (
            f"{action} is not pinned to a full commit SHA with '# vX.Y.Z'"
        )


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    # The PyPI package installs a program beside this Python, not a module.
    program = Path(sys.executable).with_name("zizmor")
    return subprocess.run(
        [str(program), "--offline", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    """The GitHub Actions static analyser: pinning, credentials, permissions, injection."""
    result = zizmor(ROOT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_a_workflow_that_leaks_its_token(tmp_path: Path) -> None:
    workflow = tmp_path / "bad.yml"
    workflow.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n",
        encoding="utf-8",
    )
    result = zizmor(workflow)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "artipacked" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_pull_requests_get_no_secrets_and_no_write_token(workflow: Path) -> None:
    """A pull request from a fork runs our code with its changes: it must not get secrets
    or a token that can write (pull_request, never pull_request_target)."""
    loaded = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    triggers = loaded[True] if True in loaded else loaded["on"]
    assert "pull_request_target" not in triggers
    assert loaded["permissions"] == {"contents": "read"}
    for job in loaded["jobs"].values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False


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
    assert runs.index("uv run check --readability") < runs.index(
        "uv run mkdocs build --strict --site-dir site"
    )
    preview = [step for step in steps if "upload-artifact" in step.get("uses", "")]
    assert preview and preview[0]["if"] == "github.event_name == 'pull_request'"
