"""Lint and type-check run as part of the test suite, so CI fails on either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint() -> None:
    result = run("ruff", "check", "macros", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run("ruff", "format", "--check", "macros", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


YAML_TARGETS = (
    "data",
    "mkdocs.yml",
    "tests/fixture_site",
    ".github",
    ".pre-commit-config.yaml",
    ".yamllint.yml",
)


def test_yaml_lint() -> None:
    result = run("yamllint", "--strict", *YAML_TARGETS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_yaml_lint_catches_a_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("title: One\ntitle: Two\nowner:   x\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-c", str(ROOT / ".yamllint.yml"), str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "key-duplicates" in result.stdout


def test_pre_commit_config_is_valid_and_runs_the_checks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "uv run check" in entries
    assert any(entry.startswith("uv run ruff check") for entry in entries)
    assert any(entry.startswith("uv run yamllint") for entry in entries)
