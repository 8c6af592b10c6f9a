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
    return duplicates(
        (s.id, source, ("situations", i, "id")) for i, s in enumerate(file.situations)
    )


def district_problems(settings: SiteSettings, source: LoadedFile) -> list[DataProblem]:
    return duplicates(
        (d.id, source, ("districts", i, "id")) for i, d in enumerate(settings.districts)
    )
