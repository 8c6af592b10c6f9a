"""The reviewers' report for other systems and for staff: review.json, text and Markdown.

The rows themselves are worked out in ``macros/derive/reviews.py``. These are tool outputs
for staff (the ``review`` command and the weekly review issue), written in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from macros.derive.reviews import ReviewRow


def review_json(rows: Sequence[ReviewRow], build_date_iso: str) -> dict[str, Any]:
    """The machine-readable report written to ``review.json``.

    >>> review_json([], "2026-11-23")
    {'generated_on': '2026-11-23', 'counts': {'current': 0, 'due_soon': 0, 'overdue': 0}, 'items': []}
    """
    counts = {"current": 0, "due_soon": 0, "overdue": 0}
    for row in rows:
        counts[row.review.state] += 1
    return {
        "generated_on": build_date_iso,
        "counts": counts,
        "items": [
            {
                "kind": row.kind,
                "id": row.id,
                "title": row.title,
                "owner": row.owner,
                "url": row.url,
                "last_reviewed_on": row.review.last_reviewed_iso,
                "next_review_on": row.review.next_due_iso,
                "status": row.review.state,
            }
            for row in rows
        ],
    }


def review_text(rows: Sequence[ReviewRow]) -> str:
    """The report as plain text lines for the ``review`` command.

    Example line: ``OVERDUE   2026-03-12  Section  Money (Leaving Care Team)``
    """
    lines = []
    for row in rows:
        status = row.review.state.replace("_", " ").upper()
        lines.append(
            f"{status:<9} {row.review.next_due_iso}  {row.kind.replace('_', ' ').capitalize():<7}  {row.title} ({row.owner})"
        )
    return "\n".join(lines)


def review_markdown(rows: Sequence[ReviewRow], build_date: str) -> str:
    """What is overdue or due soon, as the body of the weekly review issue.

    >>> review_markdown([], "23 November 2026").splitlines()[-1]
    'Nothing is overdue or due soon.'
    """
    lines = [f"Offer review status on {build_date}.", ""]
    due = [row for row in rows if row.review.state != "current"]
    if not due:
        lines.append("Nothing is overdue or due soon.")
        return "\n".join(lines)
    lines.append("When a section has been checked, run `uv run mark-reviewed SECTION` and merge.")
    lines.append("")
    for row in due:
        state = "Overdue" if row.review.state == "overdue" else "Due soon"
        lines.append(
            f"- [ ] **{state}** ({row.review.next_due}): {row.kind} "
            f"`{row.id}`, {row.title}, owner: {row.owner}"
        )
    return "\n".join(lines)
