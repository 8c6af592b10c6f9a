"""A mistake in a page or in the data stops the build with a clear message."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_build, soup_of


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_undefined_variable_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    append(project_copy / "docs" / "strategy" / "why.md", "\n{{ council.nmae }}\n")
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "nmae" in result.output
    assert "why.md" in result.output


def test_unknown_macro_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    append(project_copy / "docs" / "index.md", '\n{{ offer_sectoin("money") }}\n')
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "offer_sectoin" in result.output


def test_macro_that_raises_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    # date() given text instead of a date raises inside the macro.
    append(project_copy / "docs" / "index.md", '\n{{ date("yesterday") }}\n')
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert not (tmp_path / "site" / "index.html").exists() or "yesterday" not in (
        tmp_path / "site" / "index.html"
    ).read_text(encoding="utf-8")


def test_bad_site_data_fails_with_located_message(project_copy: Path, tmp_path: Path) -> None:
    site_yml = project_copy / "data" / "site.yml"
    text = site_yml.read_text(encoding="utf-8").replace("  short_name:", "  short_nam:", 1)
    site_yml.write_text(text, encoding="utf-8")
    line = next(n for n, content in enumerate(text.splitlines(), 1) if "short_nam:" in content)
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"data/site.yml:{line}: council.short_nam: unknown key; did you mean 'short_name'?" in (
        result.output
    )
    assert "Traceback" not in result.output


def test_literal_braces_with_raw_block(project_copy: Path, tmp_path: Path) -> None:
    append(
        project_copy / "docs" / "strategy" / "why.md",
        "\n{% raw %}Write {{ council.name }} to show the council's name.{% endraw %}\n",
    )
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    text = soup_of(tmp_path / "site" / "strategy" / "why" / "index.html").get_text()
    assert "Write {{ council.name }} to show the council's name." in text


def test_page_can_switch_macros_off(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "strategy" / "who.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text(
        "---\nrender_macros: false\n"
        + text.removeprefix("---\n")
        + "\nShow {{ this }} as it is.\n",
        encoding="utf-8",
    )
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    text = soup_of(tmp_path / "site" / "strategy" / "who" / "index.html").get_text()
    assert "Show {{ this }} as it is." in text
