"""The real review window, driven offscreen with qtbot: the reviewer's whole loop."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import shutil

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from conftest import ROOT, shared_path
from window_support import make_window as open_window
from gkdesk.findings import ERROR
from gkdesk.sidecar import sidecar_path
from gkdesk.ui.findings_model import FINDING_ROLE
from gkdesk.ui.table_model import Role
from gkdesk.ui.worklist import ERRORS, REVIEWED_STATUS, UNCHECKED

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
RECEIVED = ("t3", 0, 0)  # 表三 一、本年新收·自然人


def make_window(qtbot, tmp_path, paths=()):
    return open_window(qtbot, tmp_path, paths, activate=True)


def wait_loaded(qtbot, window, timeout=20000):
    """Reports open in the background: wait until the one asked for is shown (or refused)."""
    qtbot.waitUntil(lambda: not window.loading, timeout=timeout)


def seed_copy(tmp_path, number="001"):
    seed = next(shared_path("seeds").glob(f"{number}_*.txt"))
    target = tmp_path / f"seed{number}.txt"
    shutil.copy(seed, target)
    return target


def open_editor(view):
    """The cell editor the view has open (closed editors linger until deleted)."""
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def type_text(widget, text):
    """Key presses carrying any text (QTest.keyClicks only takes ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def type_into_cell(qtbot, view, addr, text):
    """Select a cell and type, as a reviewer does: the first key opens the editor."""
    model = view.model()
    view.setFocus()
    view.setCurrentIndex(model.index_of(addr))
    type_text(view, text[0])
    editor = open_editor(view)
    type_text(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_review_loop_on_seed_001(qtbot, tmp_path):
    report_file = seed_copy(tmp_path)
    window = make_window(qtbot, tmp_path, [report_file])
    document = window.document
    assert document is not None and document.report.value(RECEIVED) == 42
    assert window.findings_model.rowCount() == len(document.findings) == 0  # seed 001 is consistent
    assert window.counts_label.text().startswith("错误 0")
    assert window.encoding_label.text() == "编码：utf-8" and "2021" in window.format_label.text()

    # Type a wrong number: the cell, its dependants and the problem list change at once.
    window.show_table("t3")
    view = window.pages["t3"].view
    model = view.model()
    type_into_cell(qtbot, view, RECEIVED, "40")
    assert document.report.value(RECEIVED) == 40
    index = model.index_of(RECEIVED)
    assert index.data(Role.EDITED) is True and index.data(Role.SEVERITY) == ERROR
    assert "42" in index.data(Qt.ItemDataRole.ToolTipRole)  # the extracted value
    assert model.index_of(("t3", 0, 6)).data(Role.SEVERITY) == ERROR  # the row's 总计 disagrees now
    assert window.findings_model.rowCount() > 0
    assert window.counts_label.text().startswith("错误 ") and not window.counts_label.text().startswith("错误 0")
    assert "修改 1" in window.counts_label.text()
    assert view.currentIndex() != index  # Enter moved down, as in a spreadsheet

    # Undo (Ctrl+Z) puts it back and the findings go away.
    assert window.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    window.act_undo.trigger()
    assert document.report.value(RECEIVED) == 42 and index.data(Role.EDITED) is False
    assert window.findings_model.rowCount() == 0
    window.act_redo.trigger()
    assert document.report.value(RECEIVED) == 40
    window.act_undo.trigger()

    # Refused keys leave the cell alone and say why in the status bar.
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "4")
    editor = open_editor(view)
    qtbot.keyClicks(editor, "x")
    assert editor.text() == "4" and "不能输入" in window.statusBar().currentMessage()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert document.report.value(RECEIVED) == 42

    # Full-width digits are numbers.
    type_into_cell(qtbot, view, ("t3", 24, 0), "５")
    assert document.report.value(("t3", 24, 0)) == 5
    window.act_undo.trigger()
    assert document.report.value(("t3", 24, 0)) == 0

    # Paste a block copied from Excel: one undo step for the whole block.
    steps = document.undo_stack.index()
    QGuiApplication.clipboard().setText("41\t1\r\n")
    view.setCurrentIndex(model.index_of(RECEIVED))
    window.act_paste.trigger()
    assert document.report.value(RECEIVED) == 41 and document.report.value(("t3", 0, 1)) == 1
    assert document.undo_stack.index() == steps + 1
    assert {RECEIVED, ("t3", 0, 1)} <= set(view.selected_addresses())

    # F8 walks the problems: the finding's cells are selected and its text highlighted.
    assert window.act_next_problem.shortcut() == QKeySequence("F8")
    assert window.act_prev_problem.shortcut() == QKeySequence("Shift+F8")
    window.act_next_problem.trigger()
    first = window.problems.currentIndex()
    assert first.row() == 0
    finding = first.data(FINDING_ROLE)
    shown = window.pages[finding.cells[0][0]].view
    assert window.tabs.currentWidget().view is shown
    assert set(map(tuple, finding.cells)) & set(shown.selected_addresses())
    assert window.source.editor.highlighted_text()
    window.act_next_problem.trigger()
    assert window.problems.currentIndex().row() == 1 % window.findings_model.rowCount()
    window.act_prev_problem.trigger()
    assert window.problems.currentIndex().row() == 0

    # 已复核 (it asks first about errors still open: yes)
    window._confirm_reviewed_with_errors = lambda errors: True
    window.act_reviewed.trigger()
    assert document.reviewed and window.queue.entry(str(report_file)).status == REVIEWED_STATUS
    assert window.act_reviewed.isChecked()

    # Close, reopen: the edits, the audit trail and the status are back.
    window.close()
    assert sidecar_path(report_file).exists()
    saved = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    assert {"cell": list(RECEIVED), "extracted": 42, "value": 41}.items() <= saved["corrections"][0].items()
    again = make_window(qtbot, tmp_path, [report_file])
    restored = again.document
    assert restored.report.value(RECEIVED) == 41 and restored.report.value(("t3", 0, 1)) == 1
    assert restored.reviewed and again.act_reviewed.isChecked()
    assert len(restored.report.history) >= 4
    assert "已恢复" in again.message_bar.label.text()
    index = again.pages["t3"].view.model().index_of(RECEIVED)
    assert index.data(Role.EDITED) is True


def test_cell_and_finding_link_to_the_source_text(qtbot, tmp_path):
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path, [report_file])
    report = window.document.report
    view = window.pages["t3"].view
    window.show_table("t3")
    view.setCurrentIndex(view.model().index_of(("t3", 2, 0)))
    cell = report.tables["t3"].cells[2][0]
    assert window.source.editor.highlighted_text() == [report.text[cell.span[0] : cell.span[1]]] == ["12"]
    # A narrative finding selects its cells and highlights its sentence.
    row = next(r for r in range(window.findings_model.rowCount()) if window.findings_model.index(r, 0).data(FINDING_ROLE).kind == "narrative")
    target = window.findings_model.index(row, 1)
    qtbot.mouseClick(window.problems.viewport(), Qt.MouseButton.LeftButton, pos=window.problems.visualRect(target).center())
    finding = window.findings_model.index(row, 0).data(FINDING_ROLE)
    assert report.text[finding.span[0] : finding.span[1]] in window.source.editor.highlighted_text()[0].replace("\u2029", "\n")
    assert set(map(tuple, finding.cells)) <= set(view.selected_addresses())
    # Find in the source (Ctrl+F).
    window.act_find.trigger()
    window.source.find_bar.field.setText("办结66件")
    assert window.source.editor.textCursor().selectedText() == "办结66件"


def test_restore_extracted_value(qtbot, tmp_path):
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path, [report_file])
    document = window.document
    culprit = ("t3", 2, 0)
    document.set_values({culprit: 21})
    assert not any(f.severity == ERROR and culprit in map(tuple, f.cells) for f in document.findings)
    window.show_table("t3")
    window.pages["t3"].view.select_addresses([culprit])
    window.act_restore.trigger()
    assert document.report.value(culprit) == 12 and culprit not in document.report.corrections
    assert window.act_restore.text() == "恢复识别值"


def test_changed_report_text_offers_the_earlier_edits(qtbot, tmp_path):
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path, [report_file])
    window.document.set_values({("t3", 2, 0): 21})
    window.close()
    report_file.write_text(report_file.read_text(encoding="utf-8") + "\n（修订）\n", encoding="utf-8")

    again = make_window(qtbot, tmp_path, [report_file])
    assert again.document.report.value(("t3", 2, 0)) == 12  # not applied silently
    assert again.message_bar.isVisible() and "已改变" in again.message_bar.label.text()
    apply_button = again.message_bar.buttons()[0]
    assert apply_button.text() == "应用上次的修改(&A)"  # Alt+A
    apply_button.click()
    assert again.document.report.value(("t3", 2, 0)) == 21
    again.act_undo.trigger()  # applying is one undoable step
    assert again.document.report.value(("t3", 2, 0)) == 12


def test_corrupt_sidecar_is_reported_and_moved_aside(qtbot, tmp_path):
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    sidecar_path(report_file).write_text("{not json", encoding="utf-8")
    window = make_window(qtbot, tmp_path, [report_file])
    assert window.document is not None and window.message_bar.level == "error"
    assert "已损坏" in window.message_bar.label.text()
    assert list(tmp_path.glob("sample.txt.gkdesk.json.corrupt-*"))


def test_unwritable_sidecar_keeps_edits_and_says_so(qtbot, tmp_path, monkeypatch):
    import gkdesk.sidecar as sidecar_module

    from PySide6.QtWidgets import QMessageBox

    # If this test fails half-way, closing the window must not wait on the "unsaved" question.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path, [report_file])

    def refuse(path, data):
        raise sidecar_module.SidecarWriteError("无法保存修改记录：文件夹不可写。修改仍保留在程序中。")

    real_write = sidecar_module.write_atomic
    monkeypatch.setattr(sidecar_module, "write_atomic", refuse)
    window.document.set_values({("t3", 2, 0): 21})
    qtbot.waitUntil(lambda: window.message_bar.level == "error")
    assert "不可写" in window.message_bar.label.text()
    assert window.document.report.value(("t3", 2, 0)) == 21
    monkeypatch.setattr(sidecar_module, "write_atomic", real_write)
    window.document.set_values({("t3", 2, 1): 4})  # the next save succeeds and clears the warning
    qtbot.waitUntil(lambda: window.message_bar.level != "error")
    window.saver.flush()
    assert sidecar_path(report_file).exists()


def test_open_a_corpus_folder_and_walk_it(qtbot, tmp_path):
    corpus = shared_path("corpus", "gen")
    folder = tmp_path / "batch"
    folder.mkdir()
    names = sorted(p.name for p in corpus.glob("gd0[1-9]__calc-tsv.txt"))
    for name in names:
        shutil.copy(corpus / name, folder / name)
    window = make_window(qtbot, tmp_path)
    assert window.central.currentWidget() is window.welcome
    window.open_paths([str(folder)])
    qtbot.waitUntil(lambda: not window.scanning and window.document is not None, timeout=20000)
    assert [e.name for e in window.queue.entries] == names
    assert all(e.status != UNCHECKED for e in window.queue.entries)
    planted = window.queue.entry(str(folder / "gd05__calc-tsv.txt"))
    assert planted.status == ERRORS and planted.errors > 0
    assert window.queue_dock.isVisible()

    wait_loaded(qtbot, window)
    visited = [window.document.name]
    while window.act_next_report.isEnabled():
        window.act_next_report.trigger()
        wait_loaded(qtbot, window)
        visited.append(window.document.name)
    assert visited == names
    window.act_prev_report.trigger()
    wait_loaded(qtbot, window)
    assert window.document.name == names[-2]


def test_drop_files_onto_the_window(qtbot, tmp_path):
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report_file))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document.name == "sample.txt"
    assert str(report_file.resolve()) in window.settings.recent()


def test_every_menu_action_has_a_shortcut_shown_in_its_tooltip(qtbot, tmp_path):
    from gkdesk.ui.help_dialogs import shortcut_rows

    window = make_window(qtbot, tmp_path)
    missing = []
    for menu_action in window.menuBar().actions():
        stack = list(menu_action.menu().actions())
        while stack:
            action = stack.pop()
            if action.menu() is not None:
                if action.menu() is not window.recent_menu:
                    stack += action.menu().actions()
                continue
            if action.isSeparator():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if not keys or keys not in action.toolTip():
                missing.append(action.text())
    assert missing == []
    assert len(shortcut_rows(window)) >= 25


def test_pyside_singleton_leak_is_guarded(qtbot, tmp_path):
    """PySide6 6.12 on Python 3.11 drops a reference to None/True on void calls and emits; the
    window must survive a long session either way (gkdesk.ui.pyside_guard)."""
    import sys

    from gkdesk.ui import pyside_guard

    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path, [report_file])
    leaking = sys.version_info < (3, 12) and pyside_guard.leaks_singleton_references()
    assert pyside_guard.protected == leaking
    before = sys.getrefcount(None)
    for table_id in ("t2", "t3", "t4", "t3"):
        window.show_table(table_id)
        for _ in range(5):
            window.grab()
    window.go_to_problem(+1)
    if pyside_guard.protected:
        assert min(sys.getrefcount(o) for o in (None, True, False)) > 1 << 39
    else:
        assert before - sys.getrefcount(None) < 50


def test_export_excel_and_summary_in_the_background(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    pytest.importorskip("openpyxl")
    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    window = make_window(qtbot, tmp_path, [report_file])
    window.document.set_values({("t3", 2, 0): 21})
    target = tmp_path / "out" / "sample.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.act_export.trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=20000)
    from gkdesk.export import import_workbook

    assert import_workbook(target).value(("t3", 2, 0)) == 21  # the reviewer's correction is exported

    # Exporting again over the same file asks first; "No" leaves the file alone.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    before = target.stat().st_mtime_ns
    window.act_export.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    qtbot.waitUntil(lambda: "未导出" in window.statusBar().currentMessage(), timeout=20000)
    assert target.stat().st_mtime_ns == before

    summary = tmp_path / "out" / "summary.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(summary), ""))
    window.act_export_summary.trigger()
    qtbot.waitUntil(summary.exists, timeout=20000)


KILLED_SESSION = """
import os, signal, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from gkdesk.ui.app import build_window, create_application
from gkdesk.ui.settings import Settings
app = create_application()
window = build_window([sys.argv[1]], Settings.at(sys.argv[2]))
window.show()
window.document.set_values({("t3", 2, 0): 21})
window.document.set_values({("t4", 0, 0): 2})
window._confirm_reviewed_with_errors = lambda errors: True  # 已复核 asks about errors still open: yes
window.act_reviewed.trigger()
end = time.time() + 0.5  # a moment of reviewer time passes; nobody closes or flushes anything
while time.time() < end:
    app.processEvents()
    time.sleep(0.01)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="needs SIGKILL")
def test_killing_the_program_mid_session_loses_nothing(qtbot, tmp_path):
    import subprocess
    import sys

    report_file = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report_file)
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_SESSION, str(report_file), str(tmp_path / "killed.ini")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == -9, proc.stderr
    window = make_window(qtbot, tmp_path, [report_file])
    report = window.document.report
    assert report.value(("t3", 2, 0)) == 21 and report.value(("t4", 0, 0)) == 2
    assert window.document.reviewed
    assert [c.addr for c in report.history] == [("t3", 2, 0), ("t4", 0, 0)]


def test_sample_opens_from_a_writable_copy(qtbot, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from gkdesk.ui.app import _parse_args

    QStandardPaths.setTestModeEnabled(True)  # app data goes to a test folder
    try:
        window = make_window(qtbot, tmp_path)
        window.act_open_sample.trigger()
        wait_loaded(qtbot, window)
        document = window.document
        assert document is not None and document.report.agency == "示例区数据局"
        assert not document.path.startswith(str(ROOT / "resources"))
        document.set_values({("t3", 2, 0): 21})
        window.saver.flush()
        assert not list((ROOT / "resources" / "samples").glob("*.gkdesk.json"))
    finally:
        QStandardPaths.setTestModeEnabled(False)
    args = _parse_args(["--sample", "--lang", "en", "a.txt"])
    assert args.sample and args.lang == "en" and args.paths == ["a.txt"]


def test_two_folders_at_once_and_cancel(qtbot, tmp_path):
    corpus = shared_path("corpus", "gen")
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, pattern in ((first, "gd0[1-3]__calc-tsv.txt"), (second, "gd0[4-5]__calc-tsv.txt")):
        folder.mkdir()
        for p in corpus.glob(pattern):
            shutil.copy(p, folder / p.name)
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(first)])
    window.open_paths([str(second)])  # while the first still loads
    qtbot.waitUntil(lambda: not window.scanning and len(window.queue.entries) == 5, timeout=20000)
    assert not window.progress.isVisible()

    window.open_paths([str(corpus)])  # 150+ reports, read-only: nothing is written there
    assert window.progress.isVisible() and window.cancel_scan_button.isVisible()
    window.cancel_scan_button.click()
    qtbot.waitUntil(lambda: not window.scanning, timeout=20000)
    assert not window.progress.isVisible()
    assert "已取消" in window.statusBar().currentMessage() and len(window.queue.entries) == 5
