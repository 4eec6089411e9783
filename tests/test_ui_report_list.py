"""The report list (issue 14, item 9): agency, year, error / warning counts and status of each
report, sorted by a header click and filtered by the words typed and a status; next report
follows the order shown. Drives the real window offscreen."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

from PySide6.QtCore import Qt

from conftest import shared_path
from window_support import make_window

from gkdesk.ui.queue_model import (
    AGENCY_COLUMN,
    AGENCY_ROLE,
    ERRORS_COLUMN,
    ERRORS_ROLE,
    NAME_COLUMN,
    PATH_ROLE,
    STATUS_ROLE,
    YEAR_COLUMN,
    YEAR_ROLE,
)
from gkdesk.ui.worklist import ERRORS


def open_folder(qtbot, tmp_path, pattern="gd0[1-5]__calc-tsv.txt"):
    folder = tmp_path / "reports"
    folder.mkdir()
    for p in shared_path("corpus", "gen").glob(pattern):
        shutil.copy(p, folder / p.name)
    window = make_window(qtbot, tmp_path)
    window.open_paths([str(folder)])
    qtbot.waitUntil(lambda: not window.scanning and not window.loading and window.document is not None, timeout=30_000)
    return window


def column(window, col, role=Qt.ItemDataRole.DisplayRole):
    proxy = window.report_list.proxy
    return [proxy.index(r, col).data(role) for r in range(proxy.rowCount())]


def test_the_list_shows_agency_year_counts_and_status(qtbot, tmp_path):
    window = open_folder(qtbot, tmp_path)
    assert window.report_list.proxy.rowCount() == 5
    agencies = column(window, AGENCY_COLUMN)
    assert "洪山区自然资源和规划局" in agencies and "江汉区大数据中心" in agencies
    assert set(column(window, YEAR_COLUMN, YEAR_ROLE)) >= {2023, 2022, 2020}
    for r in range(5):  # every report was read: its counts are numbers, shown as text
        index = window.report_list.proxy.index(r, ERRORS_COLUMN)
        assert index.data(ERRORS_ROLE) is not None and index.data() == str(index.data(ERRORS_ROLE))
    header = [window.report_list.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert header == ["文件", "单位", "年度", "错误", "警告", "状态"]


def test_sorting_by_a_column_and_back_to_the_order_of_opening(qtbot, tmp_path):
    window = open_folder(qtbot, tmp_path)
    opened = column(window, NAME_COLUMN)
    header = window.queue_view.header()
    window.queue_view.sortByColumn(YEAR_COLUMN, Qt.SortOrder.DescendingOrder)
    years = column(window, YEAR_COLUMN, YEAR_ROLE)
    assert years == sorted(years, reverse=True) and len(set(years)) > 1
    window.queue_view.sortByColumn(ERRORS_COLUMN, Qt.SortOrder.DescendingOrder)
    errors = column(window, ERRORS_COLUMN, ERRORS_ROLE)
    assert errors == sorted(errors, reverse=True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the indicator cleared: as opened
    assert column(window, NAME_COLUMN) == opened


def test_filter_box_and_status_filter(qtbot, tmp_path):
    window = open_folder(qtbot, tmp_path)
    rl = window.report_list
    rl.filter_edit.setText("江汉")
    assert column(window, AGENCY_COLUMN) == ["江汉区大数据中心"]
    rl.filter_edit.setText("2023 洪山")  # every word must match
    assert column(window, AGENCY_COLUMN) == ["洪山区自然资源和规划局"]
    rl.filter_edit.setText("没有这个单位")
    assert rl.proxy.rowCount() == 0
    rl.filter_edit.clear()
    assert rl.proxy.rowCount() == 5
    rl.status_filter.setCurrentIndex(rl.status_filter.findData(ERRORS))
    statuses = column(window, 0, STATUS_ROLE)
    expected = sum(1 for e in window.queue.entries if e.status == ERRORS)
    assert len(statuses) == expected and set(statuses) <= {ERRORS}
    rl.status_filter.setCurrentIndex(0)
    assert rl.proxy.rowCount() == 5


def test_next_report_follows_the_order_shown(qtbot, tmp_path):
    window = open_folder(qtbot, tmp_path)
    window.queue_view.sortByColumn(AGENCY_COLUMN, Qt.SortOrder.AscendingOrder)
    order = column(window, 0, PATH_ROLE)
    window.open_document(order[0])
    qtbot.waitUntil(lambda: not window.loading and window.document.path == order[0], timeout=20_000)
    assert not window.act_prev_report.isEnabled() and window.act_next_report.isEnabled()
    window.act_next_report.trigger()
    qtbot.waitUntil(lambda: not window.loading and window.document.path == order[1], timeout=20_000)
    # Filtered to one other report, next goes to it although the one shown is not in the list.
    other = window.queue.entry(order[3]).agency
    window.report_list.filter_edit.setText(other)
    assert column(window, 0, PATH_ROLE) == [order[3]]
    window.act_next_report.trigger()
    qtbot.waitUntil(lambda: not window.loading and window.document.path == order[3], timeout=20_000)
    assert not window.act_next_report.isEnabled() and not window.act_prev_report.isEnabled()
