"""The printed pages of the three tables (core, no Qt): the official form of form_layout with
the review's values, the workbook's title, headings and remarks."""
import re
from html.parser import HTMLParser

from conftest import ROOT

from gkdesk.export.form_pages import form_page, form_pages, pages_html, table_remarks
from gkdesk.form_layout import VALUE, form_layout
from gkdesk.numbers import format_number
from gkdesk.opening import open_reviewed

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))


class Cells(HTMLParser):
    """The <td> of each <table>: (rowspan, colspan, text) row by row."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag == "td":
            self._cell = [int(attrs.get("rowspan", 1)), int(attrs.get("colspan", 1)), ""]

    def handle_endtag(self, tag):
        if tag == "td":
            self.tables[-1][-1].append(tuple(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[2] += data


def parsed(html):
    p = Cells()
    p.feed(html)
    return p.tables


def test_every_table_is_its_form_with_the_reviews_values():
    report = open_reviewed(str(SAMPLE)).report
    report.set_value(("t3", 2, 0), 21)  # a correction: the page shows the corrected value
    for page, table_id in zip(form_pages(report), ("t2", "t3", "t4")):
        layout = form_layout(report.tables[table_id].spec)
        (rows,) = parsed(page.html)
        assert len(rows) == layout.row_count
        anchors = [[c for c in layout.cells if c.row == r] for r in range(layout.row_count)]
        for r, (row, cells) in enumerate(zip(rows, anchors)):
            cells.sort(key=lambda c: c.col)
            assert [(c.rowspan, c.colspan) for c in cells] == [(rs, cs) for rs, cs, _ in row], r
            for cell, (_, _, text) in zip(cells, row):
                expected = format_number(report.value(cell.addr)) if cell.kind == VALUE else cell.text
                assert text == expected
        assert len(page.column_percentages) == layout.column_count and abs(sum(page.column_percentages) - 100) < 0.1
        assert page.header_rows == layout.header_rows
    assert "<td align=\"center\" class=\"value\">21</td>" in form_page(report, "t3").html


def test_blank_is_blank_and_a_missing_table_says_so():
    report = open_reviewed(str(SAMPLE)).report
    blank = ("t2", 1, 0)  # 行政规范性文件·本年制发件数: 3 in the sample, cleared by the reviewer
    assert report.value(blank) == 3
    report.set_value(blank, None)
    layout = form_layout(report.tables["t2"].spec)
    cell = layout.slot(blank)
    (rows,) = parsed(form_page(report, "t2").html)
    in_row = sorted((c for c in layout.cells if c.row == cell.row), key=lambda c: c.col)
    assert rows[cell.row][in_row.index(cell)][2] == ""  # printed empty, never 0
    del report.tables["t4"]
    page = form_page(report, "t4")
    assert table_remarks(report, "t4") == ["注：报告中未识别到表四，表中数值为空。"]
    assert "报告中未识别到表四" in page.html
    values = [t for r in parsed(page.html)[0] for _, _, t in r if re.fullmatch(r"\d+", t)]
    assert values == []


def test_each_table_after_the_first_starts_a_new_page_under_the_reports_title():
    report = open_reviewed(str(SAMPLE)).report
    html = pages_html(form_pages(report))
    assert html.count("page-break-before: always") == 2
    assert html.count(f"{report.agency}{report.year}年政府信息公开工作年度报告") == 3
    for heading in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"):
        assert heading in html
