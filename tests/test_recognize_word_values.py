"""A word such as 若干 in a value cell keeps its column: blank value, its text as raw."""
import pytest

from gkdesk.checks import check_report
from gkdesk.parsing import parse_text
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
