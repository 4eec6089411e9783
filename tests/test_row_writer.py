"""gkdesk.export.row_writer writes a write-only sheet's rows with the bytes openpyxl writes."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from gkdesk.export import row_writer
from gkdesk.export.cells import put_text, put_value
from gkdesk.export.sheet import cell_rows_sheet

from test_export_support import corpus_truths, report_from_values


def _sheets(build, fast: bool, monkeypatch) -> dict[str, bytes]:
    """Every part of the workbook `build()` makes, written by this writer (fast) or openpyxl's
    own (its WorksheetWriter, given cell objects only)."""
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(row_writer, "available", lambda: False)
            m.setattr(row_writer.RowStringWriter, "write_row", lambda *a: pytest.fail("the row writer was used"))
        out = io.BytesIO()
        build().save(out)
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps")}


def _assert_written_alike(build) -> None:
    """Every part `build()` makes is the same written by this writer as by openpyxl's. (A
    MonkeyPatch of its own: hypothesis runs the test many times in one function-scoped fixture.)"""
    mp = pytest.MonkeyPatch()
    try:
        assert _sheets(build, True, mp) == _sheets(build, False, mp)
    finally:
        mp.undo()


_values = st.one_of(
    st.none(),
    st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from([" lead", "trail ", "a&b<c>\"d'", "x\r\ny\tz", "=1+2", "-3", "", date(2024, 1, 2), datetime(2024, 1, 2, 3, 4)]),
)


@given(st.lists(st.lists(st.tuples(_values, st.integers(0, 3), st.booleans()), max_size=8), max_size=6))
def test_any_row_is_written_as_openpyxl_writes_it(rows):
    from openpyxl.cell import WriteOnlyCell

    fonts = [None, Font(bold=True), Font(name="宋体", size=9), None]

    def build():
        wb = Workbook(write_only=True)
        ws = cell_rows_sheet(wb, "s")
        for r, line in enumerate(rows, start=1):
            if r % 2:
                ws.row_dimensions[r].height = 12.5 + r
            cells = []
            for value, style, as_text in line:
                cell = WriteOnlyCell(ws)
                if fonts[style] is not None:
                    cell.font = fonts[style]
                    cell.alignment = Alignment(wrap_text=True)
                if isinstance(value, (date, datetime)):
                    cell.value = value
                elif as_text and isinstance(value, str):
                    put_text(cell, value)
                else:
                    put_value(cell, value)
                cells.append(cell if value is not None or style else None)
            ws.append(cells)
        return wb

    _assert_written_alike(build)


def test_a_summary_workbook_is_byte_for_byte_openpyxls(monkeypatch):
    from gkdesk.export.summary import build_summary_workbook, summary_rows

    truths = corpus_truths()
    if not truths:
        pytest.skip("../shared corpus not available")
    reports = [report_from_values(values, source_path=path) for path, values in truths[:40]]
    rows = summary_rows(reports, [[] for _ in reports])
    build = lambda: build_summary_workbook(rows, now=datetime(2026, 1, 1))  # noqa: E731
    fast, slow = _sheets(build, True, monkeypatch), _sheets(build, False, monkeypatch)
    assert fast.keys() == slow.keys() and any(n.startswith("xl/worksheets/") for n in fast)
    for name in fast:
        assert fast[name] == slow[name], name


def test_without_lxml_the_sheet_is_written_by_openpyxls_own_writer(monkeypatch):
    """The bundle leaves lxml out: the sheet then takes openpyxl's writer, and its cells are the
    same as the row writer's."""
    from openpyxl import load_workbook

    def build():
        wb = Workbook(write_only=True)
        ws = cell_rows_sheet(wb, "表")
        for r in range(3):
            row = []
            for c in range(4):
                cell = WriteOnlyCell(ws)
                put_value(cell, r * 10 + c if c != 2 else None)
                row.append(cell)
            ws.append(row)
        return wb

    def cells(fast: bool):
        with monkeypatch.context() as m:
            m.setattr(row_writer, "available", lambda: fast)
            if not fast:
                m.setattr(row_writer.RowStringWriter, "write_row",
                          lambda *a: pytest.fail("the row writer was used without lxml"))
            out = io.BytesIO()
            build().save(out)
        out.seek(0)
        return [[c.value for c in row] for row in load_workbook(out).active.iter_rows()]

    assert cells(False) == cells(True) == [[0, 1, None, 3], [10, 11, None, 13], [20, 21, None, 23]]


_run_values = st.one_of(
    st.none(), st.integers(-10**6, 10**6), st.sampled_from([0, 0.0, 1.5, 10**17, float("nan"), float("inf")]),
    st.sampled_from(["文本", "=1+2", ""]),
)


@given(st.lists(st.tuples(st.lists(st.tuples(_run_values, st.integers(0, 3)), max_size=6), st.booleans()), max_size=5))
def test_runs_of_cells_are_written_as_openpyxl_writes_their_cells(rows):
    """StreamingSheetBuilder.values: a run of numbers and blanks written as XML in one piece (a
    string or a non-finite number among them: a cell at a time), a date after it left to
    openpyxl: the same bytes as openpyxl's own writer given a cell a column."""
    from gkdesk.export.sheet import StreamingSheetBuilder, Styles

    def build():
        wb = Workbook(write_only=True)
        ws = cell_rows_sheet(wb, "s")
        styles = Styles()
        kinds = [styles.count, styles.amount, styles.absent, styles.text]
        builder = StreamingSheetBuilder(ws, styles, [8.0] * 10)
        for r, (cells, dated) in enumerate(rows, start=1):
            builder.value(r, 1, f"第{r}行", styles.text)
            builder.values(r, 2, [(value, kinds[k]) for value, k in cells])
            if dated:
                builder.value(r, 2 + len(cells), date(2024, 1, r), styles.text)
            builder.write_rows(r)
        builder.finish()
        return wb

    _assert_written_alike(build)
