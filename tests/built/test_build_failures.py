"""A mistake in a page or in the data stops the build with a clear message."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_build, soup_of


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_undefined_variable_fails_the_build(fixture_copy: Path, tmp_path: Path) -> None:
    append(fixture_copy / "docs" / "accessibility.md", "\n{{ council.nmae }}\n")
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "nmae" in result.output
    assert "accessibility.md" in result.output
    assert not (tmp_path / "site").exists()


def test_unknown_macro_fails_the_build(fixture_copy: Path, tmp_path: Path) -> None:
    append(fixture_copy / "docs" / "index.md", '\n{{ offer_sectoin("always-overdue") }}\n')
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "offer_sectoin" in result.output
    assert "index.md" in result.output


def test_macro_that_raises_fails_the_build(fixture_copy: Path, tmp_path: Path) -> None:
    # date() given text instead of a date raises inside the macro.
    append(fixture_copy / "docs" / "index.md", '\n{{ date("yesterday") }}\n')
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode != 0
    home = tmp_path / "site" / "index.html"
    assert not home.exists() or "yesterday" not in home.read_text(encoding="utf-8")


def test_bad_site_data_fails_with_located_message(fixture_copy: Path, tmp_path: Path) -> None:
    site_yml = fixture_copy / "data" / "site.yml"
    text = site_yml.read_text(encoding="utf-8").replace("  short_name:", "  short_nam:", 1)
    site_yml.write_text(text, encoding="utf-8")
    line = next(n for n, content in enumerate(text.splitlines(), 1) if "short_nam:" in content)
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"data/site.yml:{line}: council.short_nam: unknown key; did you mean 'short_name'?" in (
        result.output
    )
    assert "Traceback" not in result.output


def test_literal_braces_with_raw_block(fixture_copy: Path, tmp_path: Path) -> None:
    append(
        fixture_copy / "docs" / "accessibility.md",
        "\n{% raw %}Write {{ council.name }} to show the council's name.{% endraw %}\n",
    )
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    text = soup_of(tmp_path / "site" / "accessibility" / "index.html").get_text()
    assert "Write {{ council.name }} to show the council's name." in text


def test_page_can_switch_macros_off(fixture_copy: Path, tmp_path: Path) -> None:
    page = fixture_copy / "docs" / "accessibility.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text(
        "---\nrender_macros: false\n"
        + text.removeprefix("---\n")
        + "\nShow {{ this }} as it is.\n",
        encoding="utf-8",
    )
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    text = soup_of(tmp_path / "site" / "accessibility" / "index.html").get_text()
    assert "Show {{ this }} as it is." in text
    assert "{{ accessibility.email }}" in text
