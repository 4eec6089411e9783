"""Opening a report in the window: read, recognized and checked off the GUI thread, with a
progress bar, while the event loop keeps turning; a report asked for later wins; cancel;
repairs made while decoding are said. Behaviour only: no timing thresholds."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import threading

import pytest
from PySide6.QtCore import QTimer

import gkdesk.ui.document as document_module
from conftest import ROOT
from window_support import make_window as open_window

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
RECEIVED = ("t3", 0, 0)  # 56 in the sample


def make_window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path, size=(1200, 800))


def copy_sample(tmp_path, name="sample.txt"):
    target = tmp_path / name
    shutil.copy(SAMPLE, target)
    return target


class Gate:
    """Holds load_report for the files named until released (the test decides when a load ends)."""

    def __init__(self, monkeypatch, *names):
        self.names = set(names)
        self.event = threading.Event()
        self.entered = threading.Event()
        real = document_module.load_report

        def gated(path):
            if os.path.basename(str(path)) in self.names:
                self.entered.set()
                assert self.event.wait(30), "the test never released the load"
            return real(path)

        monkeypatch.setattr(document_module, "load_report", gated)

    def release(self):
        self.event.set()


class Ticks:
    """A timer that fires on every turn of the event loop and notes whether a load was under way."""

    def __init__(self, window):
        self.during_load = 0
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)
        self.window = window
        self.timer.start()

    def _tick(self):
        if self.window.loading:
            self.during_load += 1

    def stop(self):
        self.timer.stop()


def test_the_event_loop_turns_and_the_window_answers_while_a_report_loads(qtbot, tmp_path, monkeypatch):
    report = copy_sample(tmp_path)
    gate = Gate(monkeypatch, report.name)
    window = make_window(qtbot, tmp_path)
    ticks = Ticks(window)
    window.open_paths([str(report)])
    assert window.loading and window.document is None
    assert window.load_progress.isVisible() and report.name in window.load_progress.format()
    assert window.cancel_scan_button.isVisible()
    qtbot.waitUntil(gate.entered.is_set)
    qtbot.waitUntil(lambda: ticks.during_load >= 20)  # the loop turns while the load is held
    window.show_table("t2")  # and the window does what it is asked meanwhile
    assert window.tabs.currentWidget() is window.pages["t2"]
    assert window.loading and window.document is None
    gate.release()
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    ticks.stop()
    assert window.document is not None and window.document.report.value(RECEIVED) == 56
    assert not window.load_progress.isVisible() and not window.cancel_scan_button.isVisible()
    assert window.source.editor.toPlainText() == window.document.report.text


def test_a_large_report_loads_while_the_event_loop_keeps_turning(qtbot, tmp_path):
    from test_robust_limits import PATHOLOGICAL

    path = tmp_path / "large.txt"
    text = PATHOLOGICAL["space-cells"]()[:3_000_000]  # one line of 3 million characters
    path.write_text(text, encoding="utf-8")
    window = make_window(qtbot, tmp_path)
    ticks = Ticks(window)
    window.open_paths([str(path)])
    assert window.loading
    qtbot.waitUntil(lambda: not window.loading, timeout=120_000)
    ticks.stop()
    assert ticks.during_load >= 3
    assert window.document is not None and window.document.report.text == text
    editor = window.source.editor
    assert editor.positions.breaks  # the long line is shown in pieces...
    assert editor.toPlainText().replace("\n", "") == text.replace("\n", "")  # ...of the same text
    assert not window.load_progress.isVisible()


def test_the_report_asked_for_last_is_the_one_shown(qtbot, tmp_path, monkeypatch):
    first, second = copy_sample(tmp_path, "first.txt"), copy_sample(tmp_path, "second.txt")
    gate = Gate(monkeypatch, first.name)
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(first), str(second)])  # both queued; the first opens
    qtbot.waitUntil(gate.entered.is_set)
    window.open_document(str(second))  # the reviewer moves on before the first has loaded
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert window.document.path == str(second)
    gate.release()  # the first load finishes after all: its result is dropped
    qtbot.wait(300)
    assert window.document.path == str(second)
    assert str(first) not in window.documents and not window.load_progress.isVisible()


def test_next_report_twice_while_loading_goes_two_on(qtbot, tmp_path, monkeypatch):
    paths = [copy_sample(tmp_path, f"r{i}.txt") for i in range(3)]
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: not window.loading and not window.scanning, timeout=20_000)
    gate = Gate(monkeypatch, paths[1].name)
    window.act_next_report.trigger()
    qtbot.waitUntil(gate.entered.is_set)
    window.act_next_report.trigger()  # from r1, on its way, to r2
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    gate.release()
    assert window.document.path == str(paths[2])


def test_cancel_stops_opening_and_keeps_the_report_shown(qtbot, tmp_path, monkeypatch):
    shown, slow = copy_sample(tmp_path, "shown.txt"), copy_sample(tmp_path, "slow.txt")
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(shown)])
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    gate = Gate(monkeypatch, slow.name)
    window.open_paths([str(slow)])
    qtbot.waitUntil(gate.entered.is_set)
    window.cancel_scan_button.click()
    assert not window.loading and not window.load_progress.isVisible()
    assert "已取消打开" in window.statusBar().currentMessage()
    gate.release()
    qtbot.wait(300)
    assert window.document.path == str(shown) and str(slow) not in window.documents


def test_a_bug_while_loading_is_a_message_not_a_crash(qtbot, tmp_path, monkeypatch):
    report = copy_sample(tmp_path)

    def broken(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(document_module, "load_report", broken)
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(report)])
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert window.document is None and window.message_bar.level == "error"
    assert "程序内部错误" in window.message_bar.label.text() and "boom" in window.message_bar.label.text()


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda text: text.encode("utf-8").replace(b"\n", b"\n\x00", 4), "4 个空字符"),
        (
            lambda text: b"\n".join(
                line.encode("gb18030" if line.startswith("（二）依申请公开") else "utf-8") for line in text.split("\n")
            ),
            "编码不一致",
        ),
    ],
    ids=["stray-nuls", "mixed-encoding"],
)
def test_repairs_made_while_decoding_are_said_on_opening(qtbot, tmp_path, make, words):
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "repaired.txt"
    path.write_bytes(make(text))
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(path)])
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert window.document is not None and window.document.report.text == text
    assert window.message_bar.level == "warning" and words in window.message_bar.label.text()
