"""macros.publish.workbox: the vendored Workbox modules are exactly what npm shipped."""

from __future__ import annotations

import hashlib
import json

from macros.publish.workbox import MODULES, SOURCES, VENDOR_DIR, module_file, vendored_version


def test_the_vendored_files_match_their_record() -> None:
    record = json.loads((VENDOR_DIR / SOURCES).read_text(encoding="utf-8"))
    files = {path.name for path in VENDOR_DIR.iterdir() if path.name != SOURCES}
    assert files == set(record["files"])
    for name, digest in record["files"].items():
        assert hashlib.sha256((VENDOR_DIR / name).read_bytes()).hexdigest() == digest, name
    version = vendored_version()
    assert set(record["packages"]) == {f"workbox-{module}@{version}" for module in MODULES}
    assert all(value.startswith("sha512-") for value in record["packages"].values())


def test_every_module_the_worker_loads_is_there_and_loads_nothing_else() -> None:
    for module in MODULES:
        text = (VENDOR_DIR / module_file(module)).read_text(encoding="utf-8")
        assert text.startswith(f"this.workbox=this.workbox||{{}},this.workbox.{module}"), module
        assert "importScripts" not in text and "googleapis" not in text, module
