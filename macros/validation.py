"""Check loaded YAML against the model and turn pydantic errors into editor messages."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, DataProblem
from .loading import FieldPath, LoadedFile, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)
MISSING = "is required but missing"


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
    kind = item["type"]
    got = item.get("input")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, path[:-1])
        guess = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed: {', '.join(allowed)}"
        message = f"unknown key; {hint}"
    elif kind == "missing":
        message = MISSING
    else:
        text = item["msg"].removeprefix("Value error, ")
        message = f"{_lower_first(text)}, got {got!r}" if got is not None else text
    return DataProblem(loaded.path, loaded.line_of(path), dotted(path), message)


def _without_misspelt_missing(problems: list[DataProblem]) -> list[DataProblem]:
    """Drop "is required" for a key that another problem says was misspelt.

    One typo should give one message, not "unknown key" plus "missing".
    """
    suggested = {
        (problem.file, _sibling(problem.field, problem.message.split("'")[1]))
        for problem in problems
        if "did you mean '" in problem.message
    }
    return [
        problem
        for problem in problems
        if not (problem.message == MISSING and (problem.file, problem.field) in suggested)
    ]


def _sibling(field: str, name: str) -> str:
    """The path of ``name`` next to ``field``: ``a.b`` + ``c`` -> ``a.c``."""
    return f"{field.rsplit('.', 1)[0]}.{name}" if "." in field else name


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _allowed_keys(model: type[BaseModel], path: FieldPath) -> list[str]:
    """Field names allowed at ``path`` inside ``model`` (list indexes are skipped)."""
    current: type[BaseModel] = model
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        inner = _model_in(field.annotation)
        if inner is None:
            return []
        current = inner
    return sorted(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
