"""导出汇总 from the window: the CLI's streaming path (one SummaryRow per report, read and
checked off the GUI thread, with progress), the open reports as the window shows them."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

import openpyxl
from PySide6.QtWidgets import QFileDialog

from conftest import shared_path
from gkdesk.export import export_summary
from gkdesk.opening import open_reviewed
from gkdesk.export.summary import DATA_SHEET
from window_support import make_window


def _sheet_values(path, name):
    return [[c.value for c in row] for row in openpyxl.load_workbook(path)[name].iter_rows()]


def test_the_queue_summary_is_the_clis_with_the_open_reports_as_shown(qtbot, tmp_path, monkeypatch):
    gen = shared_path("corpus", "gen")
    sources = sorted(gen.glob("gd0*__calc-tsv.txt"))[:3]
    assert len(sources) == 3
    files = []
    for source in sources:
        shutil.copy(source, tmp_path / source.name)
        files.append(tmp_path / source.name)
    unreadable = tmp_path / "broken.docx"
    unreadable.write_bytes(b"not a zip file at all")
    files.append(unreadable)
    window = make_window(qtbot, tmp_path, files)
    qtbot.waitUntil(lambda: len(window.queue.entries) == len(files) and not window.scanning, timeout=60_000)
    document = window.document
    addr = ("t3", 0, 0)
    edited = (document.report.value(addr) or 0) + 7
    assert document.set_values({addr: edited}, "edit")  # not necessarily saved yet: shown, so summed

    shown = []
    window.export_progress.valueChanged.connect(shown.append)
    target = tmp_path / "window-summary.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.export_queue_summary()
    # The export has ended when its operation reported back on the GUI thread (the file is
    # written before its last progress and success signals are delivered).
    qtbot.waitUntil(lambda: window._export_op.done and not window.export_progress.isVisible(), timeout=60_000)
    assert target.is_file()
    assert max(shown) == len(files)  # progress came report by report, to the end

    paths = window.queue.paths()
    reports, read_from = [], []
    for p in paths:
        if p == document.path:
            reports.append(document.report)
        elif not p.endswith("broken.docx"):
            reports.append(open_reviewed(p).report)
        else:
            continue
        read_from.append(p)
    expected = export_summary(reports, tmp_path / "expected.xlsx", sources=read_from)
    assert _sheet_values(target, DATA_SHEET) == _sheet_values(expected, DATA_SHEET)
    values = [v for row in _sheet_values(target, DATA_SHEET) for v in row]
    assert edited in values and "broken.docx" not in " ".join(str(v) for v in values)
    info = " ".join(str(v) for row in _sheet_values(target, "说明") for v in row)
    assert "未能读取的文件" in info and "broken.docx" in info  # the file that could not be read is named
