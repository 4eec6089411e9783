"""A page break inside a table leaves the page's foot and the next page's running head between
two rows ('第 3 页 共 6 页', '- 3 -', 测试区数据局2023年政府信息公开工作年度报告): their digits
are no row's, in the digit-run reading too (tokens.without_page_number_lines): no cell is
read from them."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from report_factory import render, values_for
from test_digit_runs_property import one_line

_FEET = ["第 {n} 页 共 {m} 页", "- {n} -", "第{n}页", "{n}/{m}"]


@settings(max_examples=40, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 50), layout=st.sampled_from(["spaces", "tabs"]),
       row=st.integers(1, 22), foot=st.sampled_from(_FEET + [None]), head=st.booleans(), n=st.integers(2, 9),
       blanks=st.integers(1, 3))
def test_a_page_break_between_rows_gives_no_row_its_digits(version, seed, layout, row, foot, head, n, blanks):
    values = values_for(version, seed)
    spec = table_spec(version, "t3")
    row = row % len(spec.rows)
    # The row before the break leaves its zero cells blank (a layout text's blank cells: the
    # row's values do not fill it, so the digit-run reading is tried as well).
    before = values["t3"][row - 1]
    for c in [c for c, v in enumerate(before) if v == 0][-blanks:]:
        before[c] = None
    year = 2023 if version == "2021" else 2020
    lines = render(version, values, layout, year=year).split("\n")
    at = next(i for i, line in enumerate(lines) if spec.rows[row].label in line)
    inserted = ([foot.format(n=n, m=n + 3)] if foot else []) + ["\f" + (f"测试区数据局{year}年政府信息公开工作年度报告" if head else "")]
    lines[at:at] = inserted
    text = "\n".join(lines)
    start = len("\n".join(lines[:at])) + 1
    end = start + len("\n".join(inserted))
    report = parse_text(text)
    for table in report.tables.values():
        for row_cells in table.cells:
            for cell in row_cells:
                assert cell.span is None or cell.span[1] <= start or cell.span[0] >= end, (cell, text[start:end])
    # Where the text keeps the cells' columns (tabs), the table is read exactly.
    if layout == "tabs":
        assert report.tables["t3"].values() == values["t3"]


@settings(max_examples=40, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 50), sep=st.sampled_from(["", " "]),
       row=st.integers(1, 22), foot=st.sampled_from(_FEET), head=st.booleans(), n=st.integers(2, 9))
def test_a_page_break_in_flat_text_gives_no_row_its_digits(version, seed, sep, row, foot, head, n):
    """Web-page text flattened to one line a page, cells run together: the foot and head of a
    page break between two rows are lines of their own, and none of their digits is a cell's."""
    values = values_for(version, seed)
    spec = table_spec(version, "t3")
    year = 2023 if version == "2021" else 2020
    flat = one_line(render(version, values, "pipes", year=year), sep)
    label = spec.rows[row % len(spec.rows)].label
    at = flat.index(label, flat.index(spec.rows[0].label))
    inserted = "\n" + foot.format(n=n, m=n + 3) + "\n" + ("\f测试区数据局" + str(year) + "年政府信息公开工作年度报告\n" if head else "")
    text = flat[:at] + inserted + flat[at:]
    report = parse_text(text)
    for row_cells in report.tables["t3"].cells:
        for cell in row_cells:
            assert cell.span is None or cell.span[1] <= at or cell.span[0] >= at + len(inserted), (cell, inserted)
    assert report.tables["t3"].values() == values["t3"]
