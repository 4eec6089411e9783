"""The 总计 column kept in view: where even the fitted grid is wider than its pane (a large zoom,
a narrow pane), the form's last column is shown again, pinned to the right edge of the
viewport, over the scrolling grid (the way Qt's frozen-column example pins a first column).

The pinned view shares the grid's model, selection and delegate: a click in it selects the
cell in the grid, which keeps the keyboard; rows scroll together.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

from .table_model import Palette


class FrozenColumns(QObject):
    def __init__(self, view: QTableView, count: int = 1):
        super().__init__(view)
        self.view = view
        self.count = count
        self.pinned = QTableView(view)
        pinned = self.pinned
        pinned.setObjectName("frozenTotals")
        pinned.horizontalHeader().hide()
        pinned.verticalHeader().hide()
        pinned.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pinned.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        pinned.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pinned.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pinned.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        pinned.setSelectionMode(view.selectionMode())
        pinned.setWordWrap(True)
        pinned.setFrameShape(QFrame.Shape.NoFrame)
        # A heading merged from the left has no cell of its own here: the header colour fills it.
        pinned.setStyleSheet(
            f"QTableView {{ gridline-color: #c5ccd6; border-left: 2px solid #8c959f; background: {Palette.HEADER_BG.name()}; }}"
        )
        pinned.hide()
        view.verticalScrollBar().valueChanged.connect(pinned.verticalScrollBar().setValue)
        view.horizontalScrollBar().rangeChanged.connect(lambda *_: self.update())
        view.horizontalScrollBar().valueChanged.connect(lambda *_: self.update())
        pinned.clicked.connect(self._clicked)

    def set_model(self, model) -> None:
        pinned = self.pinned
        pinned.setModel(model)
        pinned.clearSpans()
        if model is None:
            pinned.hide()
            return
        pinned.setItemDelegate(self.view.itemDelegate())
        pinned.setSelectionModel(self.view.selectionModel())
        first = model.columnCount() - self.count
        for c in range(model.columnCount()):
            pinned.setColumnHidden(c, c < first)
        for cell in model.layout.spans():  # only the merges that start in the pinned columns
            if cell.col >= first:
                pinned.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.update()

    def update(self) -> None:
        """Sizes from the grid; shown only while the grid scrolls sideways and hides its last column."""
        view, pinned = self.view, self.pinned
        model = view.model()
        if model is None or pinned.model() is not model:
            pinned.hide()
            return
        columns = range(model.columnCount() - self.count, model.columnCount())
        width = sum(view.columnWidth(c) for c in columns)
        last = columns[-1]
        right = view.columnViewportPosition(last) + view.columnWidth(last)
        if view.horizontalScrollBar().maximum() == 0 or right <= view.viewport().width():
            pinned.hide()
            return
        pinned.setFont(view.font())
        for c in columns:
            pinned.setColumnWidth(c, view.columnWidth(c))
        for r in range(model.rowCount()):
            if pinned.rowHeight(r) != view.rowHeight(r):
                pinned.setRowHeight(r, view.rowHeight(r))
        viewport = view.viewport().geometry()
        pinned.setGeometry(viewport.right() + 1 - width, viewport.top(), width, viewport.height())
        pinned.verticalScrollBar().setValue(view.verticalScrollBar().value())
        pinned.show()
        pinned.raise_()

    def _clicked(self, index) -> None:
        self.view.setCurrentIndex(index)
        self.view.setFocus()
