"""The reviewer's decisions in the window: confirm or dismiss a finding with a note, accept a
suggested value, and the 审核意见 pane (its text kept in the sidecar, a draft on request).

The decisions themselves are core (gkdesk.decisions); this module only asks and shows.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..decisions import AS_PRINTED, NOT_APPLICABLE, VERIFIED
from .findings_model import DECISION_ROLE, FINDING_ROLE, decision_label
from .i18n import translate

OPINION_SAVE_DELAY_MS = 400  # typing is saved once it pauses (the autosaver coalesces anyway)


def ask_note(window, reason: str, finding_text: str) -> str | None:
    """The reviewer's note for a decision (None: cancelled). A function so tests can answer it."""
    text, ok = QInputDialog.getText(
        window,
        translate("Review", "标记为“%1”").replace("%1", decision_label(reason)),
        translate("Review", "%1\n\n说明（可不填）：").replace("%1", finding_text[:300]),
        QLineEdit.EchoMode.Normal,
        "",
    )
    return text if ok else None


class ReviewActions(QObject):
    """The actions and the opinion pane, added to a MainWindow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        A = window._action
        self.act_verify = A(translate("Review", "问题已核实…"), "Ctrl+Shift+K", lambda: self.decide(VERIFIED), tip=translate("Review", "确认所选问题属实（仍计入错误、警告数）"), scope="document")
        self.act_as_printed = A(translate("Review", "排除：原文如此…"), "Ctrl+Shift+Y", lambda: self.decide(AS_PRINTED), tip=translate("Review", "原文如此：排除所选问题，不再计数"), scope="document")
        self.act_not_applicable = A(translate("Review", "排除：不适用…"), "Ctrl+Shift+N", lambda: self.decide(NOT_APPLICABLE), tip=translate("Review", "不适用：排除所选问题，不再计数"), scope="document")
        self.act_withdraw = A(translate("Review", "撤销对问题的处理"), "Ctrl+Shift+U", lambda: self.decide(None), scope="document")
        self.act_accept = A(translate("Review", "采用建议值"), "Ctrl+Shift+A", self.accept_suggestion, tip=translate("Review", "把所选问题建议的数值填入单元格"), scope="document")
        self.actions = [self.act_verify, self.act_as_printed, self.act_not_applicable, self.act_withdraw, self.act_accept]
        self._build_opinion_pane()
        problems = window.problems
        problems.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        problems.customContextMenuRequested.connect(self._problem_menu)
        window.documentShown.connect(self._show_opinion)

    # ------------------------------------------------------------ which finding
    def selected_finding(self):
        """In a table, the first finding on its current cell (one naming it the culprit first);
        else the finding current in the problems list."""
        window = self.window
        document = window.document
        if document is None:
            return None
        page = window.tabs.currentWidget()
        view = page.view if page is not None and page.model is not None else None
        if view is not None and view.hasFocus() and view.currentIndex().isValid():
            addr = view.form_model().address(view.currentIndex())
            if addr is not None:
                naming = [f for f in document.findings if tuple(addr) in {tuple(c) for c in f.cells}]
                naming.sort(key=lambda f: not (f.culprit is not None and tuple(f.culprit.cell) == tuple(addr)))
                if naming:
                    return naming[0]
        index = window.problems.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    # ------------------------------------------------------------ decisions
    def decide(self, reason: str | None) -> None:
        window = self.window
        document = window.document
        finding = self.selected_finding()
        if document is None or finding is None:
            window.show_status(translate("Review", "请先在问题列表中选择一个问题。"))
            return
        if reason is None:
            if document.decision_of(finding) is None and finding.rule and not _has_key(document, finding):
                window.show_status(translate("Review", "所选问题没有处理记录。"))
                return
            document.decide(finding, None)
            window.show_status(translate("Review", "已撤销对问题的处理。"))
            return
        from .names import finding_text

        note = ask_note(window, reason, finding_text(finding))
        if note is None:
            return
        document.decide(finding, reason, note.strip())
        window.show_status(translate("Review", "问题已标记为“%1”。").replace("%1", decision_label(reason)))

    def accept_suggestion(self) -> None:
        """Put the value the selected finding suggests into its cell (one undoable edit)."""
        window = self.window
        document = window.document
        finding = self.selected_finding()
        if document is None or finding is None:
            window.show_status(translate("Review", "请先在问题列表中选择一个问题。"))
            return
        suggestion = suggested_value(finding)
        if suggestion is None:
            window.show_status(translate("Review", "所选问题没有唯一的建议值。"))
            return
        addr, value = suggestion
        if addr[0] not in document.report.tables:
            return
        if document.set_values({addr: value}, translate("Review", "采用建议值")):
            window.show_status(translate("Review", "已采用建议值 %1。").replace("%1", _number(value)))
        else:
            window.show_status(translate("Review", "单元格已是建议值。"))

    def _problem_menu(self, pos) -> None:
        index = self.window.problems.indexAt(pos)
        if not index.isValid():
            return
        self.window.problems.setCurrentIndex(index)
        menu = QMenu(self.window.problems)
        for action in (self.act_accept, None, self.act_verify, self.act_as_printed, self.act_not_applicable, self.act_withdraw):
            menu.addSeparator() if action is None else menu.addAction(action)
        self.act_withdraw.setEnabled(index.data(DECISION_ROLE) is not None)
        self.act_accept.setEnabled(suggested_value(index.data(FINDING_ROLE)) is not None)
        menu.exec(self.window.problems.viewport().mapToGlobal(pos))
        self.act_withdraw.setEnabled(True)
        self.act_accept.setEnabled(True)

    # ------------------------------------------------------------ 审核意见
    def _build_opinion_pane(self) -> None:
        window = self.window
        pane = QWidget(window)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(4, 4, 4, 4)
        self.opinion_hint = QLabel(translate("Review", "写给报告单位的审核意见，随修改记录自动保存，并导出到工作簿的“审核意见”表。"), pane)
        self.opinion_hint.setWordWrap(True)
        self.opinion_hint.setStyleSheet("color: #57606a;")
        self.opinion_edit = QPlainTextEdit(pane)
        self.opinion_edit.setPlaceholderText(translate("Review", "尚未填写。点击“生成草稿”，按未排除的问题生成一份草稿。"))
        buttons = QHBoxLayout()
        self.draft_button = QPushButton(translate("Review", "生成草稿"), pane)
        self.copy_button = QPushButton(translate("Review", "复制"), pane)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout.addWidget(self.opinion_hint)
        layout.addWidget(self.opinion_edit, 1)
        layout.addLayout(buttons)
        self.opinion_dock = QDockWidget(translate("Review", "审核意见"), window)
        self.opinion_dock.setObjectName("opinionDock")
        self.opinion_dock.setWidget(pane)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.opinion_dock)
        self.opinion_dock.hide()
        self.act_opinion = self.opinion_dock.toggleViewAction()
        self.act_opinion.setText(translate("Review", "审核意见"))
        self.act_opinion.setShortcut("Ctrl+Shift+J")
        self.act_opinion.setToolTip(translate("Review", "审核意见") + " (Ctrl+Shift+J)")
        window.addAction(self.act_opinion)
        self._opinion_of = None  # the document the text box shows
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(OPINION_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.commit_opinion)
        self.opinion_edit.textChanged.connect(self._save_timer.start)
        self.draft_button.clicked.connect(self.insert_draft)
        self.copy_button.clicked.connect(self.copy_opinion)

    def commit_opinion(self) -> None:
        """Give the typed text to its document (also before another report is shown)."""
        self._save_timer.stop()
        if self._opinion_of is not None:
            self._opinion_of.set_opinion(self.opinion_edit.toPlainText())

    def _show_opinion(self, document) -> None:
        if self._opinion_of is not document:
            self.commit_opinion()
        self._opinion_of = document
        self.opinion_edit.blockSignals(True)
        self.opinion_edit.setPlainText(document.report.opinion if document is not None else "")
        self.opinion_edit.blockSignals(False)
        self.opinion_edit.setEnabled(document is not None)

    def insert_draft(self) -> None:
        """Replace the text by a draft from the open findings (Ctrl+Z in the box brings it back)."""
        document = self.window.document
        if document is None:
            return
        cursor = self.opinion_edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(document.draft_opinion())
        self.opinion_edit.setTextCursor(cursor)
        self.commit_opinion()

    def copy_opinion(self) -> None:
        document = self.window.document
        text = self.opinion_edit.toPlainText().strip() or (document.draft_opinion() if document else "")
        QGuiApplication.clipboard().setText(text)
        self.window.show_status(translate("Review", "审核意见已复制到剪贴板。"))


def suggested_value(finding):
    """(cell, value) the finding implies: its likely culprit, else its one expected value."""
    if finding is None:
        return None
    if finding.culprit is not None:
        return tuple(finding.culprit.cell), finding.culprit.value
    if finding.expected is not None and finding.cells and not finding.ambiguous_culprits:
        return tuple(finding.cells[0]), finding.expected
    return None


def _has_key(document, finding) -> bool:
    from ..decisions import fingerprint

    return fingerprint(document.report, finding) in document.report.decisions


def _number(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
