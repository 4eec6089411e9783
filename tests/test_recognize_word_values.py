"""A word such as 若干 in a value cell keeps its column: blank value, its text as raw."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.checks import check_report
from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from report_factory import render, values_for


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
@pytest.mark.parametrize("col", [0, 2, 5])
def test_word_in_t3_value_cell_keeps_its_column(layout, col):
    values = values_for("2021")
    expected = list(values["t3"][3])
    values["t3"][3][col] = "若干"
    report = parse_text(render("2021", values, layout), "utf-8", None)
    cells = report.tables["t3"].cells[3]
    assert [c.value for c in cells] == [None if c == col else v for c, v in enumerate(expected)]
    assert cells[col].raw == "若干"
    findings = check_report(report)
    assert any(f.rule == "structure.non_numeric" and ("t3", 3, col) in f.cells for f in findings)


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_word_in_t4_value_cell_keeps_its_column(layout):
    values = values_for("2021")
    expected = list(values["t4"])
    values["t4"][2] = "不详"
    report = parse_text(render("2021", values, layout), "utf-8", None)
    cells = report.tables["t4"].cells[0]
    assert [c.value for c in cells] == [None if c == 2 else v for c, v in enumerate(expected)]
    assert cells[2].raw == "不详"


def test_form_words_in_a_row_stay_labels():
    # The form's own words beside numbers (a header cell, a group label) are not cell contents.
    from gkdesk.parsing.tokens import is_word_value

    assert not is_word_value("总计")
    assert not is_word_value("自然人")
    assert is_word_value("若干")


T2_2019 = table_spec("2019", "t2")
_CHANGE_ROWS = [r for r in range(len(T2_2019.rows)) if "本年增/减" in [c.label for c in T2_2019.row_columns(r)]]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["tabs", "pipes", "cells", "spaces"]), st.sampled_from(_CHANGE_ROWS), st.integers(0, 300),
       st.sampled_from([("减", -1), ("减少", -1), ("增", 1), ("增加", 1), ("-", -1), ("+", 1)]))
def test_a_change_written_with_its_sign_word_is_read_signed(layout, row, n, sign):
    """本年增/减 written 减4 / 增加3 / +19: the signed number, the row's other cells in place."""
    word, factor = sign
    values = values_for("2019")
    labels = [c.label for c in T2_2019.row_columns(row)]
    col = labels.index("本年增/减")
    values["t2"][row][labels.index("上一年项目数量")] = n + 5  # a decrease the items of last year allow
    expected = [list(r) for r in values["t2"]]
    values["t2"][row][col] = f"{word}{n}"
    expected[row][col] = factor * n
    report = parse_text(render("2019", values, layout), "utf-8", None)
    assert [[c.value for c in r] for r in report.tables["t2"].cells] == expected
