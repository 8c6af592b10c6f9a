"""Shared fixtures: one strict build of the example site per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

from tests.browser import launch, serve

ROOT = Path(__file__).resolve().parent.parent
# Frozen "today" (2026-11-23 00:00 UTC) so that date-dependent output is repeatable.
FROZEN_EPOCH = "1795392000"
PROJECT_PARTS = ("mkdocs.yml", "data", "docs", "macros", "overrides")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def run_build(project: Path, site_dir: Path, epoch: str = FROZEN_EPOCH) -> BuildResult:
    """Run ``mkdocs build --strict`` (never with -q: quiet hides warnings from strict)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


def copy_project(destination: Path) -> Path:
    """A copy of the site sources that a test may break without touching the real ones."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = run_build(ROOT, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site_dir(built_site: BuildResult) -> Path:
    return built_site.site_dir


def nav_pages() -> list[tuple[str, str]]:
    """(title, markdown path) for every page in mkdocs.yml's nav, in order.

    A page listed without a title gets "" (MkDocs takes its title from its heading).
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages: list[tuple[str, str]] = []

    def walk(items: list[dict[str, object] | str]) -> None:
        for item in items:
            if isinstance(item, str):
                pages.append(("", item))
                continue
            for title, target in item.items():
                if isinstance(target, list):
                    walk(target)
                else:
                    pages.append((title, str(target)))

    walk(config["nav"])
    return pages


def html_path(site_dir: Path, markdown_path: str) -> Path:
    """Where mkdocs writes a page (directory URLs): offer/index.md -> offer/index.html."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / f"{stem}.html"
    return site_dir / stem / "index.html"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def site_settings() -> dict[str, object]:
    loaded = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture
def project_copy(tmp_path: Path) -> Iterator[Path]:
    yield copy_project(tmp_path / "project")


# Browser tests (tests/test_browser_*.py): Debian's Chromium and the built site, served.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url
