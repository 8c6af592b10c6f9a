"""Copy Workbox's service-worker modules from the npm registry into the template.

The service worker (``macros/publish/sw.js``) is built on Workbox 7's production modules.
They are kept in ``macros/publish/vendor/workbox/``, byte for byte as npm ships them,
so building the site needs no Node.js and loads nothing from another host (Workbox's
own loader fetches its modules from Google's CDN unless told otherwise; it is not used).

To move to another Workbox version (needs npm, which checks each package against the
registry's integrity hash)::

    uv run python -m macros.tools.vendor_workbox 7.4.1

``SOURCES.json`` beside the files records the version, each package's npm integrity and
each file's SHA-256; a test checks the files against it, so a hand edit is caught.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

from macros.publish.workbox import MODULES, SOURCES, VENDOR_DIR, module_file


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(version: str, target: Path = VENDOR_DIR) -> dict[str, object]:
    """Fetch the modules of ``version`` with ``npm pack`` and write them into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*"):
        old.unlink()
    integrity: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in MODULES:
            package = f"workbox-{name}@{version}"
            packed = subprocess.run(
                ["npm", "pack", package, "--json", "--pack-destination", folder],
                capture_output=True,
                text=True,
                check=True,
            )
            facts = json.loads(packed.stdout)[0]
            integrity[package] = facts["integrity"]
            with tarfile.open(Path(folder) / facts["filename"]) as archive:
                wanted = {f"package/build/{module_file(name)}": module_file(name)}
                if name == "core":
                    wanted["package/LICENSE"] = "LICENSE"
                for member, file_name in wanted.items():
                    extracted = archive.extractfile(member)
                    if extracted is None:
                        raise SystemExit(f"{package} has no {member}")
                    (target / file_name).write_bytes(extracted.read())
    record: dict[str, object] = {
        "version": version,
        "packages": integrity,
        "files": {path.name: sha256(path) for path in sorted(target.glob("*"))},
    }
    (target / SOURCES).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="Workbox version, e.g. 7.4.1")
    args = parser.parse_args(argv)
    record = vendor(args.version)
    print(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
