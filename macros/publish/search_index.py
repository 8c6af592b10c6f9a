"""The search index: one per language, in small files, so that a phone fetches only what a
question needs (``overrides/assets/clo-search.js`` reads it).

Each page is cut into sections at its headings that have an id (as the search of
mkdocs-material did): a section is found by the words of its heading and of its text.
For one language the index is a folder (``search/<language>/``, see ``search_index_folder`` in ``macros/derive/urls.py``):

- ``t/<key>.json``: every word (term) starting with the same two letters, sorted, each
  with the sections it is in: ``{"k": ["rent", "renting"], "p": [[page, section, weight,
  ...], ...]}``. ``page`` counts from the page before (the first from 0), ``section`` is
  the section's place in its page, and ``weight`` is twice the times the word is in the
  section's text (at most 5) plus 1 when it is in its heading. A question's word fetches
  the one file its first two letters name (``shard_key``).
- ``titles.json``: every page's address and title, and its sections' headings, to list
  the results as soon as a question's words are found: ``{"p": [["offer/money/", "Money",
  ["Money", "Grants"]], ...]}``. It holds no anchors: they are most of what a large site's
  headings file would weigh (an entry's anchor is its ``id``, which no heading predicts),
  and the first search waits for this file, so they come with the page files below;
- ``p/<page>.json``: one page's address, title and sections with their anchors and text,
  for the snippets under the results and their links' anchors: ``{"u": "offer/money/",
  "t": "Money", "s": [["#grants", "Grants", "text"], ...]}``. A section in another
  language than its page's (an entry not translated yet, its heading marked
  ``lang="en-GB"`` on an Arabic page; or any section of a page shown in English until
  it is translated) has that language fourth, so that its result's heading is read as
  that language (its text is not marked: it mixes that language with the page's):
  ``["#grants", "Grants", "text", "en-GB"]``.

Words are what ``terms`` makes of a text: letters and digits, accents and case taken
away, the catalogue's stop words (``search.stop_words``) left out. The script does the
same to a question, so the two always agree. A word of a question matches every word
that starts with it ("rent" finds "renting"); plurals are the script's (it takes the
catalogue's ``search.plural_endings`` off a question's words).

``write_search_index(pages, language, stop_words, folder)`` writes one language's index
from its pages: a build with pages in several languages calls it once per language.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from macros.derive.urls import search_index_folder
from macros.render.html_blocks import UNLISTED

SHARD_LETTERS = 2
"""A term's file is named by its first two letters (``shard_key``); clo-search.js agrees."""
TITLES = "titles.json"
MAX_COUNT = 5
"""Times a word is counted in one section's text: beyond that it says no more."""


@dataclass(frozen=True)
class Section:
    anchor: str
    """``#id`` of its heading, or "" for the top of the page."""
    title: str
    text: str
    lang: str = ""
    """Its heading's language when that is not its page's (see ``page_sections``); ""
    when it is the page's."""


@dataclass(frozen=True)
class IndexedPage:
    """One page of the site, as search shows and finds it."""

    url: str
    title: str
    sections: tuple[Section, ...]


_MARKS: set[str] = set()
"""Combining marks (accents) met so far, to take out after NFD as the script's /\\p{M}/gu
does; what is not a mark is in _LETTERS."""
_LETTERS: set[str] = set()


def normalise(text: str) -> str:
    """Lower case, without accents: what search compares.

    >>> normalise("Café RENT"), normalise("Tiền thuê")
    ('cafe rent', 'tien thue')
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    characters = set(decomposed)
    for character in characters - _LETTERS - _MARKS:
        if character.isascii() or not unicodedata.category(character).startswith("M"):
            _LETTERS.add(character)
        else:
            _MARKS.add(character)
    if not characters.isdisjoint(_MARKS):
        # A character class, not str.translate: the regex engine skips the letters in C.
        decomposed = _marks_pattern(frozenset(_MARKS)).sub("", decomposed)
    return decomposed.lower()


@functools.lru_cache(maxsize=4)
def _marks_pattern(marks: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(mark) for mark in sorted(marks)) + "]+")


_WORD = re.compile(r"[^\W_]+")


def terms(
    text: str, stop_words: frozenset[str] = frozenset(), prefixes: tuple[str, ...] = ()
) -> list[str]:
    """The words of ``text`` as the index holds them, in order, repeats kept.

    ``prefixes``: what the language joins to the front of a word (Arabic "ال", "the";
    ``search.prefixes`` in its catalogue): the longest a word starts with is taken off
    when at least two letters are left, so that "مال" finds "المال"; clo-search.js does
    the same to a question's words.

    >>> terms("Help with the rent: £57.90 a week!", frozenset({"with", "the", "a"}))
    ['help', 'rent', '57', '90', 'week']
    >>> terms("والمال المال ال", prefixes=("ال", "وال"))
    ['مال', 'مال', 'ال']
    """
    text = normalise(text)
    if prefixes:
        text = _prefix_pattern(prefixes).sub("", text)
    return [
        word
        for word in _WORD.findall(text)
        if len(word) >= SHARD_LETTERS and word not in stop_words
    ]


@functools.lru_cache(maxsize=8)
def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    # At the start of a word (no letter before it), the longest first, and only when
    # two letters follow: the regex tries the next prefix when the longer one fails.
    ordered = "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{ordered})(?=[^\W_]{{{SHARD_LETTERS}}})")


def shard_key(term: str) -> str:
    """The name of the file a term is in: its first two letters, each letter that is not
    a to z or a digit written as ``_`` and its code in hex.

    >>> shard_key("rent"), shard_key("ŵyl"), shard_key("قرض")
    ('re', '_175y', '_642_631')
    """
    return "".join(
        letter if ("a" <= letter <= "z" or "0" <= letter <= "9") else f"_{ord(letter):x}"
        for letter in term[:SHARD_LETTERS]
    )


# Pages to sections. Regular expressions, not an HTML parser: the build's own HTML is
# regular, and a parser costs several times as much on a large site.

_SKIPPED = re.compile(
    r"<(script|style|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LANG = re.compile(r"""\blang\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG = re.compile(r"<[^>]*>")
_INLINE = (
    r"/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong"
    r"|sub|sup|time|u|var|wbr)\b[^>]*>"
)
# Starting with "<" and without IGNORECASE, it runs at a third of the cost: every tag
# of the build's HTML is lower case (templates, Markdown, and nh3 for raw HTML).
_INLINE_BESIDE_A_MARK = re.compile(rf"<(?:(?<!\w<){_INLINE}|{_INLINE}(?!\w))")
"""An inline element's tag with a space, a mark or another tag on one side."""


def plain(fragment: str) -> str:
    """The text of an HTML fragment, on one line, as a reader sees it: an inline
    element's tag beside a space or a mark adds no space ("<a>01632 960 999</a>." stays
    "01632 960 999."); any other tag is a space between words, so that a word stays
    findable when a letter is joined to it only on the page (Arabic "و<b>رقم</b>").

    >>> plain("<p>Rent &amp; <b>bills</b> (<span lang=en>note</span>).</p>\\n<p>help</p><br>x")
    'Rent & bills (note). help x'
    >>> plain("و<strong>رقم</strong>")
    'و رقم'
    """
    # Two substitutions with plain replacements, not one calling a function for each
    # tag: this runs over every page of the site.
    text = _TAG.sub(" ", _INLINE_BESIDE_A_MARK.sub("", fragment))
    # str.split() cuts at the same spaces as the regex \s+, several times as fast.
    return " ".join(html.unescape(text).split())


def page_sections(
    content: str, page_title: str, language: str = "", prose_lang: str = ""
) -> tuple[Section, ...]:
    """A page's content cut at its headings with an id; text before the first such
    heading (and an h1 without one) is the page's own section, under its title.

    A section's language (``Section.lang``) is its heading's ``lang``, "" when that is the
    page's ``language``; a heading without one is in ``prose_lang``, the language of the
    page's prose when it is not the page's (another language's page shown in English
    until it is translated), as the top of the page is.

    >>> [(s.anchor, s.title, s.text) for s in page_sections(
    ...     '<h1>Money</h1><p>Intro</p><h2 id="grant">Grant</h2><p>£100</p>', "Money")]
    [('', 'Money', 'Intro'), ('#grant', 'Grant', '£100')]
    >>> [s.anchor for s in page_sections('<h2 id="a-title" data-clo-unlisted>Age?</h2>', "Check")]
    ['']
    >>> page_sections('<h2 id="grant" lang="en-GB" dir="ltr">Grant</h2><p>£100</p>', "مال", "ar")[1]
    Section(anchor='#grant', title='Grant', text='£100', lang='en-GB')
    >>> page_sections('<h2 id="grant" lang="ar" dir="rtl">منحة</h2>', "مال", "ar")[0].lang
    ''
    >>> [s.lang for s in page_sections('<h2 id="a">A</h2><h2 id="b" lang="ar">ب</h2>', "T", "ar", "en-GB")]
    ['en-GB', 'en-GB', '']
    """
    content = _SKIPPED.sub(" ", content)
    sections: list[Section] = []
    anchor, title, lang, start = "", page_title, prose_lang, 0
    for heading in _HEADING.finditer(content):
        level, found = heading.group(1), _ID.search(heading.group(2))
        before = plain(content[start : heading.start()])
        if level == "1" and not sections and not anchor and not before:
            # The page's own heading: the top of the page, under its words.
            title, start = plain(heading.group(3)) or page_title, heading.end()
            continue
        if found is None or UNLISTED in heading.group(2):
            # A heading without an id, or one no link could show (html_blocks.UNLISTED),
            # is part of the section's text.
            continue
        sections.append(Section(anchor, title, before, lang))
        anchor, title = f"#{found.group(1) or found.group(2)}", plain(heading.group(3))
        marked = _LANG.search(heading.group(2))
        lang = prose_lang if marked is None else marked.group(1) or marked.group(2)
        if lang.split("-")[0].lower() == language.split("-")[0].lower():
            lang = ""  # The page's own language ("en-GB" on an "en" page too).
        start = heading.end()
    sections.append(Section(anchor, title, plain(content[start:]), lang))
    return tuple(section for section in sections if section.title or section.text)


# The index.


def index_files(
    pages: Iterable[IndexedPage],
    stop_words: frozenset[str] = frozenset(),
    prefixes: tuple[str, ...] = (),
) -> dict[str, object]:
    """Every file of one language's index, by path in its folder, as JSON values.

    A page's first section is always its top: clo-search.js knows section 0 without
    being told its anchor. A page without one gets an empty one, which nothing finds.

    >>> files = index_files([IndexedPage("offer/", "Offer", (Section("#rent", "Rent", "rent and renting"),))])
    >>> files["t/re.json"]
    {'k': ['rent', 'renting'], 'p': [[0, 1, 3], [0, 1, 2]]}
    >>> files["p/0.json"]
    {'u': 'offer/', 't': 'Offer', 's': [['', '', ''], ['#rent', 'Rent', 'rent and renting']]}
    >>> index_files([IndexedPage("ar/offer/", "المال", (Section("#rent", "Rent", "", "en-GB"),))])["p/0.json"]["s"][1]
    ['#rent', 'Rent', '', 'en-GB']
    >>> files["titles.json"]
    {'p': [['offer/', 'Offer', ['', 'Rent']]]}
    """
    postings: dict[str, list[int]] = {}
    files: dict[str, object] = {}
    last_page: dict[str, int] = {}
    titles: list[object] = []
    files[TITLES] = {"p": titles}
    for number, page in enumerate(pages):
        sections = page.sections
        if not sections or sections[0].anchor:
            sections = (Section("", "", ""), *sections)
        titles.append([page.url, page.title, [section.title for section in sections]])
        files[f"p/{number}.json"] = {
            "u": page.url,
            "t": page.title,
            "s": [_section_row(section) for section in sections],
        }
        for place, section in enumerate(sections):
            counts = Counter(terms(section.text, stop_words, prefixes))
            weights = {term: 2 * min(count, MAX_COUNT) for term, count in counts.items()}
            for term in terms(section.title, stop_words, prefixes):
                weights[term] = weights.get(term, 0) | 1
            for term, weight in weights.items():
                found = postings.setdefault(term, [])
                found += (number - last_page.get(term, 0), place, weight)
                last_page[term] = number
    shards: dict[str, list[str]] = {}
    # In the order of JavaScript's string comparison (UTF-16 code units), which the
    # script's binary search for the terms starting with a word relies on.
    for term in sorted(postings, key=lambda term: term.encode("utf-16-be")):
        shards.setdefault(shard_key(term), []).append(term)
    for key, keys in shards.items():
        files[f"t/{key}.json"] = {"k": keys, "p": [postings[term] for term in keys]}
    return files


def _section_row(section: Section) -> list[str]:
    # The language only when the heading has one: most sections are in their page's.
    row = [section.anchor, section.title, section.text]
    return [*row, section.lang] if section.lang else row


def _json(value: object) -> bytes:
    # No "<" or "&" as such, so that no file can be read as markup.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()


def write_search_index(
    pages: Iterable[IndexedPage],
    language: str,
    stop_words: frozenset[str],
    site_dir: Path,
    prefixes: tuple[str, ...] = (),
) -> Path:
    """Write one language's index into ``site_dir`` (at ``search_index_folder(language)``) from
    its pages, replacing any index there; returns its folder.

    ``stop_words`` and ``prefixes`` are that language's (``search.stop_words`` and
    ``search.prefixes`` in its catalogue).
    """
    folder = site_dir / search_index_folder(language)
    (folder / TITLES).unlink(missing_ok=True)
    for old in ("t", "p"):
        target = folder / old
        if target.is_dir():
            for path in target.iterdir():
                path.unlink()
    for sub in ("t", "p"):
        os.makedirs(folder / sub, exist_ok=True)
    for relative, value in index_files(pages, stop_words, prefixes).items():
        (folder / relative).write_bytes(_json(value))
    return folder


class SearchCollector:
    """Pages of one build, collected as they are made, by language."""

    def __init__(self) -> None:
        self.pages: dict[str, list[IndexedPage]] = {}

    def clear(self) -> None:
        self.pages = {}

    def add(self, language: str, url: str, title: str, content: str, prose_lang: str = "") -> None:
        """Add a page's HTML content (a page excluded from search is not added);
        ``prose_lang``: its prose's language when that is not the page's (see
        ``page_sections``)."""
        self.pages.setdefault(language, []).append(
            IndexedPage(url, title, page_sections(content, title, language, prose_lang))
        )
