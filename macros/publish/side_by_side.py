"""Jobs run side by side, each in a forked process of its own: a build's other languages.

A forked process starts as a copy of this one, with the data already read and checked,
the views worked out and the templates compiled, so each job starts at once. ``start``
returns as soon as the jobs are started, so this process does its own work meanwhile
(the site's own language), and ``finish`` waits for them: on a machine with two
processors, three languages take about as long as two did one after the other. Each job's process sends
back one JSON value (what the parent should keep) and whether it failed, in one line; it
ends with ``os._exit``, so nothing of the parent's (its exit handlers, its lock, its
staging folder) is run or let go twice.

Only where ``os.fork`` exists, and only from a process with one thread (the caller
checks, see ``languages.can_fork``): a forked process has only the thread that forked.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn


@dataclass(frozen=True)
class Finished:
    """How one job ended."""

    name: str
    error: str | None
    """None when it succeeded; else what stopped it, in one line."""
    kept: Any
    """The JSON value the job returned (None if it failed)."""


@dataclass(frozen=True)
class Running:
    """A job started in a forked process of its own, not yet waited for."""

    name: str
    pid: int
    read: int
    """The pipe its answer comes down."""


def start(jobs: Sequence[tuple[str, Callable[[], Any]]]) -> tuple[Running, ...]:
    """Start every job, each in a forked process, and return at once: this process goes
    on with its own work, then ``finish`` waits for them (or ``stop`` ends them).

    >>> [(done.name, done.error, done.kept) for done in finish(start(
    ...     [("one", lambda: 1), ("two", lambda: {"a": [2]})]))]
    [('one', None, 1), ('two', None, {'a': [2]})]
    """
    running: list[Running] = []
    for name, job in jobs:
        _flush()  # what is buffered is written once, not once more by each process
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            for other in running:  # not its to read: its parent reads them
                os.close(other.read)
            _run(job, write)
        os.close(write)
        running.append(Running(name, pid, read))
    return tuple(running)


def finish(running: Sequence[Running]) -> list[Finished]:
    """Wait for every job started by ``start``; how each ended, in the order started."""
    finished = []
    for job in running:
        # Read to the end before waiting: a job's answer may not fit in the pipe.
        with os.fdopen(job.read, "rb") as pipe:
            sent = pipe.read()
        _, status = os.waitpid(job.pid, 0)
        finished.append(_finished(job.name, status, sent))
    return finished


def stop(running: Sequence[Running]) -> None:
    """End jobs whose work is no longer wanted (the build they were part of failed),
    and wait for their processes, so that none goes on writing after this one."""
    for job in running:
        with contextlib.suppress(ProcessLookupError):
            os.kill(job.pid, signal.SIGTERM)
    for job in running:
        with contextlib.suppress(OSError):
            os.close(job.read)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(job.pid, 0)


def _run(job: Callable[[], Any], write: int) -> NoReturn:
    """In the forked process: the job, its answer written to the pipe, then the end."""
    code, answer = 1, {"error": "it stopped before it finished", "kept": None}
    try:
        answer = {"error": None, "kept": job()}
        code = 0
    except BaseException as error:  # every failure is reported, none is raised further
        if not _one_line(error):
            traceback.print_exc()
        answer = {"error": _one_line(error) or f"{type(error).__name__}: {error}", "kept": None}
    finally:
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(json.dumps(answer, ensure_ascii=False).encode())
            _flush()
        finally:
            os._exit(code)


def _one_line(error: BaseException) -> str | None:
    # MkDocs' Abort says what went wrong in one line, after logging the details.
    message = getattr(error, "message", None)
    return message if isinstance(message, str) else None


def _finished(name: str, status: int, sent: bytes) -> Finished:
    try:
        answer = json.loads(sent.decode())
    except ValueError:
        answer = None
    code = os.waitstatus_to_exitcode(status)
    if not isinstance(answer, dict) or code not in (0, 1):
        return Finished(name, f"its process ended without an answer (exit status {code})", None)
    return Finished(name, answer.get("error"), answer.get("kept"))


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
