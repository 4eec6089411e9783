"""Verify against the original: the PDF page beside the grid, and a keyboard path through every
uncertain value (inferred, low confidence, left open between alternatives).

The queue and the confirmations are core (gkdesk.verification); this module only shows them:
F9 / Shift+F9 walk the uncertain values across the three tables, Ctrl+K confirms the current
one (an undoable step, recorded with user and time), Ctrl+Shift+P switches the source pane
between the text and the page, and the alternatives the recognizer listed are offered in a
small menu on the cell (Alt+Down).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from ..numbers import format_number
from ..verification import alternatives, cell_state, INFERRED, uncertain_cells, unverify, verify
from .i18n import translate
from .page_view import PageView


class VerifyCommand(QUndoCommand):
    """Confirm the value of one cell as the document's own (undone as one step)."""

    def __init__(self, document, addr, text: str):
        super().__init__(text)
        self.document = document
        self.addr = tuple(addr)
        self.before = document.report.verified.get(self.addr)

    def redo(self) -> None:
        verify(self.document.report, self.addr)
        self._changed()

    def undo(self) -> None:
        if self.before is None:
            unverify(self.document.report, self.addr)
        else:
            self.document.report.verified[self.addr] = self.before
        self._changed()

    def _changed(self) -> None:
        self.document.cellsChanged.emit({self.addr})
        self.document.findingsChanged.emit()  # the status bar counts follow
        self.document.save()


class VerifyActions(QObject):
    """The page view, the uncertain-value queue and its actions, added to a MainWindow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        A = window._action
        self.act_next = A(translate("Verify", "下一个待核对数值"), "F9", lambda: self.go(+1), tip=translate("Verify", "转到下一个推定、把握不大或有候选值的数值"), scope="document")
        self.act_prev = A(translate("Verify", "上一个待核对数值"), "Shift+F9", lambda: self.go(-1), scope="document")
        self.act_confirm = A(translate("Verify", "数值核对无误"), "Ctrl+K", self.confirm_current, tip=translate("Verify", "对照原文确认当前单元格的数值，记入修改记录"), scope="document")
        self.act_alternatives = A(translate("Verify", "候选值…"), "Alt+Down", self.show_alternatives, tip=translate("Verify", "列出识别时的候选值，选一个填入"), scope="document")
        self.act_page = A(translate("Verify", "原文页面 / 文字"), "Ctrl+Shift+P", self.toggle_page, checkable=True, tip=translate("Verify", "在 PDF 原件页面和提取的文字之间切换"))
        self.actions = [self.act_next, self.act_prev, self.act_confirm, self.act_alternatives, self.act_page]

        self.page_view = PageView(window.source)
        self.page_view.hide()
        window.source.layout().insertWidget(0, self.page_view, 1)
        self.page_view.cellClicked.connect(self._select_cell)
        self.count_label = QLabel(window)
        self.count_label.setObjectName("uncertainCount")
        window.statusBar().addPermanentWidget(self.count_label)
        for page in window.pages.values():
            page.view.currentAddressChanged.connect(self._on_cell_current)
        window.documentShown.connect(self._on_document)
        self._document = None

    # ------------------------------------------------------------ document
    def _on_document(self, document) -> None:
        if self._document is not None:
            try:
                self._document.findingsChanged.disconnect(self.update_count)
            except (RuntimeError, TypeError):
                pass
        self._document = document
        if document is not None:
            document.findingsChanged.connect(self.update_count)
        pdf = self._pdf_path(document)
        boxes = []
        if pdf is not None:
            for table in document.report.tables.values():
                for r, row in enumerate(table.cells):
                    for c, cell in enumerate(row):
                        if cell.region is not None:
                            boxes.append((cell.region, (table.id, r, c)))
        self.page_view.set_document(pdf, boxes)
        self.act_page.setEnabled(pdf is not None)
        if pdf is None and self.act_page.isChecked():
            self.act_page.setChecked(False)
        self._show_pane()
        if pdf is not None and boxes:
            self.page_view.show_page(min(b[0][0] for b in boxes))
        self.update_count()

    @staticmethod
    def _pdf_path(document) -> str | None:
        if document is None:
            return None
        path = document.report.source_path
        return path if path and Path(path).suffix.lower() == ".pdf" and Path(path).is_file() else None

    def toggle_page(self) -> None:
        self._show_pane()

    def _show_pane(self) -> None:
        page = self.act_page.isChecked() and self.act_page.isEnabled()
        self.page_view.setVisible(page)
        self.window.source.editor.setVisible(not page)

    @property
    def showing_page(self) -> bool:
        return self.page_view.isVisible()

    # ------------------------------------------------------------ the queue
    def remaining(self) -> list:
        document = self.window.document
        return uncertain_cells(document.report) if document is not None else []

    def update_count(self) -> None:
        n = len(self.remaining()) if self.window.document is not None else 0
        self.count_label.setText(translate("Verify", "待核对 %1 个数值").replace("%1", str(n)) if n else "")

    def current_address(self):
        page = self.window.tabs.currentWidget()
        view = getattr(page, "view", None)
        if view is None or getattr(page, "model", None) is None or not view.currentIndex().isValid():
            return None
        return view.form_model().address(view.currentIndex())

    def go(self, step: int) -> None:
        """The next (or previous) uncertain value after the current cell, across the tables."""
        queue = [u.addr for u in self.remaining()]
        if not queue:
            self.window.show_status(translate("Verify", "没有待核对的数值。"), 4000)
            return
        order = {addr: i for i, addr in enumerate(self._all_addresses())}
        here = self.current_address()
        at = order.get(tuple(here), -1 if step > 0 else len(order)) if here is not None else (-1 if step > 0 else len(order))
        after = [a for a in queue if (order[a] > at if step > 0 else order[a] < at)]
        target = (after[0] if step > 0 else after[-1]) if after else (queue[0] if step > 0 else queue[-1])
        self._select_cell(target)
        uncertain = next(u for u in self.remaining() if u.addr == target)
        self.window.show_status(translate("Verify", "待核对：%1").replace("%1", uncertain.why), 8000)

    def _all_addresses(self):
        return list(self.window.document.report.addresses())

    def _select_cell(self, addr) -> None:
        window = self.window
        table_id = addr[0]
        window.tabs.setCurrentWidget(window.pages[table_id])
        view = window.pages[table_id].view
        view.select_addresses([tuple(addr)])
        view.setFocus()

    def confirm_current(self) -> None:
        document = self.window.document
        addr = self.current_address()
        if document is None or addr is None:
            return
        if document.read_only:
            self.window.show_status(translate("Verify", "报告以只读方式打开，不能记录核对。"), 5000)
            return
        if cell_state(document.report, addr) != INFERRED:
            self.window.show_status(translate("Verify", "这个数值不需要核对（是在原文该处读出或已修改的）。"), 4000)
            return
        document.undo_stack.push(VerifyCommand(document, addr, translate("Verify", "核对数值")))
        self.window.show_status(translate("Verify", "已记录：数值核对无误。"), 3000)
        if self.remaining():
            self.go(+1)

    def show_alternatives(self) -> None:
        document = self.window.document
        addr = self.current_address()
        if document is None or addr is None:
            return
        values = alternatives(document.report, addr)
        if len(values) < 2:
            self.window.show_status(translate("Verify", "识别时没有为这个单元格列出候选值。"), 4000)
            return
        menu = self.alternatives_menu(addr, values)
        view = self.window.pages[addr[0]].view
        rect = view.visualRect(view.currentIndex())
        menu.popup(view.viewport().mapToGlobal(rect.bottomLeft() if rect.isValid() else QPoint(0, 0)))

    def alternatives_menu(self, addr, values) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("alternativesMenu")
        for value in values:
            shown = translate("Verify", "空白") if value is None else format_number(value)
            action = menu.addAction(shown)
            action.triggered.connect(lambda _=False, v=value: self.window.document.set_values({tuple(addr): v}, translate("Verify", "采用候选值")))
        return menu

    # ------------------------------------------------------------ page outline
    def _on_cell_current(self, addr) -> None:
        document = self.window.document
        if document is None or addr is None:
            return
        region = document.report.tables[addr[0]].cells[addr[1]][addr[2]].region
        self.page_view.outline(region)

    # ------------------------------------------------------------ export guard
    def confirm_export(self) -> bool:
        """Before exporting: say how many inferred values are unverified; go on or jump to them."""
        n = len(self.remaining())
        if n == 0:
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Verify", "有待核对的数值"))
        box.setText(translate("Verify", "还有 %1 个推定或把握不大的数值没有对照原文核对。").replace("%1", str(n)))
        go_on = box.addButton(translate("Verify", "仍然导出"), QMessageBox.ButtonRole.AcceptRole)
        jump = box.addButton(translate("Verify", "转到待核对数值"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(jump)
        answer = ask_export(box)
        if answer is go_on:
            return True
        if answer is jump:
            self.go(+1)
        return False


def ask_export(box: QMessageBox):
    """Run the export question; a function so tests can answer it."""
    box.exec()
    return box.clickedButton()
