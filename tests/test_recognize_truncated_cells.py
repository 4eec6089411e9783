"""Converters that cut cells to their column width: the overflow of a cut label is glued to the
next number ("31不计�"), and labels end in a broken character."""
from gkdesk.parsing import parse_text
from report_factory import render, values_for


def test_number_with_cut_label_text_glued_on_stands_alone():
    values = values_for("2021", seed=2)
    values["t3"][3] = [31, 2, 1, 0, 4, 3, 41]
    text = render("2021", values, "spaces")
    line = next(ln for ln in text.split("\n") if "（二）部分公开" in ln)
    cut = "（二）部分公开（区分处理的，只计这一\ufffd    31不计\ufffd    2\ufffd\ufffd形\ufffd    1    0    4    3    41"
    report = parse_text(text.replace(line, cut), "utf-8", None)
    assert [c.value for c in report.tables["t3"].cells[3]] == [31, 2, 1, 0, 4, 3, 41]


def test_years_in_sentences_are_not_split():
    from gkdesk.parsing.tokens import tokenize

    text = "2023年，本机关收到申请3件。"
    assert [t.kind for t in tokenize(text, 0, len(text))] == ["text"]


def test_row_label_cut_before_a_broken_character_is_still_the_row():
    values = values_for("2021", seed=2)
    values["t2"][1] = [5, 3, 11]
    text = render("2021", values, "spaces")
    line = next(ln for ln in text.split("\n") if ln.startswith("行政规范性文件"))
    report = parse_text(text.replace(line, "行政规范性文\ufffd    5    3    11"), "utf-8", None)
    assert [c.value for c in report.tables["t2"].cells[1]] == [5, 3, 11]


def test_most_numbers_of_a_row_glued_to_cut_text():
    values = values_for("2021", seed=2)
    values["t3"][21] = [1, 0, 0, 0, 0, 0, 1]
    text = render("2021", values, "spaces")
    line = next(ln for ln in text.split("\n") if "申请人逾期未按" in ln)
    cut = "（六）其\ufffd2.申请人逾期未按收费通知要    1\ufffd\ufffd费\ufffd    0\ufffd政机    0再处\ufffd    0府信息    0\ufffd请    0    1"
    report = parse_text(text.replace(line, cut), "utf-8", None)
    assert [c.value for c in report.tables["t3"].cells[21]] == [1, 0, 0, 0, 0, 0, 1]
