"""The committed JSON Schemas match the model, and every data file points at one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.tools.schema import SCHEMA_DIR, SCHEMAS, schema_text
from tests.conftest import ROOT

DATA_FILES = sorted((ROOT / "data").rglob("*.yml"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = (ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), (
        f"{SCHEMA_DIR / name} is stale: run 'uv run python -m macros.schema' and commit it"
    )


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_data_file_names_its_schema_for_editors(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    schema = (path.parent / first.removeprefix(prefix)).resolve()
    assert schema.is_file(), f"{path.name} points at a missing schema {schema}"
    instance = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(instance, json.loads(schema.read_text(encoding="utf-8")))


def test_schema_rejects_a_misspelt_key() -> None:
    schema = json.loads((ROOT / SCHEMA_DIR / "offer-section.schema.json").read_text())
    section = yaml.safe_load((ROOT / "data" / "offer" / "money.yml").read_text(encoding="utf-8"))
    section["last_reviewd_on"] = section.pop("last_reviewed_on")
    instance = json.loads(json.dumps(section, default=str))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(instance, schema)
