"""The window's child processes (gkdesk.isolated_reading) called from several threads at once,
half of the calls killing their child natively: every call comes back, the crashes as the
file's Chinese error, the others with their result (before children were started one at a time,
a child forked beside another's start kept a copy of that one's pipe, and its death never came
back: 3 hangs in 3 runs of this)."""
from __future__ import annotations

import os
import pickle
import threading

import pytest

from gkdesk.errors import InputError, OldWordFormatError

DIED = "读取该文件时处理进程异常终止（信号 SIGABRT）"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "abort"), reason="children are forked")


def _job(k: int) -> int:
    if k % 2:
        os.abort()
    return k * k


def test_concurrent_calls_each_come_back_and_the_crashes_as_errors():
    from gkdesk import isolated_reading

    assert isolated_reading._WORKERS.available()
    results: dict[int, object] = {}

    def call(k: int) -> None:
        try:
            results[k] = isolated_reading._WORKERS.call(_job, k)
        except InputError as exc:
            results[k] = str(exc)

    try:
        for round_ in range(4):
            threads = [threading.Thread(target=call, args=(round_ * 8 + k,), daemon=True) for k in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)  # a guard against a hang, not a timing
            assert not any(thread.is_alive() for thread in threads), "a call never came back"
    finally:
        isolated_reading.close_children()
    assert sorted(results) == list(range(32))
    for k, result in results.items():
        assert result == k * k if k % 2 == 0 else DIED in result


def test_errors_come_back_from_a_child_as_they_were_raised():
    """Pickled through the pipe: the Chinese message and a subclass's own fields survive."""
    again = pickle.loads(pickle.dumps(InputError("无法读取", "cannot read")))
    assert type(again) is InputError and str(again) == "无法读取" and again.message_en == "cannot read"
    old = pickle.loads(pickle.dumps(OldWordFormatError("旧格式", "old format", "/usr/bin/soffice")))
    assert type(old) is OldWordFormatError and str(old) == "旧格式" and old.converter == "/usr/bin/soffice"


def test_a_crash_keeps_its_signal_when_another_thread_collected_the_child():
    """Every Process.start polls all children of the process: another thread may collect a dead
    child's status and set it only once it holds the GIL again, while the worker's own join
    finds nothing to collect. The worker waits for the status instead of reporting none (this
    was 退出码 None in about 1 run in 8 of the test above)."""
    import multiprocessing
    import time

    from gkdesk import isolated_reading
    from gkdesk.isolated_job import IsolatedWorker

    worker = IsolatedWorker(isolated_reading._call, multiprocessing.get_context("fork"))
    worker._start()
    child = worker._child
    popen = child._popen

    def collect_late() -> None:  # what _cleanup does, with the GIL regained late
        _, status = os.waitpid(child.pid, 0)
        time.sleep(0.05)
        popen.returncode = os.waitstatus_to_exitcode(status)

    collector = threading.Thread(target=collect_late)
    collector.start()
    time.sleep(0.05)  # the collector is in its waitpid before the task kills the child
    with pytest.raises(InputError) as died:
        worker.run((_job, (1,)))
    collector.join()
    assert DIED in str(died.value)
