"""Shared fixtures. Tests run on the suite's own site, ``tests/fixture_site/``.

The fixture site (its own ``mkdocs.yml``, ``data/`` and ``docs/``) holds a section that is
always overdue, one always current, one due soon on the frozen date, hostile text in
every field, and a withheld and a taken-down gallery piece. Tests may name what is in it.
The example content in the repository's ``data/`` and ``docs/`` is tested only by
``tests/example/``, against rules that hold for any council's content, so a council can
replace it without changing ``tests/``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

from macros.derive.dates import today
from macros.derive.site import SiteViews
from macros.derive.urls import SEARCH_FOLDER, search_index_folder
from macros.pipeline import build_views
from macros.publish.open_referral import FEED_FOLDER
from macros.validate.site_data import SiteData
from tests.browser import launch, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixture_site"
# The suite's second site: a real published offer under a fictional council's name.
REAL_OFFER_SITE = ROOT / "tests" / "real_offer_site"
# Frozen "today" (2026-11-23 00:00 UTC) so that date-dependent output is repeatable.
FROZEN_EPOCH = "1795392000"
BUILD_DATE: dt.date = today({"SOURCE_DATE_EPOCH": FROZEN_EPOCH})
# What the template is made of, besides a site's own mkdocs.yml, data/ and docs/.
TEMPLATE_PARTS = ("macros", "overrides", "pyproject.toml")
SITE_PARTS = ("mkdocs.yml", "data", "docs")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def run_build(site: Path, site_dir: Path, epoch: str = FROZEN_EPOCH) -> BuildResult:
    """Run ``mkdocs build --strict`` for the site whose ``mkdocs.yml`` is in ``site``.

    Never with -q: quiet hides warnings from strict.
    """
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def copy_site(site_folder: Path, destination: Path) -> Path:
    """A copy of one of the suite's sites (a folder under ``tests/`` with its own
    mkdocs.yml, data/ and docs/), with the template at the same place relative to it as in
    the repository, that a test may break. Returns the copied site's folder."""
    for part in TEMPLATE_PARTS:
        _copy(ROOT / part, destination / part)
    site = destination / site_folder.resolve().relative_to(ROOT)
    for part in SITE_PARTS:
        _copy(site_folder / part, site / part)
    return site


def copy_fixture_site(destination: Path) -> Path:
    """A copy of the fixture site, with the template beside it as in the repository,
    that a test may break. Returns the copied site's folder (where its mkdocs.yml is)."""
    return copy_site(FIXTURE_SITE, destination)


def copy_project(destination: Path) -> Path:
    """A copy of the repository's example site and the template, that a test may break."""
    for part in (*TEMPLATE_PARTS, *SITE_PARTS):
        _copy(ROOT / part, destination / part)
    return destination


def nav_pages(config: Path) -> list[tuple[str, str]]:
    """(title, markdown path) for every page in a mkdocs.yml's nav, in order.

    A page listed without a title gets "" (MkDocs takes its title from its heading).
    """
    loaded = yaml.safe_load(config.read_text(encoding="utf-8"))
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

    walk(loaded["nav"])
    return pages


def html_path(site_dir: Path, markdown_path: str) -> Path:
    """Where mkdocs writes a page (directory URLs): offer/index.md -> offer/index.html."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / f"{stem}.html"
    return site_dir / stem / "index.html"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def search_index_files(site_dir: Path) -> list[Path]:
    """Every file of the built site's search indexes (macros/publish/search_index.py)."""
    return sorted((site_dir / SEARCH_FOLDER).rglob("*.json"))


def search_index_text(site_dir: Path) -> str:
    """The search indexes' files, read as one text (JSON escapes decoded)."""
    return "\n".join(
        json.dumps(json.loads(path.read_bytes()), ensure_ascii=False)
        for path in search_index_files(site_dir)
    )


def search_index_sections(site_dir: Path, language: str) -> dict[str, tuple[str, str]]:
    """One language's indexed sections: (title, text) by the URL search links to."""
    folder = site_dir / search_index_folder(language) / "p"
    sections = {}
    for path in folder.glob("*.json"):
        page = json.loads(path.read_bytes())
        for anchor, title, text, *_language in page["s"]:
            sections[page["u"] + anchor] = (title, text)
    return sections


def built_pages(site_dir: Path) -> list[Path]:
    """Every page of a built site: its ``.html`` files, leaving out the Open Referral
    feed's, which hold JSON so that a static host serves it at the API's folder paths."""
    feed = site_dir / FEED_FOLDER
    return [page for page in sorted(site_dir.rglob("*.html")) if not page.is_relative_to(feed)]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The fixture site, built once for the whole run (from a copy, so the build's
    caches never land in the repository)."""
    site = copy_fixture_site(tmp_path_factory.mktemp("fixture-project"))
    result = run_build(site, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site_dir(built_site: BuildResult) -> Path:
    return built_site.site_dir


@pytest.fixture(scope="session")
def real_offer_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real offer's site (``tests/real_offer_site/``), built once for the whole run
    by the tests that check every page of both of the suite's sites."""
    site = copy_site(REAL_OFFER_SITE, tmp_path_factory.mktemp("real-offer-project"))
    result = run_build(site, tmp_path_factory.mktemp("real-offer-built"))
    assert result.returncode == 0, result.output
    return result.site_dir


@pytest.fixture(scope="session")
def fixture_views() -> tuple[SiteViews, SiteData]:
    """The fixture site's views and validated data, as the build works them out."""
    views, report = build_views(FIXTURE_SITE, FIXTURE_SITE / "docs", BUILD_DATE)
    assert report.data is not None
    return views, report.data


@pytest.fixture(scope="session")
def views(fixture_views: tuple[SiteViews, SiteData]) -> SiteViews:
    return fixture_views[0]


@pytest.fixture(scope="session")
def data(fixture_views: tuple[SiteViews, SiteData]) -> SiteData:
    return fixture_views[1]


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A copy of the fixture site (and the template beside it) to break."""
    return copy_fixture_site(tmp_path / "project")


@pytest.fixture(scope="session")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The fixture site with more generated entries (tests/benchmarks/big_offer.py) than
    the overview lists one by one (and so more results an age than the finder lists):
    the project and the generated sections by id."""
    from macros.derive.big_pages import OVERVIEW_LIST_MAX
    from tests.benchmarks.big_offer import write_offer

    project = copy_fixture_site(tmp_path_factory.mktemp("big") / "project")
    sections = write_offer(project, OVERVIEW_LIST_MAX + 8, BUILD_DATE, replace=False)
    return project, sections


@pytest.fixture(scope="session")
def big_site(
    big_project: tuple[Path, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[BuildResult, dict[str, Any]]:
    """``big_project`` built: the big pages' tests read it. Returns the build and the
    generated sections by id."""
    project, sections = big_project
    result = run_build(project, tmp_path_factory.mktemp("big-site"))
    assert result.returncode == 0, result.output[-3000:]
    return result, sections


@pytest.fixture(scope="session")
def big_views(big_project: tuple[Path, dict[str, Any]]) -> SiteViews:
    """``big_project``'s views, as its build works them out."""
    project, _ = big_project
    return build_views(project, project / "docs", BUILD_DATE)[0]


# Browser tests: Debian's Chromium and the built fixture site, served.
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
