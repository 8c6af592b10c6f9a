"""The figures: counts that add up, and names for ``figure()`` that mean one thing."""

from __future__ import annotations

import difflib

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import FiguresFile
from macros.validate.model.figures import FIXED_FIGURE_NAMES
from macros.validate.rules.references import duplicates


def figures_problems(figures: FiguresFile, source: LoadedFile) -> list[DataProblem]:
    """Placement counts add up to the total; every name used by ``figure()`` is unique.

    >>> from macros.validate.model.figures import EXAMPLE
    >>> figures_problems(EXAMPLE, LoadedFile("data/figures.yml", {}))
    []
    """
    problems = []
    placements = figures.placements
    counted = sum(item.count for item in placements.by_type)
    if counted != placements.total:
        problems.append(
            source.problem(
                ("placements", "total"),
                f"is {placements.total}, but the counts in placements.by_type add up to "
                f"{counted}; they must be equal",
            )
        )
    names = [
        *(
            (item.id, source, ("placements", "by_type", i, "id"))
            for i, item in enumerate(placements.by_type)
        ),
        *((item.id, source, ("other", i, "id")) for i, item in enumerate(figures.other)),
    ]
    problems += duplicates(names, "figure name")
    for name, where, path in names:
        if name in FIXED_FIGURE_NAMES:
            problems.append(
                where.problem(path, f"'{name}' is already a figure name; choose another id")
            )
    return problems


def figure_names(figures: FiguresFile) -> list[str]:
    """Every name ``figure()`` knows (sums of placement ids, ``a+b``, also work).

    >>> from macros.validate.model.figures import EXAMPLE
    >>> figure_names(EXAMPLE)[-4:]
    ['foster', 'foster.percent', 'homes', 'homes.percent']
    """
    ids = [item.id for item in figures.placements.by_type]
    others = [item.id for item in figures.other]
    placements = (name for pid in ids for name in (pid, f"{pid}.percent"))
    return [*FIXED_FIGURE_NAMES, *placements, *others]


def placement_sum(figures: FiguresFile, name: str) -> tuple[list[str], bool] | None:
    """The placement ids a name adds up, and whether it asks for a percentage; None if
    the name is not placement ids joined by ``+`` (with an optional ``.percent``).

    >>> from macros.validate.model.figures import EXAMPLE
    >>> placement_sum(EXAMPLE, "foster+homes.percent"), placement_sum(EXAMPLE, "dogs")
    ((['foster', 'homes'], True), None)
    """
    ids, _, suffix = name.partition(".")
    if suffix not in ("", "percent"):
        return None
    known = {item.id for item in figures.placements.by_type}
    wanted = ids.split("+")
    if not all(pid in known for pid in wanted):
        return None
    return wanted, suffix == "percent"


def figure_name_problem(figures: FiguresFile | None, name: str) -> str | None:
    """Why ``figure(name)`` cannot be shown, or None when it can.

    >>> from macros.validate.model.figures import EXAMPLE
    >>> figure_name_problem(EXAMPLE, "totl")
    "no figure 'totl' in data/figures.yml; did you mean 'total'?"
    """
    if figures is None:
        return "data/figures.yml is missing; add it to use figure()"
    others = {item.id for item in figures.other}
    if name in FIXED_FIGURE_NAMES or name in others or placement_sum(figures, name):
        return None
    known = figure_names(figures)
    guess = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean '{guess[0]}'?" if guess else "known: " + ", ".join(known)
    return f"no figure '{name}' in data/figures.yml; {hint}"
