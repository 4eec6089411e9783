"""The batch summary: one row per report, and district totals equal to the sum of the truths."""
from __future__ import annotations

import openpyxl
import pytest

from gkdesk.export import export_summary
from gkdesk.form_layout import form_layout
from gkdesk.export.summary import DATA_SHEET, FIXED_COLUMNS, HEADER_ROWS, TOTAL_SHEETS
from gkdesk.export.totals import table_totals
from gkdesk.schema import row_display, table_spec

from test_export_support import corpus_truths, report_from_values, table_version

FORM_TOP = 4  # title, heading, gap


@pytest.fixture(scope="module")
def corpus_summary(tmp_path_factory):
    truths = corpus_truths()
    if not truths:
        pytest.skip("../shared corpus not available")
    reports = [report_from_values(values, source_path=path) for path, values in truths]
    path = export_summary(reports, tmp_path_factory.mktemp("summary") / "汇总.xlsx", findings=[[] for _ in reports])
    return truths, reports, openpyxl.load_workbook(path)


def _add(a, b):
    if b is None:
        return a
    return b if a is None else a + b


# 2019 表三 row -> 2021 表三 row, written out from the two official forms: rows 0–19 are the
# same; 2019's single （六）其他处理 row has no 2021 counterpart; （七）总计 and 四 move down two.
T3_2019_TO_2021 = {**{r: r for r in range(20)}, 21: 23, 22: 24}


def test_t3_total_is_the_sum_of_the_truths(corpus_summary):
    truths, reports, wb = corpus_summary
    expected = [[None] * 7 for _ in range(25)]
    for _, values in truths:
        mapping = T3_2019_TO_2021 if len(values["t3"]) == 23 else {r: r for r in range(25)}
        for r, row in enumerate(values["t3"]):
            if r in mapping:
                for c, v in enumerate(row):
                    expected[mapping[r]][c] = _add(expected[mapping[r]][c], v)
    ws = wb[TOTAL_SHEETS["t3"]]
    layout = form_layout(table_spec("2021", "t3"))  # most of the corpus is 2021
    for r in range(25):
        for c in range(7):
            slot = layout.slot(("t3", r, c))
            assert ws.cell(FORM_TOP + slot.row, 1 + slot.col).value == expected[r][c], (r, c)
    assert expected[0][6] > 0  # the corpus has applications: the check is not all zeros
    # the 2019 reports are named as left out of the 2021-only rows
    remarks = [ws.cell(r, 1).value or "" for r in range(FORM_TOP + layout.row_count, ws.max_row + 1)]
    n2019 = sum(1 for _, v in truths if len(v["t3"]) == 23)
    left_out = [t for t in remarks if t.startswith("以下行未计入")]
    assert len(left_out) == 1 and f"未计入 {n2019} 份报告" in left_out[0]
    assert "1.申请人无正当理由逾期不补正" in left_out[0]
    assert any("（六）其他处理 在本表中没有对应行" in t for t in remarks)


def test_t4_total_is_the_sum_of_the_truths(corpus_summary):
    truths, _, wb = corpus_summary
    expected = [None] * 15
    for _, values in truths:
        for c, v in enumerate(values["t4"]):
            expected[c] = _add(expected[c], v)
    ws = wb[TOTAL_SHEETS["t4"]]
    row = FORM_TOP + 3  # below the three header rows
    assert [ws.cell(row, 1 + c).value for c in range(15)] == expected


def test_t2_totals_per_format_version(corpus_summary):
    truths, _, wb = corpus_summary
    ws = wb[TOTAL_SHEETS["t2"]]
    for version, name in (("2021", "2021年格式"), ("2019", "2019年试行格式")):
        mine = [v for _, v in truths if v["format"] == version]
        expected = {}
        for values in mine:
            for r, row in enumerate(values["t2"]):
                for c, v in enumerate(row):
                    expected[(r, c)] = _add(expected.get((r, c)), v)
        heading = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(name))
        assert ws.cell(heading, 1).value == f"{name}（{len(mine)}份报告）"
        layout = form_layout(table_spec(version, "t2"))
        for (r, c), value in expected.items():
            slot = layout.slot(("t2", r, c))
            got = ws.cell(heading + 1 + slot.row, 1 + slot.col).value
            assert got == (pytest.approx(value) if isinstance(value, float) else value), (version, r, c)


def test_one_row_per_report_with_official_headers(corpus_summary):
    truths, reports, wb = corpus_summary
    ws = wb[DATA_SHEET]
    assert ws.max_row == HEADER_ROWS + len(truths)
    assert [ws.cell(1, c).value for c in range(1, len(FIXED_COLUMNS) + 1)] == [n for n, _ in FIXED_COLUMNS]
    fixed = len(FIXED_COLUMNS)
    # every cell of both versions has a column, headed table / row / column label
    columns = {}
    table = row_head = None
    for col in range(fixed + 1, ws.max_column + 1):
        table = ws.cell(1, col).value or table
        row_head = ws.cell(2, col).value or row_head
        columns[(table, row_head, ws.cell(3, col).value)] = col
    assert ws.cell(1, fixed + 1).value == "表二 主动公开政府信息情况"
    n_2021 = sum(len(r) for r in [[0] * 3] * 2 + [[0]] * 4)  # 表二 2021: 6 rows, 10 cells
    n_2019 = 3 * 2 + 3 * 4 + 2 + 2  # 表二 2019: 8 rows, 22 cells
    n_t3 = 25 * 7 + 7  # both 表三 versions: 25 rows, plus 2019's single （六）其他处理 row
    assert ws.max_column == fixed + n_2021 + n_2019 + n_t3 + 15
    # each report's row holds its truth under the official labels
    for i, (_, values) in enumerate(truths):
        row = HEADER_ROWS + 1 + i
        assert ws.cell(row, 2).value == values["agency"] and ws.cell(row, 3).value == values["year"]
        for table_id in ("t2", "t3", "t4"):
            spec = table_spec(table_version(table_id, values[table_id], values["format"]), table_id)
            grid = [values["t4"]] if table_id == "t4" else values[table_id]
            head = f"{spec.number} {spec.title}"
            for r, cells in enumerate(grid):
                for c, expected in enumerate(cells):
                    column = spec.row_columns(r)[c]
                    if table_id == "t4":
                        key_row, key_col = "·".join(column.header_path[:-1]), column.header_path[-1]
                    else:
                        key_row, key_col = row_display(spec.rows[r]), column.short or column.label
                    col = next(v for (t, rh, ch), v in columns.items() if t == head and rh.split("（仅")[0] == key_row and ch == key_col)
                    assert ws.cell(row, col).value == expected, (values["agency"], table_id, r, c)


def test_cells_a_report_does_not_have_are_grey_not_blank(corpus_summary):
    truths, _, wb = corpus_summary
    ws = wb[DATA_SHEET]
    i = next(i for i, (_, v) in enumerate(truths) if v["format"] == "2019")
    row = HEADER_ROWS + 1 + i
    first_t2 = len(FIXED_COLUMNS) + 1  # a 2021-only 表二 cell
    assert ws.cell(row, first_t2).value is None
    assert ws.cell(row, first_t2).fill.fgColor.rgb.endswith("D9D9D9")


def test_mixed_formats_and_missing_tables_are_explained(tmp_path):
    from test_export_support import sample_values

    a = report_from_values(sample_values("2021"))
    b = report_from_values(sample_values("2019"))
    c = report_from_values(sample_values("2021") | {"agency": "缺表局", "t3": None})
    totals = table_totals([a, b, c], "t3")[0]
    assert totals.spec.version == "2021" and totals.without_table == [2]
    assert totals.left_out == {20: [1], 21: [1], 22: [1]}
    assert totals.unplaced == {1: ["（六）其他处理"]}
    path = export_summary([a, b, c], tmp_path / "s.xlsx", findings=[[], [], []])
    ws = openpyxl.load_workbook(path)[TOTAL_SHEETS["t3"]]
    texts = [str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value]
    assert any("未识别到表三" in t and "缺表局" in t for t in texts)


def test_amounts_add_as_decimals():
    from test_export_support import sample_values

    values = [sample_values("2021") for _ in range(3)]
    for v, amount in zip(values, (0.1, 0.2, 0.3)):
        v["t2"] = [row[:] for row in v["t2"]]
        v["t2"][5] = [amount]
    total = table_totals([report_from_values(v) for v in values], "t2")[0]
    assert total.value(("t2", 5, 0)) == 0.6  # not 0.6000000000000001
    assert total.value(("t2", 4, 0)) is None  # blank in every report stays blank
