"""Walking the model: the field an editor's key names, and the keys allowed beside it.

Used by the error messages, the README reference tables, the ``new-entry`` scaffold and
the tests, so that each reads the model the same way.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

FieldPath = tuple[str | int, ...]


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside a field's type (``list[Entry] | None`` -> ``Entry``), or None.

    >>> from macros.validate.model import Entry
    >>> model_in(list[Entry] | None) is Entry, model_in(list[str])
    (True, None)
    """
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


def fields_by_key(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """Fields by the key an editor writes (the alias when there is one).

    >>> from macros.validate.model.offer import Ages
    >>> sorted(fields_by_key(Ages))
    ['from', 'to']
    """
    return {field.alias or name: field for name, field in model.model_fields.items()}


def field_at(model: type[BaseModel], path: FieldPath) -> FieldInfo | None:
    """The field at an editor's path (list positions skipped), or None.

    >>> from macros.validate.model import OfferSection
    >>> field_at(OfferSection, ("entries", 0, "ages", "to")).description
    'Oldest age that can get it; leave it out when there is no upper age.'
    """
    current: type[BaseModel] | None = model
    field: FieldInfo | None = None
    keyed = False
    for part in path:
        if isinstance(part, int) or keyed:
            keyed = False  # a list position, or the key of a group of items by id
            continue
        if current is None:
            return None
        field = fields_by_key(current).get(part)
        if field is None:
            return None
        current = model_in(field.annotation)
        keyed = is_mapping(field.annotation)
    return field


def allowed_keys(model: type[BaseModel], path: FieldPath) -> list[str]:
    """Keys allowed inside the group at ``path`` (list positions skipped), sorted.

    >>> from macros.validate.model import OfferSection
    >>> allowed_keys(OfferSection, ("entries", 0, "ages"))
    ['from', 'to']
    """
    current: type[BaseModel] | None = model
    keyed = False
    for part in path:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field = fields_by_key(current).get(part) if current else None
        current = model_in(field.annotation) if field else None
        keyed = field is not None and is_mapping(field.annotation)
    return sorted(fields_by_key(current)) if current else []


def is_list(annotation: Any) -> bool:
    """Whether a field holds a list (possibly optional).

    >>> is_list(list[int] | None), is_list(int)
    (True, False)
    """
    if typing.get_origin(annotation) is list:
        return True
    return any(typing.get_origin(arg) is list for arg in typing.get_args(annotation))


def is_mapping(annotation: Any) -> bool:
    """Whether a field holds items by key (``entries: {id: {...}}``), possibly optional.

    >>> is_mapping(dict[str, int] | None), is_mapping(list[int])
    (True, False)
    """
    if typing.get_origin(annotation) is dict:
        return True
    return any(typing.get_origin(arg) is dict for arg in typing.get_args(annotation))
