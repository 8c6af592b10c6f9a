"""review.json and the Open Referral services list, copied into other languages' folders
by the site's own build once every language is built (macros/publish/outputs.py)."""

from __future__ import annotations

from pathlib import Path

from macros.publish.outputs import SHARED_EXPORTS, share_exports


def test_each_other_language_gets_a_copy_of_the_shared_exports(tmp_path: Path) -> None:
    for number, relative in enumerate(SHARED_EXPORTS):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(f'{{"n": {number}}}\n', encoding="utf-8")
    (tmp_path / "ar").mkdir()  # a language's folder, written by its own build

    share_exports(tmp_path, ["ar", "vi"])

    for code in ("ar", "vi"):
        for relative in SHARED_EXPORTS:
            copy = (tmp_path / code / relative).read_bytes()
            assert copy == (tmp_path / relative).read_bytes(), (code, relative)


def test_an_export_the_site_has_not_is_not_made_up(tmp_path: Path) -> None:
    share_exports(tmp_path, ["ar"])
    assert not (tmp_path / "ar").exists()
