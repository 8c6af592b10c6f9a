"""The seven principles: listed in the Act's order, with unique ids."""

from __future__ import annotations

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import PrinciplesFile
from macros.validate.rules.references import duplicates


def principle_problems(principles: PrinciplesFile, source: LoadedFile) -> list[DataProblem]:
    """Ids and outcome ids unique; numbers 1 to 7 in order."""
    items = principles.principles
    problems = duplicates((p.id, source, ("principles", i, "id")) for i, p in enumerate(items))
    for index, principle in enumerate(items, start=1):
        if principle.number != index:
            problems.append(
                source.problem(
                    ("principles", index - 1, "number"),
                    f"must be {index}: principles are listed in the Act's order",
                )
            )
    problems += duplicates(
        (
            (outcome.id, source, ("principles", i, "outcomes", j, "id"))
            for i, principle in enumerate(items)
            for j, outcome in enumerate(principle.outcomes)
        ),
        "outcome id",
    )
    return problems
