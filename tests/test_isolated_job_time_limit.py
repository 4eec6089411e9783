"""A task whose child never answers (a document making the reader loop forever) costs that task
alone: after its time limit the child is killed, the task gets the job's `crashed` result with
the Chinese time-out message, and the next task runs in a new child. The limit is set low here
(a parameter, or the limits module's constants); nothing is timed beyond it."""
from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from gkdesk import limits
from gkdesk.errors import InputError
from gkdesk.isolated_job import IsolatedWorker

TIMED_OUT = "秒仍未完成，处理进程已被终止"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="children are forked")


def _job(k: int):
    if k < 0:
        while True:  # the reader looping forever
            time.sleep(0.05)
    return (os.getpid(), k * k)


_job.crashed = lambda task, error: ("failed", task, str(error))


def _bare(k: int):
    while True:
        time.sleep(0.05)


def test_a_hanging_task_is_killed_and_the_next_runs_in_a_new_child():
    worker = IsolatedWorker(_job, multiprocessing.get_context("fork"), time_limit=lambda task: 0.5)
    try:
        first_pid, first = worker.run(3)
        hung = worker.run(-1)
        after_pid, after = worker.run(4)
    finally:
        worker.close()
    assert first == 9 and after == 16
    assert hung[:2] == ("failed", -1) and TIMED_OUT in hung[2] and "0.5 秒" in hung[2]
    assert after_pid != first_pid  # a fresh child
    with pytest.raises(ProcessLookupError):
        os.kill(first_pid, 0)  # the hung child is gone, not left running


def test_a_job_without_crashed_raises():
    worker = IsolatedWorker(_bare, multiprocessing.get_context("fork"), time_limit=lambda task: 0.2)
    with pytest.raises(ChildProcessError):
        worker.run(1)
    worker.close()


def test_the_limit_grows_with_the_size_of_the_files_a_task_names(tmp_path):
    small, large = tmp_path / "a.pdf", tmp_path / "b.pdf"
    small.write_bytes(b"x")
    large.write_bytes(b"x" * (2 * limits.MB))
    assert limits.child_time_limit(("not a file", 3, True)) == limits.CHILD_SECONDS_FLOOR
    assert limits.child_time_limit((str(small), False)) == pytest.approx(limits.CHILD_SECONDS_FLOOR, abs=0.01)
    assert limits.child_time_limit((object, (str(large), 1, 96.0))) == pytest.approx(
        limits.CHILD_SECONDS_FLOOR + 2 * limits.CHILD_SECONDS_PER_MB)


def test_a_batch_goes_on_past_a_pdf_whose_reader_hangs(tmp_path, monkeypatch):
    """One core (-j 1): natively read files in one forked child; the hanging PDF gets its error
    line, every other file its result, in order."""
    from gkdesk import batch_jobs
    from gkdesk.batch_pool import ordered_map
    from gkdesk.readers import pdf_reader
    from reader_samples import report_pdf
    from report_factory import values_for

    real = pdf_reader.read_pdf
    mark = b"%gkdesk-test: loop here"

    def hanging(path, progress=None):
        with open(path, "rb") as handle:
            if mark in handle.read():
                if os.getpid() == parent:
                    raise AssertionError("read in the batch's own process")
                while True:
                    time.sleep(0.05)
        return real(path, progress)

    parent = os.getpid()
    monkeypatch.setattr(pdf_reader, "read_pdf", hanging)
    monkeypatch.setattr(limits, "CHILD_SECONDS_FLOOR", 2.0)
    monkeypatch.setattr(limits, "CHILD_SECONDS_PER_MB", 0.0)
    files = []
    for k in range(3):
        path = tmp_path / f"{k}.pdf"
        body = report_pdf("2021", values_for("2021", seed=k + 1))
        path.write_bytes(body + (b"\n" + mark + b"\n" if k == 1 else b""))
        files.append(str(path))
    results = list(ordered_map(batch_jobs.load_job, [(f, False) for f in files], jobs=1, quiet=True))
    assert [r.path for r in results] == files
    assert results[0].error is None and results[2].error is None and results[2].report().agency
    assert results[1].blob is None and TIMED_OUT in results[1].error
