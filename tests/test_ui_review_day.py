"""The reviewer's decisions in the real window: dismiss with a note, 已复核 asks first, an edit
after it needs another review, one key accepts a suggested value, the 审核意见 pane."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import shutil

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

from conftest import shared_path
from window_support import make_window as open_window
from gkdesk.findings import ERROR
from gkdesk.model import CHANGED_AFTER_REVIEW, REVIEWED
from gkdesk.sidecar import sidecar_path
from gkdesk.ui import review_actions
from gkdesk.ui.findings_model import DISMISSED_ROLE, FINDING_ROLE, MESSAGE_COLUMN
from gkdesk.ui.help_dialogs import shortcut_rows
from gkdesk.ui.worklist import CHANGED_STATUS

FAULTY = "gd05__lo-txt.txt"  # 表三 一、本年新收·总计 1123 where the parts give 1120
TOTAL = ("t3", 0, 6)


def _open(qtbot, tmp_path, copy=True):
    target = tmp_path / FAULTY
    if copy:
        shutil.copy(shared_path("corpus", "gen", FAULTY), target)
    window = open_window(qtbot, tmp_path, [target], activate=True)
    qtbot.waitUntil(lambda: not window.loading and window.document is not None, timeout=20000)
    return window, target


def _select(window, predicate):
    model = window.findings_model
    for row in range(model.rowCount()):
        finding = model.index(row, 0).data(FINDING_ROLE)
        if predicate(finding):
            index = model.index(row, MESSAGE_COLUMN)
            window.problems.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            window.problems.setFocus()
            return finding
    raise AssertionError("no such finding")


def _culprit_error(f):
    return f.severity == ERROR and f.culprit is not None and tuple(f.culprit.cell) == TOTAL


def test_dismiss_a_finding_with_a_note_greys_it_and_keeps_it_across_reopening(qtbot, tmp_path, monkeypatch):
    window, target = _open(qtbot, tmp_path)
    document = window.document
    errors_before = document.counts()[0]
    finding = _select(window, _culprit_error)
    monkeypatch.setattr(review_actions, "ask_note", lambda *_: "报告原文即如此")
    window.review_actions.act_as_printed.trigger()
    assert document.counts()[0] < errors_before
    rows = [window.findings_model.index(r, 0) for r in range(window.findings_model.rowCount())]
    dismissed = [i for i in rows if i.data(DISMISSED_ROLE)]
    assert dismissed and "原文如此" in dismissed[0].siblingAtColumn(MESSAGE_COLUMN).data()
    assert "已排除" in window.problems_title.text()
    window.saver.flush()
    saved = json.loads(sidecar_path(target).read_text("utf-8"))
    assert saved["decisions"][0]["note"] == "报告原文即如此" and saved["decisions"][0]["rule"] == finding.rule
    # undo brings the finding back into the counts; redo dismisses it again
    window.act_undo.trigger()
    assert document.counts()[0] == errors_before
    window.act_redo.trigger()
    assert document.counts()[0] < errors_before
    window.saver.flush()
    window.close()

    again, _ = _open(qtbot, tmp_path, copy=False)
    assert again.document.counts()[0] < errors_before


def test_reviewed_with_errors_open_asks_first_and_an_edit_after_it_reopens_the_review(qtbot, tmp_path, monkeypatch):
    window, _ = _open(qtbot, tmp_path)
    document = window.document
    assert document.counts()[0] > 0
    asked = []

    def answer(value):
        def question(*args, **kwargs):
            asked.append(args[2])
            return value
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.act_reviewed.trigger()
    assert asked and "错误" in asked[0] and document.report.review_status == ""
    assert not window.act_reviewed.isChecked()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.act_reviewed.trigger()
    assert document.report.review_status == REVIEWED and window.act_reviewed.isChecked()

    document.set_values({("t3", 0, 0): (document.report.value(("t3", 0, 0)) or 0) + 1})
    assert document.report.review_status == CHANGED_AFTER_REVIEW
    assert document.queue_status() == CHANGED_STATUS and not window.act_reviewed.isChecked()
    assert CHANGED_STATUS in window.counts_label.text()
    window.act_undo.trigger()
    assert document.report.review_status == REVIEWED


def test_one_key_accepts_the_suggested_value(qtbot, tmp_path):
    window, _ = _open(qtbot, tmp_path)
    document = window.document
    accept = window.review_actions.act_accept
    assert accept.shortcut() == QKeySequence("Ctrl+Shift+A")
    assert any(name == accept.text() for name, _ in shortcut_rows(window))  # listed in F1
    finding = _select(window, _culprit_error)
    qtbot.keyClick(window.problems, "A", QKeySequence("Ctrl+Shift+A")[0].keyboardModifiers())
    assert document.report.value(TOTAL) == finding.culprit.value == 1120
    assert not any(_culprit_error(f) for f in document.findings)
    window.act_undo.trigger()
    assert document.report.value(TOTAL) == 1123


def test_the_opinion_pane_drafts_saves_and_copies(qtbot, tmp_path):
    window, target = _open(qtbot, tmp_path)
    actions = window.review_actions
    actions.act_opinion.trigger()
    assert actions.opinion_dock.isVisible()
    actions.draft_button.click()
    text = actions.opinion_edit.toPlainText()
    assert "请核实" in text and "表三" in text and "1120" in text
    actions.opinion_edit.appendPlainText("另请补充第六部分。")
    actions.commit_opinion()
    window.saver.flush()
    saved = json.loads(sidecar_path(target).read_text("utf-8"))
    assert saved["opinion"].endswith("另请补充第六部分。")
    actions.copy_button.click()
    assert QGuiApplication.clipboard().text() == actions.opinion_edit.toPlainText()


def test_zoom_keys_scale_grid_and_source_and_are_remembered(qtbot, tmp_path):
    window, _ = _open(qtbot, tmp_path)
    tools = window.view_tools
    view = window.pages["t3"].view
    size, width = view.font().pointSizeF(), view.columnWidth(view.model().layout.label_columns)
    source = window.source.editor.font().pointSizeF()
    assert QKeySequence("Ctrl+0") in tools.act_zoom_reset.shortcuts()
    tools.act_zoom_in.trigger()
    tools.act_zoom_in.trigger()
    assert tools.zoom == 120 and view.font().pointSizeF() > size and window.source.editor.font().pointSizeF() > source
    assert view.columnWidth(view.model().layout.label_columns) > width  # the grid is re-sized for the font
    assert window.settings.zoom == 120
    window.close()
    again, _ = _open(qtbot, tmp_path, copy=False)
    assert again.view_tools.zoom == 120
    again.view_tools.act_zoom_reset.trigger()
    assert again.settings.zoom == 100 and again.pages["t3"].view.font().pointSizeF() == size


def test_status_bar_shows_sum_and_count_of_a_selection(qtbot, tmp_path):
    from gkdesk.ui.view_tools import selection_stats

    assert selection_stats([1, None, 2.5]) == (2, 3.5) and selection_stats([None]) == (0, 0)
    window, _ = _open(qtbot, tmp_path)
    window.show_table("t3")
    view = window.pages["t3"].view
    cells = [("t3", 0, c) for c in range(6)]
    view.select_addresses(cells)
    values = [window.document.report.value(a) for a in cells]
    label = window.view_tools.stats_label
    assert label.isVisible() or not label.isHidden()
    expected = sum(v for v in values if v is not None)
    assert label.text() == f"求和：{expected}  计数：{sum(v is not None for v in values)}"
    view.select_addresses(cells[:1])
    assert label.isHidden()


def test_qt_dialogs_speak_chinese(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication

    _open(qtbot, tmp_path)
    # The texts the dialog shows carry accelerators ("&Look in:"); qtbase_zh_CN lacks those two,
    # resources/qt_i18n/qtbase_gaps_zh_CN.ts fills them (the whole dialogs: test_ui_review_items).
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
