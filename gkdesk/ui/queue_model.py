"""The work queue as a table model (each report: file, agency, year, counts, status, under
named roles) and the proxy the report list shows it through, sorted and filtered."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, QSortFilterProxyModel, Qt
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


# The columns of the report list.
NAME_COLUMN, AGENCY_COLUMN, YEAR_COLUMN, ERRORS_COLUMN, WARNINGS_COLUMN, STATUS_COLUMN = range(6)
COLUMN_COUNT = 6
AGENCY_ROLE = Qt.ItemDataRole.UserRole + 3
YEAR_ROLE = Qt.ItemDataRole.UserRole + 4  # int or None
ERRORS_ROLE = Qt.ItemDataRole.UserRole + 5
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 7  # what the column sorts by (numbers as numbers)
FILTER_ROLE = Qt.ItemDataRole.UserRole + 8  # the row's words the filter box matches
ROLE_NAMES = {
    PATH_ROLE: b"path", STATUS_ROLE: b"status", AGENCY_ROLE: b"agency", YEAR_ROLE: b"year",
    ERRORS_ROLE: b"errors", WARNINGS_ROLE: b"warnings", SORT_ROLE: b"sortKey", FILTER_ROLE: b"filterText",
}
_ALL_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, *ROLE_NAMES]
# Statuses in the order of what needs the reviewer most (a sort by status puts errors first).
_STATUS_ORDER = {s: i for i, s in enumerate((ERRORS, CHANGED_STATUS, WARNINGS, UNCHECKED, PASSED, REVIEWED_STATUS, UNREADABLE))}


def header_label(column: int) -> str:
    return {
        NAME_COLUMN: translate("QueueModel", "文件"),
        AGENCY_COLUMN: translate("QueueModel", "单位"),
        YEAR_COLUMN: translate("QueueModel", "年度"),
        ERRORS_COLUMN: translate("QueueModel", "错误"),
        WARNINGS_COLUMN: translate("QueueModel", "警告"),
        STATUS_COLUMN: translate("QueueModel", "状态"),
    }.get(column, "")


class QueueModel(QAbstractTableModel):
    """The reports of the session, one row each: file, agency, year, error and warning counts, status."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._row: dict[str, int] = {}

    @staticmethod
    def key(path: str) -> str:
        return str(Path(path).resolve())

    def _key(self, path: str) -> str:
        """key(path), without resolving a path that is a key of the queue already (resolving
        walks the file system: a folder of 500 took ~0.1 s of the GUI thread per pass)."""
        return path if path in self._row else self.key(path)

    def index(self, row: int, column: int = 0, parent=QModelIndex()) -> QModelIndex:
        return super().index(row, column, parent)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def roleNames(self) -> dict:
        return {**super().roleNames(), **ROLE_NAMES}

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_label(section)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        counted = entry.status not in (UNCHECKED, UNREADABLE)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                NAME_COLUMN: entry.name,
                AGENCY_COLUMN: entry.agency,
                YEAR_COLUMN: str(entry.year) if entry.year else "",
                ERRORS_COLUMN: str(entry.errors) if counted else "",
                WARNINGS_COLUMN: str(entry.warnings) if counted else "",
                STATUS_COLUMN: status_label(entry.status),
            }.get(column)
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(entry.status) if column == NAME_COLUMN else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (YEAR_COLUMN, ERRORS_COLUMN, WARNINGS_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.path, status_label(entry.status)]
            if entry.agency or entry.year:
                lines.append(f"{entry.agency} {entry.year or ''}".strip())
            if counted:
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
        if role == AGENCY_ROLE:
            return entry.agency
        if role == YEAR_ROLE:
            return entry.year
        if role == ERRORS_ROLE:
            return entry.errors if counted else None
        if role == WARNINGS_ROLE:
            return entry.warnings if counted else None
        if role == SORT_ROLE:
            return {
                NAME_COLUMN: entry.name.casefold(),
                AGENCY_COLUMN: entry.agency,
                YEAR_COLUMN: entry.year or 0,
                ERRORS_COLUMN: entry.errors if counted else -1,
                WARNINGS_COLUMN: entry.warnings if counted else -1,
                STATUS_COLUMN: _STATUS_ORDER.get(entry.status, len(_STATUS_ORDER)),
            }.get(column)
        if role == FILTER_ROLE:
            return " ".join((entry.name, entry.agency, str(entry.year or ""), status_label(entry.status), entry.status)).casefold()
        return None

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1), _ALL_ROLES)

    # ------------------------------------------------------------ contents
    def add(self, paths: list[str]) -> list[str]:
        """Append reports not yet in the queue; returns the keys of all given paths, in order."""
        keys = [self._key(p) for p in paths]
        self._insert([Entry(k) for k in dict.fromkeys(keys) if k not in self._row])
        return keys

    def _insert(self, entries: list[Entry]) -> None:
        """Append entries (paths are keys, none in the queue yet) with one insert signal."""
        if not entries:
            return
        first = len(self.entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        for entry in entries:
            self._row[entry.path] = len(self.entries)
            self.entries.append(entry)
        self.endInsertRows()

    def update(self, entry: Entry) -> None:
        key = self._key(entry.path)
        row = self._row.get(key)
        if row is None:
            self.add([key])
            row = self._row[key]
        entry.path = key
        self.entries[row] = entry
        self._changed(row, row)

    def update_many(self, entries: list[Entry], keyed: bool = False) -> None:
        """Replace many entries (a folder read): the new ones join with one insert signal (the
        list filters and sorts them once), those already listed change with one change signal.
        `keyed`: the entries' paths are keys already (a scan's are: worklist.report_files)."""
        rows = []
        new: dict[str, Entry] = {}
        for entry in entries:
            entry.path = entry.path if keyed else self._key(entry.path)
            row = self._row.get(entry.path)
            if row is None:
                new[entry.path] = entry
            else:
                self.entries[row] = entry
                rows.append(row)
        if rows:
            self._changed(min(rows), max(rows))
        self._insert(list(new.values()))

    def remove(self, path: str) -> None:
        row = self._row.get(self._key(path))
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.entries[row]
        self._row = {e.path: i for i, e in enumerate(self.entries)}
        self.endRemoveRows()

    def row_of(self, path: str) -> int:
        return self._row.get(self._key(path), -1)

    def entry(self, path: str) -> Entry | None:
        row = self.row_of(path)
        return self.entries[row] if row >= 0 else None

    def paths(self) -> list[str]:
        return [e.path for e in self.entries]


class QueueFilterModel(QSortFilterProxyModel):
    """The report list as shown: sorted by a column's SORT_ROLE, filtered by the words typed
    (every word must occur in the file name, agency, year or status) and by a status."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []
        self._status = ""

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_status(self, status: str) -> None:
        """Only reports of this status (a worklist constant); "" for all."""
        self._refilter(lambda: setattr(self, "_status", status))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._status and not self._words:
            return True  # no filter: a folder of reports joins without asking each row
        source = self.sourceModel()
        index = source.index(row, 0, parent)
        if self._status and index.data(STATUS_ROLE) != self._status:
            return False
        text = index.data(FILTER_ROLE) or ""
        return all(word in text for word in self._words)

    def paths(self) -> list[str]:
        """The reports in the order shown."""
        return [self.index(r, 0).data(PATH_ROLE) for r in range(self.rowCount())]
