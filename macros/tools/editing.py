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

from pydantic import BaseModel, TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from macros.derive.review import add_interval
from macros.load.yaml_file import parse_yaml
from macros.problems import DataError
from macros.validate.model import Entry
from macros.validate.model.common import Identifier
from macros.validate.model.walk import is_list, model_in

WRITTEN_LATER = frozenset({"easy_read"})
"""Groups a new entry leaves out: the Easy Read text is written from the finished English
(it records its fingerprint, which ``uv run translate`` prints)."""


def scaffold(model: type[BaseModel], indent: int = 0) -> list[str]:
    """YAML lines for an empty ``model``, with its description as a comment on each field.

    Written from the model (``macros/validate/model/``), so a new field appears here by
    itself. Required fields and fields with an example are written; text is left empty
    (``""``) for the editor to fill in, and ``check`` lists whatever is still empty.

    >>> from macros.validate.model.offer import Ages
    >>> scaffold(Ages)
    ['from: 16  # youngest age that can get it', 'to: 25  # oldest age that can get it; leave it out when there is no upper age']
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
        if key in WRITTEN_LATER:
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
    """A problem an editor can fix, as one line (or one per problem in the file)."""


def _read(path: Path) -> tuple[Any, list[str], str]:
    """(document for finding lines, the file's lines without line endings, the line ending).

    The file is first read the way ``check`` reads it, so a mistake elsewhere in it is
    reported on its own line instead of a traceback, and nothing is changed.
    """
    if not path.is_file():
        raise EditError(f"{path}: no such offer section file")
    raw = path.read_bytes()
    try:
        parse_yaml(raw, str(path))
    except DataError as error:
        raise EditError(
            f"{error.report()}\nnothing was changed; fix the line above, then run this again"
        ) from None
    text = raw.decode("utf-8")
    ending = "\r\n" if "\r\n" in text else "\n"
    try:
        document = YAML(typ="rt").load(text)
    except YAMLError as error:
        raise EditError(f"{path}: cannot be edited safely ({error}); nothing was changed") from None
    return document, text.split(ending), ending


def _write(path: Path, lines: list[str], ending: str) -> None:
    """Write the lines back with the file's own line endings, byte for byte otherwise."""
    path.write_bytes(ending.join(lines).encode("utf-8"))


def _set_value_on_line(line: str, key: str, value: str) -> str:
    """Replace the value after ``key:`` on one line, keeping an anchor, a tag and a comment.

    >>> _set_value_on_line("last_reviewed_on: 2025-01-01  # checked", "last_reviewed_on", "2026-11-23")
    'last_reviewed_on: 2026-11-23  # checked'
    >>> _set_value_on_line("last_reviewed_on: &reviewed 2025-01-01", "last_reviewed_on", "2026-11-23")
    'last_reviewed_on: &reviewed 2026-11-23'
    """
    pattern = re.compile(rf"^(\s*{re.escape(key)}:\s*(?:[&!][^\s#]*\s+)*)([^#\n]*?)(\s*(#.*)?)$")
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


def mark_reviewed(path: Path, on: dt.date, today: dt.date | None = None) -> list[str]:
    """Set ``last_reviewed_on`` (and ``review_by``, keeping its interval); returns what changed.

    ``on`` may not be after ``today`` (a review is marked once it has happened).
    Example: a section reviewed on 2025-03-12 with review_by 2025-09-12, marked
    reviewed on 2026-11-23, gets review_by 2027-05-23.
    """
    if today is not None and on > today:
        raise EditError(
            f"{path}: {on} is after today ({today}); mark a review once it has happened"
        )
    document, lines, ending = _read(path)
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
    _write(path, lines, ending)
    return changes


_ENTRY_ID: TypeAdapter[str] = TypeAdapter(Identifier)


def _id_problem(entry_id: str) -> str | None:
    """Why ``entry_id`` cannot be an entry's id, in the words ``check`` uses, or None.

    >>> _id_problem("driving-lessons") is None
    True
    >>> _id_problem("a" * 300)
    'must be at most 60 characters long, a few words joined by hyphens'
    """
    try:
        _ENTRY_ID.validate_python(entry_id)
    except ValidationError as error:
        kind = error.errors()[0]["type"]
        if kind == "string_too_long":
            return "must be at most 60 characters long, a few words joined by hyphens"
        if kind == "string_too_short":
            return "must be at least 2 characters long"
        return "must be lower-case words joined by hyphens, e.g. driving-lessons"
    return None


def new_entry(path: Path, entry_id: str) -> int:
    """Add a scaffold entry at the end of the section's ``entries``; returns its first line (1-based)."""
    problem = _id_problem(entry_id)
    if problem is not None:
        raise EditError(f"'{entry_id[:60]}{'...' if len(entry_id) > 60 else ''}' {problem}")
    document, lines, ending = _read(path)
    entries = document.get("entries")
    if not entries:
        raise EditError(f"{path}: has no entries list to add to")
    if any(entry.get("id") == entry_id for entry in entries):
        raise EditError(f"{path}: already has an entry with id '{entry_id}'")
    # Ids are addresses on the whole site, so they must be unique across all sections,
    # and never a section's own id.
    for other in sorted(path.parent.glob("*.yml")):
        if other.stem == entry_id:
            raise EditError(
                f"'{entry_id}' is the id of the section {other.name}; choose another id"
            )
        if other == path:
            continue
        other_entries = (_read(other)[0] or {}).get("entries") or []
        if any(entry.get("id") == entry_id for entry in other_entries):
            raise EditError(
                f"{other}: already has an entry with id '{entry_id}'; choose another id"
            )
    indent = entries.lc.item(0)[1] - 2  # column of the "- " before the first entry
    keys = list(document.keys())
    after = keys[keys.index("entries") + 1 :]
    end = document.lc.key(after[0])[0] if after else len(lines)
    # Comments and blank lines just above the next key belong to it, not to the entries.
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    block = [" " * indent + line for line in entry_scaffold(entry_id)]
    lines[end:end] = block
    _write(path, lines, ending)
    return end + 1
