"""Acknowledged is kept (issue 15): an audit entry whose save returned is in the sidecar after
any interleaving of editors, saves and kills, in the order its editor made it, exactly once.

Found by the SIGKILL burst test of the window: two sessions a second apart typing the same
values made entries alike in cell, value, user and second, and the merge took the later ones
for entries already on disk and dropped them (a session's run with a gap, or missing whole)."""
from __future__ import annotations

import copy
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gkdesk import atomic
from gkdesk.reports import load_report
from gkdesk.sidecar import Sidecar, sidecar_path
from gkdesk.sidecar_merge import MINE
from report_factory import render, values_for

ROOT = Path(__file__).resolve().parents[1]
WRITER = ROOT / "tests" / "fuzz" / "killed_writer.py"
SAME_SECOND = "2026-01-01T00:00:00"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A report file and its recognized report (no saved work), copied for each editor."""
    path = tmp_path_factory.mktemp("report") / "报告.txt"
    path.write_text(render("2021", values_for("2021"), "tabs"), encoding="utf-8")
    return path, load_report(path)


def _open(report_file: Path, pristine_report):
    report = copy.deepcopy(pristine_report)
    report.source_path = str(report_file)
    sidecar = Sidecar.for_report(report_file)
    sidecar.load_into(report)
    return report, sidecar


def _trail(report_file: Path) -> list[dict]:
    return json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))["history"]


def _edit(report, addr, value) -> None:
    report.set_value(addr, value, user="审核人")
    report.history[-1].time = SAME_SECOND  # alike in everything but identity


# ---------------------------------------------------------------- the cases that lost entries

def test_two_sessions_typing_the_same_values_in_the_same_second_keep_both_runs(tmp_path, pristine):
    report_file = tmp_path / "报告.txt"
    report_file.write_text(pristine[1].text, encoding="utf-8")
    addr = next(pristine[1].addresses())
    for _session in range(2):  # the first killed after its saves, the second opening after it
        report, sidecar = _open(report_file, pristine[1])
        for value in (100, 101, 102):
            _edit(report, addr, value)
            sidecar.save(report)
    assert [h["value"] for h in _trail(report_file)] == [100, 101, 102, 100, 101, 102]


def test_a_value_typed_again_in_the_same_second_is_a_second_entry(tmp_path, pristine):
    report_file = tmp_path / "报告.txt"
    report_file.write_text(pristine[1].text, encoding="utf-8")
    report, sidecar = _open(report_file, pristine[1])
    addr = next(pristine[1].addresses())
    for value in (5, 6, 5):
        _edit(report, addr, value)
        sidecar.save(report)
    assert [h["value"] for h in _trail(report_file)] == [5, 6, 5]


def test_an_older_snapshot_written_after_a_newer_one_takes_nothing_back(tmp_path, pristine):
    report_file = tmp_path / "报告.txt"
    report_file.write_text(pristine[1].text, encoding="utf-8")
    report, sidecar = _open(report_file, pristine[1])
    addr = next(pristine[1].addresses())
    _edit(report, addr, 1)
    older = sidecar.snapshot(report)
    _edit(report, addr, 2)
    sidecar.write(sidecar.snapshot(report))
    sidecar.write(older)  # a writer thread late with an earlier edit's content
    again, _ = _open(report_file, pristine[1])
    assert again.value(addr) == 2 and [c.value for c in again.history] == [1, 2]


def test_entries_saved_before_entries_had_ids_are_kept_once(tmp_path, pristine):
    report_file = tmp_path / "报告.txt"
    report_file.write_text(pristine[1].text, encoding="utf-8")
    report, sidecar = _open(report_file, pristine[1])
    addr = next(pristine[1].addresses())
    _edit(report, addr, 7)
    sidecar.save(report)
    data = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    for entry in data["history"] + data["corrections"]:
        del entry["id"]  # as an older gkdesk wrote it
    sidecar_path(report_file).write_text(json.dumps(data), encoding="utf-8")
    report, sidecar = _open(report_file, pristine[1])
    _edit(report, addr, 8)
    sidecar.save(report)
    trail = _trail(report_file)
    assert [h["value"] for h in trail] == [7, 8] and "id" not in trail[0] and trail[1]["id"]


# ---------------------------------------------------------------- any interleaving, in one process

class Killed(BaseException):
    """The process dies here (BaseException: nothing on the way catches it)."""


EDITORS = 3
operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, EDITORS - 1), st.integers(0, 1), st.integers(1, 3)),
        st.tuples(st.just("save"), st.integers(0, EDITORS - 1)),
        # killed idle (unsaved edits are lost: never acknowledged), while writing before the
        # rename (the old file stays), or after the rename before the save returned
        st.tuples(st.just("kill"), st.integers(0, EDITORS - 1), st.sampled_from(["idle", "before_rename", "after_rename"])),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_any_interleaving_of_editors_saves_and_kills_keeps_every_acknowledged_entry(pristine, ops):
    with tempfile.TemporaryDirectory() as folder:
        report_file = Path(folder) / "报告.txt"
        report_file.write_text(pristine[1].text, encoding="utf-8")
        cells = [a for a in pristine[1].addresses() if a[0] == "t3"][:2]
        editors = [_open(report_file, pristine[1]) for _ in range(EDITORS)]
        acked_from = [len(r.history) for r, _ in editors]
        sessions: list[list[str]] = [[] for _ in range(EDITORS)]  # acknowledged ids, per live session
        done: list[list[str]] = []  # those of sessions ended by a kill
        for op in ops:
            kind, e = op[0], op[1]
            report, sidecar = editors[e]
            if kind == "edit":
                _edit(report, cells[op[2]], op[3])
            elif kind == "save":
                sidecar.save(report, on_conflict=lambda _c: MINE)
                sessions[e] += [c.id for c in report.history[acked_from[e]:]]
                acked_from[e] = len(report.history)
            else:
                if op[2] != "idle":
                    _die_while_saving(sidecar, report, op[2])
                done.append(sessions[e])
                editors[e] = _open(report_file, pristine[1])
                sessions[e], acked_from[e] = [], len(editors[e][0].history)
        ids = [h["id"] for h in _trail(report_file)] if sidecar_path(report_file).exists() else []
        assert len(ids) == len(set(ids)), "an entry written twice"
        for acked in done + sessions:
            positions = [ids.index(i) if i in ids else -1 for i in acked]
            assert -1 not in positions, "an acknowledged entry is missing"
            assert positions == sorted(positions), "a session's entries out of order"


def _die_while_saving(sidecar: Sidecar, report, stage: str) -> None:
    real_replace, real_sync = atomic._replace, atomic._sync_folder

    def replace(temp, path):
        if stage == "before_rename":
            raise Killed
        real_replace(temp, path)

    def sync(folder):
        raise Killed

    atomic._replace, atomic._sync_folder = replace, sync
    try:
        sidecar.save(report, on_conflict=lambda _c: MINE)
    except Killed:
        pass
    finally:
        atomic._replace, atomic._sync_folder = real_replace, real_sync


# ---------------------------------------------------------------- real processes, real SIGKILL

@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_of_concurrent_writers_never_loses_an_acknowledged_entry(tmp_path, pristine):
    """Three writer processes save one sidecar at once; one at a time is killed at a random
    moment of its work (after a random number of acknowledged saves) and a new session of it
    starts, 10 times. Every entry any of them acknowledged is there, in its session's order."""
    report_file = tmp_path / "报告.txt"
    report_file.write_text(pristine[1].text, encoding="utf-8")
    rng = random.Random(15)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    ack_files: list[Path] = []

    def start(name: str):
        ack = tmp_path / f"acks-{name}-{len(ack_files)}.txt"
        ack.touch()
        ack_files.append(ack)
        proc = subprocess.Popen([sys.executable, str(WRITER), str(report_file), str(ack), str(rng.randrange(10**6))],
                                env=env, stderr=subprocess.PIPE, text=True)
        return proc, ack

    def kill(proc) -> None:
        proc.kill()
        proc.wait(30)
        stderr = proc.stderr.read()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL and "Traceback" not in stderr, stderr

    writers = {name: start(name) for name in "abc"}
    for _ in range(10):
        name = rng.choice("abc")
        proc, ack = writers[name]
        wanted = rng.randint(1, 15)
        deadline = time.monotonic() + 120  # a bound on a stuck writer, not a measurement
        while _lines(ack) < wanted and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, proc.stderr.read()
        kill(proc)
        writers[name] = start(name)
    for proc, _ack in writers.values():
        kill(proc)

    ids = [h["id"] for h in _trail(report_file)]
    assert len(ids) == len(set(ids)), "an entry written twice"
    place = {i: n for n, i in enumerate(ids)}
    acknowledged = 0
    for ack in ack_files:
        session = [i for line in _whole_lines(ack) for i in line.split()]
        acknowledged += len(session)
        missing = [i for i in session if i not in place]
        assert not missing, f"{len(missing)} acknowledged entries of {ack.name} missing"
        assert [place[i] for i in session] == sorted(place[i] for i in session), f"{ack.name} out of order"
    assert acknowledged >= 10  # every killed session acknowledged at least one save
    print(f"\n{acknowledged} acknowledged entries of {len(ack_files)} sessions, all kept; trail {len(ids)}")


def _whole_lines(path: Path) -> list[str]:
    """The lines the writer finished (a kill may cut the last one short: not acknowledged)."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n")[:-1]


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


# ---------------------------------------------------------------- the write mutex

HOLD_MUTEX = """
import sys, time
from pathlib import Path
from gkdesk.write_mutex import WriteMutex
with WriteMutex(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_write_mutex_is_waited_for_while_its_holder_lives_and_taken_at_once_when_it_is_killed(tmp_path, pristine, monkeypatch):
    from gkdesk import write_mutex
    from gkdesk.errors import SidecarWriteError

    report_file = tmp_path / "报告.txt"
    report_file.write_text(pristine[1].text, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_MUTEX, str(sidecar_path(report_file))],
                              stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout.readline().strip() == "held"
        mutex = write_mutex.mutex_path(sidecar_path(report_file))
        assert mutex.read_text().split()[0] == str(holder.pid)  # it names its holder from the start
        report, sidecar = _open(report_file, pristine[1])
        addr = next(pristine[1].addresses())
        _edit(report, addr, 9)
        monkeypatch.setattr(write_mutex, "MUTEX_WAIT_SECONDS", 0.3)
        with pytest.raises(SidecarWriteError):
            sidecar.save(report)
        assert not sidecar_path(report_file).exists()
    finally:
        holder.kill()
        holder.wait(30)
        holder.stdout.close()
    sidecar.save(report)  # the kernel dropped the dead holder's lock: no age to wait out
    assert [h["value"] for h in _trail(report_file)] == [9] and not mutex.exists()
