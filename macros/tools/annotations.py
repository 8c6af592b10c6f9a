"""Problems shown where comms staff work: on the line of their pull request in GitHub.

GitHub Actions reads ``::error file=...,line=...::message`` lines from a step's output
and shows each on that line of the pull request's changed files; a job summary (Markdown
appended to ``$GITHUB_STEP_SUMMARY``) lists them all on the run's page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from macros.problems import DataProblem


def _data(text: str) -> str:
    """A message for a workflow command (GitHub's escaping).

    >>> _data("50% done\\nnext")
    '50%25 done%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value for a workflow command.

    >>> _property("a,b:c")
    'a%2Cb%3Ac'
    """
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: DataProblem, level: str = "error", folder: str = "") -> str:
    """One problem as a GitHub Actions annotation; ``folder`` is the project's folder in
    the repository, when check ran on a site in a subfolder.

    >>> annotation(DataProblem("data/site.yml", 7, "council.short_nam", "unknown key"))
    '::error file=data/site.yml,line=7,title=council.short_nam::data/site.yml:7: council.short_nam: unknown key'
    """
    parts = [f"file={_property(folder + problem.file)}"]
    if problem.line:
        parts.append(f"line={problem.line}")
    if problem.field:
        parts.append(f"title={_property(problem.field)}")
    return f"::{level} {','.join(parts)}::{_data(str(problem))}"


def summary(problems: Iterable[DataProblem], notices: Iterable[DataProblem]) -> str:
    """The job summary: every problem and note, as a Markdown table.

    >>> print(summary([DataProblem("data/site.yml", 7, "council.name", "is required")], []))
    ## check: 1 problem
    <BLANKLINE>
    | Where | Field | What to fix |
    | --- | --- | --- |
    | `data/site.yml:7` | `council.name` | is required |
    <BLANKLINE>
    """
    problems, notices = list(problems), list(notices)
    count = len(problems)
    title = f"{count} problem{'s' if count != 1 else ''}" if count else "all data and pages valid"
    lines = [f"## check: {title}", ""]
    rows = [(problem, "") for problem in problems] + [(notice, "Note: ") for notice in notices]
    if rows:
        lines += ["| Where | Field | What to fix |", "| --- | --- | --- |"]
        for problem, prefix in rows:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            field = f"`{problem.field}`" if problem.field else ""
            message = (prefix + problem.message).replace("|", "\\|")
            lines.append(f"| `{where}` | {field} | {message} |")
    return "\n".join(lines) + "\n"


def write_summary(path: Path, text: str) -> None:
    """Add to the job summary file (GitHub gives its path in ``GITHUB_STEP_SUMMARY``)."""
    with path.open("a", encoding="utf-8") as summary_file:
        summary_file.write(text)
