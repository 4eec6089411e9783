"""The grid of one table: merged cells like the form, keyboard editing, paste, finding marks."""
from __future__ import annotations

import math

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPen, QPolygonF, QTextLayout, QTextOption, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from ..form_layout import LABEL, VALUE
from ..schema import ValueKind
from .cell_input import ACCEPTABLE, INTERMEDIATE, input_state, parse_input
from .names import cell_name
from .paste import parse_block, plan_paste
from .table_model import FormTableModel, Palette


class CellValidator(QValidator):
    """Refuses keystrokes a cell cannot take and says why."""

    refused = Signal(str)

    def __init__(self, kind: ValueKind, parent=None):
        super().__init__(parent)
        self.kind = kind

    def validate(self, text: str, pos: int):
        state, message = input_state(text, self.kind)
        if state == ACCEPTABLE:
            return QValidator.State.Acceptable, text, pos
        if state == INTERMEDIATE:
            return QValidator.State.Intermediate, text, pos
        self.refused.emit(message)
        return QValidator.State.Invalid, text, pos


class CellDelegate(QStyledItemDelegate):
    """Edits numbers with validation and paints the finding marks of a cell."""

    message = Signal(str)  # for the status bar

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model = index.model()
        validator = CellValidator(model.value_kind(model.address(index)), editor)
        validator.refused.connect(self.message)
        editor.setValidator(validator)
        return editor

    def setEditorData(self, editor: QLineEdit, index) -> None:
        editor.setText(index.model().text_at(index.row(), index.column()))

    def setModelData(self, editor: QLineEdit, model, index) -> None:
        parsed = parse_input(editor.text(), model.value_kind(model.address(index)))
        if not parsed.ok:
            self.message.emit(parsed.error)
            return
        model.setData(index, parsed.value, Qt.ItemDataRole.EditRole)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        """Paint from the model's CellLook: background, text, then the finding marks."""
        look = index.model().look(index)
        if look is None:
            return
        rect = option.rect
        painter.save()
        painter.fillRect(rect, look.background)
        if look.blank:  # no number in the document: hatched, counts as 0 in sums
            painter.fillRect(rect, QBrush(_HATCH, Qt.BrushStyle.BDiagPattern))
        font = option.font
        if look.bold or look.inferred:
            font = QFont(font)
            font.setBold(look.bold)
            font.setItalic(look.inferred)
        painter.setFont(font)
        painter.setPen(look.foreground)
        if look.kind == VALUE:
            painter.drawText(rect.adjusted(5, 1, -5, -1), look.alignment, look.text)
        else:  # words wrap; a word longer than a narrowed column breaks anywhere, never cut
            option = QTextOption(Qt.AlignmentFlag(look.alignment))
            option.setWrapMode(_WRAP)
            painter.drawText(QRectF(rect.adjusted(5, 1, -5, -1)), look.text, option)
        if look.kind == VALUE:
            self._paint_marks(painter, rect, look, bool(option.state & QStyle.StateFlag.State_Selected), option)
        painter.restore()

    @staticmethod
    def _paint_marks(painter: QPainter, rect, look, selected: bool, option) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if look.edited:  # a corner mark, as spreadsheets mark comments
            corner = QPolygonF([QPointF(rect.right() - 8, rect.top()), QPointF(rect.right() + 1, rect.top()), QPointF(rect.right() + 1, rect.top() + 9)])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(Palette.EDITED)
            painter.drawPolygon(corner)
        if selected:
            highlight = QColor(option.palette.highlight().color())
            fill = QColor(highlight)
            fill.setAlpha(48)
            painter.fillRect(rect, fill)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(highlight, 1.5))
            painter.drawRect(rect.adjusted(3, 3, -3, -3) if look.culprit else rect.adjusted(1, 1, -1, -1))
        # The likely mistake keeps its red frame even when selected.
        if look.culprit:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(Palette.CULPRIT, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        elif look.ambiguous:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(Palette.CULPRIT, 1.5, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))


_HATCH = QColor(0, 0, 0, 22)
_WRAP = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def wrapped_height(font: QFont, text: str, width: int) -> int:
    """The height of `text` wrapped as CellDelegate paints it, in a column `width` wide."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(_WRAP)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return math.ceil(height)


class FormTableView(QTableView):
    """A table laid out like the official form. Emits the cell the reviewer is on."""

    currentAddressChanged = Signal(object)  # ("t3", r, c) or None
    message = Signal(str)  # for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.itemDelegate().message.connect(self.message)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setStyleSheet("QTableView { gridline-color: #c5ccd6; }")
        self._sizes: dict = {}
        self._natural = None  # (widths, heights) of the form at its natural size
        self._fitted_for = None
        self._wrapped: dict = {}  # row heights of fitted widths
        from .frozen_columns import FrozenColumns

        self.frozen = FrozenColumns(self)  # 总计 pinned in view when even the fitted grid scrolls

    def form_model(self) -> FormTableModel:
        return self.model()

    def setModel(self, model: FormTableModel | None) -> None:
        super().setModel(model)
        self.clearSpans()
        if model is None:
            self.frozen.set_model(None)
            return
        for cell in model.layout.spans():
            self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.frozen.set_model(model)
        self._size_grid(model.layout)
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    def _size_grid(self, layout) -> None:
        """Column widths and row heights: the form's natural sizes computed once per form and
        font, then reused, since they depend on the labels only (values are short numbers).
        Keeps switching reports fast. Then the grid is fitted to the width it has."""
        key = (id(layout), self.font().key())
        cached = self._sizes.get(key)
        if cached is None:
            self._size_columns(layout)
            self.resizeRowsToContents()
            cached = (
                [self.columnWidth(c) for c in range(layout.column_count)],
                [self.rowHeight(r) for r in range(layout.row_count)],
            )
            self._sizes[key] = cached
        self._natural = cached
        self._fitted_for = None
        self._fit_width()

    def natural_width(self) -> int:
        """The width the grid takes unfitted (every column at its natural width)."""
        return sum(self._natural[0]) if self._natural else 0

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_width()
        self.frozen.update()

    def _fit_width(self) -> None:
        """Narrower than the form: the columns shrink together, down to a minimum each (a value
        column keeps room for five digits, label columns wrap their text), so the 总计 columns
        stay in view; wider: the natural sizes. Rows grow as headings wrap."""
        model = self.model()
        if model is None or not self._natural:
            return
        widths, heights = self._natural
        available = self.viewport().width()
        if not self.verticalScrollBar().isVisible():  # room for it, should the wrapped rows need it
            available -= self.verticalScrollBar().sizeHint().width()
        fitted = fitted_widths(widths, self._minimum_widths(model.layout), available)
        if (fitted, available) == self._fitted_for:
            return
        self._fitted_for = (fitted, available)
        for c, width in enumerate(fitted):
            if self.columnWidth(c) != width:
                self.setColumnWidth(c, width)
        if fitted != widths:
            key = (id(model.layout), self.font().key(), tuple(fitted))
            if key not in self._wrapped:  # per form, font and widths: switching reports stays cheap
                self._wrapped[key] = self._wrapped_heights(model.layout, fitted, heights)
            heights = self._wrapped[key]
        for r, height in enumerate(heights):
            if self.rowHeight(r) != height:
                self.setRowHeight(r, height)
        self.frozen.update()

    def _wrapped_heights(self, layout, widths: list[int], natural: list[int]) -> list[int]:
        """Row heights once the texts wrap in narrower columns. A text spanning several rows
        (a group of rows) has their height together and is left out: Qt's own
        resizeRowsToContents would make the group's first row tall for it."""
        bold = QFont(self.font())
        bold.setBold(True)
        heights = list(natural)
        model = self.form_model()
        for cell in layout.cells:
            if cell.rowspan != 1 or not cell.text or cell.kind == VALUE:
                continue
            text = model.text_at(cell.row, cell.col)  # as shown: in the UI language
            width = sum(widths[cell.col : cell.col + cell.colspan]) - 10
            needed = wrapped_height(bold, text, max(width, 8)) + 8
            heights[cell.row] = max(heights[cell.row], needed)
        return heights

    def _minimum_widths(self, layout) -> list[int]:
        """Per column: five digits for a value column, two or six characters for a label column
        (texts wrap at words, and a word too long for its column anywhere: see CellDelegate)."""
        metrics = self.fontMetrics()
        value = metrics.horizontalAdvance("00000") + 12
        char = metrics.horizontalAdvance("国")
        return [
            char * (2 if c < layout.label_columns - 1 else 6) + 12 if c < layout.label_columns else value
            for c in range(layout.column_count)
        ]

    def _size_columns(self, layout) -> None:
        metrics = self.fontMetrics()
        value_width = max(metrics.horizontalAdvance("0000000"), metrics.horizontalAdvance("法律服务") + 12)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(24)
        for c in range(layout.column_count):
            header.resizeSection(c, value_width)
        if layout.label_columns:
            # Label columns: the group columns narrow, the leaf column wide enough for most labels.
            char = metrics.horizontalAdvance("国")
            for c in range(layout.label_columns):
                texts = [cell.text for cell in layout.cells if cell.kind == LABEL and cell.col == c and cell.colspan == 1]
                longest = max((len(t) for t in texts), default=4)
                if c < layout.label_columns - 1:
                    width = char * min(longest, 7) + 16 if longest <= 7 else char * 5 + 16
                else:
                    width = char * min(max(longest, 8), 16) + 16
                header.resizeSection(c, width)

    # ------------------------------------------------------------ navigation
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.currentAddressChanged.emit(self.form_model().address(current) if current.isValid() else None)

    def go_to(self, addr) -> None:
        index = self.form_model().index_of(addr)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def select_addresses(self, addrs) -> None:
        """Select these cells; the first becomes current."""
        model = self.form_model()
        selection = QItemSelection()
        for addr in addrs:
            index = model.index_of(addr)
            selection.select(index, index)
        sm = self.selectionModel()
        if addrs:
            first = model.index_of(addrs[0])
            sm.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def selected_addresses(self) -> list:
        model = self.form_model()
        out = [model.address(i) for i in self.selectionModel().selectedIndexes()]
        return sorted({a for a in out if a is not None}, key=lambda a: model.layout.position(a))

    def _next_value_below(self, index: QModelIndex) -> QModelIndex:
        model = self.form_model()
        for row in range(index.row() + 1, model.rowCount()):
            candidate = model.index(row, index.column())
            if model.address(candidate) is not None:
                return candidate
        return index

    # ------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_selected()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid():
                self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        # Enter after typing moves down to the next number, as in a spreadsheet.
        moved_down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if moved_down else hint)
        if moved_down:
            nxt = self._next_value_below(self.currentIndex())
            self.setCurrentIndex(nxt)

    # ------------------------------------------------------------ clipboard
    def copy(self) -> None:
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        model = self.form_model()
        lines = []
        for r in rows:
            lines.append("\t".join(model.text_at(r, c) if (r, c) in chosen else "" for c in cols))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        start = self.currentIndex()
        if not text or not start.isValid():
            return
        model = self.form_model()
        report = model.document.report
        plan = plan_paste(model.layout, (start.row(), start.column()), parse_block(text), model.value_kind, lambda a: cell_name(report, a))
        if plan.error:
            self.message.emit(plan.error)
            return
        if plan.changes:
            model.document.set_values(plan.changes, self.tr("粘贴 %n 格", "", len(plan.changes)))
            self.select_addresses(sorted(plan.changes, key=lambda a: model.layout.position(a)))
        if plan.skipped:
            self.message.emit(self.tr("已粘贴 %1 格；%2 个数值落在表格的数字格之外，未粘贴。").replace("%1", str(len(plan.changes))).replace("%2", str(plan.skipped)))
        elif plan.changes:
            self.message.emit(self.tr("已粘贴 %n 格。", "", len(plan.changes)))

    def clear_selected(self) -> None:
        addrs = self.selected_addresses()
        if addrs:
            self.form_model().document.set_values({a: None for a in addrs}, self.tr("清空 %n 格", "", len(addrs)))


def fitted_widths(natural: list[int], minimum: list[int], available: int) -> list[int]:
    """Column widths summing to at most `available`: each column gives up the same share of
    what it has above its minimum; never below the minimum (then the grid scrolls), never
    above its natural width."""
    total = sum(natural)
    if total <= available:
        return list(natural)
    slack = [max(0, n - m) for n, m in zip(natural, minimum)]
    room = sum(slack)
    if room == 0:
        return list(natural)
    share = min(1.0, (total - available) / room)
    widths = [n - int(s * share + 0.999) for n, s in zip(natural, slack)]
    return [max(w, min(m, n)) for w, m, n in zip(widths, minimum, natural)]
