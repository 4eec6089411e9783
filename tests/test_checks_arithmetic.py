"""勾稽关系 rules: each breaks on a wrong value and holds on consistent tables, in both versions."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import make_report, t3_values, t4_values  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.findings import ARITHMETIC, ERROR, WARNING  # noqa: E402
from gkdesk.schema import table_spec  # noqa: E402


def arithmetic(findings, rule=None):
    return [f for f in findings if f.kind == ARITHMETIC and (rule is None or f.rule == rule)]


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_consistent_tables_give_no_arithmetic_finding(version):
    report = make_report(version=version, year=2023 if version == "2021" else 2020)
    assert arithmetic(check_report(report)) == []


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_row_total_breaks_when_total_differs_from_applicants(version):
    report = make_report(version=version)
    report.set_value(("t3", 0, 6), 5)  # applicants sum to 4
    found = arithmetic(check_report(report), "t3.row_total")
    assert len(found) == 1
    f = found[0]
    assert f.severity == ERROR
    assert f.cells == [("t3", 0, 6)] + [("t3", 0, c) for c in range(6)]
    assert f.expected == 4
    assert "表三 一、本年新收政府信息公开申请数量·总计 为 5，按自然人与五类法人或其他组织之和应为 4" in f.message


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_results_total_names_every_leaf_row(version):
    spec = table_spec(version, "t3")
    total_row = spec.row_index("（七）总计")
    leaves = [r for r, row in enumerate(spec.rows) if row.result_leaf]
    t3 = t3_values(version, received=(42, 0, 0, 0, 0, 0), carried_in=(0,) * 6)
    t3[total_row][0] = 41  # 41 instead of 42 in （七）总计·自然人
    report = make_report(version=version, t3=t3)
    found = arithmetic(check_report(report), "t3.results_total")
    assert [f.cells for f in found] == [[("t3", total_row, 0)] + [("t3", r, 0) for r in leaves]]
    assert "表三 （七）总计·自然人 为 41，按各办理结果之和应为 42" in found[0].message
    assert len(leaves) == (21 if version == "2021" else 19)


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_balance_breaks_per_column(version):
    spec = table_spec(version, "t3")
    total_row = spec.row_index("（七）总计")
    carry_row = spec.row_index("四、结转下年度继续办理")
    t3 = t3_values(version)
    t3[carry_row][0] = 1  # 一+二 = 4 for 自然人 but （七）+四 = 5
    t3[carry_row][6] = 1
    report = make_report(version=version, t3=t3)
    found = arithmetic(check_report(report), "t3.balance")
    assert len(found) == 2  # the 自然人 and 总计 columns
    f = next(f for f in found if f.cells[0] == ("t3", 0, 0))
    assert f.cells == [("t3", 0, 0), ("t3", 1, 0), ("t3", total_row, 0), ("t3", carry_row, 0)]
    assert f.message.startswith("表三 自然人列：一、本年新收政府信息公开申请数量（3）加二、上年结转政府信息公开申请数量（1）之和为 4")
    assert "（七）总计（4）加四、结转下年度继续办理（1）之和为 5" in f.message


def test_t4_total_breaks_and_holds():
    report = make_report(t4=t4_values(review=(1, 1, 0, 0), direct=(0, 0, 0, 2)))
    assert arithmetic(check_report(report)) == []
    report.set_value(("t4", 0, 9), 3)
    (f,) = arithmetic(check_report(report), "t4.total")
    assert f.cells == [("t4", 0, 9), ("t4", 0, 5), ("t4", 0, 6), ("t4", 0, 7), ("t4", 0, 8)]
    assert "表四 行政诉讼·未经复议直接起诉·总计 为 3，按结果维持、结果纠正、其他结果、尚未审结之和应为 2" in f.message


@pytest.mark.parametrize(
    "addr, value, problem",
    [
        (("t3", 2, 1), -1, "应为不小于 0 的整数"),
        (("t4", 0, 0), 1.5, "应为不小于 0 的整数"),
        (("t2", 0, 0), -2, "应为不小于 0 的整数"),
        (("t2", 5, 0), -0.5, "金额不应为负数"),
    ],
)
def test_counts_are_whole_and_not_negative(addr, value, problem):
    report = make_report()
    report.set_value(addr, value)
    found = arithmetic(check_report(report), f"{addr[0]}.nonneg")
    assert [f.cells for f in found] == [[addr]]
    assert problem in found[0].message


def test_a_guessed_value_that_is_no_count_is_a_warning_for_the_reviewer():
    """gen/*__pdfminer: a fee amount (221.85) placed by inference in 行政强制's count cell says the
    placement is wrong, not the report; read in place or entered by the reviewer it is an error."""
    from gkdesk.model import Cell

    report = make_report(version="2019", year=2020)
    report.tables["t2"].cells[5][2] = Cell(221.85, "221.85", None, 0.4, True, "推定")
    (f,) = arithmetic(check_report(report), "t2.nonneg")
    assert f.severity == WARNING and f.cells == [("t2", 5, 2)] and "推定" in f.message
    report.tables["t2"].cells[5][2] = Cell(221.85, "221.85")
    (f,) = arithmetic(check_report(report), "t2.nonneg")
    assert f.severity == ERROR
    report.tables["t2"].cells[5][2] = Cell(3, "3", None, 0.4, True, "推定")
    report.set_value(("t2", 5, 2), 2.5)  # the reviewer's own value
    (f,) = arithmetic(check_report(report), "t2.nonneg")
    assert f.severity == ERROR


def test_whole_non_negative_counts_and_decimal_amounts_hold():
    report = make_report()
    report.set_value(("t2", 5, 0), 12.75)  # 本年收费金额（万元） may be a decimal
    assert arithmetic(check_report(report), "t2.nonneg") == []


def test_2019_signed_change_may_be_negative_but_whole():
    report = make_report(version="2019", year=2020)
    assert arithmetic(check_report(report), "t2.nonneg") == []  # 本年增/减 = -2 in the default
    report.set_value(("t2", 2, 1), -2.5)
    (f,) = arithmetic(check_report(report), "t2.nonneg")
    assert f.cells == [("t2", 2, 1)] and "应为整数" in f.message


def test_blank_counts_as_zero_in_sums():
    t3 = t3_values(received=(3, 0, 0, 0, 0, 0), carried_in=(0,) * 6)
    for r, row in enumerate(t3):
        for c in range(1, 6):
            if row[c] == 0:
                row[c] = None  # organisations left blank: the relations still hold
    report = make_report(t3=t3)
    assert arithmetic(check_report(report)) == []


def test_a_blank_total_is_a_warning_not_an_error():
    report = make_report()
    report.set_value(("t3", 0, 6), None)
    found = arithmetic(check_report(report), "t3.row_total")
    assert [f.severity for f in found] == [WARNING]
    assert "未填写（空白，按 0 计），按自然人与五类法人或其他组织之和应为 4" in found[0].message
