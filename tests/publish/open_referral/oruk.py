"""The Open Referral UK schemas in ``../shared/oruk/`` as JSON Schema validators, and a walk
of a served feed the way the ORUK validator walks one.

Every response is checked against the schema the OpenAPI document gives its path, with
formats checked (``uuid``, ``uri``, ``email``, ``date-time``...). The OpenAPI documents
name their schemas by raw GitHub URLs; those are mapped onto the reference copies here.
"""

from __future__ import annotations

import json
import os
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SHARED = Path(
    os.environ.get("CLO_ORUK_SCHEMAS")
    or Path(__file__).resolve().parents[3] / ".." / "shared" / "oruk"
)
"""``../shared/oruk`` beside the repository, as in the project's and CI's layout; a copy
elsewhere (the fork drill's, a CI machine with another layout) names it in
``CLO_ORUK_SCHEMAS``."""

UK_RAW = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
HSDS_RAW = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URL = "https://oruk.test/{name}/openapi.json"

SPECIFICATIONS = {
    # The ORUK validator tests a feed against this one.
    "oruk": ("oruk-validator-3.0/openapi.json", "uk-profile-3.0", UK_RAW),
    # HSDS 3.0 itself: the fields the UK profile leaves out (contacts' phones and email).
    "hsds": ("hsds-3.0/openapi.json", "hsds-3.0", HSDS_RAW),
}

MISSING = {"compiled/service_at_location_list.json": "service_at_location.json"}
"""Named by the OpenAPI documents but in neither specification's ``schema/compiled/``
(the ORUK validator cannot fetch it either): a list item is a ``service_at_location``."""

FORMATS = ("uuid", "uri", "email", "date-time", "date")
"""Formats the schemas use that must really be checked (``jsonschema[format-nongpl]``)."""


def shared_folder() -> Path:
    """The schemas' folder; a clear failure, never a skip, when it is missing."""
    if not (SHARED / "oruk-validator-3.0" / "openapi.json").is_file():
        raise AssertionError(
            f"The Open Referral UK schemas are missing: expected {SHARED.resolve()} "
            "(../shared/oruk/ beside the repository, with oruk-validator-3.0/, "
            "uk-profile-3.0/ and hsds-3.0/). The feed cannot be checked without them."
        )
    return SHARED


def _load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@cache
def registry(name: str) -> Registry[Any]:
    """Every schema of one specification, under the URL its OpenAPI document uses."""
    openapi_file, folder, raw = SPECIFICATIONS[name]
    shared = shared_folder()
    resources: list[tuple[str, Resource[Any]]] = []
    for path in sorted((shared / folder).rglob("*.json")):
        relative = path.relative_to(shared / folder).as_posix()
        if relative == "openapi.json":
            continue
        resources.append((raw + relative, DRAFT202012.create_resource(_load(path))))
    for missing, instead in MISSING.items():
        resources.append((raw + missing, DRAFT202012.create_resource({"$ref": raw + instead})))
    openapi = _load(shared / openapi_file)
    resources.append((OPENAPI_URL.format(name=name), DRAFT202012.create_resource(openapi)))
    return Registry().with_resources(resources)


@cache
def openapi_paths(name: str = "oruk") -> tuple[str, ...]:
    """The paths of a specification's OpenAPI document, e.g. ``/services/{id}``."""
    openapi_file = SPECIFICATIONS[name][0]
    return tuple(_load(shared_folder() / openapi_file)["paths"])


def _pointer(path: str) -> str:
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"#/paths/{escaped}/get/responses/200/content/application~1json/schema"


@cache
def validator(template: str, name: str = "oruk") -> Draft202012Validator:
    """The validator of one OpenAPI path's response (``/services/{id}``), formats on."""
    schema = {"$ref": OPENAPI_URL.format(name=name) + _pointer(template)}
    checker = Draft202012Validator.FORMAT_CHECKER
    missing = [name for name in FORMATS if name not in checker.checkers]
    assert missing == [], f"formats not checked (install jsonschema[format-nongpl]): {missing}"
    return Draft202012Validator(schema, registry=registry(name), format_checker=checker)


def template_of(api_path: str) -> str:
    """The OpenAPI path a request path answers: ``/services/abc`` -> ``/services/{id}``.

    >>> template_of("/services/1b4e28ba"), template_of("/services"), template_of("/")
    ('/services/{id}', '/services', '/')
    """
    match = re.fullmatch(r"(/[a-z_]+)/[^/]+", api_path)
    return f"{match.group(1)}/{{id}}" if match else api_path


def errors(api_path: str, document: Any, name: str = "oruk") -> list[str]:
    """Every way a document fails the schema of the path it is served at."""
    found = validator(template_of(api_path), name).iter_errors(document)
    return [_describe(api_path, error) for error in found]


def _describe(api_path: str, error: ValidationError) -> str:
    where = "/".join(str(part) for part in error.absolute_path)
    return f"{api_path} at /{where}: {error.message}"


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    content_type: str
    document: Any


def get(url: str) -> Response:
    """GET a URL as the validator does (redirects followed), its body read as JSON."""
    request = urllib.request.Request(url, headers={"User-Agent": "OpenReferral-Validator/1.0"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        return Response(
            url=response.geturl(),
            status=response.status,
            content_type=response.headers.get("Content-Type", ""),
            document=json.loads(body),
        )


def walk(base_url: str) -> Iterator[tuple[str, Response]]:
    """What the ORUK validator requests from a feed, in its order: the base URL (to read
    the version), then every path of the OpenAPI document, lists as ``?page=1`` and each
    ``{id}`` path for every id the list gave (the validator tries up to 10 of them)."""
    base = base_url.rstrip("/")
    yield "/", get(base_url)
    ids: dict[str, list[str]] = {}
    templates = openapi_paths()
    for template in templates:
        if "{id}" in template:
            continue
        query = "" if template == "/" else "?page=1"
        response = get(f"{base}{template}{query}")
        yield template, response
        if template != "/":
            ids[template] = [item["id"] for item in response.document["contents"]]
    for template in templates:
        if "{id}" not in template:
            continue
        for item in ids[template.removesuffix("/{id}")]:
            path = template.replace("{id}", item)
            yield path, get(f"{base}{path}")
