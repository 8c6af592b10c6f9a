"""macros.publish.speed: the cycle collector during a build."""

from __future__ import annotations

import gc

import pytest

from macros.publish.speed import freeze_build_data


def test_a_new_build_lets_go_of_the_last_one_and_another_language_only_freezes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collections: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
    try:
        freeze_build_data()  # a build: nothing frozen before it in this process
        frozen = gc.get_freeze_count()
        assert frozen > 0
        held = [[number] for number in range(1000)]  # the next language's data (tracked)
        freeze_build_data(let_go=False)
        assert collections == [] and gc.get_freeze_count() >= frozen + len(held)
        freeze_build_data()  # the next build (mkdocs serve): the earlier ones let go
        assert collections == [1]
    finally:
        gc.unfreeze()
