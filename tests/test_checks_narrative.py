"""Narrative claims against the tables: contradictions are errors with the sentence's span."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document, make_report, t3_values, t4_values  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.findings import ERROR, NARRATIVE, WARNING  # noqa: E402


def narrative(findings):
    return [f for f in findings if f.kind == NARRATIVE]


def report_with(sentence, section="三", **tables):
    return make_report(text=document(sentence, section), **tables)


def test_received_count_holds_and_breaks():
    sentence = "本年度共收到政府信息公开申请4件。"
    assert narrative(check_report(report_with(sentence))) == []  # the default table has 4
    report = report_with("本年度共收到政府信息公开申请54件。")
    (f,) = narrative(check_report(report))
    assert f.rule == "narrative.t3_received" and f.severity == ERROR
    assert ("t3", 0, 6) in f.cells
    assert report.text[f.span[0] : f.span[1]] == "本年度共收到政府信息公开申请54件。"
    assert f.message.startswith("正文称“共收到政府信息公开申请54件”（54），但表三 一、本年新收政府信息公开申请数量·总计 为 4")


def test_received_count_may_include_carried_over_applications():
    # 一 = 4, 二 = 1: "受理 5 件" reads as 一 + 二 and is no contradiction.
    assert narrative(check_report(report_with("本年度共受理政府信息公开申请5件。"))) == []
    (f,) = narrative(check_report(report_with("本年度共受理政府信息公开申请7件。")))
    assert "均与正文不符" in f.message and ("t3", 1, 6) in f.cells


def test_no_application_claim():
    zero = t3_values(received=(0,) * 6, carried_in=(0,) * 6)
    assert narrative(check_report(report_with("本年度未收到政府信息公开申请。", t3=zero))) == []
    (f,) = narrative(check_report(report_with("本年度未收到政府信息公开申请。")))
    assert f.cells[0] == ("t3", 0, 6)
    assert f.message == "正文称“未收到政府信息公开申请”，但表三 一、本年新收政府信息公开申请数量·总计 为 4"


def test_results_and_carried_over_counts():
    t3 = t3_values(received=(5, 0, 0, 0, 0, 0), carried_in=(0,) * 6, carried_over=(1, 0, 0, 0, 0, 0))
    good = "本年度共收到政府信息公开申请5件，办结4件，结转下年度继续办理1件。"
    assert narrative(check_report(report_with(good, t3=t3))) == []
    bad = "本年度共收到政府信息公开申请5件，办结5件，结转下年度继续办理0件。"
    found = narrative(check_report(report_with(bad, t3=t3)))
    assert {f.rule for f in found} == {"narrative.t3_results", "narrative.t3_carried_over"}
    assert {f.cells[0] for f in found} == {("t3", 23, 6), ("t3", 24, 6)}


def test_applicant_split():
    good = "本年度共收到政府信息公开申请4件，其中自然人申请3件，法人或其他组织申请1件。"
    assert narrative(check_report(report_with(good))) == []
    bad = "本年度共收到政府信息公开申请4件，其中自然人申请2件，法人或其他组织申请2件。"
    found = narrative(check_report(report_with(bad)))
    assert [f.cells[0] for f in found] == [("t3", 0, 0), ("t3", 0, 1)]


def test_no_review_or_litigation_claim_against_table_four():
    sentence = "本年度未收到因政府信息公开工作被申请行政复议或提起行政诉讼的情况。"
    quiet = t4_values(review=(0, 0, 0, 0))
    assert narrative(check_report(report_with(sentence, "四", t4=quiet))) == []
    (f,) = narrative(check_report(report_with(sentence, "四")))  # the default has one review
    assert f.rule == "narrative.t4_review"
    assert f.cells == [("t4", 0, 4)]
    assert "但表四 行政复议·总计 为 1" in f.message


def test_litigation_count_is_the_sum_of_both_kinds():
    t4 = t4_values(review=(0, 0, 0, 0), direct=(1, 0, 0, 0), after=(0, 0, 0, 1))
    assert narrative(check_report(report_with("本年度被提起行政诉讼2件。", "四", t4=t4))) == []
    (f,) = narrative(check_report(report_with("本年度被提起行政诉讼1件。", "四", t4=t4)))
    assert f.cells == [("t4", 0, 9), ("t4", 0, 14)]
    assert "之和 为 2" in f.message


def test_published_counts():
    assert narrative(check_report(report_with("我局主动公开行政许可12项、行政处罚4项。", "二"))) == []
    (f,) = narrative(check_report(report_with("我局主动公开行政许可21项、行政处罚4项。", "二")))
    assert f.rule == "narrative.t2_published" and f.cells == [("t2", 2, 0)]
    assert "表二 行政许可·本年处理决定数量 为 12" in f.message


def test_rules_count_may_mean_the_effective_rules():
    # 规章 本年制发 0, 现行有效 5: "规章5项" is not a safe contradiction.
    assert narrative(check_report(report_with("主动公开规章5项。", "二"))) == []
    (f,) = narrative(check_report(report_with("主动公开规章3项。", "二")))
    assert f.cells == [("t2", 0, 0), ("t2", 0, 2)]


def test_a_blank_table_cell_is_no_contradiction():
    t2 = [[None, None, None], [1, 0, 3], [None], [4], [0], [0.5]]
    assert narrative(check_report(report_with("我局主动公开行政许可21项。", "二", t2=t2))) == []


def test_blank_total_uses_the_sum_of_its_parts():
    t3 = t3_values()
    t3[0][6] = None  # 一 总计 left blank; its parts sum to 4
    assert narrative(check_report(report_with("本年度共收到政府信息公开申请4件。", t3=t3))) == []
    assert narrative(check_report(report_with("本年度共收到政府信息公开申请9件。", t3=t3)))


def test_sentences_that_disagree_when_the_table_is_missing():
    text = document("本年度共收到政府信息公开申请44件。", "三").replace(
        "一、总体情况\n本局认真做好相关工作。", "一、总体情况\n本年度共收到政府信息公开申请54件。"
    )
    report = make_report(text=text, tables=("t2", "t4"))
    (f,) = narrative(check_report(report))
    assert f.rule == "narrative.inconsistent_text" and f.severity == WARNING
    assert f.cells == [("t3", 0, 6)]
    assert "54件" in f.message and "44件" in f.message
    agreeing = text.replace("54件", "44件")
    assert narrative(check_report(make_report(text=agreeing, tables=("t2", "t4")))) == []


def test_carried_in_count():
    # The default table carries 1 application in from last year.
    assert narrative(check_report(report_with("本年度共收到政府信息公开申请4件，上年结转1件。"))) == []
    (f,) = narrative(check_report(report_with("本年度共收到政府信息公开申请4件，上年结转3件。")))
    assert f.rule == "narrative.t3_carried_in" and f.cells == [("t3", 1, 6)]


def test_count_shared_by_review_and_litigation():
    t4 = t4_values(review=(1, 0, 0, 0), direct=(0, 0, 0, 1))
    assert narrative(check_report(report_with("本年度被申请行政复议和提起行政诉讼共2件。", "四", t4=t4))) == []
    (f,) = narrative(check_report(report_with("本年度被申请行政复议和提起行政诉讼共3件。", "四", t4=t4)))
    assert f.rule == "narrative.t4_review_litigation"
    assert f.cells == [("t4", 0, 4), ("t4", 0, 9), ("t4", 0, 14)]
