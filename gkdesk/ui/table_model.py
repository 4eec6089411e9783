"""One official table (表二/表三/表四) as a Qt model laid out like the printed form.

The model's grid is the form's grid (gkdesk.ui.form_layout): header and row-label cells are
part of it, merged through the view's spans. Value cells show the current value and the
findings that name them through the roles below; edits go to the document's undo stack.
"""
from __future__ import annotations

import html
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..findings import ERROR, WARNING
from ..schema import ValueKind
from .cell_input import format_value
from .document import ReviewDocument
from .form_layout import CORNER, GROUP, HEADER, LABEL, VALUE, FormLayout, GridCell, form_layout
from .i18n import translate
from .names import cell_name


class Role(IntEnum):
    """Custom roles: what a cell is and what the findings say about it."""

    ADDRESS = Qt.ItemDataRole.UserRole + 1  # ("t3", row, col) of a value cell, else None
    KIND = Qt.ItemDataRole.UserRole + 2  # CORNER / HEADER / GROUP / LABEL / VALUE
    SEVERITY = Qt.ItemDataRole.UserRole + 3  # "error" / "warning" / None
    CULPRIT = Qt.ItemDataRole.UserRole + 4  # True if a finding names this cell as the likely mistake
    SUGGESTED = Qt.ItemDataRole.UserRole + 5  # the culprit's implied value
    EDITED = Qt.ItemDataRole.UserRole + 6  # the reviewer changed it
    EXTRACTED = Qt.ItemDataRole.UserRole + 7  # the value recognized in the document
    BLANK = Qt.ItemDataRole.UserRole + 8  # no number (counts as 0 in sums)
    VALUE_KIND = Qt.ItemDataRole.UserRole + 9  # schema ValueKind of the column
    VALUE = Qt.ItemDataRole.UserRole + 10  # the current value (number or None)
    AMBIGUOUS = Qt.ItemDataRole.UserRole + 11  # one of several possible single-cell repairs
    MESSAGES = Qt.ItemDataRole.UserRole + 12  # [(severity, message)] of the findings naming it


# Roles that change when a cell's value or its findings change (for dataChanged).
CELL_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    *Role,
]


class Palette:
    """Colours of the grid, chosen to read well for long hours and in print screenshots."""

    ERROR_BG = QColor("#f9d4d2")
    WARNING_BG = QColor("#fde8b0")
    HEADER_BG = QColor("#eef1f5")
    GROUP_BG = QColor("#e2e8f0")
    LABEL_BG = QColor("#f7f8fa")
    CULPRIT = QColor("#c62828")
    EDITED = QColor("#1565c0")
    BLANK_FG = QColor("#8a8f98")
    TEXT = QColor("#1f2328")


class FormTableModel(QAbstractTableModel):
    def __init__(self, document: ReviewDocument, table_id: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.table_id = table_id
        self.table = document.report.tables[table_id]
        self.layout: FormLayout = form_layout(self.table.spec)
        self._bold = QFont()
        self._bold.setBold(True)
        document.cellsChanged.connect(self._on_cells_changed)

    # ------------------------------------------------------------ shape
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.row_count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.column_count

    def grid_cell(self, index: QModelIndex | QPersistentModelIndex) -> GridCell | None:
        cell = self.layout.at(index.row(), index.column())
        if cell is None or (cell.row, cell.col) != (index.row(), index.column()):
            return None  # empty, or covered by a merged cell
        return cell

    def index_of(self, addr) -> QModelIndex:
        row, col = self.layout.position(tuple(addr))
        return self.index(row, col)

    def address(self, index: QModelIndex) -> tuple | None:
        cell = self.grid_cell(index)
        return cell.addr if cell is not None else None

    def value_kind(self, addr) -> ValueKind:
        return self.table.spec.row_columns(addr[1])[addr[2]].kind

    # ------------------------------------------------------------ data
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        cell = self.grid_cell(index)
        if cell is None or cell.kind != VALUE:
            # Not enabled: the keyboard cursor skips labels and headers and lands on numbers.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.grid_cell(index)
        if cell is None:
            return None
        if role == Role.KIND:
            return cell.kind
        if cell.kind == VALUE:
            return self._value_data(cell.addr, role)
        return self._label_data(cell, role)

    def _label_data(self, cell: GridCell, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell.text or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(Palette.GROUP_BG if cell.kind == GROUP else Palette.HEADER_BG if cell.kind in (HEADER, CORNER) else Palette.LABEL_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(Palette.TEXT)
        if role == Qt.ItemDataRole.FontRole and cell.kind in (HEADER, GROUP):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.kind == LABEL or cell.kind == GROUP:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _value_data(self, addr, role: int):
        report = self.document.report
        review = self.document.review
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_value(report.value(addr))
        if role == Role.ADDRESS:
            return addr
        if role == Role.VALUE:
            return report.value(addr)
        if role == Role.EXTRACTED:
            return report.extracted(addr)
        if role == Role.EDITED:
            return review.is_edited(addr)
        if role == Role.BLANK:
            return report.value(addr) is None
        if role == Role.VALUE_KIND:
            return self.value_kind(addr)
        marks = review.marks_of(addr)
        if role == Role.SEVERITY:
            return marks.severity
        if role == Role.CULPRIT:
            return marks.culprit
        if role == Role.SUGGESTED:
            return marks.suggested
        if role == Role.AMBIGUOUS:
            return marks.ambiguous
        if role == Role.MESSAGES:
            return list(marks.messages)
        if role == Qt.ItemDataRole.BackgroundRole:
            if marks.severity == ERROR:
                return QBrush(Palette.ERROR_BG)
            if marks.severity == WARNING:
                return QBrush(Palette.WARNING_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if marks.culprit:
                return QBrush(Palette.CULPRIT)
            return QBrush(Palette.TEXT)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if marks.culprit else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(addr, marks)
        return None

    def _tooltip(self, addr, marks) -> str:
        report = self.document.report
        cell = self.table.cells[addr[1]][addr[2]]
        lines = [f"<b>{html.escape(cell_name(report, addr))}</b>"]
        value = report.value(addr)
        if addr in report.corrections:
            lines.append(translate("FormTableModel", "已修改：识别值 %1，现为 %2").replace("%1", _shown(report.extracted(addr))).replace("%2", _shown(value)))
        elif value is None:
            lines.append(translate("FormTableModel", "空白（文中无数字，合计时按 0 计）"))
        if cell.raw and cell.raw != format_value(cell.value):
            lines.append(translate("FormTableModel", "原文：%1").replace("%1", html.escape(cell.raw)))
        if cell.inferred and cell.note:
            lines.append(translate("FormTableModel", "推定：%1").replace("%1", html.escape(cell.note)))
        if marks.culprit and marks.suggested is not None:
            lines.append(translate("FormTableModel", "<b>可能的错误所在</b>，按勾稽关系应为 %1").replace("%1", _shown(marks.suggested)))
        elif marks.ambiguous:
            lines.append(translate("FormTableModel", "可能的错误所在之一（不唯一）"))
        for severity, message in marks.messages:
            tag = translate("FormTableModel", "错误") if severity == ERROR else translate("FormTableModel", "警告")
            lines.append(f"• [{tag}] {html.escape(message)}")
        return "<br>".join(lines)

    # ------------------------------------------------------------ editing
    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Set a value already parsed by the delegate (a number or None); goes on the undo stack."""
        addr = self.address(index)
        if addr is None or role != Qt.ItemDataRole.EditRole:
            return False
        if value is not None and not isinstance(value, (int, float)):
            return False
        self.document.set_values({addr: value})
        return True

    def _on_cells_changed(self, addrs) -> None:
        for addr in addrs:
            if addr[0] != self.table_id:
                continue
            try:
                index = self.index_of(addr)
            except KeyError:
                continue
            self.dataChanged.emit(index, index, CELL_ROLES)


def _shown(value) -> str:
    return format_value(value) if value is not None else translate("FormTableModel", "空白")
