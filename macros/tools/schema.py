"""JSON Schemas for the data files, generated from the model for editors.

VS Code (with the YAML extension) reads the ``# yaml-language-server:
$schema=...`` line at the top of each data file, then autocompletes keys and
underlines mistakes while typing. Regenerate after changing the model:

    uv run python -m macros.tools.schema
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from macros.validate.model.files import DATA_FILES, TRANSLATION_FILES

SCHEMA_DIR = Path("data") / "schemas"
SCHEMAS: dict[str, type[BaseModel]] = {kind.schema: kind.model for kind in DATA_FILES} | {
    kind.schema: kind.model for kind in TRANSLATION_FILES
}


def schema_text(model: type[BaseModel]) -> str:
    """The schema of one model as stable, diff-friendly JSON text.

    >>> from macros.validate.model import SiteSettings
    >>> '"additionalProperties": false' in schema_text(SiteSettings)
    True
    """
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(project_root: Path) -> list[Path]:
    """Write every schema under ``data/schemas``; returns the paths written."""
    folder = project_root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in write_schemas(Path.cwd()):
        print(f"wrote {path}")
    sys.exit(0)
