"""One invalid fixture per defect: ``check`` and the build must both report it, located.

A fixture in ``tests/validate/invalid/<defect-name>.yml`` starts with header comments:

    # target: data/offer/always-overdue.yml   file in a copy of the fixture site to change
    # expect: data/offer/always-overdue.yml:37: entries[2].ages.from: ...   (one or more)
    # replace: <old text> => <new text>  (optional, repeatable; \\n for a line break)
    # delete: the target                (optional: the target file is removed)

Targets are paths inside the fixture site's folder (``tests/fixture_site/``). With
``replace`` lines, each old text in the target's current content is replaced (it must be
there). With ``delete``, the target (which must be there) is removed. Without either, the
rest of the fixture (after the header) becomes the whole target file. The copy is then
checked as ``check`` does, and every expected line must be reported; then it is built,
and the build must fail with exactly the problems ``check`` found, and never with any
other exception (a traceback).
"""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from macros.pipeline import check_project
from tests.conftest import BUILD_DATE, FROZEN_EPOCH, copy_fixture_site, run_build

FIXTURES = sorted((Path(__file__).parent / "invalid").glob("*"))
HEADER_KEYS = {"target", "expect", "replace", "delete"}


@dataclass(frozen=True)
class Fixture:
    target: str
    expected: list[str]
    replacements: list[tuple[str, str]]
    body: bytes
    delete: bool = False


def parse_fixture(path: Path) -> Fixture:
    raw = path.read_bytes()
    header_lines: list[str] = []
    body_start = 0
    for line in raw.splitlines(keepends=True):
        text = line.decode("utf-8", errors="replace")
        if not text.startswith("# ") or ":" not in text:
            break
        if text[2:].split(":", 1)[0] not in HEADER_KEYS:
            break
        header_lines.append(text.rstrip("\n"))
        body_start += len(line)
    target = ""
    expected: list[str] = []
    replacements: list[tuple[str, str]] = []
    delete = False
    for header in header_lines:
        key, value = header[2:].split(":", 1)
        value = value.strip()
        if key == "target":
            target = value
        elif key == "expect":
            expected.append(value)
        elif key == "delete":
            delete = True
        else:
            old, new = value.split(" => ", 1)
            replacements.append((_unescaped(old), _unescaped(new)))
    return Fixture(target, expected, replacements, raw[body_start:], delete)


def _unescaped(text: str) -> str:
    r"""``\n`` in a replace line is a line break; any other character stays as typed.

    >>> _unescaped(r"a\nb £5")
    'a\nb £5'
    """
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def apply_fixture(fixture: Path, site: Path) -> list[str]:
    """Break the fixture site copy in ``site`` as ``fixture`` says; the expected lines."""
    parsed = parse_fixture(fixture)
    assert parsed.target and parsed.expected, (
        f"{fixture.name}: needs '# target:' and '# expect:' lines"
    )
    path = site / parsed.target
    path.parent.mkdir(parents=True, exist_ok=True)
    if parsed.delete:
        assert path.is_file() and not parsed.replacements, (
            f"{fixture.name}: deletes {parsed.target}, which must be there, and changes nothing"
        )
        path.unlink()
    elif parsed.replacements:
        text = path.read_text(encoding="utf-8")
        for old, new in parsed.replacements:
            assert old in text, f"{fixture.name}: {old!r} not found in {parsed.target}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(parsed.body)
    return parsed.expected


class _Messages(logging.Handler):
    """Every warning and error MkDocs logs during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += record.getMessage().splitlines()


@dataclass
class BuildOutcome:
    error: Abort | PluginError | None
    logged: list[str] = field(default_factory=list)


def build_in_process(site: Path, site_dir: Path) -> BuildOutcome:
    """``mkdocs build --strict`` of the site in ``site``, run in this process (a quarter
    of the time of a new Python process per fixture).

    As the command line does: load the config, start the plugins for ``build``, build,
    shut them down. Only MkDocs' own failures (``Abort``, ``PluginError``) are caught;
    any other exception is a crash and fails the test.
    """
    messages = _Messages()
    mkdocs_log = logging.getLogger("mkdocs")
    thresholds = gc.get_threshold()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
        # mkdocs-macros puts the template's folder on sys.path; keep this process's own.
        patch.setattr(sys, "path", list(sys.path))
        mkdocs_log.addHandler(messages)
        try:
            config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(site_dir))
            config["strict"] = True
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (Abort, PluginError) as error:
            return BuildOutcome(error, messages.lines)
        finally:
            mkdocs_log.removeHandler(messages)
            # The build tunes and freezes the cycle collector for itself.
            gc.set_threshold(*thresholds)
            gc.unfreeze()
    return BuildOutcome(None, messages.lines)


def test_corpus_is_large_enough() -> None:
    assert len(FIXTURES) >= 120


def test_every_fixture_names_one_defect_of_the_fixture_site() -> None:
    for fixture in FIXTURES:
        parsed = parse_fixture(fixture)
        assert parsed.target and parsed.expected, fixture.name
        assert not Path(parsed.target).is_absolute() and ".." not in parsed.target, fixture.name
        assert parsed.target.startswith(("data/", "docs/", "mkdocs.yml")), fixture.name
        for line in parsed.expected:
            assert line.startswith(("data/", "docs/", "mkdocs.yml")), f"{fixture.name}: {line}"


def test_the_unchanged_fixture_site_passes_check_and_builds_in_process(tmp_path: Path) -> None:
    """The control: without a fixture, nothing is reported and the build succeeds."""
    site = copy_fixture_site(tmp_path / "project")
    assert check_project(site, site / "docs", BUILD_DATE).problems == []
    outcome = build_in_process(site, tmp_path / "site")
    assert outcome.error is None, "\n".join(outcome.logged)
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_invalid_input_gives_exact_message_from_check_and_build(
    fixture: Path, tmp_path: Path
) -> None:
    site = copy_fixture_site(tmp_path / "project")
    expected = apply_fixture(fixture, site)

    report = check_project(site, site / "docs", BUILD_DATE)
    reported = [str(problem) for problem in report.problems]
    for line in expected:
        assert line in reported, f"expected {line!r}\ncheck reported:\n" + "\n".join(reported)

    site_dir = tmp_path / "site"
    outcome = build_in_process(site, site_dir)
    assert outcome.error is not None, f"{fixture.name}: the build passed"
    problem_lines = [
        line for line in outcome.logged if line.startswith(("data/", "docs/", "mkdocs.yml"))
    ]
    assert problem_lines == reported, "the build and check disagree:\n" + "\n".join(outcome.logged)
    assert not site_dir.exists(), "a failed build must not leave a site"


def test_the_command_line_build_fails_the_same_way(tmp_path: Path) -> None:
    """The in-process build stands for ``mkdocs build``: one fixture through the real command."""
    site = copy_fixture_site(tmp_path / "project")
    expected = apply_fixture(
        Path(__file__).parent / "invalid" / "figures-total-does-not-add-up.yml", site
    )
    result = run_build(site, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "1 problem in the site data or pages:" in result.output
    for line in expected:
        assert line in result.output.splitlines(), result.output
    assert not (tmp_path / "site").exists()
