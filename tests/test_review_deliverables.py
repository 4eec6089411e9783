"""The reviewer's work reaches every deliverable: check, extract, export, --summary, --csv read the sidecar.

The sidecar is written the way the window writes it (gkdesk.opening + Report.set_value +
gkdesk.decisions + Sidecar.save); the CLI must then honour values, status, audit and dismissals.
"""
from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from gkdesk.checks import check_report
from gkdesk.cli import main
from gkdesk.decisions import AS_PRINTED, VERIFIED, decide, decision_for
from gkdesk.export.summary import DATA_SHEET, HEADER_ROWS
from gkdesk.model import CHANGED_AFTER_REVIEW, REVIEWED
from gkdesk.opening import open_reviewed

from conftest import shared_path

FAULTY = "gd05__lo-txt.txt"  # 表三 一、本年新收·总计 1123 where the parts give 1120
TOTAL = ("t3", 0, 6)


def _copy(tmp_path, name, folder="in"):
    where = tmp_path / folder
    where.mkdir(exist_ok=True)
    target = where / name
    target.write_bytes(shared_path("corpus", "gen", name).read_bytes())
    return target


def _review(path, fix: bool = True, status: str = REVIEWED):
    """What a reviewer does in the window, saved as the window saves it."""
    opened = open_reviewed(path, move_corrupt=True)
    report = opened.report
    if fix:
        report.set_value(TOTAL, 1120)
    for finding in check_report(report):  # the text says 1123 too: 原文如此
        decide(report, finding, AS_PRINTED, "原文如此，已电话确认")
    report.opinion = "请贵单位核对表三。"
    report.review_status = status
    opened.sidecar.save(report)
    return report


def _errors(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_check_reads_the_corrections_and_ignore_corrections_does_not(tmp_path, capsys):
    path = _copy(tmp_path, FAULTY)
    assert main(["check", "--json", str(path)]) == 1
    capsys.readouterr()
    _review(path)
    assert main(["check", "--json", str(path)]) == 0  # corrected, and what remains is dismissed
    findings = _errors(capsys.readouterr().out)[0]["findings"]
    assert not any(TOTAL in map(tuple, f["cells"]) and f["rule"].startswith("t3.") for f in findings)
    assert all(f["decision"]["reason"] == "原文如此" for f in findings if f["severity"] == "error")
    assert main(["check", "--json", "--ignore-corrections", str(path)]) == 1
    again = _errors(capsys.readouterr().out)[0]["findings"]
    assert any(f["severity"] == "error" and TOTAL in map(tuple, f["cells"]) for f in again)
    assert not any("decision" in f for f in again)


def test_a_dismissed_error_does_not_count_in_check(tmp_path, capsys):
    path = _copy(tmp_path, FAULTY)
    opened = open_reviewed(path)
    report = opened.report
    errors = [f for f in check_report(report) if f.severity == "error"]
    assert errors
    for f in errors:
        decide(report, f, AS_PRINTED, "报告原文即如此")
    opened.sidecar.save(report)
    assert main(["check", "--json", str(path)]) == 0
    out = _errors(capsys.readouterr().out)[0]["findings"]
    dismissed = [f for f in out if f.get("decision", {}).get("action") == "dismissed"]
    assert len(dismissed) == len(errors) and dismissed[0]["decision"]["note"] == "报告原文即如此"
    assert main(["check", str(path)]) == 0
    assert "已由审核人排除" in capsys.readouterr().out


def test_extract_json_keeps_recognized_values_and_adds_corrected_and_review(tmp_path, capsys):
    path = _copy(tmp_path, FAULTY)
    _review(path)
    assert main(["extract", "--json", str(path)]) == 0
    obj = _errors(capsys.readouterr().out)[0]
    truth = json.loads(shared_path("corpus", "gen", "gd05.json").read_text("utf-8"))
    assert obj["t3"][0][6] == truth["t3"][0][6] == 1123  # the truth-format keys stay as recognized
    assert obj["corrected"]["t3"][0][6] == 1120
    assert obj["review"]["status"] == REVIEWED and obj["review"]["opinion"] == "请贵单位核对表三。"
    assert [c["cell"] for c in obj["review"]["corrections"]] == [list(TOTAL)]


def test_export_workbook_holds_the_review(tmp_path):
    path = _copy(tmp_path, FAULTY)
    report = _review(path)
    target = tmp_path / "out.xlsx"
    assert main(["export", str(path), "-o", str(target)]) == 0
    wb = openpyxl.load_workbook(target)
    info = {row[0].value: row[1].value for row in wb["说明"].iter_rows(min_row=2)}
    assert info["审核状态"] == "已复核"
    assert "审核修改后" in info["数值"] and "1 个单元格" in info["数值"]
    history = [[c.value for c in row] for row in wb["修改记录"].iter_rows(min_row=2)]
    assert history[0][3] == 1120 and history[0][6] == "有效"
    assert wb["审核意见"]["A2"].value == "请贵单位核对表三。"
    dismissed = [[c.value for c in row] for row in wb["已排除的问题"].iter_rows(min_row=2) if isinstance(row[0].value, int)]
    remaining = check_report(report)
    assert remaining and len(dismissed) == len(remaining)
    assert dismissed[0][4] == "原文如此" and dismissed[0][5] == "原文如此，已电话确认"
    assert "1 条已由审核人排除" not in info["检查结果"] and "已由审核人排除" in info["检查结果"]
    # the table holds the corrected value; --ignore-corrections the recognized one, and says so
    cells = [c.value for row in wb["表三"].iter_rows() for c in row]
    assert 1120 in cells and 1123 not in cells
    plain = tmp_path / "plain.xlsx"
    assert main(["export", "--ignore-corrections", str(path), "-o", str(plain)]) == 0
    wb = openpyxl.load_workbook(plain)
    info = {row[0].value: row[1].value for row in wb["说明"].iter_rows(min_row=2)}
    assert "识别值" in info["数值"] and "1 处修改" in info["数值"]
    assert info["审核状态"] == "未复核"


def test_workbook_marks_problem_cells_with_colour_and_comment(tmp_path):
    path = _copy(tmp_path, FAULTY)
    target = tmp_path / "out.xlsx"
    assert main(["export", str(path), "-o", str(target)]) == 0
    ws = openpyxl.load_workbook(target)["表三"]
    commented = [c for row in ws.iter_rows() for c in row if c.comment is not None]
    assert commented
    total = next(c for c in commented if c.value == 1123)
    assert total.fill.fgColor.rgb.endswith("F8C9C4")  # the error colour
    assert "1120" in total.comment.text and "表三" in total.comment.text
    rules = [r[3].value for r in openpyxl.load_workbook(target)["校验结果"].iter_rows(min_row=2)]
    assert rules and not any("." in str(r) and str(r).isascii() for r in rules)  # titles, not ids


def test_summary_and_csv_hold_the_reviewed_values(tmp_path):
    path = _copy(tmp_path, FAULTY)
    _review(path)
    summary = tmp_path / "汇总.xlsx"
    assert main(["export", "--summary", str(summary), str(path.parent)]) == 0
    wb = openpyxl.load_workbook(summary)
    ws = wb[DATA_SHEET]
    heads = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    row = HEADER_ROWS + 1
    assert ws.cell(row, heads["审核状态"]).value == "已复核"
    assert ws.cell(row, heads["修改数"]).value == 1
    assert ws.cell(row, heads["错误数"]).value == 0
    t3 = wb["汇总表三"]
    values = [c.value for r in t3.iter_rows() for c in r]
    assert 1120 in values and 1123 not in values
    target = tmp_path / "cells.csv"
    assert main(["export", "--csv", str(target), str(path.parent)]) == 0
    rows = list(csv.DictReader(target.read_text("utf-8-sig").splitlines()))
    cell = next(r for r in rows if r["table"] == "表三" and r["row"] == "0" and r["col"] == "6")
    assert cell["value"] == "1120" and cell["extracted"] == "1123" and cell["corrected"] == "True"


def test_export_into_the_folder_then_summarize_it_counts_each_report_once(tmp_path, capsys):
    path = _copy(tmp_path, FAULTY)
    _copy(tmp_path, "gd01__lo-txt.txt")
    folder = path.parent
    assert main(["export", str(folder)]) == 0  # the workbooks land beside the reports
    assert len(list(folder.glob("*.xlsx"))) == 2
    summary = folder / "汇总.xlsx"
    assert main(["export", "--summary", str(summary), str(folder)]) == 0
    assert "2 份报告" in capsys.readouterr().out
    ws = openpyxl.load_workbook(summary)[DATA_SHEET]
    assert ws.max_row == HEADER_ROWS + 2
    # again, now that the summary and a CSV are in the folder too
    assert main(["export", "--csv", str(folder / "cells.csv"), str(folder)]) == 0
    assert main(["export", "--summary", str(tmp_path / "again.xlsx"), str(folder)]) == 0
    assert "2 份报告" in capsys.readouterr().out
    assert main(["check", "--json", str(folder)]) == 1
    assert len(_errors(capsys.readouterr().out)) == 2


def test_the_same_agency_and_year_twice_is_a_warning_and_counted_once(tmp_path, capsys):
    first = _copy(tmp_path, FAULTY)
    second = _copy(tmp_path, "gd05__html-pipe.txt")
    summary = tmp_path / "汇总.xlsx"
    assert main(["export", "--summary", str(summary), str(first.parent)]) == 0
    captured = capsys.readouterr()
    assert "1 份报告" in captured.out
    assert first.name in captured.err and second.name in captured.err and "同一单位同一年度" in captured.err
    info = {row[0].value: row[1].value for row in openpyxl.load_workbook(summary)["说明"].iter_rows(min_row=2)}
    assert second.name in info["重复的报告"]


def test_the_reviewed_copy_of_a_repeat_is_the_one_counted(tmp_path, capsys):
    _copy(tmp_path, FAULTY)
    second = _copy(tmp_path, "gd05__html-pipe.txt")
    opened = open_reviewed(second)
    opened.report.review_status = REVIEWED
    opened.sidecar.save(opened.report)
    summary = tmp_path / "汇总.xlsx"
    assert main(["export", "--summary", str(summary), str(second.parent)]) == 0
    ws = openpyxl.load_workbook(summary)[DATA_SHEET]
    heads = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    assert ws.cell(HEADER_ROWS + 1, heads["来源文件"]).value.endswith(second.name)


def test_a_dismissal_survives_reopening_and_reopens_after_an_edit_of_its_numbers(tmp_path):
    path = _copy(tmp_path, FAULTY)
    opened = open_reviewed(path)
    report = opened.report
    error = next(f for f in check_report(report) if f.severity == "error" and TOTAL in map(tuple, f.cells))
    decide(report, error, AS_PRINTED, "原文如此")
    opened.sidecar.save(report)

    again = open_reviewed(path).report
    same = next(f for f in check_report(again) if f.rule == error.rule and TOTAL in map(tuple, f.cells))
    assert decision_for(again, same).note == "原文如此"
    again.set_value(("t3", 0, 0), again.value(("t3", 0, 0)) + 1)  # a number of the finding changes
    changed = [f for f in check_report(again) if f.rule == error.rule and TOTAL in map(tuple, f.cells)]
    assert changed and all(decision_for(again, f) is None for f in changed)
    again.set_value(("t3", 0, 0), again.extracted(("t3", 0, 0)))  # undone: the decision holds again
    assert decision_for(again, next(f for f in check_report(again) if f.rule == error.rule)) is not None


def test_an_edit_after_reviewed_needs_another_review():
    from gkdesk.model import Report

    from test_export_support import sample_report

    report: Report = sample_report("2021")
    report.review_status = REVIEWED
    addr = next(report.addresses())
    report.set_value(addr, 7)
    assert report.review_status == CHANGED_AFTER_REVIEW


def test_a_confirmed_finding_still_counts():
    from gkdesk.decisions import counted, open_counts

    from test_export_support import sample_report

    report = sample_report("2021")
    report.set_value(("t3", 0, 6), 999)
    findings = check_report(report)
    errors = [f for f in findings if f.severity == "error"]
    decide(report, errors[0], VERIFIED, "已与单位核实")
    assert errors[0] in counted(report, findings)
    assert open_counts(report, findings)[0] == len(errors) - 1


@pytest.mark.parametrize("reason", ["原文如此", "不适用"])
def test_a_sidecar_with_decisions_round_trips(tmp_path, reason):
    path = _copy(tmp_path, FAULTY)
    opened = open_reviewed(path)
    finding = check_report(opened.report)[0]
    decide(opened.report, finding, reason, "说明")
    opened.sidecar.save(opened.report)
    data = json.loads(opened.sidecar.path.read_text("utf-8"))
    assert data["decisions"][0]["reason"] == reason
    back = open_reviewed(path).report
    assert back.decisions == opened.report.decisions


def test_a_missing_row_finding_goes_once_the_reviewer_fills_the_row():
    from test_export_support import sample_report

    report = sample_report("2021")
    table = report.tables["t3"]
    table.missing_rows = [3]
    for cell in table.cells[3]:
        cell.value = None
    report.corrections = {a: c for a, c in report.corrections.items() if a[1] != 3}
    assert any(f.rule == "structure.row_missing" for f in check_report(report))
    for c in range(len(table.cells[3]) - 1):
        report.set_value(("t3", 3, c), 0)
    assert any(f.rule == "structure.row_missing" for f in check_report(report))  # one cell still blank
    report.set_value(("t3", 3, len(table.cells[3]) - 1), 0)
    assert not any(f.rule == "structure.row_missing" for f in check_report(report))


def test_folder_expansion_is_in_the_core_and_breaks_the_import_circle():
    import subprocess
    import sys

    code = (
        "import sys, gkdesk.export.command, gkdesk.ui.worklist, gkdesk.batch_inputs;"
        "print('gkdesk.cli' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_summary_notes_the_rows_whose_sum_includes_a_broken_relation_and_prints_per_table(tmp_path):
    from gkdesk.export.summary import PRINT_SHEETS

    path = _copy(tmp_path, FAULTY)
    _copy(tmp_path, "gd01__lo-txt.txt")
    summary = tmp_path / "汇总.xlsx"
    assert main(["export", "--summary", str(summary), str(path.parent)]) == 0
    wb = openpyxl.load_workbook(summary)
    remarks = [c.value for row in wb["汇总表三"].iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("注意")]
    assert any("一、本年新收" in r and "当阳市市场监督管理局" in r for r in remarks)
    assert not any("东西湖区" in r for r in remarks)
    for table_id, name in PRINT_SHEETS.items():
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows.replace("$", "") == f"1:{HEADER_ROWS}"
        assert ws.cell(1, 2).value == "单位" and ws.max_row == HEADER_ROWS + 2
    # the dismissed error is not a broken relation any more
    opened = open_reviewed(path)
    for f in check_report(opened.report):
        decide(opened.report, f, AS_PRINTED)
    opened.sidecar.save(opened.report)
    assert main(["export", "--summary", str(summary), str(path.parent)]) == 0
    wb = openpyxl.load_workbook(summary)
    assert not [c.value for row in wb["汇总表三"].iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("注意")]
