"""Two helpers of the window's view: zoom of the grids and the source text (Ctrl + / − / 0,
remembered in QSettings), and 求和 / 计数 of the selected cells in the status bar."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QLabel

from ..numbers import format_number
from .i18n import translate

ZOOM_STEP = 10


def selection_stats(values) -> tuple[int, int | float]:
    """(count, sum) of the numbers among `values`; a blank is not counted (it is not a zero)."""
    numbers = [v for v in values if v is not None]
    total = sum(numbers)
    if isinstance(total, float) and total.is_integer():
        total = int(total)
    return len(numbers), round(total, 6) if isinstance(total, float) else total


class ViewTools(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        A = window._action
        self.act_zoom_in = A(translate("ViewTools", "放大"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], lambda: self.zoom_by(+ZOOM_STEP))
        self.act_zoom_out = A(translate("ViewTools", "缩小"), [QKeySequence.StandardKey.ZoomOut], lambda: self.zoom_by(-ZOOM_STEP))
        self.act_zoom_reset = A(translate("ViewTools", "恢复原始大小"), "Ctrl+0", lambda: self.set_zoom(100))
        self.actions = [self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset]
        self._base_grid = QFont(window.pages["t3"].view.font())
        self._base_source = QFont(window.source.editor.font())
        self.stats_label = QLabel(window)
        window.statusBar().insertPermanentWidget(0, self.stats_label)
        self.stats_label.hide()
        self._watched = []
        self._document = None
        window.documentShown.connect(self._on_document)
        window.tabs.currentChanged.connect(self.update_stats)
        self.zoom = 100
        self.set_zoom(window.settings.zoom, save=False)

    # ------------------------------------------------------------ zoom
    def zoom_by(self, step: int) -> None:
        self.set_zoom(self.zoom + step)

    def set_zoom(self, percent: int, save: bool = True) -> None:
        low, high = self.window.settings.ZOOM_RANGE
        self.zoom = min(max(int(percent), low), high)
        for page in self.window.pages.values():
            view = page.view
            view.setFont(_scaled(self._base_grid, self.zoom))
            if view.model() is not None:
                view._size_grid(view.model().layout)  # sizes are cached per font: each zoom once
        self.window.source.editor.setFont(_scaled(self._base_source, self.zoom))
        if save:
            self.window.settings.zoom = self.zoom
            self.window.show_status(translate("ViewTools", "显示比例 %1%").replace("%1", str(self.zoom)), 2000)

    # ------------------------------------------------------------ 求和 / 计数
    def _on_document(self, _document) -> None:
        for model in self._watched:
            try:
                model.selectionChanged.disconnect(self.update_stats)
            except (RuntimeError, TypeError):
                pass
        self._watched = []
        for page in self.window.pages.values():
            if page.view.model() is not None:
                selection = page.view.selectionModel()
                selection.selectionChanged.connect(self.update_stats)
                self._watched.append(selection)
        if self._document is not None and self._document is not _document:
            try:
                self._document.cellsChanged.disconnect(self.update_stats)
            except (RuntimeError, TypeError):
                pass
        if _document is not None and _document is not self._document:
            _document.cellsChanged.connect(self.update_stats)
        self._document = _document
        self.update_stats()

    def update_stats(self, *_args) -> None:
        """求和 and 计数 of the selected value cells of the table shown, when more than one is selected."""
        window = self.window
        document = window.document
        page = window.tabs.currentWidget()
        if document is None or page is None or page.view.model() is None:
            self.stats_label.hide()
            return
        addrs = page.view.selected_addresses()
        if len(addrs) < 2:
            self.stats_label.hide()
            return
        count, total = selection_stats(document.report.value(a) for a in addrs)
        self.stats_label.setText(
            translate("ViewTools", "求和：%1  计数：%2").replace("%1", format_number(total) if count else "0").replace("%2", str(count))
        )
        self.stats_label.show()


def _scaled(base: QFont, percent: int) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * percent / 100)
    return font

