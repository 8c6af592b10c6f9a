"""``data/care_leavers.yml`` across its categories: ids unique."""

from __future__ import annotations

from macros.load.yaml_file import LoadedFile
from macros.problems import DataProblem
from macros.validate.model import CareLeaversFile
from macros.validate.rules.references import duplicates


def care_leaver_problems(file: CareLeaversFile, source: LoadedFile) -> list[DataProblem]:
    """Every category's id is unique: it is the category's anchor on the page."""
    return duplicates(
        (category.id, source, ("categories", i, "id")) for i, category in enumerate(file.categories)
    )
