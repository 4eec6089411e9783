"""The report list pane: agency, year, error / warning counts and status of every report in the
session, sortable by any column (a third click restores the order of opening) and filtered by
the words typed and a status."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from .i18n import translate
from .queue_model import AGENCY_COLUMN, ERRORS_COLUMN, NAME_COLUMN, PATH_ROLE, WARNINGS_COLUMN, YEAR_COLUMN, QueueFilterModel, QueueModel, status_label
from .worklist import STATUSES


class ReportList(QWidget):
    def __init__(self, queue: QueueModel, parent=None):
        super().__init__(parent)
        self.queue = queue
        self.proxy = QueueFilterModel(self)
        self.proxy.setSourceModel(queue)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        row = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("ReportList", "筛选：单位、年度、文件名…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(translate("ReportList", "全部状态"), "")
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.status_filter.currentData() or ""))
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.status_filter)
        layout.addLayout(row)

        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setSortIndicatorClearable(True)  # a third click: the order the reports were opened in
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        header.setStretchLastSection(True)
        # Fixed starting widths (the reviewer may drag them): ResizeToContents would measure
        # every row at every change, slow with a folder of a thousand reports.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        for column, sample in (
            (NAME_COLUMN, "示例报告文件名.txt"), (AGENCY_COLUMN, "某某区政务服务数据局"), (YEAR_COLUMN, "2024"),
            (ERRORS_COLUMN, translate("QueueModel", "错误")), (WARNINGS_COLUMN, translate("QueueModel", "警告")),
        ):
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance("8888")) + 28)
        layout.addWidget(self.view, 1)

    def select(self, path: str) -> None:
        """Make the report current in the list (if the filter shows it)."""
        row = self.queue.row_of(path)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.queue.index(row, 0))
        if index.isValid():
            self.view.setCurrentIndex(index)

    def shown_row(self, path: str) -> int:
        """The row at which the list shows a report, -1 when it is not shown (filtered out or
        not in the queue)."""
        row = self.queue.row_of(path)
        if row < 0:
            return -1
        index = self.proxy.mapFromSource(self.queue.index(row, 0))
        return index.row() if index.isValid() else -1

    def shown_count(self) -> int:
        return self.proxy.rowCount()

    def current_path(self) -> str:
        index: QModelIndex = self.view.currentIndex()
        return index.data(PATH_ROLE) if index.isValid() else ""

    def paths(self) -> list[str]:
        """The reports in the order shown (sorted and filtered)."""
        return self.proxy.paths()
