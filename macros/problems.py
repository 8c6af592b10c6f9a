"""Data problems reported to editors, one line each.

A problem always names the file, the line and the field, so that a comms
officer can find and fix it without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataProblem:
    """One thing wrong in one data file or page.

    >>> str(DataProblem("data/site.yml", 4, "council.name", "is required"))
    'data/site.yml:4: council.name: is required'
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised when data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, ready to print.

        >>> DataError([DataProblem("a.yml", 2, "x", "bad")]).report()
        'a.yml:2: x: bad'
        """
        return "\n".join(str(problem) for problem in self.problems)
