"""Two editors, one report, in the window: the read-only message naming who holds the lock (with
接管编辑 when the lock looks stale), and the question when another editor changed the same cells
since this window read them (gkdesk.review_lock, gkdesk.sidecar_merge: nothing is lost silently)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..numbers import format_number
from ..sidecar_merge import MINE, THEIRS


class TwoEditors:
    """The window's part of one-editor-per-report."""

    def __init__(self, window):
        self.window = window
        self._asking = False

    def show_read_only(self, document) -> bool:
        """The message bar says who has the report; True when the document is read-only."""
        if not document.read_only:
            return False
        holder = document.lock_result.holder
        actions = []
        if holder is not None and holder.stale:
            def take_over() -> None:
                self.take_over(document)

            actions = [(QCoreApplication.translate("TwoEditors", "接管编辑(&T)"), take_over)]
        self.window.message_bar.show_message(document.lock_result.message, "warning", actions)
        return True

    def take_over(self, document) -> None:
        if document.take_over():
            self.window.message_bar.clear()
            self.window.show_status(QCoreApplication.translate("TwoEditors", "已接管编辑，此后的修改会保存。"), 5000)
        else:
            self.show_read_only(document)  # someone took it meanwhile: say who
        self.window._on_document_changed()

    def ask(self, document, conflicts) -> None:
        """Another editor changed the same cells: which edits to keep. Until answered nothing
        of this report is written; both sides' values are shown."""
        if self._asking:
            return  # a later save of the same report failed the same way: one question
        self._asking = True
        try:
            lines = [
                QCoreApplication.translate("TwoEditors", "%1：另一方为 %2，本窗口为 %3")
                .replace("%1", c.label).replace("%2", _shown(c.disk)).replace("%3", _shown(c.mine))
                for c in conflicts[:12]
            ]
            if len(conflicts) > 12:
                lines.append(QCoreApplication.translate("TwoEditors", "……另有 %1 处").replace("%1", str(len(conflicts) - 12)))
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("TwoEditors", "修改冲突"))
            box.setText(QCoreApplication.translate("TwoEditors", "自本窗口读取以来，另一窗口（或另一位审核人）修改了相同的单元格，且数值不同。保留哪一方的修改？"))
            box.setInformativeText("\n".join(lines))
            mine = box.addButton(QCoreApplication.translate("TwoEditors", "保留本窗口的修改(&M)"), QMessageBox.ButtonRole.AcceptRole)
            theirs = box.addButton(QCoreApplication.translate("TwoEditors", "采用另一方的修改(&O)"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(mine)
            box.exec()
            choice = THEIRS if box.clickedButton() is theirs else MINE
            document.resolve_conflicts(conflicts, choice)
            self.window.show_status(
                QCoreApplication.translate("TwoEditors", "已保留本窗口的修改。") if choice == MINE
                else QCoreApplication.translate("TwoEditors", "已采用另一方的修改。"), 5000)
            if not document.save_error and self.window.document is document and self.window.message_bar.level == "error":
                self.window.message_bar.clear()
        finally:
            self._asking = False


def _shown(value) -> str:
    if value is None:
        return QCoreApplication.translate("TwoEditors", "空白")
    if isinstance(value, (int, float)):
        return format_number(value)
    return str(value)
