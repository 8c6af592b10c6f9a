"""The offer across its files: section file names, entry ids and principle links."""

from __future__ import annotations

import re
from collections.abc import Mapping

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import OfferSection
from macros.validate.model.common import ID_PATTERN
from macros.validate.rules.references import IdUse, duplicates, unknown


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
    offer: Mapping[str, tuple[OfferSection, LoadedFile]], principle_ids: set[str] | None
) -> list[DataProblem]:
    """Entry ids unique across every section and never a section's id; principles exist."""
    problems: list[DataProblem] = []
    entry_ids: list[IdUse] = []
    for section, source in offer.values():
        for i, entry in enumerate(section.entries):
            entry_ids.append((entry.id, source, ("entries", i, "id")))
            if principle_ids is not None:
                for j, principle in enumerate(entry.principles):
                    where = ("entries", i, "principles", j)
                    problems += unknown(source, where, principle, principle_ids, "principle")
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
    return problems
