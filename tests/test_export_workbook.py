"""One report's workbook: read back with openpyxl, every value, merged range, type and blank."""
from __future__ import annotations

import zipfile

import openpyxl
import pytest

from gkdesk.export import export_report, import_workbook
from gkdesk.form_layout import form_layout
from gkdesk.export.report_workbook import TABLE_SHEETS
from gkdesk.findings import Finding
from gkdesk.schema import FORMATS, ValueKind, format_spec, table_spec

from test_export_support import sample_report

TOP = 4  # the form starts below the title, the section heading and a gap


@pytest.fixture(params=FORMATS)
def exported(request, tmp_path):
    report = sample_report(request.param)
    findings = [
        Finding("t3.balance", "arithmetic", "error", [("t3", 0, 6), ("t3", 1, 6)], "第一项加第二项之和不等于第三项加第四项之和", (0, 6), 5),
        Finding("narrative.x", "narrative", "warning", [("t4", 0, 4)], "正文称未收到行政复议"),
    ]
    path = export_report(report, tmp_path / "out.xlsx", findings=findings)
    return report, openpyxl.load_workbook(path), path, findings


def merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_every_value_is_the_current_value_with_its_type(exported):
    report, wb, _, _ = exported
    for table_id, sheet in TABLE_SHEETS.items():
        ws = wb[sheet]
        spec = report.tables[table_id].spec
        layout = form_layout(spec)
        for addr in spec.addresses():
            slot = layout.slot(addr)
            cell = ws.cell(TOP + slot.row, 1 + slot.col)
            expected = report.value(addr)
            if expected is None:
                assert cell.value is None, addr  # blank stays blank, not 0 nor ""
                continue
            assert cell.data_type == "n", addr  # a number, not text
            assert cell.value == expected, addr
            kind = spec.row_columns(addr[1])[addr[2]].kind
            assert isinstance(cell.value, float if isinstance(expected, float) else int)
            if kind is ValueKind.AMOUNT:
                assert "0.00" in cell.number_format
    assert wb["表三"].cell(TOP + 3 + 0, 4).value == 98  # the correction, not the recognized value


def test_amounts_keep_decimals_and_blanks_stay_blank(exported):
    report, wb, _, _ = exported
    ws = wb["表二"]
    values = [c.value for row in ws.iter_rows(min_row=TOP) for c in row if isinstance(c.value, float)]
    assert (12.345 in values) if report.format == "2021" else (1234.56 in values)
    slot = form_layout(report.tables["t2"].spec).slot(("t2", 0, 1))
    assert ws.cell(TOP + slot.row, 1 + slot.col).value is None  # corrected to blank


def test_title_heading_and_fonts(exported):
    report, wb, _, _ = exported
    for table_id, sheet in TABLE_SHEETS.items():
        ws = wb[sheet]
        title = ws["A1"].value
        assert report.agency in title and str(report.year) in title and title.endswith("政府信息公开工作年度报告")
        assert ws["A2"].value.startswith({"t2": "二、", "t3": "三、", "t4": "四、"}[table_id])
        assert ws["A1"].font.name == "宋体" and ws["A1"].font.b
        assert ws.cell(TOP, 1).font.name in ("宋体", "仿宋")
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.freeze_panes is not None


def _t3_expected_merges(version: str) -> dict[str, str]:
    """The 表三 merged cells of the official form, written out by hand (rows start at 7)."""
    if version == "2021":
        results, total, carry = "A9:A30", "B30:C30", "A31:C31"
        other = {"B27:B29": "（六）其他处理"}
    else:
        results, total, carry = "A9:A28", "B28:C28", "A29:C29"
        other = {"B27:C27": "（六）其他处理"}
    return {
        "A4:C6": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "D4:J4": "申请人情况",
        "D5:D6": "自然人",
        "E5:I5": "法人或其他组织",
        "J5:J6": "总计",
        "A7:C7": "一、本年新收政府信息公开申请数量",
        "A8:C8": "二、上年结转政府信息公开申请数量",
        results: "三、本年度办理结果",
        "B9:C9": "（一）予以公开",
        "B10:C10": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "B11:B18": "（三）不予公开",
        "B19:B21": "（四）无法提供",
        "B22:B26": "（五）不予处理",
        total: "（七）总计",
        carry: "四、结转下年度继续办理",
        **other,
    }


def test_t3_merged_ranges_follow_the_official_form(exported):
    report, wb, _, _ = exported
    ws = wb["表三"]
    ranges = merged(ws)
    for rng, label in _t3_expected_merges(report.format).items():
        assert rng in ranges, rng
        assert ws[rng.split(":")[0]].value == label
    assert ws["E6"].value == "商业企业" and ws["I6"].value == "其他"
    assert ws["C11"].value == "1.属于国家秘密"
    # nothing merged beyond the form's own ranges and the two title rows
    layout = form_layout(report.tables["t3"].spec)
    own = {f"{_a(TOP + r0, 1 + c0)}:{_a(TOP + r1, 1 + c1)}" for r0, c0, r1, c1 in layout.merged_ranges()}
    assert ranges == own | {"A1:J1", "A2:J2"}
    assert ws[f"A{TOP + layout.row_count + 1}"].value.startswith("图例：")  # the value states' legend, under the form
    assert ws.print_title_rows == "$4:$6"
    assert ws.freeze_panes == "D7"


def _a(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


def test_t4_two_level_header(exported):
    _, wb, _, _ = exported
    ws = wb["表四"]
    ranges = merged(ws)
    expected = {
        "A4:E4": "行政复议",
        "F4:O4": "行政诉讼",
        "A5:A6": "结果维持",
        "E5:E6": "总计",
        "F5:J5": "未经复议直接起诉",
        "K5:O5": "复议后起诉",
    }
    for rng, label in expected.items():
        assert rng in ranges and ws[rng.split(":")[0]].value == label
    assert [ws.cell(6, c).value for c in range(6, 11)] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert ws.page_setup.orientation == "landscape"


def test_t2_groups_and_value_spans(exported):
    report, wb, _, _ = exported
    ws = wb["表二"]
    ranges = merged(ws)
    assert "A4:D4" in ranges and ws["A4"].value == "第二十条第（一）项"
    assert ws["A5"].value == "信息内容"
    spec = table_spec(report.format, "t2")
    assert [ws.cell(5, c).value for c in (2, 3, 4)] == [c.label for c in spec.row_columns(0)]
    assert ws["A6"].value == "规章"
    if report.format == "2021":
        assert {"A8:D8", "B9:D9", "B10:D10", "B17:D17"} <= ranges  # single-column items span the width
        assert ws["A8"].value == "第二十条第（五）项" and ws["A10"].value == "行政许可"
        assert ws["B17"].value == 12.345
    else:
        assert ws["A16"].value == "第二十条第（八）项" and "C18:D18" in ranges  # 本年增/减 spans two
        assert ws["A19"].value == "第二十条第（九）项" and ws["C21"].value == 1234.56 and "C21:D21" in ranges


def test_merged_labels_have_borders_on_every_edge(exported):
    report, wb, _, _ = exported
    ws = wb["表三"]
    for coord in ("A9", "A30" if report.format == "2021" else "A28", "C4", "A6"):
        cell = ws[coord]
        assert cell.border.left.style == "thin" or cell.border.right.style == "thin" or cell.border.bottom.style == "thin"
    assert ws["J6"].border.bottom.style == "thin" and ws["J6"].border.right.style == "thin"
    assert ws["A7"].alignment.wrap_text


def test_row_heights_leave_room_for_wrapped_labels(exported):
    _, wb, _, _ = exported
    ws = wb["表三"]
    # the longest leaf label wraps; its row is taller than a one-line row
    long_rows = [r for r in range(7, 32) if ws.cell(r, 3).value and len(str(ws.cell(r, 3).value)) > 30]
    if long_rows:
        assert all(ws.row_dimensions[r].height > 30 for r in long_rows)
    assert all((ws.row_dimensions[r].height or 0) >= 20 for r in range(7, 20))


def test_findings_sheet(exported):
    report, wb, _, findings = exported
    ws = wb["校验结果"]
    assert [c.value for c in ws[1]] == ["序号", "严重程度", "类别", "规则", "问题说明", "涉及单元格", "应为", "原文", "审核处理"]
    first = [c.value for c in ws[2]]
    assert first[:5] == [1, "错误", "勾稽关系", "表三 一加二 = 三加四", findings[0].message]  # the rule's Chinese title
    assert first[5].splitlines() == [format_spec(report.format).cell_name(("t3", 0, 6)), format_spec(report.format).cell_name(("t3", 1, 6))]
    assert first[5].splitlines()[0] == "表三 一、本年新收政府信息公开申请数量·总计"
    assert first[6] == 5 and first[7] == "测试报告原文"
    assert [c.value for c in ws[3]][:4] == [2, "警告", "文字表述", "文字表述"]  # an unknown rule: its kind, not its id
    assert ws.max_row == 3


def test_corrections_sheet(exported):
    report, wb, _, _ = exported
    ws = wb["修改记录"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(report.history) == 3
    assert rows[0][1] == "表三 一、本年新收政府信息公开申请数量·自然人"
    assert rows[0][2:4] == [report.extracted(("t3", 0, 0)), 99] and rows[0][5] == "张三"
    assert rows[0][6] == "已被后续修改取代" and rows[2][6] == "有效"
    assert rows[1][3] == "（空白）" and rows[1][5] == "李四"
    assert rows[2][4] == report.history[2].time.replace("T", " ")


def test_info_sheet(exported):
    report, wb, _, _ = exported
    info = {row[0].value: row[1].value for row in wb["说明"].iter_rows(min_row=2)}
    assert info["来源文件"] == report.source_path
    assert info["文件编码"] == "gb18030"
    assert info["报告格式"].startswith("2021年格式" if report.format == "2021" else "2019年试行格式")
    assert format_spec(report.format).notice in info["报告格式"]
    assert info["gkdesk 版本"]
    assert info["导出时间"][:2] == "20"
    assert info["审核状态"] == "已复核"
    assert info["检查结果"] == "1 个错误，1 个警告"


def test_round_trip_restores_the_report_exactly(exported):
    report, _, path, _ = exported
    back = import_workbook(path)
    assert back == report  # every field: text (with its form feed), cells, blanks, decimals, corrections, history
    assert back.corrections[("t3", 0, 0)] is back.history[-1]
    assert back.value(("t2", 0, 1)) is None and back.review_status == "reviewed"
    assert [n.code for n in back.notes] == ["row_missing"]


def test_round_trip_of_a_recognized_corpus_report(tmp_path):
    from conftest import shared_path
    from gkdesk.reports import load_report

    source = shared_path("corpus", "gen", "gd03__pdf-layout.txt")
    report = load_report(source)
    report.set_value(("t2", 7, 1), 100.5, user="审核员")
    path = export_report(report, tmp_path / "gd03.xlsx", findings=[])
    back = import_workbook(path)
    assert back == report
    assert back.to_json(corrected=True) == report.to_json(corrected=True)
    # the window and the CLI open the workbook through the same entry point
    assert load_report(path) == report


def test_values_changed_in_excel_become_corrections(tmp_path):
    report = sample_report("2021")
    path = export_report(report, tmp_path / "r.xlsx", findings=[])
    wb = openpyxl.load_workbook(path)
    slot = form_layout(report.tables["t4"].spec).slot(("t4", 0, 1))
    wb["表四"].cell(TOP + slot.row, 1 + slot.col).value = 7
    wb.properties.lastModifiedBy = "上级审核人"
    wb.save(path)
    back = import_workbook(path)
    assert back.value(("t4", 0, 1)) == 7
    assert back.corrections[("t4", 0, 1)].user == "上级审核人"
    assert back.notes[-1].code == "edited_in_workbook" and "表四" in back.notes[-1].message
    assert back.value(("t3", 0, 0)) == 98  # everything else as exported


def test_formula_looking_text_stays_text(tmp_path):
    report = sample_report("2021")
    report.agency = '=HYPERLINK("http://example.invalid","点我")'
    findings = [Finding("x", "structure", "warning", [], "+1+2"), Finding("y", "structure", "warning", [], "@SUM(A1)")]
    path = export_report(report, tmp_path / "f.xlsx", findings=findings)
    with zipfile.ZipFile(path) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in zf.read(n) or b"<f " in zf.read(n) for n in sheets)
    wb = openpyxl.load_workbook(path)
    info = {row[0].value: row[1] for row in wb["说明"].iter_rows(min_row=2)}
    assert info["单位"].value == report.agency and info["单位"].data_type == "s"
    assert info["单位"].quotePrefix
    messages = [wb["校验结果"].cell(r, 5) for r in (2, 3)]
    assert [m.value for m in messages] == ["+1+2", "@SUM(A1)"] and all(m.quotePrefix for m in messages)
    assert import_workbook(path).agency == report.agency
