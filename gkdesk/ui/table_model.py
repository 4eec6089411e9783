"""One official table (表二/表三/表四) as a Qt model laid out like the printed form.

The model's grid is the form's grid (gkdesk.form_layout): header and row-label cells are
part of it, merged through the view's spans. Value cells show the current value and the
findings that name them through the roles below; edits go to the document's undo stack.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..verification import INFERRED, VERIFIED, cell_state
from ..verification import alternatives as alternatives_of
from ..findings import ERROR, WARNING
from ..form_layout import CORNER, GROUP, HEADER, LABEL, VALUE, FormCell, FormLayout, form_layout
from ..numbers import format_number
from ..schema import ValueKind
from .document import ReviewDocument
from .i18n import translate
from .names import cell_name, finding_text, schema_text, shown_number


class Role(IntEnum):
    """Custom roles: what a cell is and what the findings say about it."""

    ADDRESS = Qt.ItemDataRole.UserRole + 1  # ("t3", row, col) of a value cell, else None
    KIND = Qt.ItemDataRole.UserRole + 2  # CORNER / HEADER / GROUP / LABEL / VALUE
    SEVERITY = Qt.ItemDataRole.UserRole + 3  # "error" / "warning" / "" (never None: see CellLook)
    CULPRIT = Qt.ItemDataRole.UserRole + 4  # True if a finding names this cell as the likely mistake
    SUGGESTED = Qt.ItemDataRole.UserRole + 5  # the culprit's implied value
    EDITED = Qt.ItemDataRole.UserRole + 6  # the reviewer changed it
    EXTRACTED = Qt.ItemDataRole.UserRole + 7  # the value recognized in the document
    BLANK = Qt.ItemDataRole.UserRole + 8  # no number (counts as 0 in sums)
    VALUE_KIND = Qt.ItemDataRole.UserRole + 9  # schema ValueKind of the column
    VALUE = Qt.ItemDataRole.UserRole + 10  # the current value (number or None)
    AMBIGUOUS = Qt.ItemDataRole.UserRole + 11  # one of several possible single-cell repairs
    MESSAGES = Qt.ItemDataRole.UserRole + 12  # [(severity, message in the UI language)] of the findings naming it


# Plain ints for the roles data() is asked for most (enum attribute access costs on every paint).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_KIND = int(Role.KIND)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_VALUE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
# Up to this many changed cells get one dataChanged each (the view repaints just those);
# more get one signal for their bounding rectangle (the view repaints the whole grid, ~10 ms).
_SINGLE_SIGNALS = 64

# Roles that change when a cell's value or its findings change (for dataChanged).
CELL_ROLES = [_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT, *map(int, Role)]


class Palette:
    """Colours of the grid, chosen to read well for long hours and in print screenshots."""

    ERROR_BG = QColor("#f9d4d2")
    WARNING_BG = QColor("#fde8b0")
    VALUE_BG = QColor("#ffffff")
    HEADER_BG = QColor("#eef1f5")
    GROUP_BG = QColor("#e2e8f0")
    LABEL_BG = QColor("#f7f8fa")
    CULPRIT = QColor("#c62828")
    EDITED = QColor("#1565c0")
    BLANK_FG = QColor("#8a8f98")
    TEXT = QColor("#1f2328")


_KIND_BG = {GROUP: Palette.GROUP_BG, HEADER: Palette.HEADER_BG, CORNER: Palette.HEADER_BG, LABEL: Palette.LABEL_BG}


@dataclass(frozen=True)
class CellLook:
    """Everything the delegate paints for one grid cell, read in one Python call.

    The delegate paints from this instead of asking the model role by role: it is several
    times faster, and it avoids reading roles through QModelIndex.data() from Python, which in
    PySide6 6.12 on Python 3.11 drops a reference to None whenever the answer is None.
    """

    kind: str
    text: str
    background: QColor
    foreground: QColor
    bold: bool
    alignment: int
    blank: bool = False
    edited: bool = False
    culprit: bool = False
    ambiguous: bool = False
    inferred: bool = False  # placed by the recognizer's inference, not read directly: shown in italics


class FormTableModel(QAbstractTableModel):
    def __init__(self, document: ReviewDocument, table_id: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.table_id = table_id
        self.table = document.report.tables[table_id]
        self.layout: FormLayout = form_layout(self.table.spec)
        # The form's texts in the UI language (the language is fixed while the program runs).
        self._texts = {(c.row, c.col): schema_text(c.text) for c in self.layout.texts()}
        self._bold = QFont()
        self._bold.setBold(True)
        document.cellsChanged.connect(self._on_cells_changed)

    # ------------------------------------------------------------ shape
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.row_count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.column_count

    def grid_cell(self, index: QModelIndex | QPersistentModelIndex) -> FormCell | None:
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

    def look(self, index: QModelIndex) -> CellLook | None:
        """For the delegate: the cell as painted (None for positions covered by a merge)."""
        cell = self.grid_cell(index)
        if cell is None:
            return None
        if cell.kind != VALUE:
            return CellLook(
                cell.kind, self._texts[(cell.row, cell.col)], _KIND_BG[cell.kind], Palette.TEXT, cell.kind in (HEADER, GROUP),
                _LEFT if cell.kind in (LABEL, GROUP) else _CENTER,
            )
        addr = cell.addr
        value = self.document.report.value(addr)
        marks = self.document.review.marks_of(addr)
        background = Palette.ERROR_BG if marks.severity == ERROR else Palette.WARNING_BG if marks.severity == WARNING else Palette.VALUE_BG
        return CellLook(
            VALUE,
            "—" if value is None else format_number(value),
            background,
            Palette.BLANK_FG if value is None else Palette.CULPRIT if marks.culprit else Palette.TEXT,
            marks.culprit,
            _RIGHT,
            value is None,
            self.document.review.is_edited(addr),
            marks.culprit,
            marks.ambiguous,
            cell_state(self.document.report, addr) == INFERRED,  # verified or corrected: no longer marked
        )

    def text_at(self, row: int, col: int) -> str:
        """The text a grid position shows (for copying), "" where there is none."""
        cell = self.grid_cell(self.index(row, col))
        if cell is None:
            return ""
        if cell.kind != VALUE:
            return self._texts[(cell.row, cell.col)]
        return format_number(self.document.report.value(cell.addr))

    def value_kind(self, addr) -> ValueKind:
        return self.table.spec.row_columns(addr[1])[addr[2]].kind

    # ------------------------------------------------------------ data
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        cell = self.grid_cell(index)
        if cell is None or cell.kind != VALUE:
            # Not enabled: the keyboard cursor skips labels and headers and lands on numbers.
            return _NO_FLAGS
        if self.document.read_only:  # another editor has the report: look, select, copy
            return _VALUE_FLAGS & ~Qt.ItemFlag.ItemIsEditable
        return _VALUE_FLAGS

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        cell = self.grid_cell(index) if index.isValid() else None
        if cell is None:
            return None
        if role == _KIND:
            return cell.kind
        if cell.kind == VALUE:
            return self._value_data(cell.addr, role)
        return self._label_data(cell, role)

    def _label_data(self, cell: FormCell, role: int):
        if role == _DISPLAY or role == _TOOLTIP:
            return self._texts[(cell.row, cell.col)] or None
        if role == _BACKGROUND:
            return QBrush(_KIND_BG[cell.kind])
        if role == _FOREGROUND:
            return QBrush(Palette.TEXT)
        if role == _FONT and cell.kind in (HEADER, GROUP):
            return self._bold
        if role == _ALIGN:
            return _LEFT if cell.kind in (LABEL, GROUP) else _CENTER
        return None

    def _value_data(self, addr, role: int):
        report = self.document.report
        review = self.document.review
        if role == _DISPLAY or role == _EDIT:
            return format_number(report.value(addr))
        if role == _ALIGN:
            return _RIGHT
        if role < Qt.ItemDataRole.UserRole and role not in (_BACKGROUND, _FOREGROUND, _FONT, _TOOLTIP):
            return None
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
            return marks.severity or ""
        if role == Role.CULPRIT:
            return marks.culprit
        if role == Role.SUGGESTED:
            return marks.suggested
        if role == Role.AMBIGUOUS:
            return marks.ambiguous
        if role == Role.MESSAGES:
            return [(f.severity, finding_text(f)) for f in marks.findings]
        if role == _BACKGROUND:
            if marks.severity == ERROR:
                return QBrush(Palette.ERROR_BG)
            if marks.severity == WARNING:
                return QBrush(Palette.WARNING_BG)
            return None
        if role == _FOREGROUND:
            return QBrush(Palette.CULPRIT if marks.culprit else Palette.TEXT)
        if role == _FONT:
            return self._bold if marks.culprit else None
        if role == _TOOLTIP:
            return self._tooltip(addr, marks)
        return None

    def _tooltip(self, addr, marks) -> str:
        report = self.document.report
        cell = self.table.cells[addr[1]][addr[2]]
        lines = [f"<b>{html.escape(cell_name(report, addr))}</b>"]
        value = report.value(addr)
        if addr in report.corrections:
            lines.append(translate("FormTableModel", "已修改：识别值 %1，现为 %2").replace("%1", shown_number(report.extracted(addr))).replace("%2", shown_number(value)))
        elif value is None:
            lines.append(translate("FormTableModel", "空白（文中无数字，合计时按 0 计）"))
        if cell.raw and cell.raw != format_number(cell.value):
            lines.append(translate("FormTableModel", "原文：%1").replace("%1", html.escape(cell.raw)))
        verified = report.verified.get(addr)
        if cell_state(report, addr) == VERIFIED and verified is not None:
            lines.append(translate("FormTableModel", "已核对：%1 于 %2 对照原文确认").replace("%1", html.escape(verified.user)).replace("%2", verified.time))
        elif cell.inferred and cell.note:
            lines.append(translate("FormTableModel", "推定：%1").replace("%1", html.escape(cell.note)))
        alternatives = alternatives_of(report, addr)
        if len(alternatives) > 1 and addr not in report.corrections:
            lines.append(translate("FormTableModel", "候选值：%1").replace("%1", " / ".join(shown_number(v) for v in alternatives)))
        if marks.culprit and marks.suggested is not None:
            lines.append(translate("FormTableModel", "<b>可能的错误所在</b>，按勾稽关系应为 %1").replace("%1", shown_number(marks.suggested)))
        elif marks.ambiguous:
            lines.append(translate("FormTableModel", "可能的错误所在之一（不唯一）"))
        for finding in marks.findings:
            tag = translate("FormTableModel", "错误") if finding.severity == ERROR else translate("FormTableModel", "警告")
            lines.append(f"• [{tag}] {html.escape(finding_text(finding))}")
        return "<br>".join(lines)

    # ------------------------------------------------------------ editing
    def setData(self, index: QModelIndex, value, role: int = _EDIT) -> bool:
        """Set a value already parsed by the delegate (a number or None); goes on the undo stack."""
        addr = self.address(index)
        if addr is None or role != _EDIT:
            return False
        if value is not None and not isinstance(value, (int, float)):
            return False
        self.document.set_values({addr: value})
        return True

    def _on_cells_changed(self, addrs) -> None:
        """Repaint the edited cells and those whose findings changed, with explicit roles.

        Usually each cell gets its own signal, so the view repaints only those cells; a change of
        very many cells gets one signal for the rectangle around them.
        """
        positions = []
        for addr in addrs:
            if addr[0] == self.table_id:
                try:
                    positions.append(self.layout.position(addr))
                except KeyError:
                    continue
        if len(positions) <= _SINGLE_SIGNALS:
            for row, col in positions:
                index = self.index(row, col)
                self.dataChanged.emit(index, index, CELL_ROLES)
        elif positions:
            rows = [p[0] for p in positions]
            cols = [p[1] for p in positions]
            self.dataChanged.emit(self.index(min(rows), min(cols)), self.index(max(rows), max(cols)), CELL_ROLES)
