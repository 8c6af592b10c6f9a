"""Ids that must be unique, and references that must name something that exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from macros.load.yaml_file import FieldPath, LoadedFile
from macros.problems import DataProblem

IdUse = tuple[str, LoadedFile, FieldPath]
"""An id, the file it is in and the path of the field that holds it."""


def duplicates(uses: Iterable[IdUse], what: str = "id") -> list[DataProblem]:
    """Every id used twice, named where it was used again, pointing at its first use.

    >>> a = LoadedFile("a.yml", {}, {("x",): 2, ("y",): 5})
    >>> [str(p) for p in duplicates([("rent", a, ("x",)), ("rent", a, ("y",))])]
    ["a.yml:5: y: duplicate id 'rent': already used at a.yml:2; ids must be unique"]
    """
    first: dict[str, tuple[LoadedFile, FieldPath]] = {}
    problems = []
    for value, source, path in uses:
        if value in first:
            other, other_path = first[value]
            problems.append(
                source.problem(
                    path,
                    f"duplicate {what} '{value}': already used at "
                    f"{other.path}:{other.line_of(other_path)}; ids must be unique",
                )
            )
        else:
            first[value] = (source, path)
    return problems


def unknown(
    source: LoadedFile,
    path: FieldPath,
    value: str,
    known: Iterable[str],
    what: str,
    cutoff: float = 0.6,
    listed_in: str = "",
) -> list[DataProblem]:
    """A problem when ``value`` is not one of ``known``, suggesting a close match; when
    nothing is known yet, where to list it (``listed_in``).

    >>> a = LoadedFile("a.yml", {}, {("p",): 4})
    >>> [str(p) for p in unknown(a, ("p",), "voise", ["voice", "home"], "principle")]
    ["a.yml:4: p: unknown principle 'voise'; did you mean 'voice'?"]
    >>> unknown(a, ("p",), "voice", ["voice"], "principle")
    []
    >>> [str(p) for p in unknown(a, ("p",), "hub", [], "place", listed_in="data/places.yml")]
    ["a.yml:4: p: unknown place 'hub'; no place is listed yet: add it to data/places.yml"]
    """
    names = sorted(known)
    if value in names:
        return []
    guess = difflib.get_close_matches(value, names, n=1, cutoff=cutoff)
    hint = f"did you mean '{guess[0]}'?" if guess else f"known: {', '.join(names)}"
    if not names:
        hint = f"no {what} is listed yet" + (f": add it to {listed_in}" if listed_in else "")
    return [source.problem(path, f"unknown {what} '{value}'; {hint}")]
