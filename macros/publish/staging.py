"""Safe publishing: ``mkdocs build`` writes into a staging folder beside the site folder
and swaps it in only when the build succeeded, strict warnings included.

A failed build leaves the last good site exactly as it was, so CI never publishes half
a site. ``mkdocs serve`` builds into its own temporary folder and is left alone.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Staging:
    """Where this build writes, and where the result goes if it succeeds."""

    command: str | None = None
    site_dir: Path | None = None
    staging_dir: Path | None = None
    counter: _WarningCounter | None = None

    def start(self, command: str) -> None:
        """Remember which command runs (``build``, ``serve`` or ``gh-deploy``)."""
        self.command = command

    def redirect(self, config: Any) -> Any:
        """Point a ``build`` at the staging folder; count warnings from here on."""
        if self.command != "build":
            return config
        site_dir = Path(config["site_dir"])
        staging_dir = site_dir.with_name(site_dir.name + ".partial")
        shutil.rmtree(staging_dir, ignore_errors=True)
        self.site_dir, self.staging_dir = site_dir, staging_dir
        self.counter = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(self.counter)
        config["site_dir"] = str(staging_dir)
        return config

    def swap(self, config: Any) -> None:
        """Put the staged site in place of the last one, unless strict warnings will fail it."""
        site_dir, staging_dir = self.site_dir, self.staging_dir
        if site_dir is None or staging_dir is None:
            return
        if config["strict"] and self.counter is not None and self.counter.count:
            return  # MkDocs aborts next; keep the last good site
        previous = site_dir.with_name(site_dir.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(previous)
        staging_dir.rename(site_dir)
        shutil.rmtree(previous, ignore_errors=True)
        config["site_dir"] = str(site_dir)

    def finish(self) -> None:
        """Remove what a failed build left, and stop counting warnings."""
        if self.staging_dir is not None:
            shutil.rmtree(self.staging_dir, ignore_errors=True)
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
        self.command = self.site_dir = self.staging_dir = self.counter = None
