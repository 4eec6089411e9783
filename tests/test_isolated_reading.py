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
