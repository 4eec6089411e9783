"""Issue 14, items 6, 7 and 9 in the real window, beyond test_ui_review_day: the report list
follows 已复核 and 修改后待复核; a report without errors is marked without a question; the
suggested value is accepted from the grid's cell; Qt's own dialogs are Chinese as shown."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from conftest import ROOT, shared_path
from window_support import make_window

from gkdesk.model import REVIEWED
from gkdesk.ui.queue_model import STATUS_COLUMN, STATUS_ROLE
from gkdesk.ui.worklist import CHANGED_STATUS, ERRORS, PASSED, REVIEWED_STATUS

FAULTY = "gd05__lo-txt.txt"  # 表三 一、本年新收·总计 1123 where the parts give 1120
TOTAL = ("t3", 0, 6)


def _open(qtbot, tmp_path, source):
    target = tmp_path / source.name
    shutil.copy(source, target)
    window = make_window(qtbot, tmp_path, [target], activate=True)
    qtbot.waitUntil(lambda: not window.loading and window.document is not None, timeout=20_000)
    return window


def _list_status(window):
    index = window.report_list.proxy.index(0, STATUS_COLUMN)
    return index.data(STATUS_ROLE), index.data()


def test_report_list_follows_reviewed_and_changed_after_review(qtbot, tmp_path, monkeypatch):
    window = _open(qtbot, tmp_path, shared_path("corpus", "gen", FAULTY))
    assert _list_status(window) == (ERRORS, "有错误")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.act_reviewed.trigger()
    assert _list_status(window) == (REVIEWED_STATUS, "已复核")
    window.document.set_values({TOTAL: 1120})
    assert _list_status(window) == (CHANGED_STATUS, "修改后待复核")
    window.report_list.status_filter.setCurrentIndex(window.report_list.status_filter.findData(CHANGED_STATUS))
    assert window.report_list.proxy.rowCount() == 1  # 修改后待复核 can be listed on its own
    window.act_reviewed.trigger()  # reviewed again (errors left are confirmed by the Yes above)
    assert window.document.report.review_status == REVIEWED
    assert window.report_list.proxy.rowCount() == 0  # filtered out: no longer 修改后待复核


def test_a_report_without_errors_is_marked_reviewed_without_a_question(qtbot, tmp_path, monkeypatch):
    sample = next((ROOT / "resources" / "samples").glob("*.txt"))
    window = _open(qtbot, tmp_path, sample)
    document = window.document
    for finding in [f for f in document.findings if f.culprit is not None]:
        document.set_values({tuple(finding.culprit.cell): finding.culprit.value})
    if document.review.open_counts()[0]:  # errors the culprits do not repair: dismiss them
        from gkdesk.decisions import NOT_APPLICABLE

        for finding in [f for f in document.findings if f.severity == "error"]:
            document.decide(finding, NOT_APPLICABLE, "测试")
    assert document.review.open_counts()[0] == 0
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    window.act_reviewed.trigger()
    assert not asked and document.report.review_status == REVIEWED
    assert _list_status(window)[0] == REVIEWED_STATUS


def test_accept_the_suggested_value_from_the_grid_cell(qtbot, tmp_path):
    window = _open(qtbot, tmp_path, shared_path("corpus", "gen", FAULTY))
    document = window.document
    window.show_table("t3")
    view = window.pages["t3"].view
    view.setFocus()
    view.go_to(TOTAL)  # the culprit's cell: its finding is the selected one
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, "A", QKeySequence("Ctrl+Shift+A")[0].keyboardModifiers())
    assert document.report.value(TOTAL) == 1120
    assert "已采用建议值 1120" in window.statusBar().currentMessage()
    assert document.counts()[2] == 1  # one edit, in the audit trail and undoable
    qtbot.keyClick(view, "A", QKeySequence("Ctrl+Shift+A")[0].keyboardModifiers())
    assert document.report.value(TOTAL) == 1120 and document.counts()[2] == 1  # nothing to accept now


def _english_texts(dialog):
    """Label, button and action texts of a dialog still in English (file paths and PDF aside)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton

    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    texts += [a.text() for a in dialog.findChildren(QAction)]
    return sorted({t for t in texts if re.search(r"[A-Za-z]{3,}", t.replace("PDF", "")) and "/" not in t})


def test_qt_dialogs_show_chinese(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    window = make_window(qtbot, tmp_path)
    file_dialogs = []
    for mode in (QFileDialog.FileMode.ExistingFiles, QFileDialog.FileMode.Directory):
        dialog = QFileDialog(window, "打开报告")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on UOS/Kylin without a portal
        dialog.setFileMode(mode)
        file_dialogs.append(dialog)
    labels = {re.sub(r"\(&\w\)|&", "", label.text()) for label in file_dialogs[0].findChildren(QLabel)}
    assert {"查找范围：", "文件类型：", "文件名称："} <= labels, labels
    printer = QPrinter()
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    texts = {b.text().replace("&", "") for b in box.findChild(QDialogButtonBox).buttons()}
    assert any("是" in t for t in texts) and any("否" in t for t in texts), texts
    for dialog in (*file_dialogs, box, QPrintDialog(printer, window), QPrintPreviewDialog(printer, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert _english_texts(dialog) == [], type(dialog).__name__
        dialog.hide()
