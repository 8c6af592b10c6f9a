"""How the finder's pages grow with the offer: their number and their size.

A benchmark to run by hand, not a test (pytest only imports this file for doctests)::

    uv run python tests/benchmarks/finder_size.py
    uv run python tests/benchmarks/finder_size.py --sizes example,1000,5000

For each size it copies the project into a temporary folder; for a number N it keeps
the example's sections and fills them with N entries, each a copy of one of the
example's entries (ages, situations and places as written there, so the mix of who can
get what is the example's) under a new id. It then runs ``mkdocs build --strict`` and
prints, for the finder's pages (``finder/``) and "Am I a care leaver?":

- ``pages``: how many pages there are;
- ``results``: the results pages (one per age), their total size and the largest, as
  written and gzip-compressed (as GitHub Pages serves them);
- ``questions``: the question pages' total size;
- ``entries/age``: the most entries one age's page holds;
- ``build s``: the whole build's wall time.

The number of pages does not depend on the offer: one page per question, one results
page per age (16 to 25) and one "Am I a care leaver?" page. A results page holds the
entries for its age, so its size grows in step with the offer.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("mkdocs.yml", "data", "docs", "macros", "overrides", "pyproject.toml")
FROZEN_EPOCH = "1795392000"


def grow(project: Path, entries: int) -> None:
    """Fill the example's sections with ``entries`` copies of its entries, in turn."""
    files = sorted((project / "data" / "offer").glob("*.yml"))
    sections = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    originals = [entry for section in sections for entry in section["entries"]]
    for section in sections:
        section["entries"] = []
    for number in range(entries):
        entry: dict[str, Any] = dict(originals[number % len(originals)])
        entry["id"] = f"{entry['id']}-{number + 1}"
        sections[number % len(sections)]["entries"].append(entry)
    for path, section in zip(files, sections, strict=True):
        path.write_text(
            yaml.safe_dump(section, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )


def sizes(paths: list[Path]) -> tuple[int, int, int, int]:
    """(total, largest) as written and (total, largest) gzip-compressed, in bytes."""
    raw = [path.stat().st_size for path in paths]
    packed = [len(gzip.compress(path.read_bytes(), 6)) for path in paths]
    return sum(raw), max(raw, default=0), sum(packed), max(packed, default=0)


def kb(value: int) -> str:
    """Bytes as kilobytes for the table.

    >>> kb(1536), kb(10 * 1024 * 1024)
    ('1.5', '10240')
    """
    return f"{value / 1024:.1f}" if value < 100 * 1024 else f"{value / 1024:.0f}"


def measure(size: str, workdir: Path) -> list[str]:
    project = workdir / f"project-{size}"
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / part)
    if size != "example":
        grow(project, int(size))
    entries = sum(
        len(yaml.safe_load(path.read_text(encoding="utf-8"))["entries"])
        for path in (project / "data" / "offer").glob("*.yml")
    )
    site = workdir / f"site-{size}"
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build of {size} failed:\n{completed.stdout}{completed.stderr}")
    finder = site / "finder"
    results = sorted(p / "index.html" for p in finder.iterdir() if p.name.isdigit())
    questions = sorted(p for p in finder.rglob("index.html") if p.parent.name.isdigit() is False)
    check = sorted(site.glob("am-i-a-care-leaver/index.html"))
    total, largest, packed_total, packed_largest = sizes(results)
    asked = sizes(questions + check)
    most = max(page.read_text(encoding="utf-8").count('class="clo-result"') for page in results)
    return [
        size,
        str(entries),
        str(len(results) + len(questions) + len(check)),
        f"{kb(total)} / {kb(packed_total)}",
        f"{kb(largest)} / {kb(packed_largest)}",
        f"{kb(asked[0])} / {kb(asked[2])}",
        str(most),
        f"{seconds:.1f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="example,1000,5000")
    options = parser.parse_args(argv)
    header = [
        "size",
        "entries",
        "pages",
        "results KB (gz)",
        "largest KB (gz)",
        "questions KB (gz)",
        "entries/age",
        "build s",
    ]
    rows = [header]
    with tempfile.TemporaryDirectory() as scratch:
        for size in options.sizes.split(","):
            rows.append(measure(size.strip(), Path(scratch)))
            print(f"measured {size}", file=sys.stderr)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
