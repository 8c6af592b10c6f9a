"""Translation files against the English they translate: languages, entry ids, counts.

Fingerprints live here (validation needs them to check a current translation's steps
against the English; ``macros/derive/translations.py`` uses the same function to decide
what is current).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel import Locale, UnknownLocaleError

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import Entry, OfferSection, SiteSettings
from macros.validate.model.site import LANGUAGE_PATTERN
from macros.validate.model.translations import OfferSectionTranslation
from macros.validate.rules.references import unknown
from macros.words import catalogue_path, has_catalogue, load_words

FINGERPRINT_LENGTH = 12
_TRANSLATION_NAME = re.compile(r"^(?P<item>[^.]+)\.(?P<language>[^.]+)$")


def fingerprint(*texts: str | Sequence[str] | None) -> str:
    """Which version of the English a translation was made from: the first 12 hexadecimal
    characters of the SHA-256 of the texts. Any change to them changes it.

    >>> fingerprint("Money", "We pay for it.", [])
    '35589b2357d4'
    >>> fingerprint("Money", "We pay for it!", []) != fingerprint("Money", "We pay for it.", [])
    True
    """
    canonical = json.dumps([list(t) if isinstance(t, list | tuple) else t for t in texts])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def entry_fingerprint(entry: Entry) -> str:
    """The fingerprint of an entry's English words: title, summary, conditions and steps
    (amounts, phone numbers and dates always come from the English, so they are not in it).

    Example: ``uv run translate money --language ar`` prints it for every entry.
    """
    return fingerprint(entry.title, entry.summary, entry.conditions, entry.how_to_get_it)


def section_fingerprint(section: OfferSection) -> str:
    """The fingerprint of a section's English title and introduction."""
    return fingerprint(section.title, section.introduction)


def translation_name(stem: str) -> tuple[str, str] | None:
    """(item, language) of a translation file's name without ``.yml``, or None.

    >>> translation_name("money.ar"), translation_name("money")
    (('money', 'ar'), None)
    """
    match = _TRANSLATION_NAME.match(stem)
    return (match["item"], match["language"]) if match else None


def language_problem(relative: str, language: str, languages: Iterable[str]) -> DataProblem | None:
    """A problem when a file is named for a language the site does not list.

    >>> print(language_problem("data/offer/money.xx.yml", "xx", ["ar"]))
    data/offer/money.xx.yml:1: unknown language 'xx' in the file name; the languages under languages: in data/site.yml are: ar
    """
    known = sorted(languages)
    if language in known:
        return None
    if not re.fullmatch(LANGUAGE_PATTERN, language):
        what = f"'{language}' in the file name is not a language tag such as 'ar'"
    else:
        what = f"unknown language '{language}' in the file name"
    hint = (
        f"the languages under languages: in data/site.yml are: {', '.join(known)}"
        if known
        else "add the language under languages: in data/site.yml first"
    )
    return DataProblem(relative, 1, "", f"{what}; {hint}")


def offer_translation_problems(
    translation: OfferSectionTranslation,
    source: LoadedFile,
    english: OfferSection,
    english_path: str,
) -> list[DataProblem]:
    """Every translated entry names an English entry; a current translation (its
    fingerprint matches the English) has one condition and one step for each English one."""
    problems: list[DataProblem] = []
    given = [
        key
        for key, value in (
            ("made_from", translation.made_from),
            ("title", translation.title),
            ("introduction", translation.introduction),
        )
        if value is not None
    ]
    if given and len(given) < 3:
        message = "give made_from, title and introduction together (or leave all three out)"
        problems.append(source.problem((given[0],), message))
    entries = {entry.id: entry for entry in english.entries}
    for entry_id, item in translation.entries.items():
        path = ("entries", entry_id)
        if entry_id not in entries:
            found = unknown(source, path, entry_id, entries, f"entry in {english_path}")
            problems += found
            continue
        entry = entries[entry_id]
        if item.made_from != entry_fingerprint(entry):
            continue  # out of date: the page shows the English, and review lists it
        for name, ours, theirs in (
            ("conditions", item.conditions, entry.conditions),
            ("how_to_get_it", item.how_to_get_it, entry.how_to_get_it),
        ):
            if len(ours) != len(theirs):
                problems.append(
                    source.problem(
                        (*path, name),
                        f"the English has {len(theirs)}; translate each of them, in order "
                        f"(found {len(ours)})",
                    )
                )
    return problems


def translation_files(root: Path, folder: str, prefix: str = "") -> list[tuple[str, str, str]]:
    """(path, item, language) of every translation file in ``folder`` (``money.ar.yml``),
    only those starting ``prefix`` + "." when given (``site.ar.yml``)."""
    found = []
    for path in sorted((root / folder).glob("*.*.yml")):
        named = translation_name(path.name.removesuffix(".yml"))
        if named is None or (prefix and named[0] != prefix):
            continue
        found.append((f"{folder}/{path.name}", *named))
    return found


def languages_problems(settings: SiteSettings, source: LoadedFile) -> list[DataProblem]:
    """Each language under ``languages:`` listed once, not the site's own, known to CLDR
    (for its dates, numbers and direction)."""
    problems: list[DataProblem] = []
    seen: set[str] = {settings.language.split("-")[0]}
    for i, language in enumerate(settings.languages):
        path = ("languages", i, "code")
        base = language.code.split("-")[0]
        if base in seen:
            message = (
                f"'{language.code}' is listed twice, or is the site's own language "
                f"('{settings.language}'); list each other language once"
            )
            problems.append(source.problem(path, message))
            continue
        seen.add(base)
        try:
            Locale.parse(language.code.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            message = f"'{language.code}' is not a language tag CLDR knows, e.g. 'ar' or 'vi'"
            problems.append(source.problem(path, message))
            continue
    return problems


def untranslated_words_notices(settings: SiteSettings) -> list[DataProblem]:
    """A notice for each language whose catalogue lacks words the English one has, or
    that has no catalogue yet."""
    notices = []
    for language in settings.languages:
        if not has_catalogue(language.code):
            base = language.code.split("-")[0]
            notices.append(
                DataProblem(
                    f"macros/words/{base}.yml",
                    0,
                    "",
                    f"the interface has no words in '{language.code}' yet and shows in "
                    "English: add this file, a copy of en.yml with every text translated",
                )
            )
            continue
        missing = sorted(load_words(language.code).untranslated)
        if missing:
            shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
            path = catalogue_path(language.code)
            notices.append(
                DataProblem(
                    f"macros/words/{path.name}",
                    0,
                    "",
                    f"{len(missing)} words of the interface are not translated yet and show "
                    f"in English: {shown}",
                )
            )
    return notices
