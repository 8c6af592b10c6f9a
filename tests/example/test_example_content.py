"""The repository's example content, held to rules true of any council's content.

A council that forks the template replaces ``data/`` and ``docs/`` with its own; these
tests must still pass then, so they never name what the example contains.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.derive.gallery import is_published
from macros.pipeline import check_project
from macros.tools.cli import check_main
from macros.validate.model import STATUTORY_AREAS
from macros.validate.site_data import SiteData, load_site_data
from tests.built.test_contents import entry_headings_without_ids, unlisted_headings
from tests.built.test_links import linkcheck, missing_anchors
from tests.conftest import (
    BUILD_DATE,
    ROOT,
    BuildResult,
    built_pages,
    copy_project,
    html_path,
    run_build,
    soup_of,
)
from tests.html_checker import check_html

SEARCHED = ("macros", "overrides", "docs", "tests")
SKIPPED_FOLDERS = {"__pycache__", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The example site, built once for this module from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("example-project"))
    return run_build(project, tmp_path_factory.mktemp("example-site"))


@pytest.fixture(scope="module")
def example_site(example_build: BuildResult) -> Path:
    assert example_build.returncode == 0, example_build.output
    return example_build.site_dir


@pytest.fixture(scope="module")
def example_data() -> SiteData:
    return load_site_data(ROOT, BUILD_DATE)


def test_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_main(["--root", str(ROOT)]) == 0, capsys.readouterr().err
    assert "All data and pages are valid." in capsys.readouterr().out


def test_strict_build_has_no_warnings(example_build: BuildResult) -> None:
    assert example_build.returncode == 0, example_build.output
    warnings = re.findall(r"^WARNING.*$", example_build.output, flags=re.MULTILINE)
    assert warnings == [], example_build.output


def test_no_broken_links(example_site: Path) -> None:
    result = linkcheck(example_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found." in result.stdout


def test_no_missing_anchors(example_site: Path) -> None:
    assert missing_anchors(example_site) == []


def test_every_page_has_a_description(example_site: Path) -> None:
    pages = built_pages(example_site)
    assert len(pages) > 1
    for page in pages:
        descriptions = soup_of(page).find_all("meta", attrs={"name": "description"})
        assert len(descriptions) == 1, page
        content = str(descriptions[0].get("content", ""))
        assert len(content) >= 50, f"{page.relative_to(example_site)}: {content!r}"


def test_every_statutory_area_is_covered_by_an_entry(example_data: SiteData) -> None:
    # Also a rule of check (macros/validate/rules/offer.py); stated here for the content.
    covered = {
        area for section in example_data.offer.values() for e in section.entries for area in e.areas
    }
    missing = {area.id for area in STATUTORY_AREAS} - covered
    assert not missing, f"no offer entry covers: {sorted(missing)}"


def test_the_gallery_shows_every_published_piece_and_nothing_else(
    example_site: Path, example_data: SiteData
) -> None:
    pieces = example_data.gallery.pieces if example_data.gallery is not None else []
    published = [piece.id for piece in pieces if is_published(piece, BUILD_DATE)]
    shown: set[str] = set()
    for page in built_pages(example_site):
        shown |= {str(a["id"]) for a in soup_of(page).select("article.clo-piece")}
    assert shown <= set(published), "a piece without consent, or taken down, is on a page"
    report = check_project(ROOT, ROOT / "docs", BUILD_DATE)
    for call in report.calls:
        if call.name == "gallery":
            articles = soup_of(html_path(example_site, call.page)).select("article.clo-piece")
            assert [str(a["id"]) for a in articles] == published, call.page


def test_pages_hold_no_jinja_loops_or_raw_tables() -> None:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\{%-?\s*for\b", text), f"{page}: loop in a page"
        assert "<table" not in text.lower(), f"{page}: raw HTML table in a page"


# --- The council's name is typed only into data/ ------------------------------------------


def council_words() -> list[str]:
    settings = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    council = settings["council"]
    return [council["name"], council["short_name"], council["area_name"]]


def searched_files() -> list[Path]:
    files = []
    for folder in SEARCHED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts):
                files.append(path)
    return files


def test_council_name_appears_only_in_data() -> None:
    offenders: list[str] = []
    for path in searched_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a picture
        offenders += [
            f"{path.relative_to(ROOT)} contains {word!r}"
            for word in council_words()
            if word in text
        ]
    assert offenders == []


def test_mkdocs_yml_has_no_council_name() -> None:
    for config in (ROOT / "mkdocs.yml", ROOT / "tests" / "fixture_site" / "mkdocs.yml"):
        text = config.read_text(encoding="utf-8")
        assert all(word not in text for word in council_words()), config


def test_searched_folders_exist() -> None:
    # Guards the tests above against passing because a folder was renamed.
    assert all((ROOT / folder).is_dir() for folder in SEARCHED)
    assert (ROOT / "data" / "site.yml").is_file()
    names = {path.relative_to(ROOT).as_posix() for path in searched_files()}
    assert {"macros/pipeline.py", "tests/fixture_site/data/site.yml"} <= names
    assert all(word.strip() for word in council_words())


def test_an_entry_that_names_a_sum_of_money_carries_it_as_an_amount(
    example_data: SiteData,
) -> None:
    # True of any council's offer: a sum in the prose must also be data, or the card, the
    # feed and "what changed" cannot show it, and nothing warns when it goes stale.
    sum_of_money = re.compile(r"£\s?\d")
    missing = [
        f"{section_id}: {entry.id}"
        for section_id, section in example_data.offer.items()
        for entry in section.entries
        if not entry.amounts
        and any(
            sum_of_money.search(text)
            for text in (entry.summary, *entry.conditions, *entry.how_to_get_it)
        )
    ]
    assert missing == []


def test_every_page_is_valid_html(example_site: Path) -> None:
    """The Nu Html Checker on every page (Material's known noise left out by its rule)."""
    messages = check_html(built_pages(example_site), example_site)
    assert messages == [], f"{len(messages)} HTML errors and warnings:\n" + "\n".join(
        map(str, messages)
    )


def test_the_table_of_contents_lists_every_heading(example_site: Path) -> None:
    missing = unlisted_headings(example_site)
    assert missing == [], f"{len(missing)} headings not in the table of contents:\n" + "\n".join(
        missing
    )
    assert entry_headings_without_ids(example_site) == []
