"""The theme's scripts are minified as the site holds them; other scripts are not."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from macros.publish.scripts import minify_theme_scripts

SCRIPT = "/* What this does, and why. */\nfunction add(a, b) {\n  return a + b; // the sum\n}\nvar s = 'a  /* kept */';\n"


def test_a_theme_script_is_minified_and_others_are_left_alone(tmp_path: Path) -> None:
    theme, docs, site = tmp_path / "overrides", tmp_path / "docs", tmp_path / "site"
    for folder, name in ((theme / "assets", "x.js"), (docs / "assets", "y.js")):
        folder.mkdir(parents=True)
        (folder / name).write_text(SCRIPT, encoding="utf-8")
    (theme / "assets" / "x.css").write_text("/* kept */ p { color: red }", encoding="utf-8")
    ours = File("assets/x.js", str(theme), str(site), use_directory_urls=True)
    style = File("assets/x.css", str(theme), str(site), use_directory_urls=True)
    other = File("assets/y.js", str(docs), str(site), use_directory_urls=True)
    config = {"theme": SimpleNamespace(custom_dir=str(theme))}

    files = minify_theme_scripts(Files([ours, style, other]), config)

    assert ours.content_string == "function add(a,b){return a+b;}\nvar s='a  /* kept */';"
    assert style.content_string == "/* kept */ p { color: red }"
    assert other.content_string == SCRIPT
    ours.copy_file()
    assert (site / "assets" / "x.js").read_text(encoding="utf-8") == ours.content_string
    assert (theme / "assets" / "x.js").read_text(encoding="utf-8") == SCRIPT  # never rewritten
    assert list(files) == [ours, style, other]


def test_without_a_theme_folder_nothing_changes(tmp_path: Path) -> None:
    (tmp_path / "x.js").write_text(SCRIPT, encoding="utf-8")
    file = File("x.js", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    minify_theme_scripts(Files([file]), {"theme": SimpleNamespace(custom_dir=None)})
    assert file.content_string == SCRIPT
