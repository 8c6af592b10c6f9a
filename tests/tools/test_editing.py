"""macros.tools.editing: mark-reviewed and new-entry keep everything the editor wrote."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from macros.load.yaml_file import load_yaml
from macros.problems import DataError
from macros.tools.editing import EditError, entry_scaffold, mark_reviewed, new_entry, scaffold
from macros.validate.messages import validate
from macros.validate.model import Entry
from macros.validate.model.common import Strict
from tests.conftest import FIXTURE_SITE

COMMENTED = """\
# yaml-language-server: $schema=../schemas/offer-section.schema.json
# Money: grants and help with budgeting.   <- editors' own note, odd spacing kept

title: Money   # the heading
order: 60
introduction: >-
  Money you can get.
owner: "Leaving Care Team"
last_reviewed_on: 2025-03-12   # checked with finance
review_by: 2025-09-12

entries:
  # The grant first, because people ask about it most.
  - id: grant
    title: 'Setting up home'
    summary: A grant.
    ages: {from: 18, to: 25}
    how_to_get_it:
      - Ask.
    providers: [leaving-care-team]
    duty: statutory

# Trailing note about the file.
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def section(tmp_path: Path) -> Path:
    path = tmp_path / "money.yml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def test_mark_reviewed_changes_only_the_two_date_lines(section: Path) -> None:
    changes = mark_reviewed(section, dt.date(2026, 11, 23))
    after = section.read_text(encoding="utf-8")
    assert changes == ["last_reviewed_on: 2026-11-23", "review_by: 2027-05-23"]
    assert changed_lines(COMMENTED, after) == [
        "-last_reviewed_on: 2025-03-12   # checked with finance",
        "-review_by: 2025-09-12",
        "+last_reviewed_on: 2026-11-23   # checked with finance",
        "+review_by: 2027-05-23",
    ]


def test_mark_reviewed_without_review_by(section: Path) -> None:
    section.write_text(COMMENTED.replace("review_by: 2025-09-12\n", ""), encoding="utf-8")
    before = section.read_text(encoding="utf-8")
    mark_reviewed(section, dt.date(2026, 1, 2))
    assert changed_lines(before, section.read_text(encoding="utf-8")) == [
        "-last_reviewed_on: 2025-03-12   # checked with finance",
        "+last_reviewed_on: 2026-01-02   # checked with finance",
    ]


def test_mark_reviewed_refuses_a_date_before_the_last_review(section: Path) -> None:
    with pytest.raises(EditError, match="before the last review"):
        mark_reviewed(section, dt.date(2024, 1, 1))
    assert section.read_text(encoding="utf-8") == COMMENTED


def test_new_entry_only_adds_lines(section: Path) -> None:
    line = new_entry(section, "driving-lessons")
    after = section.read_text(encoding="utf-8")
    diff = changed_lines(COMMENTED, after)
    assert all(change.startswith("+") for change in diff), diff
    assert diff[0] == (
        "+  - id: driving-lessons  # the entry's address on the page: lower-case words joined "
        "by hyphens; never change it once published"
    )
    assert after.split("\n")[line - 1] == diff[0][1:]
    assert after.endswith("# Trailing note about the file.\n")
    loaded = load_yaml(section, "money.yml")
    assert [entry["id"] for entry in loaded.data["entries"]] == ["grant", "driving-lessons"]
    assert loaded.data["entries"][1]["title"] == ""


def test_new_entry_rejects_bad_or_duplicate_ids(section: Path) -> None:
    with pytest.raises(EditError, match="lower-case words"):
        new_entry(section, "Driving Lessons")
    with pytest.raises(EditError, match="already has an entry"):
        new_entry(section, "grant")
    assert section.read_text(encoding="utf-8") == COMMENTED


def test_every_fixture_section_survives_new_entry(tmp_path: Path) -> None:
    for original in sorted((FIXTURE_SITE / "data" / "offer").glob("*.yml")):
        if "." in original.stem:
            continue  # a translation (always-overdue.ar.yml) has no list of entries
        copy = tmp_path / original.name
        text = original.read_text(encoding="utf-8")
        copy.write_text(text, encoding="utf-8")
        new_entry(copy, f"added-to-{original.stem}")
        diff = changed_lines(text, copy.read_text(encoding="utf-8"))
        assert all(change.startswith("+") for change in diff), original.name
        ids = [entry["id"] for entry in load_yaml(copy, copy.name).data["entries"]]
        assert ids[-1] == f"added-to-{original.stem}", original.name


def test_new_entry_rejects_an_id_used_in_another_section(section: Path) -> None:
    other = section.parent / "travel.yml"
    other.write_text(COMMENTED.replace("id: grant", "id: bus-pass"), encoding="utf-8")
    with pytest.raises(EditError, match="already has an entry with id 'bus-pass'"):
        new_entry(section, "bus-pass")
    assert section.read_text(encoding="utf-8") == COMMENTED


def test_the_scaffold_is_written_from_the_model() -> None:
    lines = entry_scaffold("driving-lessons")
    keys = {line.strip().split(":")[0].removeprefix("- ") for line in lines}
    required = {
        field.alias or name for name, field in Entry.model_fields.items() if field.is_required()
    }
    assert required <= keys
    assert all("  # " in line for line in lines if not line.strip().startswith('- ""')), lines


def test_a_new_model_field_appears_in_the_scaffold_by_itself() -> None:
    from pydantic import Field

    class Costed(Strict):
        cost: str = Field(description="What it costs.", examples=["Free"])
        note: str | None = Field(None, description="Left out: optional, no example.")

    assert scaffold(Costed) == ['cost: ""  # what it costs, e.g. Free']


def test_a_filled_in_scaffold_is_a_valid_entry(tmp_path: Path) -> None:
    lines = entry_scaffold("driving-lessons")
    # Providers are required, so the scaffold leaves one to fill in: an organisation's id.
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("providers:"))
    assert lines[at + 1].strip() == '- ""'
    lines[at + 1] = lines[at + 1].replace('""', "leaving-care-team")
    text = "\n".join(lines).replace('""', '"Filled in"')
    text = text.replace('email: "Filled in"', "email: a@example.org")
    text = text.replace('web: "Filled in"', "web: https://www.example.org/")
    path = tmp_path / "entry.yml"
    path.write_text(text.removeprefix("- ").replace("\n  ", "\n"), encoding="utf-8")
    entry = validate(load_yaml(path, "entry.yml"), Entry)
    assert entry.id == "driving-lessons" and entry.title == "Filled in"
    assert [provider.organisation for provider in entry.providers] == ["leaving-care-team"]
    assert entry.contact.email == "a@example.org"


def test_a_scaffold_left_as_written_is_refused_on_its_lines(tmp_path: Path) -> None:
    # Guards the test above: what the editor has not filled in is not a valid entry.
    text = "\n".join(entry_scaffold("driving-lessons"))
    path = tmp_path / "entry.yml"
    path.write_text(text.removeprefix("- ").replace("\n  ", "\n"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "entry.yml"), Entry)
    report = caught.value.report()
    assert "title" in report and "providers[1].organisation" in report


def test_windows_line_endings_are_kept(section: Path) -> None:
    crlf = COMMENTED.replace("\n", "\r\n")
    section.write_bytes(crlf.encode("utf-8"))
    mark_reviewed(section, dt.date(2026, 11, 23))
    after = section.read_bytes().decode("utf-8")
    assert after.count("\r\n") == crlf.count("\r\n") and "\n" not in after.replace("\r\n", "")
    assert changed_lines(crlf.replace("\r\n", "\n"), after.replace("\r\n", "\n")) == [
        "-last_reviewed_on: 2025-03-12   # checked with finance",
        "-review_by: 2025-09-12",
        "+last_reviewed_on: 2026-11-23   # checked with finance",
        "+review_by: 2027-05-23",
    ]
    before_new = section.read_bytes()
    new_entry(section, "driving-lessons")
    added = section.read_bytes().decode("utf-8")
    assert "\n" not in added.replace("\r\n", "")
    assert all(
        change.startswith("+")
        for change in changed_lines(
            before_new.decode("utf-8").replace("\r\n", "\n"), added.replace("\r\n", "\n")
        )
    )


def test_an_anchor_on_the_date_is_kept(section: Path) -> None:
    text = COMMENTED.replace(
        "last_reviewed_on: 2025-03-12   # checked with finance",
        "last_reviewed_on: &reviewed 2025-03-12   # checked with finance",
    ).replace("review_by: 2025-09-12", "review_by: 2025-09-12\nchecked_with: *reviewed")
    section.write_text(text, encoding="utf-8")
    mark_reviewed(section, dt.date(2026, 11, 23))
    after = section.read_text(encoding="utf-8")
    assert "last_reviewed_on: &reviewed 2026-11-23   # checked with finance" in after
    assert load_yaml(section, "money.yml").data["checked_with"] == dt.date(2026, 11, 23)


def test_a_review_cannot_be_marked_before_it_happens(section: Path) -> None:
    with pytest.raises(EditError, match="is after today"):
        mark_reviewed(section, dt.date(2029, 11, 23), today=dt.date(2026, 11, 23))
    assert section.read_text(encoding="utf-8") == COMMENTED


def test_an_id_too_long_or_equal_to_a_section_id_is_refused(section: Path) -> None:
    with pytest.raises(EditError, match="must be at most 60 characters"):
        new_entry(section, "a" * 300)
    with pytest.raises(EditError, match=r"is the id of the section money\.yml"):
        new_entry(section, "money")
    assert section.read_text(encoding="utf-8") == COMMENTED


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("title: Money", "title: [Money", "YAML syntax error"),
        ("review_by: 2025-09-12", "review_by: 2025-02-30", "is not a real date, got '2025-02-30'"),
    ],
)
def test_a_mistake_elsewhere_in_the_file_is_one_line_and_nothing_changes(
    section: Path, old: str, new: str, expected: str
) -> None:
    broken = COMMENTED.replace(old, new)
    section.write_text(broken, encoding="utf-8")
    for edit in (
        lambda: mark_reviewed(section, dt.date(2026, 11, 23)),
        lambda: new_entry(section, "x-y"),
    ):
        with pytest.raises(EditError) as caught:
            edit()
        assert expected in str(caught.value) and "Traceback" not in str(caught.value)
        assert str(section) in str(caught.value).splitlines()[0]
    assert section.read_text(encoding="utf-8") == broken
