"""The claim grammar: wordings of real narratives per lexicon entry, readings, negation scope,
every false alarm measured so far, and the real reports checked against their own truth."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import SHARED, document, make_report, t3_values, t4_values  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.checks.claims import extract_claims  # noqa: E402
from gkdesk.checks.narrative import claim_findings  # noqa: E402
from gkdesk.findings import ERROR, INFO, NARRATIVE, WARNING  # noqa: E402
from gkdesk.model import Cell, ParseNote, Table  # noqa: E402
from gkdesk.schema import NARRATIVE_WORDS, table_spec  # noqa: E402

RECEIVED, CARRIED_IN, RESULTS, CARRIED_OVER = ("t3", 0, 6), ("t3", 1, 6), ("t3", 23, 6), ("t3", 24, 6)
REVIEW, LITIGATION = (("t4", 0, 4),), (("t4", 0, 9), ("t4", 0, 14))


def claims(sentence, section="一", version="2021", year=2023):
    report = make_report(text=document(sentence, section, year), version=version, year=year)
    return [c for c in extract_claims(report)]


def tied(sentence, section="一", version="2021", year=2023):
    """(rule, stated, first reading) of the checked claims."""
    return [(c.rule.split(".", 1)[1], c.stated, c.cells) for c in claims(sentence, section, version, year) if c.checked]


def narrative(findings, severity=None):
    return [f for f in findings if f.kind == NARRATIVE and (severity is None or f.severity == severity)]


# ---------------------------------------------------------------- the lexicon ------------

def test_the_lexicon_names_only_parts_of_the_schema():
    """Every target of a wording names a row, column or group of some version of its table."""
    specs = [table_spec(v, t) for v in ("2021", "2019") for t in ("t2", "t3", "t4")]
    for w in NARRATIVE_WORDS:
        if not w.target:
            continue
        labels = set()
        for spec in (s for s in specs if s.id == w.table):
            for r, row in enumerate(spec.rows):
                labels |= {row.label, *row.path}
                for col in spec.row_columns(r):
                    labels |= {col.label, col.short, *col.path}
        targets = [w.target] + [t.lstrip("-") for reading in w.readings for t in reading]
        assert all(t in labels for t in targets), w


# Phrasings of real narratives (../shared/corpus/real, seeds), one group per lexicon entry.
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 表三 一: 收到 / 受理 / 接收 / 新增 / 申请数量为
        ("2023年全区各级行政机关共受理政府信息公开申请21件，受理的申请件已按规定在法定期限内予以答复。",
         [("t3_received", 21, (RECEIVED,))]),
        ("2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件。", [("t3_received", 81, (RECEIVED,))]),
        ("2023年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。",
         [("t3_received", 17, (RECEIVED,))]),
        ("2023年共收到42条依申请公开申请，全部按时、高效完成答复。", [("t3_received", 42, (RECEIVED,))]),
        ("本年度新增政府信息公开申请68件。", [("t3_received", 68, (RECEIVED,))]),
        ("本年度受理依申请公开事项68件。", [("t3_received", 68, (RECEIVED,))]),
        ("本年度政府信息公开申请数量为68件。", [("t3_received", 68, (RECEIVED,))]),
        ("本年度政府信息公开申请共有68件。", [("t3_received", 68, (RECEIVED,))]),
        # the count before its noun and verb after it
        ("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。",
         [("t3_received", 70, (RECEIVED,)), ("t3_results", 69, (RESULTS,)), ("t3_carried_over", 1, (CARRIED_OVER,))]),
        # 结转至<next year>: the carried-over row, not another year's figure
        ("2023年，全区共收到政府信息公开申请154件，共办结148件，结转至2024年6件。",
         [("t3_received", 154, (RECEIVED,)), ("t3_results", 148, (RESULTS,)), ("t3_carried_over", 6, (CARRIED_OVER,))]),
        ("2023年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。",
         [("t3_received", 3119, (RECEIVED,)), ("t3_results", 3050, (RESULTS,)), ("t3_carried_in", 34, (CARRIED_IN,)),
          ("t3_carried_over", 103, (CARRIED_OVER,))]),
        # applicants after the count they break down
        ("2023年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复。",
         [("t3_received", 75, (RECEIVED,)), ("t3_applicants", 72, (("t3", 0, 0),)),
          ("t3_applicants", 3, (("t3", 0, 1),))]),
        # kinds of result, one joined by 及
        ("办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件；"
         "不予处理1件；其他处理2件。",
         [("t3_results", 81, (RESULTS,)), ("t3_result_kind", 42, (("t3", 2, 6), ("t3", 3, 6))),
          ("t3_result_kind", 5, tuple(("t3", r, 6) for r in range(4, 12))),
          ("t3_result_kind", 31, tuple(("t3", r, 6) for r in range(12, 15))),
          ("t3_result_kind", 1, tuple(("t3", r, 6) for r in range(15, 20))),
          ("t3_result_kind", 2, tuple(("t3", r, 6) for r in range(20, 23)))]),
        # 表四: groups, outcomes, 起 / 件
        ("因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
         [("t4_review", 2, REVIEW), ("t4_litigation", 7, LITIGATION)]),
        ("政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件。",
         [("t4_review", 351, REVIEW), ("t4_outcome", 72, (("t4", 0, 0),)), ("t4_outcome", 64, (("t4", 0, 1),)),
          ("t4_outcome", 178, (("t4", 0, 2),)), ("t4_outcome", 37, (("t4", 0, 3),))]),
        ("政府信息公开行政诉讼46件，其中结果维持25件。",
         [("t4_litigation", 46, LITIGATION), ("t4_outcome", 25, (("t4", 0, 5), ("t4", 0, 10)))]),
        ("2023年，因政府信息公开被申请行政复议5起（其中结果维持2起、结果纠正1起、其他结果1起、尚未审结1起）。",
         [("t4_review", 5, REVIEW), ("t4_outcome", 2, (("t4", 0, 0),)), ("t4_outcome", 1, (("t4", 0, 1),)),
          ("t4_outcome", 1, (("t4", 0, 2),)), ("t4_outcome", 1, (("t4", 0, 3),))]),
        # 表二: 制发 / 现行有效 / 新增, rows by their short names
        ("设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。",
         [("t2_published", 698, (("t2", 1, 2),)), ("t2_published", 88, (("t2", 1, 0),))]),
        ("按照要求设立规范性文件库，清理并集中发布现行有效行政规范性文件393件。", [("t2_published", 393, (("t2", 1, 2),))]),
        ("动态更新发布本年度制发行政规范性文件62件。", [("t2_published", 62, (("t2", 1, 0),))]),
        ("全年新增公开市政府规章 1 件、市政府及市政府办政策性文件11件。", [("t2_published", 1, (("t2", 0, 0),))]),
    ],
)
def test_real_phrasings(sentence, expected):
    assert tied(sentence) == expected


def test_a_fee_in_yuan_is_compared_in_ten_thousands():
    (claim,) = claims("本年度收取行政事业性收费5000元。", "二")
    assert claim.cells == (("t2", 5, 0),) and claim.allows(0.5) and not claim.allows(0.6)
    (claim,) = claims("本年度行政事业性收费金额0.35万元。", "二")
    assert claim.allows(0.35)


def test_approximate_quantities_are_ranges():
    (claim,) = claims("全年共收到政府信息公开申请40余件。")
    assert claim.allows(43) and not claim.allows(40) and not claim.allows(50)
    (claim,) = claims("全年共收到政府信息公开申请约40件。")
    assert claim.allows(36) and claim.allows(44) and not claim.allows(60)
    (claim,) = claims("全年共收到政府信息公开申请100件以上。")
    assert claim.allows(100) and claim.allows(300) and not claim.allows(99)


# ---------------------------------------------------------------- lists and word order ---

@pytest.mark.parametrize(
    "sentence, section, expected",
    [
        # 分别: the n-th item of the list with the n-th quantity
        ("行政复议、行政诉讼分别为2件和1件。", "四", [("t4_review", 2, REVIEW), ("t4_litigation", 1, LITIGATION)]),
        ("行政复议和行政诉讼案件，分别为2件和1件。", "四", [("t4_review", 2, REVIEW), ("t4_litigation", 1, LITIGATION)]),
        ("本年度规章、规范性文件分别制发1件、3件。", "二",
         [("t2_published", 1, (("t2", 0, 0),)), ("t2_published", 3, (("t2", 1, 0),))]),
        ("本年度制发、废止规范性文件分别为3件、1件。", "二",
         [("t2_published", 3, (("t2", 1, 0),)), ("t2_published", 1, (("t2", 1, 1),))]),
        ("本年度收到自然人、法人分别提出的申请60件、8件。", "三",
         [("t3_applicants", 60, (("t3", 0, 0),)), ("t3_applicants", 8, tuple(("t3", 0, c) for c in range(1, 6)))]),
        ("本年度予以公开、部分公开、不予公开的申请分别为3件、1件和0件。", "三",
         [("t3_result_kind", 3, (("t3", 2, 6),)), ("t3_result_kind", 1, (("t3", 3, 6),)),
          ("t3_result_kind", 0, tuple(("t3", r, 6) for r in range(4, 12)))]),
        # 分别 before quantities with words of their own: each keeps its words
        ("本年度行政复议2件，分别为维持1件、纠正1件。", "四",
         [("t4_review", 2, REVIEW), ("t4_outcome", 1, (("t4", 0, 0),)), ("t4_outcome", 1, (("t4", 0, 1),))]),
        # the count before its words: each outcome after its count, not the one before
        ("涉及政府信息公开的行政诉讼案件2起，其中1起维持、1起尚未审结。", "四",
         [("t4_litigation", 2, LITIGATION), ("t4_outcome", 1, (("t4", 0, 5), ("t4", 0, 10))),
          ("t4_outcome", 1, (("t4", 0, 8), ("t4", 0, 13)))]),
        # no punctuation between: each kind before its count
        ("予以公开3件部分公开1件。", "三", [("t3_result_kind", 3, (("t3", 2, 6),)), ("t3_result_kind", 1, (("t3", 3, 6),))]),
        # a colon before the count, 人次
        ("本年度收到政府信息公开申请：4件。", "三", [("t3_received", 4, (RECEIVED,))]),
        ("本年度收到政府信息公开申请4人次。", "三", [("t3_received", 4, (RECEIVED,))]),
    ],
)
def test_lists_and_word_order(sentence, section, expected):
    assert tied(sentence, section) == expected


@pytest.mark.parametrize(
    "sentence, section, expected",
    [
        # none said with a bare 0 after 为 / 是 (no measure word)
        ("本年度行政复议和行政诉讼均为0。", "四", [("t4_review", 0, REVIEW), ("t4_litigation", 0, LITIGATION)]),
        ("因政府信息公开被申请行政复议和提起行政诉讼的数量均为零。", "四",
         [("t4_review", 0, REVIEW), ("t4_litigation", 0, LITIGATION)]),
        ("本年度政府信息公开申请数为0，办结率为100%。", "三", [("t3_received", 0, (RECEIVED,))]),
        ("本年度行政事业性收费金额为0。", "二", [("t2_fee", 0, (("t2", 5, 0),))]),
        ("本年度行政复议纠错率为0。", "四", []),  # a rate
        ("本年度政府信息公开申请数为0.5%。", "三", []),
    ],
)
def test_a_bare_zero_after_a_subject(sentence, section, expected):
    assert tied(sentence, section) == expected


@pytest.mark.parametrize(
    "sentence",
    ["本年度共收到政府信息公开申请4件，均在法定期限内答复，无超期答复。", "本年度依申请公开办结率为100%，未发生逾期答复情况。",
     "本年度无逾期答复的政府信息公开申请。", "本年度逾期答复政府信息公开申请1件。", "本年度未发生应公开而不予公开的情况。"],
)
def test_late_answers_are_a_part_the_tables_do_not_count(sentence):
    """无超期答复 says none was late, not that none was answered (a false error before)."""
    found = narrative(check_report(make_report(text=document(sentence, "三"))))
    assert [f.message for f in found if f.severity != INFO] == []
    assert not [c for c in claims(sentence, "三") if c.checked and c.cells == (RESULTS,)]


def test_the_2019_form_has_its_own_columns():
    assert tied("本年度政府集中采购项目3个。", "二", "2019", 2020) == [("t2_published", 3, (("t2", 7, 0),))]
    (claim,) = claims("本年度废止规范性文件2件。", "二", "2019", 2020)
    assert not claim.checked and claim.phrase == "废止规范性文件2件"
    assert tied("本年度废止规范性文件2件。", "二") == [("t2_published", 2, (("t2", 1, 1),))]
    assert claims("本年度政府集中采购项目3个。", "二") == []  # the 2021 form has no purchases


@pytest.mark.parametrize(
    "sentence, section",
    [
        # pending when the report was written: not a count of applications received
        ("本年度共收到政府信息公开申请4件，已按时答复3件，2件正在办理中。", "三"),
        # channels after a breakdown are parts, not the total (网络申请 read as 收到 before)
        ("本年度共收到政府信息公开申请4件（含上年结转1件），其中当面申请1件，网络申请3件。", "三"),
        # a notice of fees is no kind of result (收费通知 is an anchor of a row, not a narrative word)
        ("本年度发出收费通知3件。", "六"),
    ],
)
def test_parts_and_pending_are_no_totals(sentence, section):
    t3 = t3_values(received=(3, 1, 0, 0, 0, 0), carried_in=(1, 0, 0, 0, 0, 0), carried_over=(2, 0, 0, 0, 0, 0))
    found = narrative(check_report(make_report(text=document(sentence, section), t3=t3)))
    assert [f.message for f in found if f.severity != INFO] == []


def test_a_count_after_a_comparison_is_what_was_compared():
    assert tied("本年度政府信息公开申请同比增长一倍，达4件。", "三") == [("t3_received", 4, (RECEIVED,))]
    assert tied("本年度网站访问量同比增长20%，达5万次。", "三") == []
    assert tied("本年度收到申请4件，访问量同比增长20%，达5万次。", "三") == [("t3_received", 4, (RECEIVED,))]


def test_a_word_outside_one_table_does_not_hide_another():
    """申请人 is outside 表三's counts, not 表四's: 作为被申请人的行政复议案件2件 is a review count."""
    assert tied("本机关作为被申请人的行政复议案件2件，作为被告的行政诉讼案件1件。", "四") == [
        ("t4_review", 2, REVIEW), ("t4_litigation", 1, LITIGATION)]


def test_carried_with_no_direction_is_either_carried_in_or_over():
    (*_, claim) = claims("本年度共收到政府信息公开申请4件、办结3件、结转1件。", "三")
    assert claim.cells == (CARRIED_OVER,) and claim.alternatives == ((CARRIED_IN,),)
    t3 = t3_values(received=(3, 1, 0, 0, 0, 0), carried_in=(1, 0, 0, 0, 0, 0), carried_over=(1, 0, 0, 0, 0, 0))
    assert narrative(check_report(make_report(text=document("结转1件。本年度收到申请4件。", "三"), t3=t3))) == []


def test_table_text_left_among_the_sentences_is_not_read():
    """real/002-003: the end of a flattened 表二 outside the table's span, `政府集中采购` glued to its
    numbers; 表四's headers run together before section 五's first sentence."""
    text = ("第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购13575394432.52元。"
            "结果维持结果纠正其他结果尚未审结总计011021000100000五、存在的主要问题：受理政府信息公开申请9件。")
    found = claims(text, "二", "2019", 2019)
    assert [(c.rule, c.stated) for c in found] == [("narrative.t3_received", 9)]
    # header words with punctuation between are a narrative's (real/011)
    assert len(tied("政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件。")) == 5


def test_header_lines_misread_by_ocr_are_not_read():
    """A scan of gd05: 表四's header rows above its span, 未经复议直接起诉 read as 未经复议直接美 (and
    its 诉 in the next cell), are not the statement 未经复议; the sentence before keeps its claims."""
    sentence = "2024年，我局因政府信息公开工作被申请行政复议1件，被提起行政诉讼0件。"
    header = "\n行政复议\t\t\t\t\t行政诉讼\t\t\n\t\t\t\t\t未经复议直接美\t\t\t"
    assert tied(sentence + header, "四", year=2024) == tied(sentence, "四", year=2024) == [
        ("t4_review", 1, REVIEW), ("t4_litigation", 0, LITIGATION)]
    assert tied("未经复议直接美", "四") == tied("尚末审结结果纠正", "四") == []
    # A label alone is table text; a label in a sentence is not (本年度未经复议直接起诉0件).
    assert tied("本年度未经复议直接起诉0件。", "四") == [("t4_litigation", 0, (("t4", 0, 9),))]


# ---------------------------------------------------------------- readings ---------------

def test_a_received_total_may_count_the_carried_over_applications():
    # 一 = 3+1 = 4, 二 = 1: "受理 5 件，其中自然人 4 件" is 一 + 二 throughout.
    report = make_report(text=document("本年度受理政府信息公开申请5件，其中自然人4件。", "三"))
    assert narrative(check_report(report)) == []
    report = make_report(text=document("本年度受理政府信息公开申请6件。", "三"))
    (f,) = narrative(check_report(report))
    assert f.severity == ERROR and "均与正文不符" in f.message


def test_answered_may_leave_out_other_handling():
    t3 = t3_values(received=(5, 0, 0, 0, 0, 0), carried_in=(0,) * 6)
    t3[2][0] -= 1
    t3[2][6] -= 1
    t3[20][0] += 1  # one application 其他处理; （七）总计 stays 5
    t3[20][6] += 1
    assert narrative(check_report(make_report(text=document("本年度办结政府信息公开申请4件。", "三"), t3=t3))) == []
    assert narrative(check_report(make_report(text=document("本年度办结政府信息公开申请5件。", "三"), t3=t3))) == []
    assert narrative(check_report(make_report(text=document("本年度办结政府信息公开申请3件。", "三"), t3=t3)))


def test_handled_may_mean_received_or_answered():
    # 007: 全年办理政府信息公开申请218件 (its 一 and （七） are both 218).
    ((rule, stated, cells),) = tied("全年办理政府信息公开申请4件。")
    (claim,) = claims("全年办理政府信息公开申请4件。")
    assert cells == (RECEIVED,) and (RESULTS,) in claim.alternatives


def test_litigation_is_both_kinds_of_suit():
    t4 = t4_values(review=(0, 0, 0, 0), direct=(1, 0, 0, 0), after=(0, 1, 0, 0))
    report = make_report(text=document("本年度因政府信息公开被提起行政诉讼2件。", "四"), t4=t4)
    assert narrative(check_report(report)) == []


def test_corrected_and_lost_are_only_the_corrected_cells():
    # Cases there were, none corrected: "均未被纠错 / 无败诉" says nothing of the totals.
    t4 = t4_values(review=(2, 0, 1, 0), direct=(1, 0, 0, 0), after=(0, 0, 0, 0))
    sentence = "本年度因政府信息公开被申请行政复议3件，均未被纠错；行政诉讼无败诉。"
    report = make_report(text=document(sentence, "四"), t4=t4)
    assert narrative(check_report(report)) == []
    zeros = [c for c in claims(sentence, "四") if c.zero]
    assert [c.cells for c in zeros] == [(("t4", 0, 1),), (("t4", 0, 6), ("t4", 0, 11))]
    t4 = t4_values(review=(2, 1, 0, 0))
    report = make_report(text=document(sentence, "四"), t4=t4)
    (f,) = narrative(check_report(report))
    assert f.cells == [("t4", 0, 1)]


def test_settled_cases_have_none_pending():
    sentence = "2023年，共有行政诉讼案件1件、行政复议案件1件，均已结案。"
    ok = t4_values(review=(1, 0, 0, 0), direct=(0, 0, 1, 0))
    assert narrative(check_report(make_report(text=document(sentence, "四"), t4=ok))) == []
    pending = t4_values(review=(0, 0, 0, 1), direct=(0, 0, 1, 0))
    (f,) = narrative(check_report(make_report(text=document(sentence, "四"), t4=pending)))
    assert f.cells == [("t4", 0, 3)]


def test_an_open_row_is_tried_in_every_split():
    """real/006: 行政规范性文件77132470 splits several ways, none with 现行有效 393."""
    def report_with(sentence):
        report = make_report(text=document(sentence, "一"))
        report.tables["t2"].cells[1] = [Cell(None, "", None, 0.0, True) for _ in range(3)]
        splits = ((7, 7, 132470), (7, 71, 32470), (7, 713, 2470), (77, 132, 470), (77, 13, 2470))
        report.notes.append(ParseNote("ambiguous_split", "…", "t2", 1, candidates=splits))
        return report

    (f,) = narrative(check_report(report_with("集中发布现行有效行政规范性文件393件。")))
    assert f.severity == ERROR and f.cells == [("t2", 1, 2)]
    assert narrative(check_report(report_with("集中发布现行有效行政规范性文件470件。"))) == []
    assert narrative(check_report(report_with("本年度制发的规范性文件77件。"))) == []
    report = report_with("集中发布现行有效行政规范性文件470件。")
    report.set_value(("t2", 1, 2), 393)  # the reviewer fills the row: its value counts, not the splits
    assert narrative(check_report(report))


def test_a_contradiction_with_a_guessed_value_is_a_warning():
    report = make_report(text=document("本年度共收到政府信息公开申请54件。", "三"))
    report.tables["t3"].cells[0][6].inferred = True
    (f,) = narrative(check_report(report))
    assert f.severity == WARNING and "推定" in f.message


def test_an_ambiguous_subject_gives_a_warning():
    # 收费 alone may be the 信息处理费; a channel may be a part of the applications.
    (f,) = narrative(check_report(make_report(text=document("本年度收费5万元。", "二"))))
    assert f.severity == WARNING
    (f,) = narrative(check_report(make_report(text=document("本年度通过网络收到政府信息公开申请9件。", "三"))))
    assert f.severity == WARNING


# ---------------------------------------------------------------- negation ---------------

@pytest.mark.parametrize(
    "sentence, section, expected",
    [
        ("本年度未收到政府信息公开申请。", "三", [("t3_received", 0, (RECEIVED,))]),
        ("2023年度，我局未收到信息公开申请，无依申请公开事项。", "三",
         [("t3_received", 0, (RECEIVED,)), ("t3_received", 0, (RECEIVED,))]),
        ("今年未收到和处理政府信息公开申请。", "三", [("t3_received", 0, (RECEIVED,))]),
        ("今年，未收到行政复议相关诉求。", "四", [("t4_review", 0, REVIEW)]),
        ("2023年，区政数局无依申请公开信息，无公开申请行政复议，提起行政诉讼情况。", "一",
         [("t3_received", 0, (RECEIVED,)), ("t4_review", 0, REVIEW), ("t4_litigation", 0, LITIGATION)]),
        # seed 003: no duties of 许可, 处罚, 收费 — those rows only (行政强制 is not named)
        ("我中心无行政许可、处罚、行政事业性收费等工作职责。", "二",
         [("t2_published", 0, (("t2", 2, 0),)), ("t2_published", 0, (("t2", 3, 0),)),
          ("t2_published", 0, (("t2", 5, 0),))]),
        # the negation governs what follows it, not the clause before
        ("本年度被申请行政复议2件，未发生行政诉讼。", "四", [("t4_review", 2, REVIEW), ("t4_litigation", 0, LITIGATION)]),
        ("本年度未办结政府信息公开申请3件。", "三", []),  # the pending ones: no table figure
        ("本年度未发生不予公开的情况。", "三", [("t3_result_kind", 0, tuple(("t3", r, 6) for r in range(4, 12)))]),
    ],
)
def test_negation_scope(sentence, section, expected):
    assert tied(sentence, section) == expected
    assert all(c.zero for c in claims(sentence, section) if c.checked and c.stated == 0 and "0" not in sentence)


@pytest.mark.parametrize(
    "sentence, section",
    [
        ("2023年，无收取信息处理费情况。", "六"),
        ("2023年度尚未收取政府信息处理费。", "六"),
        ("2023年度我单位不存在信息公开收费情况。", "六"),
        ("本年度未收取政府信息公开信息处理费。", "六"),
        ("2023年未产生信息公开处理费。", "六"),
        ("全年收取政府信息公开信息处理费3940元。", "六"),
        ("本年度未收到申请人补正材料。", "三"),
        ("未经审核的信息一律不准发布。", "一"),
        ("本年度未发生应公开而不予公开的情况。", "三"),  # withheld wrongly: a part of 不予公开
        ("坚持应公开尽公开，本年度没有违规不予公开的情况。", "三"),
    ],
)
def test_fees_for_information_and_other_absences_are_no_table_claims(sentence, section):
    assert tied(sentence, section) == []


# ---------------------------------------------------------------- false alarms -----------

@pytest.mark.parametrize(
    "sentence, section, version, year",
    [
        # real/002 (2019 form): items published, licences, applying for something else
        ("全年公开核准企业资质条、施工许可证76条、安全生产许可证121条、申请竣工验收备案16条。", "一", "2019", 2019),
        ("政策、规范性文件类信息68条，行政许可类信息69条。", "一", "2019", 2019),
        # real/004: a quoted name with a count in it
        ("建立受理、第一时间转送承办单位和第一时间回复申请的“三个第一时间”机制。", "一", "2021", 2021),
        # real/003 (2019 form has no 废止 column); clean-ups
        ("经清理，已宣布废止规范性文件5件，拟适时修改3件。", "一", "2019", 2020),
        ("对区管委会全部规范性文件先后进行4次专项清理。", "一", "2019", 2020),
        ("本年度废止规范性文件2件。", "二", "2019", 2020),  # a column only the 2021 form has
        ("本年度政府集中采购总金额12.5万元。", "二", "2019", 2020),  # the cell's unit is the report's
        # real/010: rates, not counts
        ("有效降低行政复议、行政诉讼发生率和纠错率。", "五", "2021", 2024),
        # a reviewer's own caseload
        ("本局全年办理行政复议案件120件。", "一", "2021", 2023),
        ("全年修复门户网站扫描错、断链接以及文章错别字敏感字200余个。", "一", "2021", 2023),
        ("截至2023年末公众号粉丝量已达50万人，累计阅读量超245万人次。", "一", "2021", 2023),
        ("2022年共收到政府信息公开申请30件。", "一", "2021", 2023),  # another year
        ("上年度结转的行政复议案件3件已审结。", "四", "2021", 2023),  # last year's case
        ("共收到政府信息公开申请同比增加5件。", "一", "2021", 2023),  # a comparison
    ],
)
def test_measured_false_alarms_give_no_error(sentence, section, version, year):
    report = make_report(text=document(sentence, section, year), version=version, year=year)
    assert narrative(check_report(report), ERROR) == []
    assert narrative(check_report(report), WARNING) == []


def test_unchecked_statements_are_info_and_not_errors():
    report = make_report(text=document("本年度被申请行政复议2件。本局全年办理行政复议案件120件。", "一"))
    found = narrative(check_report(report))
    assert {f.severity for f in found} == {INFO} and len(found) == 2
    assert all(f.rule == "narrative.unchecked" and "未核对的表述" in f.message for f in found)
    assert [f.message.split("“")[1].split("”")[0] for f in found] == ["行政复议2件", "办理行政复议案件120件"]


def test_unchecked_statements_are_in_check_json_as_info(tmp_path):
    import subprocess

    path = tmp_path / "r.txt"
    path.write_text(document("本局全年办理行政复议案件120件。", "一"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gkdesk", "check", "--json", str(path)], capture_output=True,
                         text=True, encoding="utf-8")
    findings = json.loads(out.stdout.splitlines()[0])["findings"]
    info = [f for f in findings if f["rule"] == "narrative.unchecked"]
    assert info and info[0]["severity"] == "info" and info[0]["kind"] == "narrative" and "span" in info[0]


# ---------------------------------------------------------------- real reports -----------

REAL = SHARED / "corpus" / "real"


def _against_truth(path: Path, truth: dict) -> list:
    """The report's narrative checked against the truth's tables (recognition aside)."""
    from gkdesk.parsing import read_report

    report = read_report(path)
    report.notes = []
    for tid in ("t2", "t3", "t4"):
        vals = truth[tid]
        spec = table_spec(truth["format"], tid)
        if tid == "t3" and len(vals) != len(spec.rows):
            spec = table_spec("2019" if len(vals) == 23 else "2021", tid)
        rows = [vals] if tid == "t4" else vals
        old = report.tables.get(tid)
        report.tables[tid] = Table(spec, [[Cell(v) for v in row] for row in rows], span=old.span if old else None)
    report.format = truth["format"]
    values = {a: report.value(a) for a in report.addresses()}
    return claim_findings(report, extract_claims(report), values)


def _truth_cases():
    if not REAL.exists():
        return []
    cases = [(p, p.with_suffix(".json")) for p in sorted(REAL.glob("*.txt"))]
    cases += [(p, SHARED / "corpus" / "seeds" / (p.stem + ".json")) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return [pytest.param(p, t, id=p.name) for p, t in cases if t.exists()]


@pytest.mark.parametrize("path, truth_path", _truth_cases())
def test_real_reports_against_their_truth(path, truth_path):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    found = _against_truth(path, truth)
    contradictions = [c for c in truth.get("narrative_claims") or [] if c["agrees"] is False]
    errors = [f for f in found if f.severity == ERROR]
    if contradictions:
        assert errors, "a real contradiction not found"
    else:
        assert [f.message for f in found if f.severity in (ERROR, WARNING)] == []
    if "seeds" in str(path):
        assert found == []  # seeds: no narrative finding at all


def _quoted(message: str) -> str:
    return message.split("“", 1)[1].split("”", 1)[0]


@pytest.mark.parametrize("path, truth_path", _truth_cases())
def test_every_finding_names_its_cells_and_its_sentence(path, truth_path):
    """Each narrative finding carries the sentence's span, whose text holds the words quoted, and a
    problem (not an info) names the cells it is about."""
    from gkdesk.schema import normalize_label

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    found = _against_truth(path, truth)
    from gkdesk.parsing import read_report

    text = read_report(path).text
    for f in found:
        assert f.span is not None and 0 <= f.span[0] < f.span[1] <= len(text), f.message
        if f.severity != INFO:
            assert f.cells, f.message
        if "“" in f.message:
            assert normalize_label(_quoted(f.message)) in normalize_label(text[f.span[0] : f.span[1]]), f.message


def test_a_contradiction_names_its_cells_and_sentence():
    sentence = "本年度共收到政府信息公开申请54件，办结50件。"
    report = make_report(text=document(sentence, "三"))
    found = narrative(check_report(report))
    assert found and all(f.cells and f.span for f in found)
    for f in found:
        assert report.text[f.span[0] : f.span[1]] == sentence
