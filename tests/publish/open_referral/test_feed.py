"""macros.publish.open_referral.feed: pages, the files that serve each API path, and JSON
that no host can read as markup."""

from __future__ import annotations

import json

from macros.publish.open_referral.feed import encode, feed_files, file_paths, is_list, page


def test_a_page_holds_every_item() -> None:
    assert page([{"id": "a"}, {"id": "b"}, {"id": "c"}]) == {
        "total_items": 3,
        "total_pages": 1,
        "page_number": 1,
        "size": 3,
        "first_page": True,
        "last_page": True,
        "empty": False,
        "contents": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    }
    assert page([])["empty"] is True


def test_lists_are_folders_and_ids_are_files() -> None:
    for path in ("/", "/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations"):
        assert is_list(path), path
        assert file_paths(path)[0].endswith("/index.html")
    for path in ("/services/x", "/taxonomies/x", "/taxonomy_terms/x", "/service_at_locations/x"):
        assert not is_list(path), path
        assert file_paths(path) == (f"open-referral{path}",)
    assert file_paths("/taxonomy_terms") == (
        "open-referral/taxonomy_terms/index.html",
        "open-referral/taxonomy_terms.json",
    )


def test_markup_characters_are_escaped_and_the_json_is_the_same() -> None:
    document = {"name": 'Entry <img src=x onerror=alert(1)> & "quotes" £ é', "n": 57.9}
    written = encode(document)
    assert b"<" not in written and b">" not in written and b"&" not in written
    assert "£ é".encode() in written
    assert json.loads(written) == document


def test_lists_are_two_files_of_the_same_bytes_and_ids_one() -> None:
    files = feed_files({"/": {"version": "HSDS-UK-3.0"}, "/services/a": {"id": "a"}})
    assert files == {
        "open-referral/index.html": b'{"version":"HSDS-UK-3.0"}',
        "open-referral/index.json": b'{"version":"HSDS-UK-3.0"}',
        "open-referral/services/a": b'{"id":"a"}',
    }
