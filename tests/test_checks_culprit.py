"""Culprit suggestion: the single cell whose change repairs every broken relation."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import make_report, t3_values, t4_values  # noqa: E402

from gkdesk.checks import Checker, check_report  # noqa: E402
from gkdesk.findings import ARITHMETIC  # noqa: E402
from gkdesk.schema import table_spec  # noqa: E402


def broken(findings):
    return [f for f in findings if f.kind == ARITHMETIC]


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_unique_culprit_is_named_on_every_related_finding(version):
    t3 = t3_values(version, received=(1100, 20, 0, 0, 0, 0), carried_in=(1, 0, 0, 0, 0, 0), carried_over=(2, 0, 0, 0, 0, 0))
    t3[0][6] = 1123  # should be 1120: breaks the row total and the 总计 column balance
    report = make_report(version=version, t3=t3)
    found = broken(check_report(report))
    assert {f.rule for f in found} == {"t3.row_total", "t3.balance"}
    for f in found:
        assert f.culprit is not None
        assert f.culprit.cell == ("t3", 0, 6) and f.culprit.value == 1120
        assert f.ambiguous_culprits == []
        assert "最可能的错误：表三 一、本年新收政府信息公开申请数量·总计 应为 1120" in f.message


def test_unique_culprit_in_a_leaf_row():
    spec = table_spec("2021", "t3")
    other = spec.row_index("3.其他")
    t3 = t3_values(received=(5, 0, 0, 0, 0, 0), carried_in=(0,) * 6)
    # Move two 自然人 results into （六）3.其他, then misstate that cell as 1.
    t3[2][0] -= 2
    t3[2][6] -= 2
    t3[other][0] = 1
    t3[other][6] = 2
    report = make_report(t3=t3)
    found = broken(check_report(report))
    assert {f.rule for f in found} == {"t3.row_total", "t3.results_total"}
    assert all(f.culprit.cell == ("t3", other, 0) and f.culprit.value == 2 for f in found)


def test_several_single_cell_repairs_are_reported_as_ambiguous():
    report = make_report(t4=t4_values(review=(1, 1, 0, 0)))
    report.set_value(("t4", 0, 4), 3)  # 总计 3, parts 2: any one of five cells could be wrong
    (f,) = broken(check_report(report))
    assert f.culprit is None
    assert {c.cell for c in f.ambiguous_culprits} == {("t4", 0, c) for c in range(5)}
    repairs = {c.cell: c.value for c in f.ambiguous_culprits}
    assert repairs[("t4", 0, 4)] == 2 and repairs[("t4", 0, 0)] == 2 and repairs[("t4", 0, 2)] == 1
    assert "有 5 种只改一个单元格的修正" in f.message and "无法确定是哪一格" in f.message
    assert "最可能的错误" not in f.message


def test_repairs_that_would_make_a_count_negative_are_not_offered():
    report = make_report(t4=t4_values(review=(1, 0, 0, 0)))
    report.set_value(("t4", 0, 4), 3)  # parts would have to grow by 2; 总计 shrink to 1
    (f,) = broken(check_report(report))
    repairs = {c.cell: c.value for c in f.ambiguous_culprits}
    assert repairs[("t4", 0, 4)] == 1 and repairs[("t4", 0, 1)] == 2
    report.set_value(("t4", 0, 4), 0)  # now a part must shrink by 1: only 结果维持 can, or 总计 rise
    (f,) = broken(check_report(report))
    repairs = {c.cell: c.value for c in f.ambiguous_culprits}
    assert repairs == {("t4", 0, 4): 1, ("t4", 0, 0): 0}


def test_no_culprit_when_no_single_cell_repairs_everything():
    t3 = t3_values()
    t3[0][6] += 1  # row 一
    t3[2][1] += 1  # and an unrelated cell elsewhere
    report = make_report(t3=t3)
    found = broken(check_report(report))
    assert found
    assert all(f.culprit is None and not f.ambiguous_culprits for f in found)


def test_culprit_follows_corrections():
    t3 = t3_values()
    t3[0][6] = 9
    report = make_report(t3=t3)
    checker = Checker(report)
    assert broken(checker.findings)[0].culprit.value == 4
    report.set_value(("t3", 0, 6), 4)
    assert broken(checker.recheck()) == []
