"""Two editors, one report (issue 15): no edit and no audit entry is lost. With the lock the
second editor is told it is read-only and who has the report; without it (an older gkdesk, a
lock taken over) every write merges with what the other wrote."""
from __future__ import annotations

import json
import time
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gkdesk import review_lock
from gkdesk.reports import load_report
from gkdesk.sidecar import Sidecar, sidecar_path
from gkdesk.sidecar_merge import MINE, THEIRS, SidecarConflictError
from report_factory import render, values_for

DRIVER = Path(__file__).parent / "fuzz" / "two_editors.py"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(render("2021", values_for("2021"), "tabs"), encoding="utf-8")
    return path


def _run_two(report_file: Path, edits: int, mode: str) -> list[dict]:
    start = report_file.with_name("go")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen([sys.executable, str(DRIVER), str(report_file), name, str(edits), mode, str(start)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8")
        for name in ("a", "b")
    ]
    start.write_text("go")
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=240)
        assert proc.returncode == 0 and "Traceback" not in stderr, stderr
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def _saved(report_file: Path) -> dict:
    return json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))


def _expected_last_values(report_file: Path, name: str, edits: int) -> dict:
    report = load_report(report_file)
    tables = ("t3",) if name == "a" else ("t2", "t4")
    cells = [a for a in report.addresses() if a[0] in tables]
    last = {}
    for i in range(edits):
        last[cells[i % len(cells)]] = 1000 + i
    return last


def test_two_processes_without_the_lock_keep_all_600_edits_and_audit_entries(report_file):
    _run_two(report_file, 300, "merge")
    saved = _saved(report_file)
    users = [h["user"] for h in saved["history"]]
    assert users.count("a") == 300 and users.count("b") == 300
    corrections = {tuple(c["cell"]): c["value"] for c in saved["corrections"]}
    for name in ("a", "b"):
        for addr, value in _expected_last_values(report_file, name, 300).items():
            assert corrections[addr] == value, (name, addr)
    assert not list(report_file.parent.glob("*.writing"))


def test_with_the_lock_the_second_editor_is_told_it_is_read_only_or_all_edits_stay(report_file):
    results = _run_two(report_file, 300, "lock")
    saved = _saved(report_file)
    users = [h["user"] for h in saved["history"]]
    for result in results:
        if result["read_only"]:
            assert socket.gethostname() in result["message"] and "只读" in result["message"]
            assert users.count(result["editor"]) == 0
        else:
            assert users.count(result["editor"]) == 300
    assert not review_lock.lock_path(report_file).exists()


def _acquire_elsewhere(report_file: Path) -> dict:
    """What another process (a second window) gets for the report's lock."""
    code = (
        "import json,sys; from gkdesk import review_lock; r = review_lock.acquire(sys.argv[1]); "
        "print(json.dumps({'read_only': r.read_only, 'message': r.message, 'user': r.holder.user if r.holder else '', "
        "'stale': bool(r.holder and r.holder.stale)}, ensure_ascii=False))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, str(report_file)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    return json.loads(done.stdout)


def test_a_second_window_is_read_only_and_names_the_holder(report_file):
    first = review_lock.acquire(report_file)
    assert first.lock is not None and not first.read_only
    assert review_lock.acquire(report_file).lock is first.lock  # this process reopening it
    second = _acquire_elsewhere(report_file)
    assert second["read_only"] and not second["stale"]
    assert second["user"] in second["message"] and socket.gethostname() in second["message"]
    first.lock.release()
    assert not review_lock.lock_path(report_file).exists()
    assert not _acquire_elsewhere(report_file)["read_only"]
    assert not review_lock.lock_path(report_file).exists()  # released when that process exited


def test_a_lock_left_by_a_dead_process_on_this_machine_is_taken_over(report_file):
    """A window killed mid-session leaves its lock: the next one edits (nobody else can be)."""
    path = review_lock.lock_path(report_file)
    path.write_text(json.dumps({"user": "张三", "host": socket.gethostname(), "pid": 2**22 + 12345,
                                "since": "2026-01-01T09:00:00", "token": "old"}), encoding="utf-8")
    found = review_lock.acquire(report_file)
    assert found.lock is not None and not found.read_only
    assert review_lock.read_holder(path).token == found.lock.token


def test_a_stale_lock_of_another_machine_is_offered_and_can_be_taken_over(report_file):
    path = review_lock.lock_path(report_file)
    path.write_text(json.dumps({"user": "张三", "host": "another-pc", "pid": 4242,
                                "since": "2026-01-01T09:00:00", "token": "old"}), encoding="utf-8")
    old = time.time() - review_lock.STALE_SECONDS - 60
    os.utime(path, (old, old))
    found = review_lock.acquire(report_file)
    assert found.read_only and found.holder.stale and "接管" in found.message and "张三" in found.message
    taken = review_lock.take_over(report_file, found.holder)
    assert taken.lock is not None and review_lock.read_holder(path).token == taken.lock.token


def test_edits_to_the_same_cell_conflict_and_the_answer_decides(report_file):
    one, two = load_report(report_file), load_report(report_file)
    side_one, side_two = Sidecar.for_report(report_file), Sidecar.for_report(report_file)
    side_one.load_into(one)
    side_two.load_into(two)
    cell = next(a for a in one.addresses() if a[0] == "t3")
    one.set_value(cell, 7, user="一")
    side_one.save(one)
    two.set_value(cell, 8, user="二")
    with pytest.raises(SidecarConflictError) as info:
        side_two.save(two)
    assert "相同的单元格" in str(info.value)
    assert {tuple(c["cell"]): c["value"] for c in _saved(report_file)["corrections"]}[cell] == 7
    side_two.save(two, on_conflict=lambda conflicts: THEIRS)
    saved = _saved(report_file)
    assert {tuple(c["cell"]): c["value"] for c in saved["corrections"]}[cell] == 7
    assert [h["user"] for h in saved["history"]] == ["一", "二"]  # the trail keeps both
    two.set_value(cell, 9, user="二")  # edits the cell again: a conflict again, answered "mine"
    side_two.save(two, on_conflict=lambda conflicts: MINE)
    saved = _saved(report_file)
    assert {tuple(c["cell"]): c["value"] for c in saved["corrections"]}[cell] == 9
    assert [h["user"] for h in saved["history"]] == ["一", "二", "二"]


def test_a_cell_set_blank_survives_the_next_save(report_file):
    """A blank (value None) is a correction like any other, not the absence of one."""
    report = load_report(report_file)
    side = Sidecar.for_report(report_file)
    side.load_into(report)
    cells = [a for a in report.addresses() if a[0] == "t3" and report.value(a) is not None][:2]
    report.set_value(cells[0], 21)
    side.save(report)
    report.set_value(cells[1], None)
    side.save(report)
    again = load_report(report_file)
    Sidecar.for_report(report_file).load_into(again)
    assert again.value(cells[0]) == 21 and again.value(cells[1]) is None


def _saves_at_once_past(report_file, mutex, value: int) -> None:
    """One edit saved through a left-behind mutex: at once, the mutex gone, the edit on disk."""
    report = load_report(report_file)
    side = Sidecar.for_report(report_file)
    side.load_into(report)
    cell = next(a for a in report.addresses() if report.value(a) is not None)
    report.set_value(cell, value)
    started = time.monotonic()
    side.save(report)
    assert time.monotonic() - started < 2 and not mutex.exists()
    again = load_report(report_file)
    Sidecar.for_report(report_file).load_into(again)
    assert again.value(cell) == value


def test_a_write_mutex_left_by_a_killed_writer_of_this_machine_does_not_stop_the_next_save(report_file):
    """The writer killed between taking the mutex and releasing it leaves the file; a process
    of this machine that is gone holds nothing, so the next save goes through at once."""
    from gkdesk.write_mutex import mutex_path

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    mutex = mutex_path(sidecar_path(report_file))
    mutex.write_text(f"{int(dead.stdout)} {socket.gethostname()}")
    _saves_at_once_past(report_file, mutex, 77)


def test_a_write_mutex_left_empty_by_a_writer_killed_as_it_took_it_is_broken(report_file):
    """Killed between the exclusive create and writing its pid, a writer leaves an empty mutex
    that names nobody: a moment old, it is a killed writer's, not a 30 s wait."""
    from gkdesk.write_mutex import UNNAMED_MUTEX_SECONDS, mutex_path

    mutex = mutex_path(sidecar_path(report_file))
    mutex.write_bytes(b"")
    old = time.time() - UNNAMED_MUTEX_SECONDS - 1
    os.utime(mutex, (old, old))
    _saves_at_once_past(report_file, mutex, 78)


def test_a_fresh_write_mutex_of_another_machine_is_waited_for(report_file, monkeypatch):
    from gkdesk import write_mutex
    from gkdesk.errors import SidecarWriteError

    monkeypatch.setattr(write_mutex, "MUTEX_WAIT_SECONDS", 0.2)
    mutex = write_mutex.mutex_path(sidecar_path(report_file))
    mutex.write_text("1 another-machine")
    report = load_report(report_file)
    side = Sidecar.for_report(report_file)
    side.load_into(report)
    report.set_value(next(iter(report.addresses())), 5)
    with pytest.raises(SidecarWriteError):
        side.save(report)
    assert mutex.exists()
