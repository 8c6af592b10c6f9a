"""The repository's example site in a real browser: axe-core on every page, 404 included,
at 360 and 1280 px finds no WCAG A or AA violations.

The only browser test on the example content, and a rule true of any council's content:
a council that replaces the example keeps this test as it is. The other browser tests run
on the fixture site (tests/browser_tests/); the axe helpers are theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser_tests.test_a11y import Audit, audit_pages, serve_published
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
