"""macros.derive.pictures: which copies of each picture are published, and their names."""

from __future__ import annotations

import hashlib
import re

import pytest

from macros.derive.pictures import (
    ENCODER_SETTINGS,
    SITE_FOLDER,
    WIDTHS,
    copy_stem,
    plan_copies,
    published_widths,
)
from macros.validate.rules.pictures import PictureFacts

SHA = hashlib.sha256(b"the bytes of house-and-sun.png").hexdigest()


@pytest.mark.parametrize(
    ("original_width", "expected"),
    [
        (2000, [320, 640, 1024]),
        (1025, [320, 640, 1024]),
        (1024, [320, 640, 1024]),
        (900, [320, 640, 900]),
        (800, [320, 640, 800]),
        (640, [320, 640]),
        (321, [320, 321]),
        (320, [320]),
        (200, [200]),
        (1, [1]),
    ],
)
def test_widths_never_upscale(original_width: int, expected: list[int]) -> None:
    assert published_widths(original_width) == expected
    assert max(published_widths(original_width)) <= original_width
    plan = plan_copies(PictureFacts(SHA, original_width, 100, False))
    assert [copy.width for copy in plan.fallback] == expected
    assert [copy.width for copy in plan.webp] == expected


def test_other_requested_widths() -> None:
    assert published_widths(500, (100, 300)) == [100, 300]
    assert published_widths(200, (100, 300)) == [100, 200]


def test_copies_keep_the_shape_of_the_original() -> None:
    plan = plan_copies(PictureFacts(SHA, 1600, 1200, False))
    assert [(c.width, c.height) for c in plan.fallback] == [(320, 240), (640, 480), (1024, 768)]
    assert [(c.width, c.height) for c in plan.webp] == [(320, 240), (640, 480), (1024, 768)]
    thin = plan_copies(PictureFacts(SHA, 4000, 2, False))
    assert all(copy.height >= 1 for copy in thin.copies)


def test_webp_and_jpeg_without_transparency() -> None:
    plan = plan_copies(PictureFacts(SHA, 800, 400, False))
    assert {copy.media_type for copy in plan.webp} == {"image/webp"}
    assert {copy.media_type for copy in plan.fallback} == {"image/jpeg"}
    assert all(copy.name.endswith(".webp") for copy in plan.webp)
    assert all(copy.name.endswith(".jpg") for copy in plan.fallback)
    assert plan.copies == (*plan.webp, *plan.fallback)


def test_transparency_gives_png_fallbacks() -> None:
    plan = plan_copies(PictureFacts(SHA, 300, 300, True))
    assert [(c.name.rsplit(".", 1)[1], c.media_type) for c in plan.fallback] == [
        ("png", "image/png")
    ]
    assert [c.media_type for c in plan.webp] == ["image/webp"]


def test_default_is_the_first_at_least_640_wide_and_largest_the_widest() -> None:
    wide = plan_copies(PictureFacts(SHA, 2000, 1000, False))
    assert (wide.default.width, wide.largest.width) == (640, 1024)
    small = plan_copies(PictureFacts(SHA, 300, 300, False))
    assert (small.default.width, small.largest.width) == (300, 300)


def test_names_hide_the_file_name_and_follow_the_bytes() -> None:
    plan = plan_copies(PictureFacts(SHA, 800, 400, False))
    for copy in plan.copies:
        assert re.fullmatch(r"[0-9a-f]{12}-\d+\.(webp|jpg)", copy.name), copy.name
        assert "house" not in copy.name
        assert copy.url == SITE_FOLDER + copy.name
        assert SHA[:12] not in copy.name  # not even the original's own hash
    assert plan.sha256 == SHA
    # The same bytes give the same names; other bytes give other names.
    assert plan_copies(PictureFacts(SHA, 800, 400, False)) == plan
    other = plan_copies(PictureFacts(hashlib.sha256(b"changed").hexdigest(), 800, 400, False))
    assert {copy.name for copy in other.copies}.isdisjoint(copy.name for copy in plan.copies)


def test_names_change_with_the_encoder_settings() -> None:
    stem = copy_stem(SHA)
    assert stem == hashlib.sha256(ENCODER_SETTINGS + b"\0" + SHA.encode()).hexdigest()[:12]
    assert stem != hashlib.sha256(b"other settings\0" + SHA.encode()).hexdigest()[:12]


def test_the_widths_asked_for_are_sorted() -> None:
    assert list(WIDTHS) == sorted(WIDTHS)
