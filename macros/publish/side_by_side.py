"""Jobs run side by side, each in a forked process of its own: a build's other languages.

A forked process starts as a copy of this one, with the data already read and checked,
the views worked out and the templates compiled, so each job starts at once; on a machine
with two processors, two languages take about as long as one. Each job's process sends
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


def side_by_side(jobs: Sequence[tuple[str, Callable[[], Any]]]) -> list[Finished]:
    """Run every job at once, each in a forked process; wait for all of them.

    >>> [(done.name, done.error, done.kept) for done in side_by_side(
    ...     [("one", lambda: 1), ("two", lambda: {"a": [2]})])]
    [('one', None, 1), ('two', None, {'a': [2]})]
    """
    children = []
    for name, job in jobs:
        _flush()  # what is buffered is written once, not once more by each process
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _run(job, write)
        os.close(write)
        children.append((name, pid, read))
    finished = []
    for name, pid, read in children:
        # Read to the end before waiting: a job's answer may not fit in the pipe.
        with os.fdopen(read, "rb") as pipe:
            sent = pipe.read()
        _, status = os.waitpid(pid, 0)
        finished.append(_finished(name, status, sent))
    return finished


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
