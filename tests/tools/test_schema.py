"""macros.tools.schema: the committed JSON Schemas match the model, and editors' files use them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.tools.schema import SCHEMA_DIR, SCHEMAS, schema_text
from macros.validate.model.files import DATA_FILES, TRANSLATION_FILES
from macros.validate.rules.translations import translation_name
from tests.conftest import FIXTURE_SITE, ROOT

FIXTURE_FILES = sorted((FIXTURE_SITE / "data").rglob("*.yml"))


def schema_of(relative: str) -> dict[str, object]:
    """The JSON Schema of the kind of data file at ``relative`` (e.g. data/offer/x.yml), or
    of the translation file (data/offer/x.ar.yml)."""
    name = relative.rpartition("/")[2]
    named = translation_name(name.removesuffix(".yml"))
    if named is not None:
        for translation in TRANSLATION_FILES:
            if translation.path_for(named[0], named[1]) == relative:
                schema = ROOT / SCHEMA_DIR / translation.schema
                return json.loads(schema.read_text(encoding="utf-8"))
        raise AssertionError(f"{relative} is not a registered kind of translation file")
    for kind in DATA_FILES:
        if relative == kind.path or (kind.folder and relative.startswith(kind.folder + "/")):
            return json.loads((ROOT / SCHEMA_DIR / kind.schema).read_text(encoding="utf-8"))
    raise AssertionError(f"{relative} is not a registered kind of data file")


def instance(path: Path) -> object:
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_there_is_one_schema_per_kind_of_data_file() -> None:
    kinds = [kind.schema for kind in DATA_FILES] + [kind.schema for kind in TRANSLATION_FILES]
    assert sorted(SCHEMAS) == sorted(kinds)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = (ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), (
        f"{SCHEMA_DIR / name} is stale: run 'uv run python -m macros.tools.schema' and commit it"
    )


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.name for p in FIXTURE_FILES])
def test_data_file_names_its_schema_for_editors(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    schema = (path.parent / first.removeprefix(prefix)).resolve()
    assert schema.is_file(), f"{path.name} points at a missing schema {schema}"
    relative = path.relative_to(FIXTURE_SITE).as_posix()
    assert json.loads(schema.read_text(encoding="utf-8")) == schema_of(relative)
    jsonschema.validate(instance(path), schema_of(relative))


def test_schema_rejects_a_misspelt_key() -> None:
    section = yaml.safe_load(
        (FIXTURE_SITE / "data" / "offer" / "always-current.yml").read_text(encoding="utf-8")
    )
    section["last_reviewd_on"] = section.pop("last_reviewed_on")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            json.loads(json.dumps(section, default=str)), schema_of("data/offer/x.yml")
        )
