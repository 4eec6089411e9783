"""Across years: this year's 上年结转 against last year's 结转下年度继续办理, and 表二 hints."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import make_report, t3_values  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.checks.batch import previous_reports  # noqa: E402
from gkdesk.findings import WARNING  # noqa: E402


def across(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_carry_over_matches_last_year():
    last = make_report(year=2022, t3=t3_values(carried_over=(1, 0, 0, 0, 0, 0)))
    this = make_report(year=2023, t3=t3_values(carried_in=(1, 0, 0, 0, 0, 0)))
    assert across(check_report(this, last), "across.t3_carry") == []


def test_carry_over_differs_from_last_year():
    last = make_report(year=2022, t3=t3_values(carried_over=(2, 0, 0, 0, 0, 0)))
    this = make_report(year=2023, t3=t3_values(carried_in=(1, 0, 0, 0, 0, 0)))
    found = across(check_report(this, last), "across.t3_carry")
    assert [f.cells for f in found] == [[("t3", 1, 0)], [("t3", 1, 6)]]
    assert all(f.severity == WARNING for f in found)
    assert found[0].expected == 2
    assert found[0].message == (
        "表三 二、上年结转政府信息公开申请数量·自然人 为 1，"
        "而上年（2022 年）报告 四、结转下年度继续办理·自然人 为 2，两者应相等"
    )


def test_carry_over_from_a_2019_format_report():
    last = make_report(version="2019", year=2020, t3=t3_values("2019", carried_over=(3, 0, 0, 0, 0, 0)))
    this = make_report(version="2021", year=2021, t3=t3_values(carried_in=(3, 0, 0, 0, 0, 0)))
    assert across(check_report(this, last), "across.t3_carry") == []
    this.set_value(("t3", 1, 0), 2)
    assert across(check_report(this, last), "across.t3_carry")


def test_no_check_against_a_report_of_another_year():
    last = make_report(year=2020, t3=t3_values(carried_over=(2, 0, 0, 0, 0, 0)))
    this = make_report(year=2023)
    assert across(check_report(this, last), "across.t3_carry") == []


def test_effective_rules_cannot_grow_beyond_what_was_issued():
    last = make_report(year=2022, t2=[[0, 0, 5], [1, 0, 3], [12], [4], [0], [0.5]])
    this = make_report(year=2023, t2=[[1, 0, 6], [1, 1, 3], [12], [4], [0], [0.5]])
    assert across(check_report(this, last), "across.t2_effective") == []
    this.set_value(("t2", 0, 2), 8)  # 5 + 1 issued - 0 repealed = at most 6
    (f,) = across(check_report(this, last), "across.t2_effective")
    assert f.cells[0] == ("t2", 0, 2) and "不应超过 6" in f.message


def test_2019_item_counts_follow_last_year():
    t2_last = [[0, 1, 5], [1, 2, 3], [10, -2, 12], [3, 0, 1], [5, 1, 4], [0, 0, 0], [2, -1], [3, 12.5]]
    t2_this = [[0, 1, 5], [1, 2, 3], [8, 1, 12], [3, 0, 1], [6, 0, 4], [0, 0, 0], [1, 0], [3, 12.5]]
    last = make_report(version="2019", year=2019, t2=t2_last)
    this = make_report(version="2019", year=2020, t2=t2_this)
    assert across(check_report(this, last), "across.t2_items") == []
    this.set_value(("t2", 2, 0), 9)
    (f,) = across(check_report(this, last), "across.t2_items")
    assert f.cells == [("t2", 2, 0)] and f.expected == 8


def test_batch_pairs_reports_of_the_same_agency():
    a22 = make_report(year=2022)
    a23 = make_report(year=2023)
    other = make_report(year=2023)
    other.agency = "另一单位"
    assert previous_reports([a23, other, a22]) == [a22, None, None]
