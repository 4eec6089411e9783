"""A PDF whose reading never ends (the reader looping forever in the window's child process,
gkdesk.isolated_reading) costs the window that file alone: the window stays responsive while
the child runs (the call waits on a background thread), after the time limit (set low here
through gkdesk.limits) the child is killed, the file is marked unreadable with the Chinese
message, and the next PDF is read by a new child."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import time

import pytest

from conftest import ROOT
from reader_samples import report_pdf
from report_factory import values_for
from window_support import make_window

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
HANG_MARK = b"%gkdesk-test: loop in the reader here"
TIMED_OUT = "读取该文件超过 3 秒仍未完成，处理进程已被终止"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="children are forked")


def _hanging(real, spare_pid):
    def read_pdf(path, progress=None):
        with open(path, "rb") as handle:
            if HANG_MARK in handle.read():
                if os.getpid() == spare_pid:
                    raise AssertionError(f"{path} was read in the window's own process")
                while True:
                    time.sleep(0.05)
        return real(path, progress)

    return read_pdf


@pytest.fixture
def hanging_reader(monkeypatch):
    from gkdesk import isolated_reading, limits
    from gkdesk.readers import pdf_reader

    monkeypatch.setattr(pdf_reader, "read_pdf", _hanging(pdf_reader.read_pdf, os.getpid()))
    monkeypatch.setattr(limits, "CHILD_SECONDS_FLOOR", 3.0)
    monkeypatch.setattr(limits, "CHILD_SECONDS_PER_MB", 0.0)
    isolated_reading.close_children()  # a child forked before the patch reads with the real reader
    yield
    isolated_reading.close_children()


def test_a_pdf_whose_reader_hangs_is_an_unreadable_file_and_the_window_stays_responsive(
        qtbot, tmp_path, hanging_reader):
    from PySide6.QtCore import QTimer

    from gkdesk.ui.queue_model import QueueModel
    from gkdesk.ui.worklist import UNREADABLE

    report = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report)
    hanging = tmp_path / "hanging.pdf"
    hanging.write_bytes(report_pdf("2021", values_for("2021", seed=3)) + b"\n" + HANG_MARK + b"\n")
    good_pdf = tmp_path / "good.pdf"
    good_pdf.write_bytes(report_pdf("2021", values_for("2021", seed=9)))

    window = make_window(qtbot, tmp_path, [report])
    edited = window.document
    window.open_paths([str(hanging)])
    assert window.loading
    # While the child loops, the window's event loop runs: a timer fires, the edited report
    # is still there to be worked on.
    fired = []
    QTimer.singleShot(0, lambda: fired.append(window.loading))
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
    assert fired == [True]
    qtbot.waitUntil(lambda: not window.loading, timeout=60_000)
    assert window.isVisible()
    assert window.message_bar.level == "error"
    text = window.message_bar.label.text()
    assert "hanging.pdf" in text and TIMED_OUT in text
    entry = window.session.queue.entry(QueueModel.key(str(hanging)))
    assert entry.status == UNREADABLE and TIMED_OUT in entry.message

    window.open_paths([str(report)])
    assert window.document is edited

    window.open_paths([str(good_pdf)])
    qtbot.waitUntil(lambda: not window.loading, timeout=60_000)
    assert window.document is not None and window.document.path == str(good_pdf.resolve())
    assert window.document.report.agency == "测试区数据局"
