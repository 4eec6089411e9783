"""The problems list: one row per finding (severity, message, where)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..findings import ERROR, WARNING, Finding
from ..schema import TABLE_IDS
from .document import ReviewDocument
from .i18n import translate
from .names import finding_location, finding_text

SEVERITY_COLUMN, MESSAGE_COLUMN, LOCATION_COLUMN = range(3)
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a row
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2

_RANK = {ERROR: 0, WARNING: 1}
_icons: dict[str, QIcon] = {}


def severity_icon(severity: str) -> QIcon:
    """A round badge: red with "!" for errors, amber for warnings (drawn, so no image files)."""
    if severity not in _icons:
        size = 32
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d32f2f") if severity == ERROR else QColor("#f0a500"))
        if severity == ERROR:
            painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
        else:
            painter.drawPolygon([QPointF(size / 2, 2), QPointF(size - 2, size - 3), QPointF(2, size - 3)])
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(20)
        painter.setFont(font)
        painter.drawText(QRectF(0, 3 if severity == WARNING else 0, size, size), Qt.AlignmentFlag.AlignCenter, "!")
        painter.end()
        _icons[severity] = QIcon(pixmap)
    return _icons[severity]


def severity_text(severity: str) -> str:
    return translate("FindingsModel", "错误") if severity == ERROR else translate("FindingsModel", "警告")


def _order_key(finding: Finding):
    if finding.cells:
        t, r, c = finding.cells[0]
        where = (TABLE_IDS.index(t) if t in TABLE_IDS else 9, r, c, 0)
    else:
        where = (-1, 0, 0, finding.span[0] if finding.span else 0)
    return (_RANK.get(finding.severity, 2), where)


class FindingsModel(QAbstractTableModel):
    """Findings of the current report, errors first, then in the form's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReviewDocument | None = None
        self.findings: list[Finding] = []
        self.texts: list[str] = []  # each finding's message in the UI language

    def set_document(self, document: ReviewDocument | None) -> None:
        if self.document is not None:
            self.document.findingsChanged.disconnect(self.refresh)
        self.document = document
        if document is not None:
            document.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.findings = sorted(self.document.findings, key=_order_key) if self.document else []
        self.texts = [finding_text(f) for f in self.findings]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("FindingsModel", "级别"),
                translate("FindingsModel", "问题"),
                translate("FindingsModel", "位置"),
            )[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        col = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == SEVERITY_ROLE:
            return finding.severity
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY_COLUMN:
                return severity_text(finding.severity)
            if col == MESSAGE_COLUMN:
                return self.texts[index.row()]
            return finding_location(self.document.report, finding)
        if role == Qt.ItemDataRole.DecorationRole and col == SEVERITY_COLUMN:
            return severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole and col == MESSAGE_COLUMN:
            return self.texts[index.row()]
        return None

    def row_of(self, finding: Finding) -> int:
        for i, f in enumerate(self.findings):
            if f is finding:
                return i
        key = (finding.rule, [tuple(c) for c in finding.cells], finding.span)
        for i, f in enumerate(self.findings):
            if (f.rule, [tuple(c) for c in f.cells], f.span) == key:
                return i
        return -1
