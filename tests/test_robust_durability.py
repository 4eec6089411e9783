"""Durability of the reviewer's work, without the window (issue 8, item 4): the sidecar is written
atomically and durably; a corrupted or truncated sidecar is detected, kept aside, and the report
opens with a clear message; a read-only folder or a full disk gives a message and loses nothing.

The window-level tests (SIGKILL of a real session, messages in the window) are in
tests/test_robust_gui.py."""
from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gkdesk.atomic as atomic_module
from conftest import ROOT
from gkdesk.reports import load_report
from gkdesk.sidecar import CORRUPT, NONE, RESTORED, REVIEWED, Sidecar, SidecarWriteError, sidecar_path

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
EDITS = {("t3", 2, 0): 21, ("t2", 1, 0): 4, ("t4", 0, 0): None}  # None: a cell made blank


def _copy(folder: Path) -> Path:
    target = folder / "报告.txt"
    shutil.copy(SAMPLE, target)
    return target


def _edit(report_file: Path, edits=EDITS):
    report = load_report(report_file)
    for addr, value in edits.items():
        report.set_value(addr, value, user="审核员")
    report.review_status = REVIEWED
    return report


def _reopen(report_file: Path):
    report = load_report(report_file)
    return report, Sidecar.for_report(report_file).load_into(report)


@pytest.fixture
def saved(tmp_path):
    """A report with three edits saved in its sidecar; returns (report file, sidecar bytes)."""
    report_file = _copy(tmp_path)
    Sidecar.for_report(report_file).save(_edit(report_file))
    return report_file, sidecar_path(report_file).read_bytes()


# ---------------------------------------------------------------- corrupted sidecars

CORRUPTIONS = {
    "empty": b"",
    "binary": bytes(range(256)) * 8,
    "utf16": "{}".encode("utf-16"),
    "a list": b"[1, 2, 3]",
    "no text hash": b'{"corrections": []}',
    "corrections not a list": b'{"text_sha256": "x", "corrections": 5}',
    "value as text": b'{"text_sha256": "x", "corrections": [{"cell": ["t3", 0, 0], "value": "12"}]}',
    "unknown table": b'{"text_sha256": "x", "corrections": [{"cell": ["t9", 0, 0], "value": 1}]}',
    "NaN value": b'{"text_sha256": "x", "corrections": [{"cell": ["t3", 0, 0], "value": NaN}]}',
    "infinite value": b'{"text_sha256": "x", "corrections": [{"cell": ["t3", 0, 0], "value": 1e400}]}',
    "cell 1e400": b'{"text_sha256": "x", "corrections": [{"cell": ["t3", 1e400, 0], "value": 1}]}',
    "nested 100000 deep": b"[" * 100_000,  # RecursionError in json: crashed the window's open
    "digits beyond int()": b'{"text_sha256": "x", "corrections": [{"cell": ["t3", ' + b"9" * 5000 + b", 0]}]}",
}


def _assert_detected_and_kept(report_file: Path, raw: bytes) -> None:
    report, result = _reopen(report_file)
    assert result.status == CORRUPT, result
    assert "已损坏" in result.message and "未恢复" in result.message
    assert result.moved_to is not None and result.moved_to.read_bytes() == raw, "the damaged file is kept aside"
    assert not sidecar_path(report_file).exists()
    assert report.corrections == {} and report.history == [] and report.review_status == ""
    assert report.value(("t3", 2, 0)) == report.extracted(("t3", 2, 0)) == 12  # opens as recognized
    # Work goes on: the next edit writes a fresh sidecar that reopens.
    report.set_value(("t3", 2, 0), 30)
    Sidecar.for_report(report_file).save(report)
    again, result = _reopen(report_file)
    assert result.status == RESTORED and again.value(("t3", 2, 0)) == 30


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_corrupted_sidecar_is_detected_kept_aside_and_the_report_opens(saved, name):
    report_file, _ = saved
    sidecar_path(report_file).write_bytes(CORRUPTIONS[name])
    _assert_detected_and_kept(report_file, CORRUPTIONS[name])


def test_sidecar_truncated_at_any_length_is_detected_and_kept(saved):
    report_file, raw = saved
    for cut in sorted({0, 1, 2, len(raw) // 3, len(raw) // 2, len(raw) - 2, len(raw) - 1} | set(range(0, len(raw), 97))):
        for leftover in report_file.parent.glob("*.corrupt-*"):
            leftover.unlink()
        sidecar_path(report_file).write_bytes(raw[:cut])
        _assert_detected_and_kept(report_file, raw[:cut])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_damage_to_a_sidecar_is_restored_or_detected_never_a_crash(data):
    """Bytes flipped, cut, inserted anywhere: either a valid sidecar whose values are numbers or
    blanks, or a corrupt one kept aside byte for byte."""
    with tempfile.TemporaryDirectory() as folder:
        report_file = _copy(Path(folder))
        Sidecar.for_report(report_file).save(_edit(report_file))
        raw = bytearray(sidecar_path(report_file).read_bytes())
        for _ in range(data.draw(st.integers(1, 4))):
            pos = data.draw(st.integers(0, len(raw)))
            how = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
            if how == "flip" and pos < len(raw):
                raw[pos] = data.draw(st.integers(0, 255))
            elif how == "cut":
                del raw[pos:]
            elif how == "insert":
                raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
            else:
                del raw[pos : pos + data.draw(st.integers(1, 20))]
        sidecar_path(report_file).write_bytes(bytes(raw))
        report, result = _reopen(report_file)
        if result.status == CORRUPT:
            assert result.moved_to.read_bytes() == bytes(raw) and result.message
        else:
            for addr in report.addresses():
                value = report.value(addr)
                assert value is None or (isinstance(value, (int, float)) and value == value)


# ---------------------------------------------------------------- atomic, durable writes

def test_every_sidecar_write_goes_through_a_synced_temp_file_and_one_rename(saved, monkeypatch):
    report_file, _ = saved
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append(("replace", Path(a).parent, Path(b))), real_replace(a, b))[1])
    Sidecar.for_report(report_file).save(_edit(report_file, {("t3", 2, 0): 22}))
    target = sidecar_path(report_file)
    assert calls[0] == "fsync", "the content is on disk before it replaces the old file"
    assert calls[1] == ("replace", target.parent, target), "one rename inside the same folder"
    if os.name == "posix":
        assert calls[2:] == ["fsync"], "the folder is synced so that the rename survives a power cut"
    assert sorted(p.name for p in report_file.parent.iterdir()) == ["报告.txt", "报告.txt.gkdesk.json"]


def _old_sidecar_intact_and_no_temp(report_file: Path, raw: bytes) -> None:
    assert sidecar_path(report_file).read_bytes() == raw
    assert sorted(p.name for p in report_file.parent.iterdir()) == ["报告.txt", "报告.txt.gkdesk.json"]


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
@pytest.mark.parametrize(
    "error, words", [(errno.ENOSPC, "磁盘空间已满"), (errno.EROFS, "不可写"), (errno.EACCES, "不可写")]
)
def test_disk_full_or_read_only_at_any_stage_keeps_the_old_sidecar_and_says_why(saved, monkeypatch, stage, error, words):
    report_file, raw = saved
    report, _ = _reopen(report_file)  # the session goes on from the saved work
    report.set_value(("t3", 2, 0), 23)

    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    if stage == "write":
        monkeypatch.setattr(atomic_module, "open", lambda *a, **k: _FailingFile(a[0], error), raising=False)
    elif stage == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(SidecarWriteError) as exc:
        Sidecar.for_report(report_file).save(report)
    message = exc.value.message_zh
    assert words in message and "修改仍保留在程序中" in message
    _old_sidecar_intact_and_no_temp(report_file, raw)
    assert report.value(("t3", 2, 0)) == 23, "the edit stays in memory"
    monkeypatch.undo()  # space is freed: the next save keeps everything
    Sidecar.for_report(report_file).save(report)
    again, result = _reopen(report_file)
    assert result.status == RESTORED and again.value(("t3", 2, 0)) == 23 and again.value(("t2", 1, 0)) == 4


class _FailingFile:
    """A file whose write fails half-way, as on a full disk: some bytes are on disk, then ENOSPC."""

    def __init__(self, path, error):
        self._handle = open(path, "wb")
        self._error = error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()

    def write(self, data):
        self._handle.write(data[: len(data) // 2])
        raise OSError(self._error, os.strerror(self._error))

    def flush(self):
        self._handle.flush()

    def fileno(self):
        return self._handle.fileno()


def _can_write_despite_permissions(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"x")
    except OSError:
        return False
    probe.unlink()
    return True


def test_read_only_folder_gives_a_message_and_loses_nothing(saved):
    report_file, raw = saved
    folder = report_file.parent
    report = _edit(report_file, {("t3", 2, 0): 24})
    folder.chmod(0o555)
    try:
        if _can_write_despite_permissions(folder):
            pytest.skip("running as root: permissions do not stop writes (see the EROFS/EACCES cases above)")
        with pytest.raises(SidecarWriteError) as exc:
            Sidecar.for_report(report_file).save(report)
        assert "不可写" in exc.value.message_zh
        assert report.value(("t3", 2, 0)) == 24
    finally:
        folder.chmod(0o755)
    _old_sidecar_intact_and_no_temp(report_file, raw)


def test_sidecar_path_taken_by_a_folder_opens_the_report_and_refuses_to_save_clearly(tmp_path):
    """Works as root too: nothing can replace a folder with a file."""
    report_file = _copy(tmp_path)
    sidecar_path(report_file).mkdir()
    report = load_report(report_file)
    result = Sidecar.for_report(report_file).load_into(report)
    assert result.status == NONE and "无法读取修改记录文件" in result.message
    report.set_value(("t3", 2, 0), 25)
    with pytest.raises(SidecarWriteError) as exc:
        Sidecar.for_report(report_file).save(report)
    assert "修改仍保留在程序中" in exc.value.message_zh and report.value(("t3", 2, 0)) == 25
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.txt", "报告.txt.gkdesk.json"]


def test_temp_file_left_by_a_killed_writer_does_not_disturb_reopening(saved):
    report_file, raw = saved
    leftover = report_file.with_name(f"{sidecar_path(report_file).name}.tmp99999")
    leftover.write_bytes(raw[: len(raw) // 2])  # a write cut off by SIGKILL or a power cut
    report, result = _reopen(report_file)
    assert result.status == RESTORED and report.value(("t3", 2, 0)) == 21 and report.value(("t4", 0, 0)) is None


# ---------------------------------------------------------------- exports

def test_export_killed_mid_write_never_leaves_a_partial_workbook(tmp_path):
    """A process exporting the same workbook over and over is SIGKILLed at random moments:
    the target is always a whole workbook (the old or the new), never a partial one."""
    import random
    import signal
    import subprocess
    import sys
    import time

    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    import openpyxl

    report_file = _copy(tmp_path)
    target = tmp_path / "导出.xlsx"
    script = (
        "import sys\n"
        "from gkdesk.export import export_report\n"
        "from gkdesk.reports import load_report\n"
        "report = load_report(sys.argv[1])\n"
        "export_report(report, sys.argv[2])\n"
        "print('first', flush=True)\n"
        "while True:\n"
        "    export_report(report, sys.argv[2])\n"
    )
    rng = random.Random(8)
    for _ in range(2):
        proc = subprocess.Popen([sys.executable, "-c", script, str(report_file), str(target)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "first"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        workbook = openpyxl.load_workbook(target)  # raises on a partial file
        assert "表三" in "".join(workbook.sheetnames)
        proc.stdout.close()
    print("\nexport temp files left by the kills:", sorted(p.name for p in tmp_path.glob(".~gkdesk-*")))
