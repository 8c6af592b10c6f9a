"""The lists other data names by id: organisations, places, areas, situations, districts."""

from __future__ import annotations

from dataclasses import dataclass

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import (
    STATUTORY_AREAS,
    AreasFile,
    OrganisationsFile,
    PlacesFile,
    SituationsFile,
)
from macros.validate.model.organisations import DEFAULT_TYPES
from macros.validate.model.site import SiteSettings
from macros.validate.model.situations import (
    IN_THE_AREA,
    NONE_OF_THESE,
    NOT_SURE,
    OUTSIDE_THE_AREA,
)
from macros.validate.rules.references import duplicates, unknown


@dataclass(frozen=True)
class Known:
    """The ids data may name; None where the file that defines them did not load (its own
    problems are reported; every reference to it would only repeat them)."""

    principles: frozenset[str] | None
    organisations: frozenset[str] | None
    places: frozenset[str] | None
    areas: frozenset[str] | None
    situations: frozenset[str] | None
    districts: frozenset[str] | None


def organisation_problems(file: OrganisationsFile, source: LoadedFile) -> list[DataProblem]:
    """Ids unique; every organisation's type built in or defined under ``types:``."""
    problems = duplicates((t.id, source, ("types", i, "id")) for i, t in enumerate(file.types))
    problems += duplicates(
        (o.id, source, ("organisations", i, "id")) for i, o in enumerate(file.organisations)
    )
    types = {*DEFAULT_TYPES, *(kind.id for kind in file.types)}
    for i, organisation in enumerate(file.organisations):
        path = ("organisations", i, "type")
        problems += unknown(source, path, organisation.type, types, "type of organisation")
    return problems


def place_problems(file: PlacesFile, source: LoadedFile) -> list[DataProblem]:
    return duplicates((p.id, source, ("places", i, "id")) for i, p in enumerate(file.places))


def area_problems(file: AreasFile, source: LoadedFile) -> list[DataProblem]:
    """Ids unique and none the id of a statutory area (those are named by the law)."""
    problems = duplicates((a.id, source, ("areas", i, "id")) for i, a in enumerate(file.areas))
    statutory = {area.id for area in STATUTORY_AREAS}
    for i, area in enumerate(file.areas):
        if area.id in statutory:
            problems.append(
                source.problem(
                    ("areas", i, "id"),
                    f"'{area.id}' is a statutory area, already known; list only your own areas",
                )
            )
    return problems


def situation_problems(file: SituationsFile, source: LoadedFile) -> list[DataProblem]:
    """Ids unique, and none the finder's own answer "None of these"."""
    problems = duplicates(
        (s.id, source, ("situations", i, "id")) for i, s in enumerate(file.situations)
    )
    return problems + _reserved(
        [(s.id, ("situations", i, "id")) for i, s in enumerate(file.situations)],
        {NONE_OF_THESE},
        source,
    )


def district_problems(settings: SiteSettings, source: LoadedFile) -> list[DataProblem]:
    """Ids unique, and none one of the finder's own answers to "Where do you live?"."""
    problems = duplicates(
        (d.id, source, ("districts", i, "id")) for i, d in enumerate(settings.districts)
    )
    return problems + _reserved(
        [(d.id, ("districts", i, "id")) for i, d in enumerate(settings.districts)],
        {OUTSIDE_THE_AREA, IN_THE_AREA, NOT_SURE},
        source,
    )


def _reserved(
    ids: list[tuple[str, tuple[str | int, ...]]], kept: set[str], source: LoadedFile
) -> list[DataProblem]:
    """A problem for each id that the finder keeps for one of its own answers.

    >>> a = LoadedFile("a.yml", {}, {("s", 0, "id"): 3})
    >>> [str(p) for p in _reserved([("none", ("s", 0, "id"))], {"none"}, a)]
    ["a.yml:3: s[1].id: 'none' is kept for the finder's own answer; choose another id"]
    """
    return [
        source.problem(path, f"'{value}' is kept for the finder's own answer; choose another id")
        for value, path in ids
        if value in kept
    ]
