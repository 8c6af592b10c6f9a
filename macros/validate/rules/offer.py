"""The offer across its files: section file names, entry ids and principle links."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import STATUTORY_AREAS, Entry, OfferSection, Where
from macros.validate.model.common import ID_PATTERN
from macros.validate.rules.references import IdUse, duplicates, unknown
from macros.validate.rules.registries import Known

PLACES_FILE = "data/places.yml"
SITUATIONS_FILE = "data/situations.yml"
DISTRICTS = "districts: in data/site.yml"
"""Where the places, situations and districts entries name are listed, for a message when
none is listed yet."""


def section_file_problem(relative: str, section_id: str) -> DataProblem | None:
    """A section's file name is its id, so it must be one.

    >>> section_file_problem("data/offer/Money Help.yml", "Money Help").message
    'file name must be lower-case words joined by hyphens; rename it to money-help.yml'
    """
    if re.fullmatch(ID_PATTERN, section_id):
        return None
    suggestion = "-".join(re.findall(r"[a-z0-9]+", section_id.lower())) or "section-name"
    return DataProblem(
        relative,
        1,
        "",
        f"file name must be lower-case words joined by hyphens; rename it to {suggestion}.yml",
    )


def offer_problems(
    offer: Mapping[str, tuple[OfferSection, LoadedFile]], known: Known, *, complete: bool = True
) -> list[DataProblem]:
    """Every entry's references and amounts; entry ids unique across every section and never
    a section's id; every statutory area covered by some entry (only when ``complete``: a
    section file that did not load may be the one that covers it)."""
    problems: list[DataProblem] = []
    entry_ids: list[IdUse] = []
    covered: set[str] = set()
    for section, source in offer.values():
        for i, entry in enumerate(section.entries):
            entry_ids.append((entry.id, source, ("entries", i, "id")))
            problems += _entry_problems(entry, source, ("entries", i), known)
            covered.update(entry.areas)
    problems += duplicates(entry_ids)
    for entry_id, source, path in entry_ids:
        if entry_id in offer:
            problems.append(
                source.problem(
                    path,
                    f"'{entry_id}' is already the id of the section data/offer/{entry_id}.yml; "
                    "choose a different entry id",
                )
            )
    if offer and complete:
        for area in STATUTORY_AREAS:
            if area.id not in covered:
                problems.append(
                    DataProblem(
                        "data/offer/",
                        0,
                        "",
                        f"no entry covers the statutory area '{area.id}' ({area.law}); add "
                        f"{area.id} to the areas of the entries that help with it",
                    )
                )
    return problems


def _entry_problems(
    entry: Entry, source: LoadedFile, at: tuple[str | int, ...], known: Known
) -> list[DataProblem]:
    problems: list[DataProblem] = []

    def check(
        field: str, values: Iterable[str], ids: Iterable[str] | None, what: str, listed_in: str
    ) -> None:
        if ids is None:
            return
        for j, value in enumerate(values):
            cutoff = 0.75 if field == "areas" else 0.6
            path = (*at, field, j)
            problems.extend(unknown(source, path, value, ids, what, cutoff, listed_in))

    check("principles", entry.principles, known.principles, "principle", "data/principles.yml")
    check("areas", entry.areas, known.areas, "area", "data/areas.yml")
    check("only_for", entry.only_for, known.situations, "situation", SITUATIONS_FILE)
    check("especially_for", entry.especially_for, known.situations, "situation", SITUATIONS_FILE)
    check("districts", entry.districts, known.districts, "district", DISTRICTS)
    if known.organisations is not None:
        for j, provider in enumerate(entry.providers):
            problems += unknown(
                source,
                (*at, "providers", j, "organisation"),
                provider.organisation,
                known.organisations,
                "organisation",
            )
    if known.places is not None:
        for j, place in enumerate(entry.places):
            path = (*at, "places", j, "place")
            problems += unknown(
                source, path, place.place, known.places, "place", listed_in=PLACES_FILE
            )
    if entry.where is Where.districts and not entry.districts:
        problems.append(source.problem((*at, "where"), "is districts: list them under districts:"))
    if entry.districts and entry.where is not Where.districts:
        problems.append(
            source.problem((*at, "districts"), "is only used with where: districts; add it")
        )
    problems += _overlapping_amounts(entry, source, at)
    return problems


def _overlapping_amounts(
    entry: Entry, source: LoadedFile, at: tuple[str | int, ...]
) -> list[DataProblem]:
    """Two amounts for the same thing (same ``for`` and ``per``) in force on one day."""
    problems = []
    amounts = entry.amounts
    for j, later in enumerate(amounts):
        for i in range(j):
            earlier = amounts[i]
            if (earlier.for_whom, earlier.per) != (later.for_whom, later.per):
                continue
            first_end = earlier.to_date or dt.date.max
            second_end = later.to_date or dt.date.max
            if earlier.from_date <= second_end and later.from_date <= first_end:
                problems.append(
                    source.problem(
                        (*at, "amounts", j, "from"),
                        f"overlaps amounts[{i + 1}] (from {earlier.from_date}): give the earlier "
                        "one a to: date before this one starts",
                    )
                )
    return problems
