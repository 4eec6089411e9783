"""Claim extraction: each wording of the spec, Chinese numerals, and what is left alone."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document, make_report  # noqa: E402

from gkdesk.checks.claims import extract_claims  # noqa: E402
from gkdesk.checks.numerals import chinese_to_int, parse_count  # noqa: E402

RECEIVED = ("t3", 0, 6)
CARRIED_IN = ("t3", 1, 6)
RESULTS = ("t3", 23, 6)
CARRIED_OVER = ("t3", 24, 6)
REVIEW = (("t4", 0, 4),)
LITIGATION = (("t4", 0, 9), ("t4", 0, 14))


def claims_of(sentence: str, section: str = "三", version: str = "2021", year: int = 2023):
    report = make_report(text=document(sentence, section, year), version=version, year=year)
    return [(c.rule.split(".", 1)[1], c.stated, c.cells, c.zero) for c in extract_claims(report) if c.checked]


def unchecked_of(sentence: str, section: str = "三", version: str = "2021", year: int = 2023):
    """The phrases of the statements about a table subject that were not tied to cells."""
    report = make_report(text=document(sentence, section, year), version=version, year=year)
    return [c.phrase for c in extract_claims(report) if not c.checked]


@pytest.mark.parametrize(
    "text, value",
    [("零", 0), ("一", 1), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105),
     ("两千", 2000), ("一千二百三十四", 1234), ("一万零五百", 10500)],
)
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["二三", "十十", "百千", "", "万"])
def test_malformed_chinese_numerals(text):
    assert chinese_to_int(text) is None


def test_arabic_numbers_with_thousands_separators():
    assert parse_count("1,123") == 1123 and parse_count("42") == 42


# ---------------------------------------------------------------- 表三 counts ------------

@pytest.mark.parametrize(
    "sentence, stated",
    [
        ("2023年共收到42条依申请公开申请，全部按时、高效完成答复。", 42),
        ("本年度共收到政府信息公开申请54件，已全部办理。", 54),
        ("本年度我中心收到依申请公开申请 0 件。", 0),
        ("本年度共受理政府信息公开申请1,123件。", 1123),
        ("全年共收到政府信息公开申请十二件。", 12),
        ("全年共收到政府信息公开申请两件。", 2),
        ("全年共收到政府信息公开申请一百零五件。", 105),
        ("本年新收政府信息公开申请二十三件。", 23),
        ("今年共收到\n政府信息公开申请 54\n件。", 54),
    ],
)
def test_received_count_is_tied_to_row_one_total(sentence, stated):
    assert claims_of(sentence) == [("t3_received", stated, (RECEIVED,), False)]


def test_received_count_may_also_mean_one_plus_two():
    report = make_report(text=document("本年度共受理政府信息公开申请45件。"))
    (claim,) = extract_claims(report)
    assert claim.alternatives == ((RECEIVED, CARRIED_IN),)


def test_received_carried_results_and_carried_over_in_one_sentence():
    sentence = "本年度共收到政府信息公开申请54件，上年结转0件，办结44件，结转下年度继续办理两件。"
    assert claims_of(sentence, "一") == [
        ("t3_received", 54, (RECEIVED,), False),
        ("t3_carried_in", 0, (CARRIED_IN,), False),
        ("t3_results", 44, (RESULTS,), False),
        ("t3_carried_over", 2, (CARRIED_OVER,), False),
    ]


def test_answered_count_is_tied_to_results_total():
    assert claims_of("共收到政府信息公开申请30件，已答复28件，结转下一年度办理2件。") == [
        ("t3_received", 30, (RECEIVED,), False),
        ("t3_results", 28, (RESULTS,), False),
        ("t3_carried_over", 2, (CARRIED_OVER,), False),
    ]


def test_2019_rows_are_taken_from_the_2019_schema():
    claims = claims_of("本年度共收到政府信息公开申请51件，办结48件，结转下年度继续办理3件。", version="2019", year=2020)
    assert [c[:3] for c in claims] == [
        ("t3_received", 51, (RECEIVED,)),
        ("t3_results", 48, (("t3", 21, 6),)),
        ("t3_carried_over", 3, (("t3", 22, 6),)),
    ]


def test_applicant_split_follows_a_received_count():
    claims = claims_of("2023年，我局共收到政府信息公开申请51件，其中自然人申请35件，法人或其他组织申请16件。")
    assert claims == [
        ("t3_received", 51, (RECEIVED,), False),
        ("t3_applicants", 35, (("t3", 0, 0),), False),
        ("t3_applicants", 16, tuple(("t3", 0, c) for c in range(1, 6)), False),
    ]


def test_applicant_counts_of_the_answered_applications_are_results():
    assert claims_of("办结的申请中，自然人申请35件。") == [("t3_results", 35, (("t3", 23, 0),), False)]


# ---------------------------------------------------------------- 表三 absence -----------

@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收到政府信息公开申请。",
        "今年未收到和处理政府信息公开申请。",
        "2023 年度，我局未收到信息公开申请。",
        "区政数局无依申请公开信息。",
        "本年度没有收到依申请公开的申请。",
    ],
)
def test_no_application_claims(sentence):
    assert claims_of(sentence) == [("t3_received", 0, (RECEIVED,), True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收取信息处理费。",
        "本年度无依申请公开收费情况。",
        "本年度未收到申请人补正材料。",
        "对不予公开的，申请人可依法申请行政复议。",
    ],
)
def test_statements_that_are_not_about_the_number_of_applications(sentence):
    assert [c for c in claims_of(sentence) if c[0] == "t3_received"] == []


# ---------------------------------------------------------------- 表四 -------------------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "2023年，我中心未收到因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
            [("t4_review", 0, REVIEW, True), ("t4_litigation", 0, LITIGATION, True)],
        ),
        (
            "2023年，我镇未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
            [("t4_review", 0, REVIEW, True), ("t4_litigation", 0, LITIGATION, True)],
        ),
        ("今年，未收到行政复议相关诉求。", [("t4_review", 0, REVIEW, True)]),
        (
            "区政数局无公开申请行政复议，提起行政诉讼情况。",
            [("t4_review", 0, REVIEW, True), ("t4_litigation", 0, LITIGATION, True)],
        ),
        ("本年度未发生因政府信息公开被提起行政诉讼的情况。", [("t4_litigation", 0, LITIGATION, True)]),
    ],
)
def test_no_review_or_litigation_claims(sentence, expected):
    assert claims_of(sentence, "四") == expected


def test_review_and_litigation_counts():
    assert claims_of("2023年，我局因政府信息公开工作被申请行政复议1件，被提起行政诉讼两件。", "四") == [
        ("t4_review", 1, REVIEW, False),
        ("t4_litigation", 2, LITIGATION, False),
    ]


def test_a_count_shared_by_review_and_litigation_is_their_sum():
    assert claims_of("本年度被申请行政复议和提起行政诉讼共3件。", "四") == [
        ("t4_review_litigation", 3, REVIEW + LITIGATION, False)
    ]
    assert claims_of("本年度行政复议、行政诉讼各1件。", "四") == [
        ("t4_review", 1, REVIEW, False),
        ("t4_litigation", 1, LITIGATION, False),
    ]


def test_absence_stops_at_a_counted_clause():
    assert claims_of("本年度未发生行政诉讼，被申请行政复议2件。", "四") == [
        ("t4_litigation", 0, LITIGATION, True),
        ("t4_review", 2, REVIEW, False),
    ]


def test_pending_and_unreviewed_wordings_are_no_absence():
    assert claims_of("行政复议结果维持1件，尚未审结的行政诉讼正在办理。", "四") == [
        ("t4_outcome", 1, (("t4", 0, 0),), False)
    ]


# ---------------------------------------------------------------- 表二 -------------------

def test_published_counts_2021():
    claims = claims_of("2023年，我中心主动公开工作动态0条、通知公告0条、规章0项、行政许可404项、行政处罚十项。", "二")
    assert [c[:3] for c in claims] == [
        ("t2_published", 0, (("t2", 0, 0),)),
        ("t2_published", 404, (("t2", 2, 0),)),
        ("t2_published", 10, (("t2", 3, 0),)),
    ]


def test_published_counts_2019_use_decision_column():
    claims = claims_of("2020年，我局主动公开工作动态77条、行政许可0项、行政处罚3项。", "二", version="2019", year=2020)
    assert [c[:3] for c in claims] == [
        ("t2_published", 0, (("t2", 2, 2),)),
        ("t2_published", 3, (("t2", 4, 2),)),
    ]


def test_regulatory_documents_map_to_their_row():
    claims = claims_of("本年度主动公开行政规范性文件3件。", "一")
    assert [c[:3] for c in claims] == [("t2_published", 3, (("t2", 1, 0),))]


def test_published_counts_need_a_publication_context():
    assert claims_of("我局办理行政许可404项。", "五") == []


# ---------------------------------------------------------------- left alone -------------

@pytest.mark.parametrize(
    "sentence",
    [
        "2022年共收到政府信息公开申请30件。",  # another year's figure
        "共收到政府信息公开申请同比增加5件。",  # a comparison
        "本年度按时办结率100%。",
        "全年修复网站错别字38余个。",
        "依法不予受理政府信息公开申请2件。",
    ],
)
def test_unsafe_statements_are_no_claims(sentence):
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    "sentence, section",
    [
        ("其中通过网上申请平台收到政府信息公开申请12件。", "三"),  # one channel, not the whole count
        ("上年结转的申请已办结3件。", "三"),
        ("本局全年办理行政复议案件120件，涉及政府信息公开的2件。", "一"),  # the body deciding reviews
        ("本年度共清理规范性文件12件，并全部向社会公开。", "二"),  # cleaning up, not issuing
        ("主动公开行政处罚信息120条。", "二"),  # items published, not decisions
        ("全年办理行政复议案件120件。", "五"),
    ],
)
def test_parts_and_other_counts_are_no_claims(sentence, section):
    assert claims_of(sentence, section) == []


def test_review_counts_outside_section_four_need_a_disclosure_context():
    assert claims_of("本年度被申请行政复议2件。", "一") == []
    assert claims_of("本年度因政府信息公开被申请行政复议2件。", "一") == [("t4_review", 2, REVIEW, False)]


def test_claim_span_is_the_sentence_in_report_text():
    sentence = "本年度共收到政府信息公开申请54件，上年结转0件。"
    report = make_report(text=document(sentence))
    claims = extract_claims(report)
    start, end = claims[0].span
    assert report.text[start:end] == sentence
    assert claims[0].phrase == "共收到政府信息公开申请54件"


def test_table_text_is_not_read_as_narrative():
    report = make_report(text=document("本年新收政府信息公开申请数量 3 1 0 0 0 0 4 件数"))
    table = report.tables["t3"]
    start = report.text.index("本年新收")
    table.span = (start, start + 40)
    assert extract_claims(report) == []
