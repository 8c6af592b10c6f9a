"""The glossary: its terms for the glossary page, and where each term is used in a text.

Derive decides where terms are; render marks them (``macros/render/glossary.py``). The
matching rules, in one place:

- a term matches as whole words: ``PA`` never inside ``PAYE``, ``advocate`` never inside
  ``advocacy``; a plural or possessive ending ``s``, ``'s`` or a curly apostrophe and s is part of the match;
- capitals: a form written all in small letters matches whatever its capitals
  (``pathway plan``, ``Pathway Plan``); a form with a capital letter matches only with
  those capitals (``Staying Put`` but not "staying put"; ``PA`` but not "pa");
- the spaces between words may be any spaces or line breaks;
- where two forms could match at the same place, the longest wins
  (``former relevant child`` before ``relevant child``).

A translated glossary has the same ids: ``glossary_view`` takes it as ``translation`` and
uses its words, so the same rules work for each language's pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel

from macros.validate.model.glossary import GlossaryFile, GlossaryTerm


@dataclass(frozen=True)
class TermView:
    """One term as the glossary page and a page's list of words show it."""

    id: str
    term: str
    also: tuple[str, ...]
    definition: str
    language: str | None
    """The language of its words when it differs from the page's (an untranslated term
    shown on a translated page), else None."""


@dataclass(frozen=True)
class TermMatch:
    """A use of a term in a text: ``text[start:end]`` is the words that matched."""

    start: int
    end: int
    term_id: str


def _form_pattern(form: str) -> str:
    """The pattern of one way of writing a term.

    >>> _form_pattern("pathway plan")
    '(?i:pathway\\\\s+plan)'
    >>> _form_pattern("PA")
    'PA'
    """
    body = r"\s+".join(re.escape(word) for word in form.split())
    return body if any(character.isupper() for character in form) else f"(?i:{body})"


def _form_parts(form: str) -> tuple[str, str]:
    """The pattern of a form's first letter and of the rest of it, which together match
    what ``_form_pattern`` matches.

    >>> _form_parts("pathway plan"), _form_parts("PA"), _form_parts("A level")
    (('(?i:p)', '(?i:athway\\\\s+plan)'), ('P', 'A'), ('A', '\\\\s+level'))
    """
    first_word, *other_words = form.split()
    first = re.escape(first_word[0])
    rest = r"\s+".join([re.escape(first_word[1:]), *(re.escape(word) for word in other_words)])
    if any(character.isupper() for character in form):
        return first, rest
    return f"(?i:{first})", (f"(?i:{rest})" if rest else rest)


@lru_cache(maxsize=16)
def _letters_matching(pattern: str) -> str:
    """The inside of a character class that holds every character ``pattern`` matches:
    the ASCII ones exactly (the regex engine itself says which, so case-insensitive
    letters are its own), and every character beyond ASCII (to find exactly which would
    mean trying all 1.1 million; a few more to try costs little).

    >>> _letters_matching("(?i:k)|P")
    'KPk\\\\x80-\\\\U0010ffff'
    """
    probe = re.compile(pattern)
    ascii_letters = [chr(code) for code in range(128) if probe.fullmatch(chr(code))]
    return "".join(re.escape(letter) for letter in ascii_letters) + "\\x80-\\U0010ffff"


@dataclass(frozen=True)
class TermMatcher:
    """Finds the terms in a text, following the rules in the module docstring."""

    forms: tuple[tuple[str, str], ...]
    """(form, term id) for every way of writing every term."""

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], tuple[str, ...]]:
        # Longest first: an alternation takes the first alternative that matches.
        ordered = sorted(self.forms, key=lambda item: (-len(item[0]), item[0]))
        ids = tuple(term_id for _, term_id in ordered)
        ending = r"(?:['\u2019]?s)?(?![\w-])"
        if any(not form.split() for form, _ in ordered):  # no words: the plain pattern
            alternatives = "|".join(f"({_form_pattern(form)})" for form, _ in ordered)
            return re.compile(rf"(?<![\w-])(?:{alternatives}){ending}"), ids
        # The same pattern, written to be searched fast: it starts with the letters a
        # term can start with, which the regex engine skips to in C; each form then
        # checks that letter (a lookbehind) and matches the rest of itself. The match
        # starts at the same place and has the same group as "(?<![\w-])(?:(form)|...)".
        parts = [_form_parts(form) for form, _ in ordered]
        letters = _letters_matching("|".join(first for first, _ in parts))
        alternatives = "|".join(f"(?<={first})({rest})" for first, rest in parts)
        return re.compile(rf"[{letters}](?<![\w-].)(?:{alternatives}){ending}"), ids

    def has_term(self, html: str, start: int = 0, end: int | None = None) -> bool:
        """Whether a run of text between tags, ``html[start:end]``, entities and all, may
        hold a term: False only when it surely holds none, as most runs of a page do. One
        search in place tells (the run is read without being copied; what is before and
        after it, a tag's ">" and "<", is no letter, as the run's ends are not).

        >>> matcher = term_matcher([("pa", "PA")])
        >>> matcher.has_term("<p>Ask your PA</p>", 3, 14), matcher.has_term("<p>Ask your PA</p>", 3, 11)
        (True, False)
        >>> matcher.has_term("P&#65;")  # an entity is read as text by the caller
        True
        """
        end = len(html) if end is None else end
        if not self.forms:
            return False
        if html.find("&", start, end) != -1:
            return True
        return self._compiled[0].search(html, start, end) is not None

    def find(self, text: str) -> Iterator[TermMatch]:
        """Every use of a term in ``text``, in order.

        >>> matcher = term_matcher([("pa", "PA"), ("plan", "pathway plan")])
        >>> [(text[m.start:m.end], m.term_id) for text in ["Your PA's pathway plans."]
        ...  for m in matcher.find(text)]
        [("PA's", 'pa'), ('pathway plans', 'plan')]
        >>> list(matcher.find("PAYE, pa and a pathway-plan"))
        []
        """
        if not self.forms:
            return
        pattern, ids = self._compiled
        for match in pattern.finditer(text):
            index = match.lastindex
            if index is not None:
                yield TermMatch(match.start(), match.end(), ids[index - 1])


def term_matcher(forms: Iterable[tuple[str, str]]) -> TermMatcher:
    """A matcher for (term id, form) pairs.

    >>> [m.term_id for m in term_matcher([("sp", "Staying Put")]).find("Staying Put, staying put")]
    ['sp']
    """
    return TermMatcher(tuple((form, term_id) for term_id, form in forms))


def matcher_of(terms: Sequence[GlossaryTerm]) -> TermMatcher:
    """The matcher for the terms of a glossary file: each term and its ``also`` forms."""
    return term_matcher((term.id, form) for term in terms for form in (term.term, *term.also))


def first_uses(text: str, matcher: TermMatcher, seen: set[str]) -> list[TermMatch]:
    """The uses in ``text`` of terms not in ``seen`` (each term's first only); adds them
    to ``seen``, so that a page's texts, taken in order, give each term's first use.

    >>> seen = set()
    >>> matcher = term_matcher([("pa", "PA")])
    >>> [m.start for m in first_uses("A PA, then a PA.", matcher, seen)], seen
    ([2], {'pa'})
    >>> first_uses("Your PA.", matcher, seen)
    []
    """
    found = []
    for match in matcher.find(text):
        if match.term_id not in seen:
            seen.add(match.term_id)
            found.append(match)
    return found


@dataclass(frozen=True)
class GlossaryView:
    """The glossary of one language: its terms (sorted) and where to find them."""

    terms: tuple[TermView, ...]
    """Sorted as the glossary page lists them."""
    matcher: TermMatcher
    page: str | None
    """Site URL of the page that shows the whole glossary (``glossary()``), if any."""

    @cached_property
    def by_id(self) -> dict[str, TermView]:
        return {term.id: term for term in self.terms}


def glossary_view(
    file: GlossaryFile,
    page: str | None,
    translation: GlossaryFile | None = None,
    file_language: str | None = None,
) -> GlossaryView:
    """The glossary for pages in one language.

    ``file_language`` is the language tag of ``file``'s words when the pages are in
    another language (the English glossary on Arabic pages): each term shown in the
    file's words is marked with it, so that a screen reader reads it as English.

    With ``translation`` (the same ids, another language's words), a translated term
    shows and matches its translation; an untranslated one is still listed with its
    English words (marked with ``file_language``) but matches nothing, since a page in
    another language does not use the English words.

    >>> from macros.validate.model.glossary import GlossaryTerm
    >>> english = GlossaryFile(terms=[
    ...     GlossaryTerm(id="pa", term="PA", definition="Your personal adviser."),
    ...     GlossaryTerm(id="advocate", term="advocate", definition="Someone on your side.")])
    >>> view = glossary_view(english, "glossary/")
    >>> [term.term for term in view.terms]
    ['advocate', 'PA']
    >>> welsh = GlossaryFile(terms=[GlossaryTerm(id="pa", term="CP", definition="Eich cynghorydd.")])
    >>> [(t.term, t.language) for t in glossary_view(english, None, welsh, "en-GB").terms]
    [('advocate', 'en-GB'), ('CP', None)]
    >>> [(t.term, t.language) for t in glossary_view(english, None, None, "en-GB").terms]
    [('advocate', 'en-GB'), ('PA', 'en-GB')]
    """
    translated = {term.id: term for term in translation.terms} if translation else {}
    views = []
    matching = []
    for term in file.terms:
        shown = translated.get(term.id, term)
        language = None if term.id in translated else file_language
        views.append(TermView(term.id, shown.term, tuple(shown.also), shown.definition, language))
        if translation is None or term.id in translated:
            matching.append(shown)
    views.sort(key=lambda view: (view.term.casefold(), view.id))
    return GlossaryView(tuple(views), matcher_of(matching), page)


def unused_terms(matcher: TermMatcher, texts: Iterable[str]) -> set[str]:
    """The ids of terms that no text uses (stops reading once every term is found).

    >>> sorted(unused_terms(term_matcher([("pa", "PA"), ("sp", "Staying Put")]), ["Ask your PA."]))
    ['sp']
    """
    left = {term_id for _, term_id in matcher.forms}
    for text in texts:
        for match in matcher.find(text):
            left.discard(match.term_id)
        if not left:
            break
    return left


def model_texts(value: Any, leave_out: frozenset[str] = frozenset()) -> Iterator[str]:
    """Every text in validated data (models, lists, mappings, dataclasses), in order.

    >>> from macros.validate.model.glossary import GlossaryTerm
    >>> list(model_texts([GlossaryTerm(id="pa", term="PA", definition="Adviser.")]))
    ['pa', 'PA', 'Adviser.']
    """
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from model_texts(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from model_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from model_texts(item)
    elif hasattr(value, "__dataclass_fields__"):
        for field in fields(value):
            if field.name not in leave_out:
                yield from model_texts(getattr(value, field.name))
