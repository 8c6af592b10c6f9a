"""The arrangements page: every part the 2026 law requires, each once."""

from __future__ import annotations

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import REQUIRED_PARTS, ArrangementsFile
from macros.validate.rules.references import duplicates, unknown


def arrangements_problems(file: ArrangementsFile, source: LoadedFile) -> list[DataProblem]:
    """Known parts, each once, and none of the required ones missing (named with the law)."""
    parts = [part.part for part in file.parts]
    problems = duplicates(
        ((part, source, ("parts", i, "part")) for i, part in enumerate(parts)), "part"
    )
    required = [part.id for part in REQUIRED_PARTS]
    for i, written in enumerate(parts):
        problems += unknown(source, ("parts", i, "part"), written, required, "part")
    for needed in REQUIRED_PARTS:
        if needed.id not in parts:
            problems.append(
                source.problem(
                    ("parts",),
                    f"the part '{needed.id}' is missing: the law ({needed.law}) asks the offer "
                    f"to publish {needed.about}; add a part with part: {needed.id}",
                )
            )
    return problems
