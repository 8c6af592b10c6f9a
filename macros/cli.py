"""Command-line tools for editors: ``check`` validates the data without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import load_site_data
from .errors import DataError, DataProblem
from .pages import SITE_NAMES, check_pages


def problems_in(root: Path) -> list[DataProblem]:
    """Every problem in the data and pages under ``root``, sorted; [] when all is well."""
    problems: list[DataProblem] = []
    section_ids: list[str] | None = None
    try:
        section_ids = list(load_site_data(root).offer)
    except DataError as error:
        problems += error.problems
    problems += check_pages(root / "docs", SITE_NAMES, section_ids)
    return sorted(problems)


def check_main(argv: list[str] | None = None) -> int:
    """Validate every data file and page; print one line per problem; exit 1 if any.

    Example: ``uv run check`` -> ``All data and pages are valid.``
    """
    parser = argparse.ArgumentParser(prog="check", description=check_main.__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)"
    )
    args = parser.parse_args(argv)
    problems = problems_in(args.root)
    if problems:
        for problem in sorted(problems):
            print(problem, file=sys.stderr)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
        return 1
    print("All data and pages are valid.")
    return 0


def run_check() -> None:
    """Console-script entry point for ``check``."""
    sys.exit(check_main())


if __name__ == "__main__":  # pragma: no cover
    run_check()
