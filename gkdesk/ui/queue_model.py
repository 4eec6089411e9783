"""The work queue as a list model: each report with its status."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from .i18n import translate
from .worklist import CHANGED_STATUS, ERRORS, PASSED, REVIEWED_STATUS, UNCHECKED, UNREADABLE, WARNINGS, Entry

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status constant (Chinese word, see worklist)

STATUS_COLORS = {
    UNCHECKED: "#9aa3ad",
    ERRORS: "#d32f2f",
    WARNINGS: "#f0a500",
    PASSED: "#2e7d32",
    REVIEWED_STATUS: "#1565c0",
    CHANGED_STATUS: "#7b1fa2",
    UNREADABLE: "#6d4c41",
}
_icons: dict[str, QIcon] = {}


def status_label(status: str) -> str:
    """The status in the UI language (the constants are the Chinese words)."""
    return {
        UNCHECKED: translate("QueueModel", "未复核"),
        ERRORS: translate("QueueModel", "有错误"),
        WARNINGS: translate("QueueModel", "有警告"),
        PASSED: translate("QueueModel", "已通过"),
        REVIEWED_STATUS: translate("QueueModel", "已复核"),
        CHANGED_STATUS: translate("QueueModel", "修改后待复核"),
        UNREADABLE: translate("QueueModel", "无法打开"),
    }.get(status, status)


def status_icon(status: str) -> QIcon:
    if status not in _icons:
        pixmap = QPixmap(24, 24)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLORS.get(status, "#9aa3ad")))
        if status == REVIEWED_STATUS:
            painter.drawRoundedRect(QRectF(3, 3, 18, 18), 4, 4)
            painter.setPen(QColor("white"))
            painter.drawLine(7, 12, 11, 16)
            painter.drawLine(11, 16, 17, 8)
        else:
            painter.drawEllipse(QRectF(5, 5, 14, 14))
        painter.end()
        _icons[status] = QIcon(pixmap)
    return _icons[status]


class QueueModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._row: dict[str, int] = {}

    @staticmethod
    def key(path: str) -> str:
        return str(Path(path).resolve())

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{entry.name}  ·  {status_label(entry.status)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(entry.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.path, status_label(entry.status)]
            if entry.agency or entry.year:
                lines.append(f"{entry.agency} {entry.year or ''}".strip())
            if entry.status not in (UNCHECKED, UNREADABLE):
                lines.append(
                    translate("QueueModel", "错误 %1 · 警告 %2 · 修改 %3")
                    .replace("%1", str(entry.errors))
                    .replace("%2", str(entry.warnings))
                    .replace("%3", str(entry.edits))
                )
            if entry.message:
                lines.append(entry.message)
            return "\n".join(lines)
        if role == PATH_ROLE:
            return entry.path
        if role == STATUS_ROLE:
            return entry.status
        return None

    # ------------------------------------------------------------ contents
    def add(self, paths: list[str]) -> list[str]:
        """Append reports not yet in the queue; returns the keys of all given paths, in order."""
        keys = [self.key(p) for p in paths]
        new = [k for k in dict.fromkeys(keys) if k not in self._row]
        if new:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for k in new:
                self._row[k] = len(self.entries)
                self.entries.append(Entry(k))
            self.endInsertRows()
        return keys

    def update(self, entry: Entry) -> None:
        key = self.key(entry.path)
        row = self._row.get(key)
        if row is None:
            self.add([key])
            row = self._row[key]
        entry.path = key
        self.entries[row] = entry
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, STATUS_ROLE])

    def update_many(self, entries: list[Entry]) -> None:
        """Replace many entries (a folder read) with one change signal."""
        self.add([e.path for e in entries])
        rows = []
        for entry in entries:
            key = self.key(entry.path)
            entry.path = key
            row = self._row[key]
            self.entries[row] = entry
            rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, STATUS_ROLE])

    def remove(self, path: str) -> None:
        row = self._row.get(self.key(path))
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.entries[row]
        self._row = {e.path: i for i, e in enumerate(self.entries)}
        self.endRemoveRows()

    def row_of(self, path: str) -> int:
        return self._row.get(self.key(path), -1)

    def entry(self, path: str) -> Entry | None:
        row = self.row_of(path)
        return self.entries[row] if row >= 0 else None

    def paths(self) -> list[str]:
        return [e.path for e in self.entries]
