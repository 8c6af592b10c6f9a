"""Two builds of one site at once: the second waits, and site/ is never missing.

A comms officer's ``mkdocs build`` while CI or another build runs used to end in
FileNotFoundError, or with exit 0 and no site/ at all. Here two real builds start a
little apart, several times, while a watcher checks site/ every millisecond.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import FROZEN_EPOCH, run_build


def start_build(site: Path, site_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=site,
        env={**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_builds_that_overlap_take_turns_and_the_site_is_never_missing(
    fixture_copy: Path, tmp_path: Path
) -> None:
    site_dir = tmp_path / "site"
    assert run_build(fixture_copy, site_dir).returncode == 0
    missing: list[float] = []
    watching = True

    def watch() -> None:
        while watching:
            if not (site_dir / "index.html").is_file():
                missing.append(time.monotonic())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for delay in (0.0, 0.3, 0.7):
            first = start_build(fixture_copy, site_dir)
            time.sleep(delay)
            second = start_build(fixture_copy, site_dir)
            outputs = [process.communicate(timeout=120)[0] for process in (first, second)]
            assert [first.returncode, second.returncode] == [0, 0], "\n".join(outputs)
            assert all("Traceback" not in output for output in outputs)
    finally:
        watching = False
        watcher.join()
    assert missing == [], f"site/ was missing {len(missing)} times"
    assert (site_dir / "index.html").is_file()
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("site")) == [
        "site",
        "site.lock",
    ]
