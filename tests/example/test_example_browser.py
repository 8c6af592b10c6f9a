"""The repository's example site in a real browser: axe-core on every page, 404 included,
at 360 and 1280 px finds no WCAG A or AA violations; and every page walked by keyboard, at
320 px and with WCAG text spacing (issue 22) as ``tests/browser_tests/test_page_walk.py``
walks the fixture sites.

The only browser tests on the example content, and rules true of any council's content:
a council that replaces the example keeps these tests as they are. The other browser tests
run on the fixture sites (tests/browser_tests/); the helpers are theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser_tests.test_a11y import Audit, audit_pages, serve_published
from tests.browser_tests.test_page_walk import Walk, report, walk_site
from tests.conftest import built_pages, copy_project, run_build


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example built once from a copy: (its mkdocs.yml, the built site)."""
    project = copy_project(tmp_path_factory.mktemp("example-project"))
    result = run_build(project, tmp_path_factory.mktemp("example-site"))
    assert result.returncode == 0, result.output
    return project / "mkdocs.yml", result.site_dir


@pytest.fixture(scope="module")
def example_audit(
    browser: Browser, example_site: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Audit]:
    config, site_dir = example_site
    with serve_published(site_dir, tmp_path_factory.mktemp("served"), config) as url:
        yield audit_pages(browser, site_dir, url)


def test_every_page_of_the_example_is_checked(
    example_audit: Audit, example_site: tuple[Path, Path]
) -> None:
    _, site_dir = example_site
    assert "404.html" in example_audit.pages and "" in example_audit.pages
    assert len(example_audit.pages) == len(built_pages(site_dir))


def test_axe_finds_no_wcag_a_or_aa_violations_in_the_example(example_audit: Audit) -> None:
    assert example_audit.violations == [], "axe-core found WCAG A/AA violations:\n" + "\n".join(
        example_audit.violations
    )


def test_nothing_in_the_example_moves_as_a_page_loads(example_audit: Audit) -> None:
    """CLS 0 on every page of the example, in every language, at 360 and 1280 px."""
    assert example_audit.shifts == [], "layout shifts:\n" + "\n".join(example_audit.shifts)


@pytest.fixture(scope="module")
def example_walk(
    browser: Browser, example_site: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Walk]:
    config, site_dir = example_site
    with serve_published(site_dir, tmp_path_factory.mktemp("walked"), config) as url:
        yield walk_site(browser, site_dir, url)


def test_every_page_of_the_example_is_walked(
    example_walk: Walk, example_site: tuple[Path, Path]
) -> None:
    _, site_dir = example_site
    assert len(example_walk.pages) == len(built_pages(site_dir))
    assert example_walk.stops >= 10 * len(example_walk.pages)


def test_every_tab_stop_in_the_example_can_be_seen_and_is_not_covered(
    example_walk: Walk,
) -> None:
    problems = example_walk.hidden + example_walk.covered
    assert problems == [], report(problems, "tab stops that cannot be seen or are covered")


def test_every_tab_stop_in_the_example_has_a_role_and_a_name(example_walk: Walk) -> None:
    assert example_walk.unnamed == [], report(
        example_walk.unnamed, "tab stops without a control's role or a name"
    )


def test_nothing_in_the_example_spills_at_320px_or_with_text_spacing(example_walk: Walk) -> None:
    problems = example_walk.reflow + example_walk.spacing
    assert problems == [], report(problems, "things that spill at 320 px or with text spacing")
