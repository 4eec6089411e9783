"""The window under attack (issue 8, items 4 and 5): a real session killed with SIGKILL restores
every edit; a full disk keeps the edits and says so; every bad input of the attack corpus
(tests/fuzz/attacks.py) opened through the window gives a message, and the window goes on working."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import errno
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from conftest import ROOT
from window_support import make_window
from fuzz.attacks import ATTACKS, OPENS, REFUSED
from fuzz.session_driver import BURST_CELL
from gkdesk.model import CHANGED_AFTER_REVIEW
from gkdesk.reports import load_report
from gkdesk.sidecar import CORRUPT, RESTORED, REVIEWED, Sidecar, sidecar_path

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
DRIVER = ROOT / "tests" / "fuzz" / "session_driver.py"
INTERNAL_ERROR = "程序内部错误"
needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _copy_sample(folder: Path) -> Path:
    target = folder / "报告.txt"
    shutil.copy(SAMPLE, target)
    return target


def _reopen(report_file: Path):
    report = load_report(report_file)
    return report, Sidecar.for_report(report_file).load_into(report)


# ---------------------------------------------------------------- SIGKILL of a real session

class KilledSession:
    """tests/fuzz/session_driver.py in its own process: the real window, steered from here."""

    def __init__(self, report_file: Path, settings: Path):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(report_file), str(settings)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", cwd=ROOT, env=env,
        )
        self.expect("ready")

    def expect(self, prefix: str) -> str:
        line = self.proc.stdout.readline()
        assert line.startswith(prefix), f"{line!r}\n{self.proc.stderr.read() if self.proc.poll() is not None else ''}"
        return line.strip()

    def do(self, action: str) -> str:
        self.proc.stdin.write(action + "\n")
        self.proc.stdin.flush()
        return self.expect("ok")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        assert self.proc.wait(30) == -signal.SIGKILL
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()


REVIEWER_PAUSE = 0.3  # seconds between a reviewer's actions (a fast reviewer)


@needs_sigkill
def test_sigkill_in_the_middle_of_two_sessions_restores_every_edit(tmp_path):
    report_file = _copy_sample(tmp_path)
    session = KilledSession(report_file, tmp_path / "settings.ini")
    assert session.do("type t3 2 0 21") == "ok 21"
    time.sleep(REVIEWER_PAUSE)
    assert session.do("clear t4 0 0") == "ok None"  # blank, not zero
    time.sleep(REVIEWER_PAUSE)
    assert session.do("reviewed") == f"ok {REVIEWED}"
    time.sleep(REVIEWER_PAUSE)
    session.kill()  # nobody saved, closed or flushed anything

    report, result = _reopen(report_file)
    assert result.status == RESTORED, result.message
    assert report.value(("t3", 2, 0)) == 21 and report.value(("t4", 0, 0)) is None
    assert report.review_status == REVIEWED

    # The reviewer goes on where the work stopped, and the power fails again.
    session = KilledSession(report_file, tmp_path / "settings.ini")
    assert session.do("type t2 1 0 4") == "ok 4"
    time.sleep(REVIEWER_PAUSE)
    assert session.do("type t3 2 0 22") == "ok 22"
    time.sleep(REVIEWER_PAUSE)
    session.kill()

    report, result = _reopen(report_file)
    assert result.status == RESTORED, result.message
    assert report.value(("t3", 2, 0)) == 22 and report.value(("t2", 1, 0)) == 4
    # Edits after 已复核 make it 修改后待复核: the review no longer covers them.
    assert report.value(("t4", 0, 0)) is None and report.review_status == CHANGED_AFTER_REVIEW
    assert [(c.addr, c.value) for c in report.history] == [
        (("t3", 2, 0), 21), (("t4", 0, 0), None), (("t2", 1, 0), 4), (("t3", 2, 0), 22),
    ]


@needs_sigkill
def test_sigkill_during_a_burst_of_edits_leaves_a_whole_sidecar_of_the_edits_in_order(tmp_path):
    """Killed at random moments while values are typed as fast as the window takes them: the
    sidecar is never damaged, and it holds the edits in the order made, without gaps (all but
    the newest few, whose write the kill cut short, which the old sidecar therefore lacks)."""
    report_file = _copy_sample(tmp_path)
    rng = random.Random(2024)
    typed = 0
    for killed in range(1, 4):
        session = KilledSession(report_file, tmp_path / "settings.ini")
        session.proc.stdin.write("burst 40\n")
        session.proc.stdin.flush()
        seen = rng.randint(3, 30)
        for _ in range(seen):
            session.expect("ok")
        session.kill()
        typed += seen
        report, result = _reopen(report_file)
        assert result.status == RESTORED, result.message
        burst = [c.value for c in report.history if c.addr == BURST_CELL]
        runs = _runs_of_counting(burst)
        assert all(run[0] == 100 for run in runs), burst  # each session starts at 100, no gaps
        # and each session's edits are there: a write mutex left by the killed writer must not
        # keep the next session from saving (it once dropped every edit of sessions 2 and 3).
        assert len(runs) == killed, burst
        assert report.value(BURST_CELL) == burst[-1]
        # Edits acknowledged in the last moment before the kill may still be on their way to
        # the disk (the autosave writer runs beside the window); how many is a figure, not a rule.
        print(f"\nkilled after {seen} acknowledged burst edits: {len(runs[-1])} restored")


def _runs_of_counting(values: list) -> list[list]:
    runs: list[list] = []
    for v in values:
        if runs and v == runs[-1][-1] + 1:
            runs[-1].append(v)
        else:
            runs.append([v])
    return runs


# ---------------------------------------------------------------- the window itself

def type_into_cell(qtbot, window, addr, text):
    """Select a cell and type as a reviewer does: the first key opens the editor, Enter commits."""
    window.show_table(addr[0])
    view = window._current_view()
    view.setFocus()
    view.setCurrentIndex(view.model().index_of(addr))
    for widget_text in (text[0], text[1:]):
        target = view if widget_text is text[0] else next(e for e in view.findChildren(QLineEdit) if e.isVisible())
        for ch in widget_text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not any(e.isVisible() for e in view.findChildren(QLineEdit)))


def test_full_disk_keeps_the_edits_says_so_and_saves_them_all_when_space_returns(qtbot, tmp_path, monkeypatch):
    report_file = _copy_sample(tmp_path)
    window = make_window(qtbot, tmp_path, [report_file])
    real_replace = os.replace

    def disk_full(src, dst):
        if str(dst).endswith(".gkdesk.json"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", disk_full)
    type_into_cell(qtbot, window, ("t3", 2, 0), "21")
    qtbot.waitUntil(lambda: window.message_bar.level == "error")
    assert "磁盘空间已满" in window.message_bar.label.text() and "修改仍保留在程序中" in window.message_bar.label.text()
    type_into_cell(qtbot, window, ("t2", 1, 0), "4")  # the window goes on working
    window.saver.flush()
    assert window.document.report.value(("t3", 2, 0)) == 21 and window.document.report.value(("t2", 1, 0)) == 4
    assert not sidecar_path(report_file).exists()
    # The review lock (held while the window has the report open) is the only gkdesk file there.
    assert sorted(p.name for p in tmp_path.iterdir() if ".gkdesk" in p.name and not p.name.endswith(".gkdesk.lock")) == [], "no temp file left behind"

    # Closing now would lose the edits: the window asks, and "No" keeps it open with them.
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    window.close()
    assert asked and window.isVisible() and window.document.report.value(("t3", 2, 0)) == 21

    monkeypatch.setattr(os, "replace", real_replace)  # space is freed
    type_into_cell(qtbot, window, ("t3", 3, 0), "2")
    qtbot.waitUntil(lambda: window.message_bar.level != "error")
    window.saver.flush()
    report, result = _reopen(report_file)
    assert result.status == RESTORED
    assert [report.value(a) for a in (("t3", 2, 0), ("t2", 1, 0), ("t3", 3, 0))] == [21, 4, 2]


def test_sidecar_nested_too_deep_opens_the_report_with_a_message(qtbot, tmp_path):
    """It used to escape as RecursionError: the window showed an internal error, no report."""
    report_file = _copy_sample(tmp_path)
    sidecar_path(report_file).write_bytes(b"[" * 100_000)
    window = make_window(qtbot, tmp_path, [report_file])
    assert window.document is not None and window.message_bar.level == "error"
    assert "已损坏" in window.message_bar.label.text()
    assert list(tmp_path.glob("报告.txt.gkdesk.json.corrupt-*"))
    report, result = _reopen(report_file)
    assert result.status != CORRUPT


@pytest.fixture(scope="module")
def attack_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("attacks")
    return {a.name: a.make(folder) for a in ATTACKS}, folder


# Opened one by one above; in the folder test it would only add time.
_SLOW_IN_A_FOLDER = ("ten-mb-line",)


def _window_still_works(qtbot, window, tmp_path) -> None:
    good = _copy_sample(tmp_path)
    window.open_paths([str(good)])
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)  # reports open in the background
    assert window.document is not None and window.document.path == str(good)
    type_into_cell(qtbot, window, ("t3", 2, 0), "21")
    assert window.document.report.value(("t3", 2, 0)) == 21
    window.act_undo.trigger()
    assert window.document.report.value(("t3", 2, 0)) == 12


# Known and still to fix: since folder expansion moved to the core, the window's scan of a folder
# named like a file says "已读取 1 份报告" instead of "没有可打开的报告文件" (no report opens; the
# window works on). The CLI refuses it with exit 2.
_WINDOW_KNOWN: dict[str, str] = {}  # attack name -> why the window fails it (strict xfail)


@pytest.mark.parametrize(
    "name",
    [pytest.param(a.name, marks=[pytest.mark.xfail(reason=_WINDOW_KNOWN[a.name], strict=True)] if a.name in _WINDOW_KNOWN else []) for a in ATTACKS],
)
def test_every_attack_opened_in_the_window_gives_a_message_and_the_window_works_on(qtbot, tmp_path, attack_folder, name):
    paths, _ = attack_folder
    attack = next(a for a in ATTACKS if a.name == name)
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(paths[name])])
    if paths[name].is_dir():  # a folder named like a file is read as the folder it is
        qtbot.waitUntil(lambda: not window.scanning)
        assert window.document is None and "没有可打开的报告文件" in window.statusBar().currentMessage()
        _window_still_works(qtbot, window, tmp_path)
        return
    qtbot.waitUntil(lambda: not window.loading, timeout=120_000)
    shown = window.message_bar.label.text() if window.message_bar.isVisible() else ""
    assert INTERNAL_ERROR not in shown
    if window.document is None:
        assert attack.expect != OPENS, f"{name} should open: {shown}"
        assert window.message_bar.level == "error" and paths[name].name in shown, shown
        assert any("\u4e00" <= ch <= "\u9fff" for ch in shown.split("：", 1)[-1])  # says why, in Chinese
    else:
        assert attack.expect != REFUSED, f"{name} should be refused"
        assert window.document.path == str(paths[name])
    _window_still_works(qtbot, window, tmp_path)


def test_a_folder_of_every_attack_is_read_in_the_background_and_each_says_why(qtbot, tmp_path, attack_folder):
    paths, _ = attack_folder
    folder = tmp_path / "收到的文件"
    folder.mkdir()
    for attack in ATTACKS:
        if attack.name not in _SLOW_IN_A_FOLDER:
            attack.make(folder)
    paths = {a.name: folder / paths[a.name].name for a in ATTACKS if a.name not in _SLOW_IN_A_FOLDER}
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(folder)])
    qtbot.waitUntil(lambda: not window.scanning, timeout=120_000)
    entries = {Path(e.path).name: e for e in window.queue.entries}
    for attack in ATTACKS:
        path = paths.get(attack.name)
        if path is None or path.is_dir():
            continue
        entry = entries.get(path.name)
        assert entry is not None, f"{attack.name} missing from the queue: {sorted(entries)}"
        if attack.expect == REFUSED:
            assert entry.message and INTERNAL_ERROR not in entry.message and "检查时出错" not in entry.message, entry
        elif attack.expect == OPENS:
            assert not entry.message, entry
    _window_still_works(qtbot, window, tmp_path)
