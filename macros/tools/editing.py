"""Edit offer files for editors without disturbing anything else in them.

ruamel.yaml reads the file to find exactly which lines to change (it keeps
line numbers for every key); the change itself is made to those lines of
text only, so comments, order, quoting and spacing elsewhere stay
byte-for-byte as the editor wrote them.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML

from macros.derive.review import add_interval
from macros.validate.model import Entry
from macros.validate.model.common import ID_PATTERN
from macros.validate.model.walk import is_list, model_in


def scaffold(model: type[BaseModel], indent: int = 0) -> list[str]:
    """YAML lines for an empty ``model``, with its description as a comment on each field.

    Written from the model (``macros/validate/model/``), so a new field appears here by
    itself. Required fields and fields with an example are written; text is left empty
    (``""``) for the editor to fill in, and ``check`` lists whatever is still empty.

    >>> from macros.validate.model.offer import Ages
    >>> scaffold(Ages)
    ['from: 16  # youngest age that can get it (16 to 25)', 'to: 25  # oldest age that can get it']
    """
    lines = []
    pad = " " * indent
    for name, field in model.model_fields.items():
        key = field.alias or name
        examples = field.examples or []
        inner = model_in(field.annotation)
        listed = is_list(field.annotation)
        if not (field.is_required() or examples or (inner and not listed)):
            continue
        comment = _lower_first((field.description or "").rstrip("."))
        choices = _choices(field.annotation)
        if choices:
            comment += f"; one of: {', '.join(choices)}"
        if inner is not None and not listed:
            lines.append(f"{pad}{key}:  # {comment}")
            lines += scaffold(inner, indent + 2)
            continue
        if choices:
            value = choices[0]
        elif listed:
            value = "" if field.is_required() else "[]"
        elif examples and not isinstance(examples[0], str):
            value = str(examples[0])
        else:
            value = '""'
            if examples:
                comment += f", e.g. {examples[0]}"
        written = f"{key}: {value}" if value else f"{key}:"
        lines.append(f"{pad}{written}  # {comment}")
        if listed and field.is_required():
            lines.append(f'{pad}  - ""')
    return lines


def _choices(annotation: Any) -> list[str]:
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return [str(member.value) for member in candidate]
    return []


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def entry_scaffold(entry_id: str) -> list[str]:
    """A new offer entry as a YAML list item, its id filled in."""
    lines = scaffold(Entry)
    first = lines[0].split("  # ", 1)
    lines[0] = f"- id: {entry_id}  # {first[1]}" if len(first) == 2 else f"- id: {entry_id}"
    return [lines[0], *("  " + line for line in lines[1:])]


class EditError(Exception):
    """A problem an editor can fix, as one line."""


def _load(path: Path) -> Any:
    if not path.is_file():
        raise EditError(f"{path}: no such offer section file")
    yaml = YAML(typ="rt")
    return yaml.load(path.read_text(encoding="utf-8"))


def _set_value_on_line(line: str, key: str, value: str) -> str:
    """Replace the value after ``key:`` on one line, keeping any trailing comment.

    >>> _set_value_on_line("last_reviewed_on: 2025-01-01  # checked", "last_reviewed_on", "2026-11-23")
    'last_reviewed_on: 2026-11-23  # checked'
    """
    pattern = re.compile(rf"^(\s*{re.escape(key)}:\s*)([^#\n]*?)(\s*(#.*)?)$")
    match = pattern.match(line)
    if match is None:
        raise EditError(f"cannot find '{key}:' on line: {line.strip()}")
    return f"{match.group(1)}{value}{match.group(3)}"


def _same_interval(old_start: dt.date, old_end: dt.date, new_start: dt.date) -> dt.date:
    """Move a review date on by the interval it had: whole months stay whole months.

    >>> _same_interval(dt.date(2025, 3, 12), dt.date(2025, 9, 12), dt.date(2026, 11, 23))
    datetime.date(2027, 5, 23)
    >>> _same_interval(dt.date(2025, 3, 12), dt.date(2025, 3, 26), dt.date(2026, 1, 1))
    datetime.date(2026, 1, 15)
    """
    months = (old_end.year - old_start.year) * 12 + old_end.month - old_start.month
    if months > 0 and add_interval(old_start, f"{months} months") == old_end:
        return add_interval(new_start, f"{months} months")
    return new_start + (old_end - old_start)


def mark_reviewed(path: Path, on: dt.date) -> list[str]:
    """Set ``last_reviewed_on`` (and ``review_by``, keeping its interval); returns what changed.

    Example: a section reviewed on 2025-03-12 with review_by 2025-09-12, marked
    reviewed on 2026-11-23, gets review_by 2027-05-23.
    """
    document = _load(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    changes: list[str] = []
    old_last = document.get("last_reviewed_on")
    if "last_reviewed_on" not in document:
        raise EditError(f"{path}: has no last_reviewed_on to update")
    if isinstance(old_last, dt.date) and on < old_last:
        raise EditError(f"{path}: {on} is before the last review ({old_last})")
    updates = {"last_reviewed_on": on}
    old_by = document.get("review_by")
    if isinstance(old_by, dt.date) and isinstance(old_last, dt.date):
        updates["review_by"] = _same_interval(old_last, old_by, on)
    for key, value in updates.items():
        number = document.lc.key(key)[0]
        lines[number] = _set_value_on_line(lines[number], key, value.isoformat())
        changes.append(f"{key}: {value.isoformat()}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return changes


def new_entry(path: Path, entry_id: str) -> int:
    """Add a scaffold entry at the end of the section's ``entries``; returns its first line (1-based)."""
    if not re.fullmatch(ID_PATTERN, entry_id):
        raise EditError(
            f"'{entry_id}' must be lower-case words joined by hyphens, e.g. driving-lessons"
        )
    document = _load(path)
    entries = document.get("entries")
    if not entries:
        raise EditError(f"{path}: has no entries list to add to")
    if any(entry.get("id") == entry_id for entry in entries):
        raise EditError(f"{path}: already has an entry with id '{entry_id}'")
    # Ids are addresses on the whole site, so they must be unique across all sections.
    for other in sorted(path.parent.glob("*.yml")):
        if other == path:
            continue
        if other.stem == entry_id:
            raise EditError(
                f"'{entry_id}' is the id of the section {other.name}; choose another id"
            )
        other_entries = (_load(other) or {}).get("entries") or []
        if any(entry.get("id") == entry_id for entry in other_entries):
            raise EditError(
                f"{other}: already has an entry with id '{entry_id}'; choose another id"
            )
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    indent = entries.lc.item(0)[1] - 2  # column of the "- " before the first entry
    keys = list(document.keys())
    after = keys[keys.index("entries") + 1 :]
    end = document.lc.key(after[0])[0] if after else len(lines)
    # Comments and blank lines just above the next key belong to it, not to the entries.
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    block = [" " * indent + line for line in entry_scaffold(entry_id)]
    lines[end:end] = block
    path.write_text("\n".join(lines), encoding="utf-8")
    return end + 1
