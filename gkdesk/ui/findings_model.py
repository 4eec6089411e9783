"""The problems list: one row per finding (severity, message, where)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..findings import ERROR, INFO, WARNING, Finding
from ..schema import TABLE_IDS
from .document import ReviewDocument
from .i18n import translate
from .names import finding_location, finding_text

SEVERITY_COLUMN, MESSAGE_COLUMN, LOCATION_COLUMN = range(3)
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a row
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
DECISION_ROLE = Qt.ItemDataRole.UserRole + 3  # the reviewer's Decision on it, or None
DISMISSED_ROLE = Qt.ItemDataRole.UserRole + 4  # bool: dismissed (greyed, out of the counts)
DISMISSED_COLOR = "#8c959f"

_RANK = {ERROR: 0, WARNING: 1}
_icons: dict[str, QIcon] = {}


def severity_icon(severity: str) -> QIcon:
    """A round badge: red with "!" for errors, amber for warnings, blue "i" for information
    (drawn, so no image files)."""
    if severity not in _icons:
        size = 32
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor({ERROR: "#d32f2f", INFO: "#1976d2"}.get(severity, "#f0a500")))
        if severity in (ERROR, INFO):
            painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
        else:
            painter.drawPolygon([QPointF(size / 2, 2), QPointF(size - 2, size - 3), QPointF(2, size - 3)])
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(20)
        painter.setFont(font)
        painter.drawText(QRectF(0, 3 if severity == WARNING else 0, size, size), Qt.AlignmentFlag.AlignCenter, "i" if severity == INFO else "!")
        painter.end()
        _icons[severity] = QIcon(pixmap)
    return _icons[severity]


def severity_text(severity: str) -> str:
    if severity == INFO:
        return translate("FindingsModel", "提示")
    return translate("FindingsModel", "错误") if severity == ERROR else translate("FindingsModel", "警告")


def _order_key(finding: Finding):
    if finding.cells:
        t, r, c = finding.cells[0]
        where = (TABLE_IDS.index(t) if t in TABLE_IDS else 9, r, c, 0)
    else:
        where = (-1, 0, 0, finding.span[0] if finding.span else 0)
    return (_RANK.get(finding.severity, 2), where)


def decision_label(reason: str) -> str:
    """The reason in the UI language (the constants are the Chinese words)."""
    return {
        "已核实": translate("FindingsModel", "已核实"),
        "原文如此": translate("FindingsModel", "原文如此"),
        "不适用": translate("FindingsModel", "不适用"),
    }.get(reason, reason)


def _with_decision(text: str, decision) -> str:
    if decision is None:
        return text
    note = translate("FindingsModel", "：") + decision.note if decision.note else ""
    return f"〔{decision_label(decision.reason)}{note}〕 {text}"


class FindingsModel(QAbstractTableModel):
    """Findings of the current report, errors first, then in the form's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReviewDocument | None = None
        self.findings: list[Finding] = []
        self._texts: list[str | None] = []  # each finding's message in the UI language, once asked for
        self._locations: list[str | None] = []
        self.decisions: list = []  # each finding's Decision (or None)
        # Information findings (statements not checked, "未核对的表述") are listed on request.
        self.show_info = False
        self._listed: tuple = (None, False)  # (document, show_info) of the rows listed

    def set_show_info(self, show: bool) -> None:
        if show != self.show_info:
            self.show_info = show
            self.refresh()

    def info_count(self) -> int:
        return sum(1 for f in self.document.findings if f.severity == INFO) if self.document else 0

    def set_document(self, document: ReviewDocument | None) -> None:
        if self.document is not None:
            self.document.findingsChanged.disconnect(self.refresh)
        self.document = document
        if document is not None:
            document.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        document = self.document
        shown = [f for f in document.findings if self.show_info or f.severity != INFO] if document else []
        findings = sorted(shown, key=_order_key)
        decisions = [document.decision_of(f) for f in findings] if document else []
        # Dismissed findings go last, greyed; the others keep the form's order.
        order = sorted(range(len(findings)), key=lambda i: decisions[i] is not None and decisions[i].dismissed)
        findings = [findings[i] for i in order]
        decisions = [decisions[i] for i in order]
        if (document, self.show_info) == self._listed and findings == self.findings and decisions == self.decisions:
            # The re-check after an edit found the same (most edits): keep the rows, measured
            # and selected as they are; only the objects are the new ones.
            self.findings, self.decisions = findings, decisions
            return
        self.beginResetModel()
        self._listed = (document, self.show_info)
        self.findings, self.decisions = findings, decisions
        # Messages and places are made when a row is first asked for: a file of many reports has
        # hundreds of findings, and the view asks only for the rows it shows or measures.
        self._texts: list[str | None] = [None] * len(self.findings)
        self._locations: list[str | None] = [None] * len(self.findings)
        self.endResetModel()

    def text(self, row: int) -> str:
        """The message of a row in the UI language (with the reviewer's decision)."""
        text = self._texts[row]
        if text is None:
            text = self._texts[row] = _with_decision(finding_text(self.findings[row]), self.decisions[row])
        return text

    def location(self, row: int) -> str:
        location = self._locations[row]
        if location is None:
            document = self.document
            positions = document.text_positions
            line = positions.line_of if positions is not None else None
            location = self._locations[row] = finding_location(document.report, self.findings[row], line)
        return location

    def dismissed_count(self) -> int:
        return sum(1 for d in self.decisions if d is not None and d.dismissed)

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
        decision = self.decisions[index.row()]
        dismissed = decision is not None and decision.dismissed
        col = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == SEVERITY_ROLE:
            return finding.severity
        if role == DECISION_ROLE:
            return decision
        if role == DISMISSED_ROLE:
            return dismissed
        if role == Qt.ItemDataRole.ForegroundRole and dismissed:
            return QColor(DISMISSED_COLOR)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY_COLUMN:
                return severity_text(finding.severity)
            if col == MESSAGE_COLUMN:
                return self.text(index.row())
            return self.location(index.row())
        if role == Qt.ItemDataRole.DecorationRole and col == SEVERITY_COLUMN:
            return severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole and col == MESSAGE_COLUMN:
            return self.text(index.row())
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
