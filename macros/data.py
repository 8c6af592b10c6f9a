"""Load every data file once per build and hand back validated models."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, DataProblem
from .loading import load_yaml
from .model import SiteSettings
from .validation import validate


@dataclass(frozen=True)
class SiteData:
    """Everything the pages may show, validated."""

    settings: SiteSettings


def load_site_data(project_root: Path) -> SiteData:
    """Load and validate ``data/`` under ``project_root``; report all problems together.

    >>> from pathlib import Path
    >>> load_site_data(Path(".")).settings.review.due_soon_days  # doctest: +SKIP
    30
    """
    problems: list[DataProblem] = []
    data_dir = project_root / "data"
    site_path = data_dir / "site.yml"
    settings: SiteSettings | None = None
    if not site_path.is_file():
        problems.append(
            DataProblem("data/site.yml", 0, "", "is missing; copy it from the template")
        )
    else:
        try:
            settings = validate(load_yaml(site_path, "data/site.yml"), SiteSettings)
        except DataError as error:
            problems.extend(error.problems)
    if problems or settings is None:
        raise DataError(problems)
    return SiteData(settings=settings)
