"""What a first visit saves for offline reading, and what the printed offer costs the build.

A benchmark to run by hand, not a test (pytest only imports this file for doctests)::

    uv run python tests/benchmarks/offline_print.py

It copies the project (the example site and the template) into a temporary folder, so
the repository's ``.cache/`` is left alone, and builds it twice with
``mkdocs build --strict``: first with no PDF in the cache, then again, when the PDF
comes from the cache. ``SOURCE_DATE_EPOCH`` passes through when set. It prints:

- the precache: how many files the service worker saves on a first visit, their size as
  stored and gzip-compressed as a server sends them (the issue's aim: under 400 KB
  compressed), and the largest files;
- the PDF of the whole offer: pages and size;
- each build's wall-clock and CPU time (CPU time is steadier on a shared machine), and
  the time the build log gives for the PDF itself.
"""

from __future__ import annotations

import gzip
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("macros", "overrides", "pyproject.toml", "mkdocs.yml", "data", "docs")


def copy_project(destination: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__", ".cache")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


def build(project: Path, site_dir: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the build process, its log)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        sys.exit(f"build failed:\n{completed.stdout}{completed.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, completed.stdout + completed.stderr


def precache(site_dir: Path) -> list[tuple[str, int, int]]:
    """(url, bytes, gzip bytes) of every file the service worker saves."""
    first_line = (site_dir / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    settings = json.loads(first_line.removeprefix("self.CLO_OFFLINE = ").removesuffix(";"))
    rows = []
    for entry in settings["precache"]:
        url = entry["url"].removeprefix("./")
        path = site_dir / url
        if url == "" or url.endswith("/"):
            path = path / "index.html"
        content = path.read_bytes()
        rows.append((entry["url"], len(content), len(gzip.compress(content, 6, mtime=0))))
    return rows


def pdf_line(log: str) -> str:
    """The build log's line about the PDF.

    >>> pdf_line("INFO - Offer PDF: 40 pages, 241 KB in 12.3 s\\nINFO - done")
    '40 pages, 241 KB in 12.3 s'
    """
    match = re.search(r"Offer PDF: (.*)", log)
    return match.group(1).strip() if match else "(no PDF line in the log)"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="clo-offline-") as temp:
        project = copy_project(Path(temp) / "project")
        runs = []
        for name in ("no PDF cache", "PDF from cache"):
            site_dir = Path(temp) / "site"
            runs.append((name, *build(project, site_dir)))
        rows = precache(site_dir)
        pdfs = sorted(site_dir.rglob("*.pdf"))
        raw = sum(row[1] for row in rows)
        compressed = sum(row[2] for row in rows)
        print(f"Precache: {len(rows)} files, {raw / 1024:.0f} KB ({compressed / 1024:.0f} KB gzip)")
        for url, size, packed in sorted(rows, key=lambda row: -row[2])[:5]:
            print(f"  {url}: {size / 1024:.1f} KB ({packed / 1024:.1f} KB gzip)")
        for pdf in pdfs:
            print(f"PDF: {pdf.relative_to(site_dir)}, {pdf.stat().st_size / 1024:.0f} KB")
        for name, wall, cpu, log in runs:
            print(f"Build, {name}: {wall:.1f} s wall, {cpu:.1f} s CPU; PDF: {pdf_line(log)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
