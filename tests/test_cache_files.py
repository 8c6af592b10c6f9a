"""Cache files are written whole or not at all (macros/cache_files.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.cache_files import write_whole


def test_a_file_is_replaced_whole_and_no_partial_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "notes.json"
    write_whole(target, "first")
    write_whole(target, b"second \xe2\x9c\x93")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert [path.name for path in target.parent.iterdir()] == ["notes.json"]


def test_a_failed_write_leaves_what_was_there_and_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()  # a folder where the file should go: the rename fails
    (target / "kept.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(OSError):
        write_whole(target, "new")
    assert (target / "kept.txt").read_text(encoding="utf-8") == "kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["taken"]
