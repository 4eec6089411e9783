"""The grid fits the width it has (issue 14, item 9): at 1440×900 with the report list open,
表三's 总计 and 表四's last column (复议后起诉·总计) are in view, no horizontal scrolling."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

from hypothesis import given, settings, strategies as st

from conftest import ROOT
from window_support import make_window

from gkdesk.ui.table_view import fitted_widths

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(10, 300), st.integers(0, 200)), min_size=1, max_size=30), st.integers(0, 5000))
def test_fitted_widths_stay_between_minimum_and_natural_and_fit_when_they_can(columns, available):
    natural = [n for n, _ in columns]
    minimum = [min(m, n) for n, m in columns]
    widths = fitted_widths(natural, minimum, available)
    assert len(widths) == len(natural)
    assert all(m <= w <= n for w, m, n in zip(widths, minimum, natural))
    if sum(natural) <= available:
        assert widths == natural
    elif sum(minimum) <= available:
        assert sum(widths) <= available
    else:
        assert widths == minimum


def right_edge(view):
    last = view.model().columnCount() - 1
    return view.columnViewportPosition(last) + view.columnWidth(last)


def test_total_columns_in_view_at_1440_by_900_with_the_report_list_open(qtbot, tmp_path):
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    window = make_window(qtbot, tmp_path, [tmp_path / SAMPLE.name], size=(1440, 900))
    qtbot.waitUntil(lambda: window.document is not None and not window.loading, timeout=20_000)
    window.queue_dock.show()
    for table in ("t3", "t4"):
        window.show_table(table)
        view = window.pages[table].view
        qtbot.waitUntil(lambda: right_edge(view) <= view.viewport().width(), timeout=5000)
        assert view.natural_width() > view.viewport().width()  # the form had to be fitted
        assert view.horizontalScrollBar().maximum() == 0
    # Wide again: the natural sizes come back.
    window.queue_dock.hide()
    window.splitter.setSizes([200, 2000])
    view = window.pages["t3"].view
    window.show_table("t3")
    qtbot.waitUntil(lambda: sum(view.columnWidth(c) for c in range(view.model().columnCount())) == view.natural_width(), timeout=5000)


def test_english_headings_wrap_inside_their_cells_and_the_totals_stay_in_view(qtbot, tmp_path):
    """English words are long: a heading wraps at words and, in a narrowed column, inside a
    word, so no text is cut and the grid still fits (the rows grow instead)."""
    from gkdesk.ui import i18n
    from gkdesk.ui.app import build_window, create_application
    from gkdesk.ui.settings import Settings
    from gkdesk.ui.table_view import wrapped_height
    from PySide6.QtGui import QFont

    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    create_application()
    try:
        window = build_window([str(tmp_path / SAMPLE.name)], Settings.at(tmp_path / "s.ini"), language="en")
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        qtbot.waitUntil(lambda: window.document is not None and not window.loading, timeout=20_000)
        window.queue_dock.show()
        for table in ("t3", "t4"):
            window.show_table(table)
            view = window.pages[table].view
            qtbot.waitUntil(lambda: right_edge(view) <= view.viewport().width(), timeout=5000)
            model = view.model()
            bold = QFont(view.font())
            bold.setBold(True)
            for cell in model.layout.cells:
                if cell.rowspan == 1 and cell.text and cell.kind != "value":
                    width = sum(view.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 10
                    assert wrapped_height(bold, model.text_at(cell.row, cell.col), width) <= view.rowHeight(cell.row), model.text_at(cell.row, cell.col)
    finally:
        i18n.install_language("zh_CN")


def test_when_even_the_fitted_grid_scrolls_the_total_column_is_pinned_in_view(qtbot, tmp_path):
    from PySide6.QtCore import QPoint, Qt

    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    window = make_window(qtbot, tmp_path, [tmp_path / SAMPLE.name], size=(1440, 900))
    qtbot.waitUntil(lambda: window.document is not None and not window.loading, timeout=20_000)
    window.queue_dock.show()
    window.show_table("t3")
    view = window.pages["t3"].view
    pinned = view.frozen.pinned
    qtbot.waitUntil(lambda: right_edge(view) <= view.viewport().width(), timeout=5000)
    assert not pinned.isVisible()  # it fits: nothing pinned
    window.view_tools.set_zoom(170, save=False)
    window.splitter.setSizes([700, 470])  # a wide source pane: the grid cannot fit even shrunk
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0 and pinned.isVisible(), timeout=5000)
    total = view.model().columnCount() - 1
    viewport = view.viewport().geometry()
    assert pinned.geometry().right() == viewport.right() and pinned.columnWidth(total) == view.columnWidth(total)
    row = view.model().index_of(("t3", 0, 6)).row()  # 一、本年新收·总计
    index = pinned.model().index(row, total)
    assert pinned.model() is view.model() and index.data() == view.model().index(row, total).data()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert pinned.verticalScrollBar().value() == view.verticalScrollBar().value()  # rows scroll together
    view.verticalScrollBar().setValue(0)
    rect = pinned.visualRect(index)
    qtbot.mouseClick(pinned.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.form_model().address(view.currentIndex()) == ("t3", 0, 6) and window.focusWidget() is view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    window.view_tools.set_zoom(100, save=False)
    qtbot.waitUntil(lambda: not pinned.isVisible(), timeout=5000)
