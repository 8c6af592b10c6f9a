"""Command-line tools for editors: ``check`` validates the data and pages without building."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from macros.derive.dates import today
from macros.pipeline import Report, build_views, check_project
from macros.problems import DataError
from macros.publish.review_report import review_json, review_markdown, review_text
from macros.tools.annotations import annotation, summary, write_summary
from macros.tools.editing import EditError, mark_reviewed, new_entry
from macros.tools.link_check import check_links
from macros.tools.readability import readability_markdown, readability_report, readability_text


def project_report(root: Path) -> Report:
    """Every problem and notice in the data and pages under ``root``, as ``check`` sees them."""
    return check_project(root, root / "docs", today())


def check_main(argv: list[str] | None = None) -> int:
    """Validate every data file and page; print one line per problem; exit 1 if any.

    Example: ``uv run check`` -> ``All data and pages are valid.`` With ``--format
    github`` (the default inside GitHub Actions) each problem is also an annotation on its
    line of the pull request, and the job summary lists them.
    """
    parser = argparse.ArgumentParser(prog="check", description=check_main.__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="github: annotations and a job summary for GitHub Actions",
    )
    parser.add_argument(
        "--readability",
        action="store_true",
        help="also print the reading age of every offer entry and page, hardest first",
    )
    parser.add_argument(
        "--top", type=int, default=10, help="with --readability: how many of the hardest to list"
    )
    parser.add_argument(
        "--max-age",
        type=float,
        default=None,
        help="with --readability: exit 1 if an offer entry's reading age is above this",
    )
    args = parser.parse_args(argv)
    report = project_report(args.root)
    for notice in report.notices:
        print(f"note: {notice}")
    if args.format == "github":
        folder = _folder_in_repository(args.root)
        for notice in report.notices:
            print(annotation(notice, "notice", folder))
        for problem in report.problems:
            print(annotation(problem, "error", folder))
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            write_summary(Path(summary_file), summary(report.problems, report.notices))
    if report.problems:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        count = len(report.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
        return 1
    print("All data and pages are valid.")
    if args.readability and report.data is not None:
        return _readability(report, args)
    return 0


def _readability(report: Report, args: argparse.Namespace) -> int:
    """``check --readability``: the reading ages, in the job summary too in GitHub format."""
    assert report.data is not None
    scores = readability_report(report.data, args.root / "docs")
    print()
    print(readability_text(scores, args.top))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        write_summary(Path(summary_file), "\n" + readability_markdown(scores, args.top))
    if args.max_age is None:
        return 0
    over = [score for score in scores.of_kind("entry") if score.reading_age > args.max_age]
    for score in over:
        print(
            f"{score.passage.where}: reading age {score.reading_age:.1f} is above "
            f"{args.max_age:g}: {score.passage.label}",
            file=sys.stderr,
        )
    return 1 if over else 0


def _folder_in_repository(root: Path) -> str:
    """``root`` as a folder of the current one (``tests/fixture_site/``), or "" for itself."""
    try:
        relative = root.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return ""
    return "" if relative == Path(".") else f"{relative.as_posix()}/"


def review_main(argv: list[str] | None = None) -> int:
    """Print every offer section and separately reviewed entry, soonest review first.

    Exits 1 when something is overdue and ``review.fail_on_overdue`` is true in
    data/site.yml (or ``--fail-on-overdue`` is given); ``--json`` prints review.json.
    Example line: ``OVERDUE   2026-03-01  Section  Leisure and free time (Leaving Care Team)``
    """
    parser = argparse.ArgumentParser(prog="review", description=review_main.__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    parser.add_argument("--json", action="store_true", help="print review.json instead")
    parser.add_argument(
        "--markdown", action="store_true", help="print what is due or overdue as a Markdown list"
    )
    parser.add_argument(
        "--fail-on-overdue", action="store_true", help="exit 1 if anything is overdue"
    )
    args = parser.parse_args(argv)
    build_date = today()
    try:
        site, _ = build_views(args.root, args.root / "docs", build_date)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    rows = site.review_rows
    report = review_json(rows, build_date.isoformat())
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif args.markdown:
        print(review_markdown(rows, site.words.date(build_date)))
    else:
        print(f"Offer review report for {site.words.date(build_date)}")
        print(review_text(rows))
        counts = report["counts"]
        print(
            f"{counts['overdue']} overdue, {counts['due_soon']} due soon, "
            f"{counts['current']} up to date."
        )
    fail = args.fail_on_overdue or site.settings.review.fail_on_overdue
    return 1 if fail and report["counts"]["overdue"] else 0


def run_review() -> None:
    """Console-script entry point for ``review``."""
    sys.exit(review_main())


def _section_file(root: Path, section: str) -> Path:
    candidate = Path(section)
    if candidate.suffix == ".yml":
        return candidate if candidate.is_absolute() else root / candidate
    return root / "data" / "offer" / f"{section}.yml"


def _date(text: str) -> dt.date:
    """A --date as YYYY-MM-DD, or argparse's one-line error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date written YYYY-MM-DD, such as 2026-11-23"
        ) from None


def mark_reviewed_main(argv: list[str] | None = None) -> int:
    """Mark an offer section reviewed: sets last_reviewed_on (and review_by, if used).

    Example: ``uv run mark-reviewed money`` or ``uv run mark-reviewed money --date 2026-11-23``.
    Comments and layout in the file are kept; only those lines change.
    """
    parser = argparse.ArgumentParser(prog="mark-reviewed", description=mark_reviewed_main.__doc__)
    parser.add_argument("section", help="section id (file name in data/offer without .yml)")
    parser.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    path = _section_file(args.root, args.section)
    try:
        changes = mark_reviewed(path, args.date or today(), today=today())
    except EditError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Updated {path.relative_to(args.root) if path.is_relative_to(args.root) else path}:")
    for change in changes:
        print(f"  {change}")
    return 0


def new_entry_main(argv: list[str] | None = None) -> int:
    """Add a new, empty offer entry to a section, with a comment on every field.

    Example: ``uv run new-entry money --id driving-lessons``; then fill in the
    fields and run ``uv run check``, which lists what is still empty.
    """
    parser = argparse.ArgumentParser(prog="new-entry", description=new_entry_main.__doc__)
    parser.add_argument("section", help="section id (file name in data/offer without .yml)")
    parser.add_argument("--id", default="new-entry", help="the new entry's id")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    path = _section_file(args.root, args.section)
    try:
        line = new_entry(path, args.id)
    except EditError as error:
        print(error, file=sys.stderr)
        return 1
    shown = path.relative_to(args.root) if path.is_relative_to(args.root) else path
    print(f"Added entry '{args.id}' at {shown}:{line}. Fill in its fields, then run: uv run check")
    return 0


def run_mark_reviewed() -> None:
    """Console-script entry point for ``mark-reviewed``."""
    sys.exit(mark_reviewed_main())


def run_new_entry() -> None:
    """Console-script entry point for ``new-entry``."""
    sys.exit(new_entry_main())


def check_links_main(argv: list[str] | None = None) -> int:
    """Check the links of a built site; ``--external`` checks links to other sites too.

    Example: ``uv run mkdocs build --strict && uv run check-links --external``
    """
    parser = argparse.ArgumentParser(prog="check-links", description=check_links_main.__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site folder")
    parser.add_argument("--external", action="store_true", help="also check other sites")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(
            f"{args.site}: no built site here; run 'uv run mkdocs build --strict' first",
            file=sys.stderr,
        )
        return 1
    result = check_links(args.site, args.external)
    print(result.stdout)
    return result.returncode


def run_check_links() -> None:
    """Console-script entry point for ``check-links``."""
    sys.exit(check_links_main())


def run_check() -> None:
    """Console-script entry point for ``check``."""
    sys.exit(check_main())


if __name__ == "__main__":  # pragma: no cover
    run_check()
