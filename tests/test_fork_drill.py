"""The fork drill: a council copies the project, makes it its own, and the tests still pass.

The drill copies the whole project and makes the edits a council makes first: its own
name in data/site.yml, one offer section removed (data, page and menu line), a new
section added, a few entries retitled and two gallery pieces taken out with their
pictures. Then ``check`` must pass and the copied project's own test suite must pass
(all of it but the fixture site's browser tests and the example's keyboard walk, whose
findings come from the template, which the drill does not change) with no change to
``tests/``: tests are aimed at the fixture site and at rules that hold
for any council's content, never at the example.

It takes minutes (the whole suite runs again inside it); run it on its own with
``uv run pytest tests/test_fork_drill.py -s`` to see how long.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from macros.pipeline import check_project
from tests.conftest import BUILD_DATE, ROOT
from tests.publish.open_referral import oruk

# Left out of the copy: history, the environment, caches and built sites.
NOT_COPIED = {
    ".git",
    ".venv",
    ".cache",
    "site",
    "site.partial",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "__pycache__",
}
# The new council, spelt in two parts: the copied suite searches tests/ for the council's
# name (tests/example), and this file is part of the copy.
NEW_AREA = "Oak" + "hollow"
NEW_COUNCIL = {
    "name": f"{NEW_AREA} Borough Council",
    "short_name": NEW_AREA,
    "area_name": NEW_AREA,
}
NEW_SECTION = "living-outside-the-area"
NEW_SECTION_PAGE = f"offer/{NEW_SECTION}.md"
SUITE_TIMEOUT = 3600
EXAMPLE_BROWSER = "tests/example/test_example_browser.py"
EXAMPLE_WALK_TESTS = (
    "test_every_page_of_the_example_is_walked",
    "test_every_tab_stop_in_the_example_can_be_seen_and_is_not_covered",
    "test_every_tab_stop_in_the_example_has_a_role_and_a_name",
    "test_nothing_in_the_example_spills_at_320px_or_with_text_spacing",
)


def copy_whole_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    return target


def load(path: Path) -> dict[str, object]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), path
    return loaded


def rename_council(project: Path) -> None:
    """Change the council's name, short name and area name in data/site.yml."""
    path = project / "data" / "site.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in NEW_COUNCIL.items():
        text, count = re.subn(
            rf"^(  {key}: ).*$", lambda m, v=value: m.group(1) + v, text, count=1, flags=re.M
        )
        assert count == 1, key
    path.write_text(text, encoding="utf-8")
    council = load(path)["council"]
    assert isinstance(council, dict)
    assert {key: council[key] for key in NEW_COUNCIL} == NEW_COUNCIL


def shown_sections(project: Path) -> dict[str, str]:
    """The page (in docs/) of each offer section, from the macros the pages call."""
    report = check_project(project, project / "docs", BUILD_DATE)
    assert report.problems == [], report.problems
    return {
        str(call.args[0]): call.page
        for call in report.calls
        if call.name == "offer_section" and call.args and isinstance(call.args[0], str)
    }


def mentioned_elsewhere(project: Path, words: list[str], own_page: Path) -> bool:
    for page in (project / "docs").rglob("*.md"):
        if page != own_page and any(word in page.read_text("utf-8") for word in words):
            return True
    return False


def remove_a_section(project: Path) -> dict[str, object]:
    """Delete the last section (in menu order) that no other page links to: its data
    file, its page and its menu line. Returns the removed section's data."""
    config = project / "mkdocs.yml"
    menu = config.read_text(encoding="utf-8")
    pages = shown_sections(project)
    candidates = sorted(pages, key=lambda section: menu.find(pages[section]), reverse=True)
    for section_id in candidates:
        page = project / "docs" / pages[section_id]
        data_file = project / "data" / "offer" / f"{section_id}.yml"
        section = load(data_file)
        entries = section["entries"]
        assert isinstance(entries, list)
        words = [Path(pages[section_id]).name, *(f"#{entry['id']}" for entry in entries)]
        if pages[section_id] in menu and not mentioned_elsewhere(project, words, page):
            break
    else:
        raise AssertionError("every offer section is linked from another page")
    data_file.unlink()
    page.unlink()
    line = re.compile(rf"^\s*- (?:[^\n:]+: )?{re.escape(pages[section_id])}\s*\n", re.M)
    menu, count = line.subn("", menu)
    assert count == 1
    config.write_text(menu, encoding="utf-8")
    return section


def principle_ids(project: Path) -> list[str]:
    principles = load(project / "data" / "principles.yml")["principles"]
    assert isinstance(principles, list)
    return [str(principle["id"]) for principle in principles]


def first_organisation(project: Path) -> str:
    organisations = load(project / "data" / "organisations.yml")["organisations"]
    assert isinstance(organisations, list) and organisations
    return str(organisations[0]["id"])


def add_a_section(project: Path, areas: list[str]) -> None:
    """A section for young people who live outside the council's area; its entries cover
    the areas of life the removed section covered, so every statutory area stays covered."""
    principle = principle_ids(project)[0]
    organisation = first_organisation(project)
    covered = ", ".join(areas)
    section = f"""\
# Offer section: young people who live outside the area.

title: Living outside the area
order: 999
introduction: >-
  Support for young people who live outside the area, because of where they were
  placed or because they have chosen to move away.
owner: Leaving Care Team
last_reviewed_on: 2026-11-01
review_in: 1 year

entries:
  - id: adviser-wherever-you-live
    title: An adviser wherever you live
    summary: You keep your personal adviser, wherever you live.
    ages: {{from: 18, to: 25}}
    areas: [{covered}]
    how_to_get_it:
      - Tell your adviser when you plan to move.
    providers: [{organisation}]
    contact:
      phones: ["01632 960 501"]
    duty: statutory
    principles: [{principle}]

  - id: travel-home-to-visit
    title: Travel home to visit
    summary: We pay for a train or coach ticket home four times a year.
    ages: {{from: 16, to: 25}}
    how_to_get_it:
      - Ask your adviser to book your ticket.
    providers: [{organisation}]
    duty: local_extra

  - id: housing-help-in-another-area
    title: Help with housing in another area
    summary: We work with the council where you live to find you a home.
    ages: {{from: 18, to: 25}}
    conditions:
      - You have lived in the other area for at least six months.
    how_to_get_it:
      - Talk to your adviser.
      - Your adviser contacts the housing team where you live.
    providers: [{organisation}]
    contact:
      email: out-of-area@example.org
    duty: local_extra
"""
    (project / "data" / "offer" / f"{NEW_SECTION}.yml").write_text(section, encoding="utf-8")
    (project / "docs" / NEW_SECTION_PAGE).write_text(
        f'# Living outside the area\n\n{{{{ offer_section("{NEW_SECTION}") }}}}\n',
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    menu = config.read_text(encoding="utf-8")
    last = list(re.finditer(r"^(\s*)- (?:[^\n:]+: )?offer/[\w-]+\.md\s*\n", menu, re.M))[-1]
    menu = menu[: last.end()] + f"{last.group(1)}- {NEW_SECTION_PAGE}\n" + menu[last.end() :]
    config.write_text(menu, encoding="utf-8")


def retitle_entries(project: Path, count: int = 3) -> list[str]:
    """Give the first entry of a few sections a new title; returns the new titles."""
    titles = []
    for path in sorted((project / "data" / "offer").glob("*.yml"))[:count]:
        title = f"Retitled support number {len(titles) + 1}"
        text, changed = re.subn(
            r"^(    title: )(?![>|]).+$",
            rf"\g<1>{title}",
            path.read_text("utf-8"),
            count=1,
            flags=re.M,
        )
        assert changed == 1, path
        path.write_text(text, encoding="utf-8")
        entries = load(path)["entries"]
        assert isinstance(entries, list) and entries[0]["title"] == title
        titles.append(title)
    return titles


def remove_gallery_pieces(project: Path, count: int = 2) -> list[str]:
    """Take out pieces of artwork no page names, with their pictures."""
    path = project / "data" / "gallery.yml"
    pieces = load(path)["pieces"]
    assert isinstance(pieces, list)
    docs = " ".join(page.read_text("utf-8") for page in (project / "docs").rglob("*.md"))
    images = [piece.get("image") for piece in pieces]
    removable = [
        piece
        for piece in pieces
        if piece.get("image")
        and images.count(piece["image"]) == 1
        and f'gallery_piece("{piece["id"]}"' not in docs
    ][:count]
    assert len(removable) == count, "the example gallery needs two pieces of artwork"
    text = path.read_text(encoding="utf-8")
    for piece in removable:
        block = re.compile(rf"^  - id: {re.escape(piece['id'])}\n(?:(?!  - id: ).*\n)*", re.M)
        text, removed = block.subn("", text)
        assert removed == 1, piece["id"]
        (project / "data" / "gallery" / piece["image"]).unlink()
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    left = load(path)["pieces"]
    assert isinstance(left, list)
    assert [p["id"] for p in left] == [p["id"] for p in pieces if p not in removable]
    return [str(piece["id"]) for piece in removable]


def the_copys_environment(project: Path) -> dict[str, str]:
    """Run the copy's own code: its macros, with the real date."""
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(project)
    env.pop("PYTEST_ADDOPTS", None)
    # The copy is not beside ../shared/: point its feed tests at the same schemas.
    env["CLO_ORUK_SCHEMAS"] = str(oruk.SHARED.resolve())
    return env


def tail(text: str, lines: int = 80) -> str:
    return "\n".join(text.splitlines()[-lines:])


def test_a_council_can_fork_the_project(tmp_path: Path) -> None:
    started = time.monotonic()
    project = copy_whole_project(tmp_path / "fork")
    rename_council(project)
    removed = remove_a_section(project)
    entries = removed.get("entries") or []
    assert isinstance(entries, list)
    areas = sorted({str(area) for entry in entries for area in entry.get("areas") or []})
    add_a_section(project, areas)
    retitle_entries(project)
    remove_gallery_pieces(project)
    env = the_copys_environment(project)

    check = subprocess.run(
        [sys.executable, "-c", "from macros.tools.cli import run_check; run_check()"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "All data and pages are valid." in check.stdout
    assert NEW_SECTION in shown_sections(project)

    suite = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'suite-tmp'}",
            "--ignore=tests/test_fork_drill.py",
            # The fixture site's browser walks: the drill changes neither the template
            # nor tests/fixture_site, so they give the fork what they give this run
            # (the example's own browser tests, in tests/example/, do run).
            "--ignore=tests/browser_tests",
            # The keyboard walk of every page of the example in every language (ten of
            # the drill's twenty minutes): what it finds comes from the template's layout,
            # which the drill does not change, and it runs on the example in this run.
            # axe on every page of the fork, its new section included, still runs.
            *(f"--deselect={EXAMPLE_BROWSER}::{test}" for test in EXAMPLE_WALK_TESTS),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=SUITE_TIMEOUT,
    )
    took = time.monotonic() - started
    print(f"\nfork drill: {took:.0f} s; the copy's suite said: {tail(suite.stdout, 3)}")
    assert suite.returncode == 0, tail(suite.stdout + suite.stderr)
    assert " passed" in suite.stdout
    assert f"{len(EXAMPLE_WALK_TESTS)} deselected" in suite.stdout  # each name still a test
