"""macros.tools.translate: what a translator needs, with fingerprints, never a file written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.tools.translate import entries_to_translate, translate_main
from macros.validate.site_data import SiteData
from tests.conftest import FIXTURE_SITE


def test_only_what_is_missing_or_out_of_date(data: SiteData) -> None:
    text = entries_to_translate(data, "always-overdue", "ar", everything=False)
    parsed = yaml.safe_load(text)
    assert list(parsed["entries"]) == ["college-bursary", "money-advice"]
    assert parsed["entries"]["college-bursary"]["made_from"] == "dbc16d40c46d"
    assert "# English title: Bursary for your course" in text
    everything = yaml.safe_load(entries_to_translate(data, "always-overdue", "ar", True))
    assert len(everything["entries"]) == 4 and everything["made_from"] == "47f8032a6c7a"


def test_the_page_fingerprint(capsys: pytest.CaptureFixture[str]) -> None:
    assert translate_main(["--root", str(FIXTURE_SITE), "--page", "docs/offer/money.md"]) == 0
    assert capsys.readouterr().out == "made_from: 3fc23a3a44e9\n"


def test_easy_read_fingerprints(capsys: pytest.CaptureFixture[str]) -> None:
    assert translate_main(["--root", str(FIXTURE_SITE), "always-overdue", "--easy-read"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "setting-up-home: made_from: ced3ba0642fe  # current"
    assert lines[1] == "money-at-16: made_from: a8b193d6f543  # changed"


def test_an_unknown_section_or_language_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert translate_main(["--root", str(FIXTURE_SITE), "mony", "--language", "ar"]) == 2
    assert "no section 'mony'" in capsys.readouterr().err
    assert translate_main(["--root", str(FIXTURE_SITE), "always-overdue", "--language", "xx"]) == 2
    assert "one of: ar" in capsys.readouterr().err


def test_nothing_is_written(tmp_path: Path) -> None:
    before = sorted(p.name for p in (FIXTURE_SITE / "data" / "offer").iterdir())
    translate_main(["--root", str(FIXTURE_SITE), "always-overdue", "--language", "ar"])
    assert sorted(p.name for p in (FIXTURE_SITE / "data" / "offer").iterdir()) == before
