"""No council's name is typed into code, templates or pages: it must come from data."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import ROOT

SEARCHED = ("macros", "overrides", "docs", "tests")


def council_words() -> list[str]:
    settings = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    council = settings["council"]
    return [council["name"], council["short_name"], council["area_name"]]


def test_council_name_appears_only_in_data() -> None:
    offenders: list[str] = []
    for folder in SEARCHED:
        for path in (ROOT / folder).rglob("*"):
            if (
                "fixtures" in path.parts
                or not path.is_file()
                or path.suffix
                not in {
                    ".py",
                    ".html",
                    ".md",
                    ".css",
                    ".js",
                    ".yml",
                }
            ):
                continue
            text = path.read_text(encoding="utf-8")
            offenders += [
                f"{path.relative_to(ROOT)} contains {word!r}"
                for word in council_words()
                if word in text
            ]
    assert offenders == []


def test_mkdocs_yml_has_no_council_name() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(word not in text for word in council_words())


def test_searched_folders_exist() -> None:
    # Guards the test above against passing because a folder was renamed.
    assert all((ROOT / folder).is_dir() for folder in SEARCHED)
    assert Path(ROOT / "data" / "site.yml").is_file()
