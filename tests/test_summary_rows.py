"""The summary's compact rows and its streaming sheets: the same workbook from less memory."""
from __future__ import annotations

import pickle

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.export.sheet import SheetBuilder, StreamingSheetBuilder, Styles, cell_rows_sheet
from gkdesk.export.summary_rows import summary_row
from gkdesk.findings import ARITHMETIC, ERROR, Finding
from gkdesk.schema import TABLE_IDS

from test_export_support import sample_report


def test_a_summary_row_keeps_the_reviewed_values_and_travels_small():
    report = sample_report("2021")
    report.text = "正文" * 20000  # a report's text goes nowhere near the summary
    addr = next(report.tables["t3"].spec.addresses())
    report.set_value(addr, 12345)
    row = pickle.loads(pickle.dumps(summary_row(report, [])))
    for table_id in TABLE_IDS:
        assert row.tables[table_id].spec is report.tables[table_id].spec  # the schema's own, not a copy
        for a in report.tables[table_id].spec.addresses():
            assert row.value(a) == report.value(a)
    assert row.value(addr) == 12345 and row.corrections == tuple(report.corrections) and addr in row.corrections
    assert row.counts == (0, 0)
    assert len(pickle.dumps(row)) * 10 < len(pickle.dumps(report))


def test_a_summary_row_counts_live_findings_and_keeps_the_broken_rows():
    report = sample_report("2021")
    broken = Finding(rule="t3-sum", kind=ARITHMETIC, severity=ERROR, message="x", cells=[("t3", 4, 1), ("t3", 2, 1)])
    row = summary_row(report, [broken])
    assert row.counts == (1, 0)
    assert row.tables["t3"].broken_rows == (2, 4)
    assert summary_row(report, None).counts is None  # not checked: no counts, not zeros


_texts = st.text(alphabet="汇总表单位甲乙丙 abc=+-\n", max_size=40)
_cells = st.lists(
    st.tuples(st.integers(1, 6), st.integers(1, 5), st.one_of(st.none(), st.integers(-5, 10**9), st.floats(0, 1e6), _texts),
              st.booleans(), st.integers(1, 3)),
    max_size=25,
)


def _sheet_state(ws):
    grid = {(c.row, c.column): (c.value, c.data_type, c.style_id and repr((c.font, c.border, c.alignment, c.number_format, c.quotePrefix)))
            for row in ws.iter_rows() for c in row if c.value is not None or c.has_style}
    heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height is not None}
    return grid, heights, sorted(str(m) for m in ws.merged_cells.ranges)


@settings(max_examples=25, deadline=None)
@given(_cells, st.dictionaries(st.integers(1, 6), st.floats(3, 40), max_size=2))
def test_the_streaming_builder_writes_what_the_ordinary_one_does(tmp_path_factory, cells, fixed):
    """Same calls (texts over several columns, numbers, blanks, formula-like text, fixed row
    heights) give the same cells, styles, heights and merged areas."""
    folder = tmp_path_factory.mktemp("stream")
    widths = [8.0, 12.0, 5.0]
    plain = openpyxl.Workbook()
    builders = [SheetBuilder(plain.active, Styles(), widths)]
    streamed = openpyxl.Workbook(write_only=True)
    builders.append(StreamingSheetBuilder(cell_rows_sheet(streamed, "s"), Styles(), widths))
    taken, placed = set(), []
    for row, col, value, as_text, span in cells:  # areas that do not overlap, as a sheet has them
        area = {(row, c) for c in range(col, col + span)}
        if not area & taken:
            taken |= area
            placed.append((row, col, value, as_text, span))
    for builder in builders:
        styles = builder.styles
        for row, col, value, as_text, span in placed:
            if as_text and isinstance(value, str):
                builder.text(row, col, value, styles.text, cols=span)
            else:
                builder.value(row, col, value, styles.count, cols=span)
        for row, height in fixed.items():
            builder.fix_height(row, height)
        builder.finish()
    plain.save(folder / "plain.xlsx")
    streamed.save(folder / "streamed.xlsx")
    a = openpyxl.load_workbook(folder / "plain.xlsx").active
    b = openpyxl.load_workbook(folder / "streamed.xlsx").active
    assert _sheet_state(a) == _sheet_state(b)
