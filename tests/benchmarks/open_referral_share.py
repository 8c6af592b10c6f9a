"""Benchmark: how long the Open Referral UK feed takes to build, as a share of the whole
build, for a large generated offer (issue 17: under 10% at 1,000 entries).

A script, not a test: pytest only imports it (for doctests). Run it from the repository::

    uv run python tests/benchmarks/open_referral_share.py
    uv run python tests/benchmarks/open_referral_share.py --entries 1000 --repeat 3

What it does:

1. copies the fixture site (tests/fixture_site/) and adds ``--entries`` generated
   entries in sections of 8, each section on its own page, 12 pages to a menu heading,
   from the generator the benchmarks share (``big_offer.py``: every field of the
   current model, from a fixed seed);
2. runs ``mkdocs build --strict`` ``--repeat`` times, each in a fresh process (as CI
   does), timing the whole process and, inside it, the feed step (``write_feed``:
   documents, JSON and files, wrapped by a timer before MkDocs starts);
4. checks every document of the feed the build wrote against the ORUK schemas in
   ``../shared/oruk/`` and walks it over a loopback server as the ORUK validator does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.publish.open_referral import FEED_FOLDER  # noqa: E402
from tests.benchmarks.big_offer import write_offer  # noqa: E402
from tests.browser import serve  # noqa: E402
from tests.conftest import BUILD_DATE, FROZEN_EPOCH, copy_fixture_site  # noqa: E402
from tests.publish.open_referral import oruk  # noqa: E402


def make_project(entries: int, workdir: Path, seed: int = 17) -> Path:
    """The fixture site with ``entries`` more entries in sections of their own, each on
    its own page in the menu (so the build's other work grows as a real offer's would)."""
    project = copy_fixture_site(workdir / "project")
    write_offer(project, entries, BUILD_DATE, seed=seed, replace=False)
    return project


TIMED_BUILD = """
import atexit, resource, sys, time
sys.path.insert(0, sys.argv[1])
import macros.publish.outputs as outputs
original = outputs.write_feed
def timed(*args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return original(*args, **kwargs)
    finally:
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"FEED-SECONDS {wall:.4f} {cpu:.4f}", file=sys.stderr)
def total_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"BUILD-CPU {usage.ru_utime + usage.ru_stime:.4f}", file=sys.stderr)
atexit.register(total_cpu)
outputs.write_feed = timed
from mkdocs.__main__ import cli
cli(["build", "--strict", "--site-dir", sys.argv[2]], standalone_mode=False)
"""


@dataclass(frozen=True)
class Timing:
    total: float
    """Wall time of the whole build process."""
    feed: float
    """Wall time of the feed step in it."""
    total_cpu: float
    """CPU time of the whole build process (less disturbed by other work on the machine)."""
    feed_cpu: float


def timed_build(project: Path, site_dir: Path) -> Timing:
    """One build in a fresh process, with its feed step timed inside it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH}
    template = project.parent.parent
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", TIMED_BUILD, str(template), str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    total = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(completed.stdout + completed.stderr[-3000:])
    lines = completed.stderr.splitlines()
    feed = [line.split() for line in lines if line.startswith("FEED-SECONDS ")]
    cpu = [line.split() for line in lines if line.startswith("BUILD-CPU ")]
    assert len(feed) == len(cpu) == 1, completed.stderr[-3000:]
    return Timing(total, float(feed[0][1]), float(cpu[0][1]), float(feed[0][2]))


def feed_documents_on_disk(site_dir: Path) -> dict[str, Any]:
    """The built feed's documents by API path, from the file served at each path."""
    folder = site_dir / FEED_FOLDER
    documents = {}
    for path in folder.rglob("*"):
        if not path.is_file() or path.suffix == ".json":
            continue
        relative = "/" + path.relative_to(folder).as_posix()
        api = relative.removesuffix("index.html").rstrip("/") or "/"
        documents[api] = json.loads(path.read_bytes())
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = make_project(args.entries, work)
        site_dir = work / "site"
        runs = []
        for number in range(args.repeat):
            if site_dir.exists():
                shutil.rmtree(site_dir)
            runs.append(timed_build(project, work / f"site-{number}"))
            site_dir = work / f"site-{number}"
        documents = feed_documents_on_disk(site_dir)
        problems = [
            error
            for path, document in documents.items()
            for name in ("oruk", "hsds")
            for error in oruk.errors(path, document, name)
        ]
        with serve(site_dir) as url:
            walked = list(oruk.walk(url + FEED_FOLDER))
        walk_problems = [e for path, got in walked for e in oruk.errors(path, got.document)]
        files = [p for p in (site_dir / FEED_FOLDER).rglob("*") if p.is_file()]
        services = len([p for p in documents if p.startswith("/services/")])
        print(f"entries in the offer:        {services} (generated {args.entries})")
        for number, run in enumerate(runs, start=1):
            print(
                f"build {number}: wall {run.total:.2f} s, feed {run.feed:.3f} s "
                f"= {100 * run.feed / run.total:.1f}%; CPU {run.total_cpu:.2f} s, "
                f"feed {run.feed_cpu:.3f} s = {100 * run.feed_cpu / run.total_cpu:.1f}%"
            )
        fastest = min(runs, key=lambda run: run.total)
        print(
            f"fastest build: {fastest.total:.2f} s, its feed {fastest.feed:.3f} s "
            f"= {100 * fastest.feed / fastest.total:.1f}% (CPU: "
            f"{100 * fastest.feed_cpu / fastest.total_cpu:.1f}%)"
        )
        size = sum(p.stat().st_size for p in files)
        print(f"feed: {len(documents)} documents, {len(files)} files, {size / 1e6:.1f} MB")
        print(f"schema errors (ORUK + HSDS): {len(problems)}")
        print(
            f"validator walk: {len(walked)} requests, "
            f"{sum(got.status != 200 for _, got in walked)} not 200, "
            f"{len(walk_problems)} schema errors"
        )
        for problem in (problems + walk_problems)[:10]:
            print("  ", problem)
        return 0 if not problems and not walk_problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
