"""Safe publishing: a build writes into a folder of its own and swaps it in only on success.

- Each ``mkdocs build`` writes into ``<site>.partial-<process id>`` and, when it succeeded
  (strict warnings included), exchanges it with the site folder in one step (Linux's
  ``renameat2`` with ``RENAME_EXCHANGE``), so ``site/`` is always the old site or the new
  one, never missing, even for a moment. Elsewhere two renames are used.
- Builds of one site take turns: a second build waits for the first (a lock on
  ``<site>.lock``), saying so in one line; after ten minutes it stops with one line.
- A failed or interrupted build leaves the last good site exactly as it was; what it
  left behind is removed by the next build.
- ``mkdocs serve`` builds into its own temporary folder and is left alone.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.clo")
WAIT_SECONDS = 600


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
    lock: IO[bytes] | None = None

    def start(self, command: str) -> None:
        """Remember which command runs (``build``, ``serve`` or ``gh-deploy``)."""
        self.command = command

    def redirect(self, config: Any) -> Any:
        """Point a ``build`` at a staging folder of its own, once no other build runs."""
        if self.command != "build":
            return config
        site_dir = Path(config["site_dir"]).absolute()
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            self.lock = _take_turn(site_dir)
            _remove_leftovers(site_dir)
            staging_dir = site_dir.with_name(f"{site_dir.name}.partial-{os.getpid()}")
            shutil.rmtree(staging_dir, ignore_errors=True)
        except OSError as error:
            self.finish()
            raise PluginError(_cannot_write(site_dir, error)) from None
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
        try:
            replace_folder(staging_dir, site_dir)
        except OSError as error:
            raise PluginError(_cannot_write(site_dir, error)) from None
        config["site_dir"] = str(site_dir)

    def finish(self) -> None:
        """Remove what a failed build left, stop counting warnings, let the next build go."""
        if self.staging_dir is not None:
            shutil.rmtree(self.staging_dir, ignore_errors=True)
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.lock is not None:
            self.lock.close()  # closing the file lets go of the lock
        self.command = self.site_dir = self.staging_dir = self.counter = self.lock = None


def _take_turn(site_dir: Path) -> IO[bytes]:
    """The lock of ``site_dir``'s builds, waiting (at most ``WAIT_SECONDS``) for another."""
    lock = site_dir.with_name(f"{site_dir.name}.lock").open("ab")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return lock
    except BlockingIOError:
        log.info("Another build of %s is running; waiting for it to finish", site_dir.name)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return lock
        except BlockingIOError:
            continue
    lock.close()
    raise PluginError(
        f"Another build of {site_dir.name} has been running for {WAIT_SECONDS // 60} minutes; "
        "stop it, or wait and build again"
    )


def _remove_leftovers(site_dir: Path) -> None:
    """Staging folders of builds that were killed: none can be running, we hold the lock."""
    for leftover in site_dir.parent.glob(f"{site_dir.name}.partial*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(site_dir.with_name(f"{site_dir.name}.previous"), ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, so that ``target`` is never missing; ``new`` is gone.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "site").mkdir(); _ = (root / "site" / "a").write_text("old")
    >>> (root / "new").mkdir(); _ = (root / "new" / "a").write_text("new")
    >>> replace_folder(root / "new", root / "site")
    >>> (root / "site" / "a").read_text(), (root / "new").exists()
    ('new', False)
    """
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new)  # now holds the old site
        return
    previous = target.with_name(f"{target.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    new.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux 3.15+); False where that cannot be done."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP}:
        return False
    raise OSError(code, os.strerror(code), str(second))


def _cannot_write(site_dir: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return (
        f"cannot write the built site to {site_dir}: {reason.lower()}; check that the folder "
        "can be written to, or build to another folder with --site-dir"
    )
