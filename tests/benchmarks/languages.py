"""Benchmark: build time of a site in three languages against the same site in one
(issue 19: at most 3.3 times, at the example's size and at 1,000 entries).

A script, not a test: pytest only imports it (for doctests). Run it from the repository::

    uv run python tests/benchmarks/languages.py
    uv run python tests/benchmarks/languages.py --entries 1000 --repeat 3

What it does, for each size (the example site, then the fixture site with ``--entries``
generated entries laid out as ``tests/benchmarks/open_referral_share.py`` does):

1. makes two copies: **one language** (``languages:`` taken out of data/site.yml and
   every translation file removed) and **three languages** (the site's own, Arabic and
   Vietnamese: the example as it ships; the generated site gets the Vietnamese line in
   data/site.yml, its only change, and translates nothing more);
2. runs ``mkdocs build --strict`` on each ``--repeat`` times in a fresh process, as CI
   does, and keeps the fastest run of each (wall time, and CPU time, which other work on
   the machine disturbs less);
3. prints both, and their ratio. The goal is judged on wall time, the build time an
   editor waits for: other languages' PDFs are made in worker processes alongside
   (``macros/publish/pdf_ahead.py``), so on a machine with more than one processor the
   wall time grows less than the work done, which the CPU time shows (a one-processor
   machine would wait for all of it).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.open_referral_share import make_project  # noqa: E402
from tests.conftest import FROZEN_EPOCH, copy_project  # noqa: E402

LIMIT = 3.3
_LANGUAGES = re.compile(r"\n(# [^\n]*\n)*languages:\n(  [^\n]*\n|\n(?=  ))*")


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def one_language(project: Path) -> None:
    """Take every other language out of a project: its list and its translation files.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "data" / "offer").mkdir(parents=True)
    >>> (root / "docs").mkdir()
    >>> _ = (root / "data" / "site.yml").write_text("a: 1\\nlanguages:\\n  - code: ar\\n    name: x\\nb: 2\\n")
    >>> _ = (root / "data" / "offer" / "money.ar.yml").write_text("{}")
    >>> one_language(root)
    >>> (root / "data" / "site.yml").read_text(), (root / "data" / "offer" / "money.ar.yml").exists()
    ('a: 1\\nb: 2\\n', False)
    """
    settings = project / "data" / "site.yml"
    settings.write_text(_LANGUAGES.sub("\n", settings.read_text(encoding="utf-8")), "utf-8")
    for pattern in ("data/**/*.*.yml", "docs/**/*.*.md"):
        for path in project.glob(pattern):
            if re.fullmatch(r"[^.]+\.[a-z]{2,3}(-[A-Z]{2})?\.(yml|md)", path.name):
                path.unlink()


def add_vietnamese(project: Path) -> None:
    """List Vietnamese after the languages a project already has (data alone)."""
    settings = project / "data" / "site.yml"
    text = settings.read_text(encoding="utf-8")
    if "code: vi" not in text:
        text = text.replace(
            "    name: العربية\n", "    name: العربية\n  - code: vi\n    name: Tiếng Việt\n"
        )
        settings.write_text(text, encoding="utf-8")
    assert "code: vi" in settings.read_text(encoding="utf-8")


def timed_build(project: Path, site_dir: Path) -> Timing:
    """One strict build in a fresh process: its wall and CPU time."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(project / ".cache", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise SystemExit(completed.stdout + completed.stderr[-3000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def best(project: Path, workdir: Path, repeat: int) -> Timing:
    runs = [timed_build(project, workdir / f"site-{i}") for i in range(repeat)]
    return Timing(min(run.wall for run in runs), min(run.cpu for run in runs))


def compare(name: str, one: Path, three: Path, workdir: Path, repeat: int) -> bool:
    first = best(one, workdir / "one", repeat)
    third = best(three, workdir / "three", repeat)
    wall, cpu = third.wall / first.wall, third.cpu / first.cpu
    verdict = "ok" if wall <= LIMIT else f"OVER {LIMIT}x"
    print(
        f"{name:<28} one language {first.wall:6.2f} s wall {first.cpu:6.2f} s CPU | "
        f"three {third.wall:6.2f} s wall {third.cpu:6.2f} s CPU | "
        f"ratio {wall:.2f}x wall {cpu:.2f}x CPU  {verdict}",
        flush=True,
    )
    return wall <= LIMIT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-example", action="store_true")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="clo-languages-") as scratch:
        work = Path(scratch)
        if not args.skip_example:
            one = copy_project(work / "example-one")
            one_language(one)
            three = copy_project(work / "example-three")
            ok &= compare("example site", one, three, work / "example", args.repeat)
        one = make_project(args.entries, work / "generated-one")
        one_language(one)
        three = make_project(args.entries, work / "generated-three")
        add_vietnamese(three)
        name = f"fixture + {args.entries} entries"
        ok &= compare(name, one, three, work / "generated", args.repeat)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
