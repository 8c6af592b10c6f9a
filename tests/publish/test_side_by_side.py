"""macros.publish.side_by_side: jobs in forked processes, their answers and failures."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from macros.publish.side_by_side import finish, start, stop
from tests.conftest import ROOT


def test_each_job_runs_in_a_process_of_its_own_and_its_answer_comes_back_in_order() -> None:
    finished = finish(start([(name, os.getpid) for name in ("ar", "vi", "ps")]))
    assert [done.name for done in finished] == ["ar", "vi", "ps"]
    assert all(done.error is None for done in finished)
    pids = [done.kept for done in finished]
    assert len(set(pids)) == 3 and os.getpid() not in pids


def test_an_answer_bigger_than_a_pipe_holds_comes_back_whole() -> None:
    big = {"snippet " + str(number): "<p>" + "x" * 100 + "</p>" for number in range(20_000)}
    (done,) = finish(start([("ar", lambda: big)]))
    assert done.error is None and done.kept == big


def test_a_failure_is_one_line_and_the_other_jobs_still_finish(
    capfd: pytest.CaptureFixture[str],
) -> None:
    def aborted() -> None:
        raise Abort("Aborted with 1 warnings in strict mode!")

    def broken() -> None:
        raise ValueError("no such page")

    finished = finish(start([("ar", aborted), ("vi", lambda: "done"), ("ps", broken)]))
    assert [(done.error, done.kept) for done in finished] == [
        ("Aborted with 1 warnings in strict mode!", None),
        (None, "done"),
        ("ValueError: no such page", None),
    ]
    err = capfd.readouterr().err
    # MkDocs logged the details of an Abort already; an unexpected error shows where.
    assert err.count("Traceback") == 1 and "ValueError: no such page" in err


def test_a_process_that_ends_without_an_answer_is_a_failure() -> None:
    (done,) = finish(start([("ar", lambda: os._exit(3))]))
    assert done.error == "its process ended without an answer (exit status 3)"


def test_this_process_works_while_the_jobs_run_and_stop_ends_them(tmp_path: Path) -> None:
    # start() returns at once; stop() ends a job that has not finished and waits for it.
    mark = tmp_path / "written"

    def slow() -> None:
        time.sleep(30)
        mark.write_text("too late", encoding="utf-8")

    began = time.monotonic()
    running = start([("ar", slow)])
    assert time.monotonic() - began < 5
    stop(running)
    assert time.monotonic() - began < 5
    with pytest.raises(ChildProcessError):  # reaped: nothing is left of it
        os.waitpid(running[0].pid, 0)
    assert not mark.exists()


def test_what_was_printed_before_is_not_printed_again_by_each_process() -> None:
    # Into a pipe, Python's output is kept in a buffer: a forked process would write
    # its copy of the buffer again.
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from macros.publish.side_by_side import finish, start\n"
        "print('before the jobs')\n"
        "finish(start([('ar', lambda: None), ('vi', lambda: None)]))\n"
    )
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    completed = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    assert completed.stdout == "before the jobs\n"
