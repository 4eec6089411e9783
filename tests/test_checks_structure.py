"""Structure findings: missing parts, format version and year, blank and non-numeric cells."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import DEFAULT_TEXT, make_report  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.findings import ERROR, STRUCTURE, WARNING  # noqa: E402
from gkdesk.model import Cell  # noqa: E402


def structure(findings, rule=None):
    return [f for f in findings if f.kind == STRUCTURE and (rule is None or f.rule == rule)]


def test_complete_report_has_no_structure_finding():
    assert structure(check_report(make_report())) == []


def test_missing_section():
    text = DEFAULT_TEXT.replace("五、存在的主要问题及改进情况\n", "")
    (f,) = structure(check_report(make_report(text=text)), "structure.section_missing")
    assert f.severity == WARNING and "五、存在的主要问题及改进情况" in f.message
    assert "一、总体情况" not in f.message


def test_missing_table():
    (f,) = structure(check_report(make_report(tables=("t2", "t3"))), "structure.table_missing")
    assert f.message == "未找到表四（政府信息公开行政复议、行政诉讼情况），无法核对其数据"


def test_missing_row_lists_its_cells():
    report = make_report()
    table = report.tables["t3"]
    table.missing_rows = [5]
    table.cells[5] = [Cell(None) for _ in range(7)]
    (f,) = structure(check_report(report), "structure.row_missing")
    assert f.cells == [("t3", 5, c) for c in range(7)]
    assert "表三 未找到以下行：（三）不予公开 2.其他法律行政法规禁止公开" in f.message
    assert structure(check_report(report), "structure.blank") == []  # not counted twice


def test_format_version_must_fit_the_year():
    assert structure(check_report(make_report(version="2021", year=2023)), "structure.format_version") == []
    assert structure(check_report(make_report(version="2019", year=2020)), "structure.format_version") == []
    found = structure(check_report(make_report(version="2019", year=2023)), "structure.format_version")
    assert len(found) == 2  # 表二 and 表三; 表四 is the same in both versions
    assert "2023 年度报告应使用2021年格式（国办公开办函〔2021〕30号），但表二按2019年试行格式" in found[0].message


def test_mixed_versions_when_the_year_is_unknown():
    report = make_report(year=None)
    report.tables["t3"] = make_report(version="2019").tables["t3"]
    found = structure(check_report(report), "structure.format_version")
    assert len(found) == 1 and "两表格式版本不一致" in found[0].message
    assert structure(check_report(report), "structure.year_unknown")


def test_title_year_differs_from_statistics_period():
    report = make_report()
    assert structure(check_report(report), "structure.title_year") == []
    text = DEFAULT_TEXT.replace("统计期限自2023年1月1日起至2023年12月31日", "统计期限自2022年1月1日起至2022年12月31日")
    (f,) = structure(check_report(make_report(text=text)), "structure.title_year")
    assert f.message == "标题中的年度（2023 年）与统计期限（2022 年）不一致"
    assert f.span is not None


def test_blank_cells_are_listed_in_one_warning_per_table():
    report = make_report()
    report.set_value(("t2", 0, 0), None)
    report.set_value(("t2", 0, 1), None)
    report.set_value(("t4", 0, 2), None)
    found = structure(check_report(report), "structure.blank")
    assert [f.cells for f in found] == [[("t2", 0, 0), ("t2", 0, 1)], [("t4", 0, 2)]]
    assert all(f.severity == WARNING for f in found)
    assert "表二 有 2 个单元格空白" in found[0].message and "按 0 计算" in found[0].message
    report.set_value(("t4", 0, 2), 0)
    assert len(structure(check_report(report), "structure.blank")) == 1


def test_non_numeric_cell():
    report = make_report()
    report.tables["t3"].cells[2][1] = Cell(None, "若干")
    (f,) = structure(check_report(report), "structure.non_numeric")
    assert f.cells == [("t3", 2, 1)] and "“若干”不是数值" in f.message
    report.tables["t3"].cells[2][1] = Cell(None, "/")
    assert structure(check_report(report), "structure.non_numeric") == []
    assert structure(check_report(report), "structure.blank")


def test_structure_findings_are_never_errors_on_a_readable_report():
    report = make_report(version="2019", year=2023, tables=("t2", "t3"))
    assert all(f.severity != ERROR for f in structure(check_report(report)))
