"""Check loaded YAML against the model and turn pydantic errors into editor messages.

Every message says what is wrong and what is allowed, in plain words, with
no Python or pydantic terms in it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from enum import Enum
from typing import Any, TypeVar

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from macros.load.yaml_file import FieldPath, LoadedFile, dotted
from macros.problems import DataError, DataProblem
from macros.validate.model.common import CODE_PATTERN, ID_PATTERN, REVIEW_INTERVAL_PATTERN
from macros.validate.model.site import LANGUAGE_PATTERN
from macros.validate.model.translations import FINGERPRINT_PATTERN
from macros.validate.model.walk import allowed_keys, field_at

ModelT = TypeVar("ModelT", bound=BaseModel)
MISSING = "is required but missing"

PATTERN_HINTS = {
    REVIEW_INTERVAL_PATTERN: "must be a number and weeks, months or years, e.g. '6 months' or '1 year'",
    ID_PATTERN: "must be lower-case words joined by hyphens, e.g. 'junior-isa'",
    CODE_PATTERN: "must be lower-case words joined by underscores, e.g. 'health_and_wellbeing'",
    FINGERPRINT_PATTERN: "must be the fingerprint of the English: 12 characters, 0-9 and a-f, "
    "as `uv run translate` prints it",
    LANGUAGE_PATTERN: "must be a language tag such as 'ar', 'vi' or 'en-GB'",
}
EMAIL_HINT = "is not an email address, e.g. leaving.care@example.org"


def validate(loaded: LoadedFile, model: type[ModelT]) -> ModelT:
    """Build ``model`` from a loaded file, or raise DataError naming each bad field.

    >>> from pydantic import BaseModel
    >>> class M(BaseModel):
    ...     a: int
    >>> validate(LoadedFile("m.yml", {"a": 1}), M).a
    1
    """
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        problems = [_problem(loaded, model, item) for item in error.errors()]
        raise DataError(_without_misspelt_missing(problems)) from None


def _problem(loaded: LoadedFile, model: type[BaseModel], item: Any) -> DataProblem:
    path: FieldPath = tuple(part for part in item["loc"] if isinstance(part, str | int))
    message = plain_message(model, path, item, loaded.written.get(path))
    return DataProblem(loaded.path, loaded.line_of(path), dotted(path), message)


def plain_message(
    model: type[BaseModel], path: FieldPath, item: Any, written: str | None = None
) -> str:
    """One pydantic error as plain words: what is wrong and what is allowed.

    ``written`` is the value as the editor typed it, when YAML read it as something else
    (``01632 960100`` typed without quotes is the number 1632960100, ``9:30`` is 570,
    ``No`` is false): messages show what was typed, never what YAML made of it.
    """
    kind: str = item["type"]
    got: Any = item.get("input")
    if written and got is not None and not isinstance(got, str) and _got(got) != written:
        got = _Written(written, got)
    field = field_at(model, path)
    context = item.get("ctx") or {}

    if kind == "extra_forbidden":
        allowed = allowed_keys(model, path[:-1])
        guess = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed: {', '.join(allowed)}"
        return f"unknown key; {hint}"
    if kind == "missing":
        description = field.description if field and field.description else ""
        explained = f" ({_lower_first(description).rstrip('.')})" if description else ""
        return f"{MISSING}; add '{path[-1]}:'{explained}"
    if kind == "list_type" and got is None:
        return "is empty; add at least one item on the lines below, each starting with '- '"
    if (got is None and kind.endswith(("_type", "_parsing"))) or (
        kind == "string_too_short" and got == ""
    ):
        return "is empty; write a value after the colon"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        limits = f", {_range(field)}" if _range(field) else ""
        return f"must be a whole number{limits}, written in figures; got {_got(got)}"
    if kind in {"float_parsing", "float_type"}:
        limits = f", {_range(field)}" if _range(field) else ""
        return f"must be a number{limits}, such as 88.4; got {_got(got)}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"must be true or false; got {_got(got)}"
    if kind.startswith(("date_", "datetime_")):
        return (
            "must be a date written YYYY-MM-DD, e.g. 2025-01-30 for 30 January 2025; "
            f"got {_got(got)}"
        )
    if kind == "string_type":
        if isinstance(got, list):
            return "must be one piece of text, not a list; remove the '- ' and write it on one line"
        if isinstance(got, bool | int | float | dt.date):
            got = _Written(_got(got), got)
        if isinstance(got, _Written):
            return (
                f'must be text: put it in quotes, "{got.text}" (without quotes YAML reads '
                f"it as {got.read_as})"
            )
        return f"must be text; got {_got(got)}"
    if kind == "list_type":
        return f"must be a list: put each item on its own line starting with '- '; got {_got(got)}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        keys = ", ".join(f"{key}:" for key in allowed_keys(model, path))
        return f"must be a group of keys on their own lines below it ({keys}); got {_got(got)}"
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        hint = PATTERN_HINTS.get(
            pattern, EMAIL_HINT if "@" in pattern else "is not in the right form"
        )
        return f"{hint}; got {_got(got)}"
    if kind.startswith("url_"):
        return f"must be a full web address starting with https://; got {_got(got)}"
    if kind in {"enum", "literal_error"}:
        choices = _choices(field)
        guess = difflib.get_close_matches(str(got), choices, n=1, cutoff=0.5)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return f"must be one of: {', '.join(choices)}; got {_got(got)}{hint}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return f"must be {_range(field) or 'in range'}; got {_got(got)}"
    if kind in {"too_short", "too_long"}:
        found = len(got) if isinstance(got, list | str) else "none"
        return f"{_count_rule(field)}, found {found}"
    text = str(item["msg"]).removeprefix("Value error, ")
    return f"{_lower_first(text)}; got {_got(got)}" if got is not None else _lower_first(text)


class _Written:
    """A value as it was typed, shown in quotes, and what YAML made of it."""

    def __init__(self, text: str, value: Any) -> None:
        self.text = text
        if isinstance(value, bool):
            self.read_as = "true or false"
        elif isinstance(value, int | float):
            self.read_as = "a number"
        elif isinstance(value, dt.date):
            self.read_as = "a date"
        else:
            self.read_as = "something else"

    def __repr__(self) -> str:
        return repr(self.text)


def _got(value: Any) -> str:
    """Show a value the way it was written in YAML.

    >>> _got(dt.date(2026, 1, 31)), _got("ten"), _got([1, 2])
    ('2026-01-31', "'ten'", 'a list of 2 items')
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a group of keys"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def _range(field: FieldInfo | None) -> str:
    """The limits of a number field in words; a limit the value may not equal (``gt``,
    ``lt``) is said as "more than" or "less than".

    >>> from pydantic import Field
    >>> _range(Field(ge=14, le=99)), _range(Field(gt=0, le=100_000)), _range(Field(gt=0))
    ('from 14 to 99', 'more than 0 and at most 100000', 'more than 0')
    """
    low: object = None
    high: object = None
    low_included = high_included = True
    for item in field.metadata if field else []:
        if isinstance(item, Ge | Gt):
            low, low_included = (item.ge, True) if isinstance(item, Ge) else (item.gt, False)
        if isinstance(item, Le | Lt):
            high, high_included = (item.le, True) if isinstance(item, Le) else (item.lt, False)
    lower = f"{low} or more" if low_included else f"more than {low}"
    if low is not None and high is not None:
        if low_included and high_included:
            return f"from {low} to {high}"
        return f"{lower} and " + (f"at most {high}" if high_included else f"less than {high}")
    if low is not None:
        return lower
    if high is not None:
        return f"{high} or less" if high_included else f"less than {high}"
    return ""


def _count_rule(field: FieldInfo | None) -> str:
    low = high = None
    for item in field.metadata if field else []:
        if isinstance(item, MinLen):
            low = item.min_length
        if isinstance(item, MaxLen):
            high = item.max_length
    if low is not None and low == high:
        return f"must have exactly {low} items"
    if low is not None and high is not None:
        return f"must have from {low} to {high} items"
    if low is not None:
        return f"must have at least {low} item{'s' if low != 1 else ''}"
    return f"must have at most {high} items"


def _choices(field: FieldInfo | None) -> list[str]:
    annotation = field.annotation if field else None
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return [str(member.value) for member in candidate]
        for inner in getattr(candidate, "__args__", ()):
            if isinstance(inner, type) and issubclass(inner, Enum):
                return [str(member.value) for member in inner]
    return []


def _without_misspelt_missing(problems: list[DataProblem]) -> list[DataProblem]:
    """Drop "is required" for a key that another problem says was misspelt.

    One typo should give one message, not "unknown key" plus "missing".
    """
    suggested = {
        (problem.file, _sibling(problem.field, problem.message.split("'")[1]))
        for problem in problems
        if "did you mean '" in problem.message and problem.message.startswith("unknown key")
    }
    return [
        problem
        for problem in problems
        if not (problem.message.startswith(MISSING) and (problem.file, problem.field) in suggested)
    ]


def _sibling(field: str, name: str) -> str:
    """The path of ``name`` next to ``field``: ``a.b`` + ``c`` -> ``a.c``."""
    return f"{field.rsplit('.', 1)[0]}.{name}" if "." in field else name


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
