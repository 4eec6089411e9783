"""The window's panes that are widgets of their own: a table's tab and the problems list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView, QVBoxLayout, QWidget

from ..schema import table_spec
from .document import ReviewDocument
from .names import schema_text
from .resources import sample_working_copy
from .table_model import FormTableModel
from .table_view import FormTableView


class TablePage(QWidget):
    """One tab: the table's official title, then its grid (or why there is none)."""

    def __init__(self, table_id: str, parent=None):
        super().__init__(parent)
        self.table_id = table_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; padding: 2px 0 4px 0;")
        self.stack = QStackedWidget(self)
        self.view = FormTableView(self)
        self.missing = QLabel(self)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missing.setWordWrap(True)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.missing)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.model: FormTableModel | None = None

    def show_document(self, document: ReviewDocument | None) -> None:
        table = document.report.tables.get(self.table_id) if document else None
        spec = table.spec if table is not None else None
        if spec is None:
            version = (document.report.format if document else None) or "2021"
            spec = table_spec(version, self.table_id)
        version_text = self.tr("%1年格式").replace("%1", spec.version) if spec.version else ""
        title = f"{schema_text(spec.number)}  {schema_text(spec.title)}"
        self.title.setText(self.tr("%1　（%2）").replace("%1", title).replace("%2", version_text) if version_text else title)
        old = self.model
        if table is None:
            self.model = None
            self.view.setModel(None)
            self.missing.setText(self.tr("报告中未找到%1。").replace("%1", schema_text(spec.number)) if document else "")
            self.stack.setCurrentWidget(self.missing)
        else:
            self.model = FormTableModel(document, self.table_id, self)
            self.view.setModel(self.model)
            self.stack.setCurrentWidget(self.view)
        if old is not None:
            old.deleteLater()


def sample_copy() -> Path | None:
    """The sample report in the user's data folder (see resources.sample_working_copy)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return sample_working_copy(Path(folder) / "samples") if folder else None


class ProblemsView(QTableView):
    """The problems list. `navigated` fires only when the reviewer moves in it (keys or mouse),
    not when a re-check resets it or focus arrives, so the tables never jump on their own."""

    navigated = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        before = self.currentIndex()
        super().keyPressEvent(event)
        if self.currentIndex().isValid() and self.currentIndex() != before:
            self.navigated.emit(self.currentIndex())
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.navigated.emit(self.currentIndex())

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.navigated.emit(index)
