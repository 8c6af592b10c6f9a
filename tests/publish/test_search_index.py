"""The search index (macros/publish/search_index.py): sections, words and files."""

from __future__ import annotations

import json
from pathlib import Path

from macros.derive.urls import search_index_folder
from macros.publish.search_index import (
    IndexedPage,
    Section,
    index_files,
    page_sections,
    shard_key,
    terms,
    write_search_index,
)


def test_a_page_is_cut_at_headings_with_an_id_and_scripts_are_left_out() -> None:
    content = (
        '<h1 id="money">Money</h1><p>What you can get.</p>'
        "<script>var secret = 1;</script><style>.x{}</style>"
        '<h2 id="grant">Setting-up-home <em>grant</em></h2><p>Up to &pound;2,000.</p>'
        "<h3>No id</h3><p>Still the grant's text.</p>"
        "<h2 id='bus'>Bus pass</h2><ul><li>Free</li><li>travel</li></ul>"
    )
    sections = page_sections(content, "Money page")
    assert sections == (
        Section("", "Money", "What you can get."),
        Section("#grant", "Setting-up-home grant", "Up to £2,000. No id Still the grant's text."),
        Section("#bus", "Bus pass", "Free travel"),
    )


def test_text_before_the_first_heading_is_the_page_under_its_title() -> None:
    sections = page_sections('<p>Intro</p><h2 id="a">A</h2><p>a</p>', "The page")
    assert sections[0] == Section("", "The page", "Intro")
    assert page_sections("", "Empty") == (Section("", "Empty", ""),)


def test_a_snippet_reads_as_the_page_and_a_word_joined_only_on_the_page_is_found() -> None:
    content = (
        '<h2 id="call">Call</h2><p>Call <a href="tel:+441632960999">01632 960 999</a>. '
        'Or text (<span lang="en-GB" dir="ltr">evenings only</span>).</p>'
        '<h2 id="id">الهوية</h2><p>شهادة ميلادك و<strong>رقم</strong> التأمين</p>'
    )
    call, documents = page_sections(content, "Help", "en")[1:]
    assert call.text == "Call 01632 960 999. Or text (evenings only)."
    assert "رقم" in terms(documents.text)


def test_a_heading_marked_as_another_language_gives_its_section_that_language() -> None:
    content = (
        '<h2 id="grant" lang="en-GB" dir="ltr">Grant</h2><p>£100</p>'
        '<h2 id="rent" lang="AR" dir="rtl">إيجار</h2><p>المال</p>'
        "<h2 id='bus' class=x lang='fr'>Bus</h2>"
    )
    sections = page_sections(content, "المال", "ar")
    assert [(section.anchor, section.lang) for section in sections] == [
        ("", ""),
        ("#grant", "en-GB"),
        ("#rent", ""),
        ("#bus", "fr"),
    ]
    # A page shown in English until it is translated: its prose's headings and its top
    # are English; a block marked as the page's own language is not.
    untranslated = page_sections(
        content.replace(' lang="en-GB" dir="ltr"', ""), "Money", "ar", "en-GB"
    )
    assert [s.lang for s in untranslated] == ["en-GB", "en-GB", "", "fr"]
    # On an English page, English is its own language, whichever country it names.
    assert {s.lang for s in page_sections(content, "Money", "en")} == {"", "AR", "fr"}
    pages = [IndexedPage("offer/", "المال", sections)]
    assert index_files(pages)["p/0.json"] == {
        "u": "offer/",
        "t": "المال",
        "s": [
            ["", "المال", ""],
            ["#grant", "Grant", "£100", "en-GB"],
            ["#rent", "إيجار", "المال"],
            ["#bus", "Bus", "", "fr"],
        ],
    }


def test_words_are_letters_and_digits_without_accents_case_or_stop_words() -> None:
    assert terms("Café, CAFÉ and naïve: 2 x £57.90", frozenset({"and"})) == [
        "cafe",
        "cafe",
        "naive",
        "57",
        "90",
    ]
    assert terms("ŵyl Ŵyl") == ["wyl", "wyl"]
    assert terms("قرض الطالب") == ["قرض", "الطالب"]


def test_a_prefix_comes_off_the_front_of_each_word_the_longest_that_leaves_two_letters() -> None:
    prefixes = ("وال", "ال", "لل")
    # Each word as a reader would cut it by hand: the longest prefix it starts with that
    # leaves two letters; the next shorter one when the longest leaves fewer.
    cases = {
        "والمال": "مال",  # "وال" leaves two or more
        "والم": "والم",  # "وال" leaves one; "ال" is not at its front
        "الالم": "الم",  # "ال" taken once, not again from what is left
        "الم": "الم",  # one letter would be left
        "للبيت": "بيت",
        "مال": "مال",  # no prefix
        "بالمال": "بالمال",  # "ال" inside a word is not a prefix
    }
    # "_" ends a word as a space does; a digit is part of the word.
    joined = "والمال"
    text = " ".join([*cases, "x_" + joined, "2" + joined])
    assert terms(text, prefixes=prefixes) == [*cases.values(), "مال", "2" + joined]


def test_a_terms_file_is_named_by_its_first_two_letters() -> None:
    assert shard_key("rent") == "re"
    assert shard_key("2026") == "20"
    assert shard_key("été") == "_e9t"  # a letter beyond a to z: its code in hex


def test_postings_say_where_each_word_is_and_how_much_it_weighs() -> None:
    pages = [
        IndexedPage("", "Home", (Section("", "Home", "welcome"),)),
        IndexedPage(
            "offer/money/",
            "Money",
            (
                Section("", "Money", "money money money money money money money"),
                Section("#rent", "Rent", "help with rent"),
            ),
        ),
    ]
    files = index_files(pages, frozenset({"with"}))
    money = files["t/mo.json"]
    assert money == {"k": ["money"], "p": [[1, 0, 11]]}  # in the heading, text counted to 5
    assert files["t/re.json"] == {"k": ["rent"], "p": [[1, 1, 3]]}
    assert "t/wi.json" not in files  # a stop word is not indexed
    assert files["p/1.json"] == {
        "u": "offer/money/",
        "t": "Money",
        "s": [["", "Money", "money " * 6 + "money"], ["#rent", "Rent", "help with rent"]],
    }
    # Pages count on from the page before, so that long lists stay short.
    welcome = index_files([pages[1], pages[0], pages[1]])["t/mo.json"]
    assert welcome == {"k": ["money"], "p": [[0, 0, 11, 2, 0, 11]]}


def test_terms_are_sorted_as_javascript_compares_strings() -> None:
    # U+FF58 (fullwidth x) comes before U+10428 (a Deseret letter) in code points, and
    # after it in UTF-16, which the script's binary search compares.
    later, earlier = "ab\uff58", "ab\U00010428"
    page = IndexedPage("", "x", (Section("", "x", f"{later} {earlier}"),))
    assert index_files([page])["t/ab.json"] == {"k": [earlier, later], "p": [[0, 0, 2], [0, 0, 2]]}


def test_the_index_is_written_for_one_language_and_no_file_reads_as_markup(
    tmp_path: Path,
) -> None:
    page = IndexedPage("x/", "<b>x</b>", (Section("", "<script>", "a & b <img>"),))
    folder = write_search_index([page], "cy", frozenset(), tmp_path)
    assert folder == tmp_path / search_index_folder("cy")
    written = {path.relative_to(folder).as_posix() for path in folder.rglob("*.json")}
    assert written == {"titles.json", "p/0.json", "t/sc.json", "t/im.json"}
    for path in folder.rglob("*.json"):
        raw = path.read_bytes()
        assert b"<" not in raw and b">" not in raw and b"&" not in raw
        json.loads(raw)
    # A later build replaces what an earlier one wrote.
    write_search_index(
        [IndexedPage("y/", "y", (Section("", "y", "yes"),))], "cy", frozenset(), tmp_path
    )
    assert {p.name for p in (folder / "t").iterdir()} == {"ye.json"}
