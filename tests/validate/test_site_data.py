"""macros.validate.site_data: every data file from the registry, checked together."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from macros.load.yaml_file import LoadedFile
from macros.pipeline import check_project
from macros.problems import DataError
from macros.tools.cli import check_main
from macros.validate import site_data
from macros.validate.model import OfferSection
from macros.validate.model.files import DATA_FILES, DataFile
from macros.validate.site_data import check_data, load_site_data
from tests.conftest import BUILD_DATE, FROZEN_EPOCH, copy_fixture_site

WITHHELD_NOTICE = (
    "data/gallery.yml:57: pieces[5].consent: 'not-yet-agreed' is not published: no consent is "
    "recorded; when the young person has agreed, add consent with recorded_by (your role) "
    "and recorded_on"
)
SECTIONS_IN_ORDER = ["always-overdue", "always-current", "due-soon", "hostile"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An unchanged copy of the fixture site (checking notes pictures in its .cache)."""
    return copy_fixture_site(tmp_path_factory.mktemp("site"))


NAMED_BY_ENTRIES = {"places", "areas", "situations"}
"""Optional lists that the fixture site's entries name by id."""


def replace_in(path: Path, *replace: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text, f"{old!r} not in {path.name}"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def messages(site: Path) -> list[str]:
    return [str(problem) for problem in check_data(site, BUILD_DATE).problems]


# --- The registry --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", DATA_FILES, ids=[kind.key for kind in DATA_FILES])
def test_every_kind_in_the_registry_is_loaded_with_its_model(site: Path, kind: DataFile) -> None:
    checked = check_data(site, BUILD_DATE)
    assert checked.problems == []
    assert checked.data is not None
    value: Any = getattr(checked.data, kind.key)
    if kind.folder is None:
        assert isinstance(value, kind.model)
        assert kind.path in checked.data.sources
    else:
        assert value and all(isinstance(item, kind.model) for item in value.values())
        for item_id in value:
            assert f"{kind.folder}/{item_id}.yml" in checked.data.sources
    assert all(isinstance(source, LoadedFile) for source in checked.data.sources.values())


@pytest.mark.parametrize(
    "kind",
    [kind for kind in DATA_FILES if kind.required and kind.folder is None],
    ids=lambda kind: kind.key,
)
def test_a_missing_required_file_is_a_problem(fixture_copy: Path, kind: DataFile) -> None:
    (fixture_copy / kind.path).unlink()
    assert messages(fixture_copy) == [f"{kind.path}: is missing; it is required"]
    with pytest.raises(DataError, match="is missing; it is required"):
        load_site_data(fixture_copy, BUILD_DATE)


def test_an_offer_folder_with_no_sections_is_a_problem(fixture_copy: Path) -> None:
    for path in (fixture_copy / "data" / "offer").glob("*.yml"):
        path.unlink()
    assert messages(fixture_copy) == ["data/offer/: has no sections; add one file per section"]


def test_optional_files_may_be_left_out(fixture_copy: Path) -> None:
    optional = [kind for kind in DATA_FILES if not kind.required]
    assert {kind.key for kind in optional} == {
        "action_plan",
        "figures",
        "gallery",
        "changes",
        "care_leavers",
        "glossary",
        *NAMED_BY_ENTRIES,
    }
    for kind in optional:
        if kind.key not in NAMED_BY_ENTRIES:
            (fixture_copy / kind.path).unlink()
    shutil.rmtree(fixture_copy / "data" / "gallery")
    checked = check_data(fixture_copy, BUILD_DATE)
    assert checked.problems == [] and checked.notices == []
    assert checked.data is not None
    left_out = (checked.data.action_plan, checked.data.figures, checked.data.gallery)
    assert left_out == (None,) * 3
    assert checked.data.changes is None and checked.data.care_leavers is None
    assert checked.data.pictures == {}


def test_lists_that_entries_name_may_be_left_out_with_what_names_them(fixture_copy: Path) -> None:
    """Without places, situations or areas of its own, a site names none of them."""
    for name in ("places", "situations", "areas"):
        (fixture_copy / "data" / f"{name}.yml").unlink()
    replace_in(
        fixture_copy / "data" / "site.yml",
        ("  places: [town-hall]\n", ""),
    )
    replace_in(
        fixture_copy / "data" / "offer" / "always-overdue.yml",
        ("areas: [money, accommodation]", "areas: [accommodation]"),
        ("areas: [money]", "areas: [financial_literacy]"),
        ("areas: [education_and_training, money]", "areas: [education_and_training]"),
        ("    only_for: [at-college]\n", ""),
    )
    replace_in(
        fixture_copy / "data" / "offer" / "always-current.yml",
        ("    especially_for: [parent-or-expecting]\n", ""),
        ("    places:\n      - {place: northtown-hub, opening_times: [", "    opening_times: ["),
        ("2026-01-08}]}\n", "2026-01-08}]\n"),
        ("    places: [northtown-hub, advice-bus]\n", ""),
    )
    replace_in(
        fixture_copy / "data" / "offer" / "due-soon.yml",
        ("areas: [accommodation, money]", "areas: [accommodation]"),
        ("    only_for: [staying-put]\n", ""),
        ("    only_for: [living-outside-the-area]\n", ""),
        ("    only_for: [leaving-custody]\n", ""),
    )
    replace_in(
        fixture_copy / "data" / "offer" / "hostile.yml", ("    places: [hostile-place]\n", "")
    )
    checked = check_data(fixture_copy, BUILD_DATE)
    assert [str(problem) for problem in checked.problems] == []
    assert checked.data is not None
    assert (checked.data.places, checked.data.situations, checked.data.areas) == (None,) * 3


def test_a_list_left_out_that_entries_name_says_where_to_list_them(fixture_copy: Path) -> None:
    for name in ("places", "situations"):
        (fixture_copy / "data" / f"{name}.yml").unlink()
    found = messages(fixture_copy)
    assert (
        "data/site.yml:34: contact.places[1]: unknown place 'town-hall'; no place is "
        "listed yet: add it to data/places.yml" in found
    )
    assert (
        "data/offer/always-current.yml:58: entries[4].places[2].place: unknown place "
        "'advice-bus'; no place is listed yet: add it to data/places.yml"
    ) in found
    assert (
        "data/offer/due-soon.yml:17: entries[1].only_for[1]: unknown situation 'staying-put'; "
        "no situation is listed yet: add it to data/situations.yml"
    ) in found
    assert all("no place is listed" in p or "no situation is listed" in p for p in found)
    assert len(found) == 10  # 5 places, 5 situations


def test_an_entry_in_a_district_when_the_site_lists_none(fixture_copy: Path) -> None:
    site_yml = fixture_copy / "data" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text(text[: text.index("districts:")], encoding="utf-8")
    assert messages(fixture_copy) == [
        "data/offer/always-current.yml:48: entries[3].districts[1]: unknown district "
        "'northtown'; no district is listed yet: add it to districts: in data/site.yml"
    ]


def test_a_page_that_uses_a_file_left_out_is_told_to_add_it(fixture_copy: Path) -> None:
    (fixture_copy / "data" / "figures.yml").unlink()
    problems = check_project(fixture_copy, fixture_copy / "docs", BUILD_DATE).problems
    assert (
        "docs/strategy/figures.md:7: figure: data/figures.yml is missing; add it to use figure()"
        in [str(problem) for problem in problems]
    )


# --- A file that does not load is not reported again through what names it -----------------


@pytest.mark.parametrize(
    ("broken", "old", "new"),
    [
        ("data/site.yml", "response_days: 10", "response_days: 0"),
        ("data/places.yml", "postcode: TE2 2BB", "postcode: TE2 2B"),
        ("data/situations.yml", "label: At college or university", "label:"),
        ("data/areas.yml", "label: Money", "label:"),
        ("data/organisations.yml", "type: charity", "type: [charity]"),
        ("data/principles.yml", "number: 7", "number: seven"),
        ("data/offer/always-current.yml", "order: 20", "order: -1"),
    ],
    ids=["site", "places", "situations", "areas", "organisations", "principles", "section"],
)
def test_a_file_that_does_not_load_gives_only_its_own_problem(
    fixture_copy: Path, broken: str, old: str, new: str
) -> None:
    """Districts, places, situations, areas, organisations and principles it lists are not
    reported as unknown, and no statutory area is reported as not covered because the
    section that covers it did not load."""
    replace_in(fixture_copy / broken, (old, new))
    found = messages(fixture_copy)
    assert len(found) == 1, found
    assert found[0].startswith(f"{broken}:"), found


def test_problems_in_several_files_are_reported_together(fixture_copy: Path) -> None:
    site_yml = fixture_copy / "data" / "site.yml"
    site_yml.write_text(site_yml.read_text().replace("response_days: 10", "response_days: 0"))
    figures = fixture_copy / "data" / "figures.yml"
    figures.write_text(figures.read_text().replace("total: 200", "total: 201"))
    assert [problem.split(":")[0] for problem in messages(fixture_copy)] == [
        "data/figures.yml",
        "data/site.yml",
    ]


# --- Notices -------------------------------------------------------------------------------


def test_a_withheld_piece_is_a_notice_never_a_problem(site: Path) -> None:
    checked = check_data(site, BUILD_DATE)
    assert checked.problems == []
    assert [str(notice) for notice in checked.notices] == [WITHHELD_NOTICE]
    assert checked.data is not None  # the build goes on


def test_check_exits_0_and_prints_the_notice_as_a_note(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
    assert check_main(["--root", str(site)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[-1] == "All data and pages are valid."
    assert f"note: {WITHHELD_NOTICE}" in lines  # among the fixture's other notes
    assert all(line.startswith("note: ") for line in lines[:-1])
    assert err == ""


def test_a_piece_without_consent_is_named_on_its_line(fixture_copy: Path) -> None:
    gallery = fixture_copy / "data" / "gallery.yml"
    text = gallery.read_text(encoding="utf-8")
    consent = (
        "    consent:\n      recorded_by: Participation officer\n      recorded_on: 2026-02-01\n"
    )
    assert text.count(consent) == 2  # keys and first-flat
    gallery.write_text(text.replace(consent, "", 1), encoding="utf-8")
    checked = check_data(fixture_copy, BUILD_DATE)
    assert checked.problems == []
    assert checked.data is not None
    assert [str(notice) for notice in checked.notices] == [
        "data/gallery.yml:29: pieces[3].consent: 'keys' is not published: no consent is "
        "recorded; when the young person has agreed, add consent with recorded_by (your role) "
        "and recorded_on",
        WITHHELD_NOTICE.replace(":57:", ":54:"),
    ]


# --- Order ---------------------------------------------------------------------------------


def test_sections_are_in_overview_order_not_file_order(site: Path) -> None:
    data = load_site_data(site, BUILD_DATE)
    assert list(data.offer) == SECTIONS_IN_ORDER
    assert sorted(data.offer) != SECTIONS_IN_ORDER  # file order would differ
    assert all(isinstance(section, OfferSection) for section in data.offer.values())


def test_changing_order_moves_a_section_and_equal_orders_go_by_id(fixture_copy: Path) -> None:
    money = fixture_copy / "data" / "offer" / "always-overdue.yml"
    money.write_text(money.read_text().replace("order: 10", "order: 40"))
    data = load_site_data(fixture_copy, BUILD_DATE)
    assert list(data.offer) == ["always-current", "due-soon", "always-overdue", "hostile"]


# --- An unchanged file is not read again ---------------------------------------------------


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files check_data parses from here on, with a memo that starts empty."""
    seen: list[str] = []
    parse = site_data.parse_yaml

    def counting(raw: bytes, shown: str) -> LoadedFile:
        seen.append(shown)
        return parse(raw, shown)

    empty: dict[tuple[str, type[BaseModel]], Any] = {}
    monkeypatch.setattr(site_data, "_validated", empty)
    monkeypatch.setattr(site_data, "parse_yaml", counting)
    return seen


def test_an_unchanged_file_is_not_parsed_again_but_a_changed_one_is(
    fixture_copy: Path, parsed: list[str]
) -> None:
    first = check_data(fixture_copy, BUILD_DATE)
    assert first.data is not None
    assert sorted(parsed) == sorted(first.data.sources)
    data_files = sorted((fixture_copy / "data").rglob("*.yml"))
    assert len(parsed) == len(data_files) == 19
    parsed.clear()
    again = check_data(fixture_copy, BUILD_DATE)
    assert parsed == []
    assert again.data == first.data

    figures = fixture_copy / "data" / "figures.yml"
    figures.write_text(figures.read_text().replace("total: 200", "total: 201"))
    changed = check_data(fixture_copy, BUILD_DATE)
    assert parsed == ["data/figures.yml"]
    assert [str(problem) for problem in changed.problems] == [
        "data/figures.yml:7: placements.total: is 201, but the counts in placements.by_type "
        "add up to 200; they must be equal"
    ]


def test_a_file_with_a_problem_is_checked_again_every_time(
    fixture_copy: Path, parsed: list[str]
) -> None:
    site_yml = fixture_copy / "data" / "site.yml"
    site_yml.write_text(site_yml.read_text().replace("response_days: 10", "response_days: 0"))
    first = messages(fixture_copy)
    parsed.clear()
    assert messages(fixture_copy) == first
    assert parsed == ["data/site.yml"]
