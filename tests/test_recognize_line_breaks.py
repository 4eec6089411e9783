"""Markdown pipe rows with <br> inside cells (pymupdf4llm): numbers on separate lines of one
cell are never read as one number; label lines cut into columns are read line by line."""
from gkdesk.parsing import parse_text
from gkdesk.parsing.tables import SHARED_CELL_NOTE, SHARED_CELL_UNREAD_NOTE
from report_factory import render, values_for


def _pipes_with(values, old: str, new: str) -> str:
    text = render("2021", values, "pipes")
    assert text.count(old) == 1
    return text.replace(old, new)


def _t2_row(values, r):
    from gkdesk.schema import table_spec

    return table_spec("2021", "t2").rows[r].label, values["t2"][r]


def test_two_numbers_in_one_cell_fill_two_columns_when_the_count_fits():
    values = values_for("2021", seed=2)
    values["t2"][1] = [5, 3, 7]
    label, _ = _t2_row(values, 1)
    text = _pipes_with(values, f"{label} | 5 | 3 | 7 |", f"{label} | 5<br>3 | 7 |")
    cells = parse_text(text, "utf-8", None).tables["t2"].cells[1]
    assert [c.value for c in cells] == [5, 3, 7]
    assert cells[0].inferred and cells[1].inferred and cells[0].note == SHARED_CELL_NOTE
    assert not cells[2].inferred


def test_numbers_in_one_cell_that_do_not_fit_the_row_are_left_blank():
    values = values_for("2021", seed=2)
    values["t2"][1] = [5, 3, 7]
    label, _ = _t2_row(values, 1)
    text = _pipes_with(values, f"{label} | 5 | 3 | 7 |", f"{label} | 5<br>3 | 3 | 7 |")
    cells = parse_text(text, "utf-8", None).tables["t2"].cells[1]
    assert cells[0].value is None and cells[0].inferred and cells[0].note == SHARED_CELL_UNREAD_NOTE
    assert 53 not in [c.value for c in cells]
    assert [c.value for c in cells[1:]] == [3, 7]


def test_label_lines_cut_into_columns_are_read_line_by_line():
    values = values_for("2021", seed=3)
    text = render("2021", values, "pipes")
    row = " | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | "
    assert row in text
    # The label printed over two lines in a cell the converter cut into two columns.
    text = text.replace(row, " | （二）部分<br>计这一情形 | 公开（区分处理的，只<br>，不计其他情形） | ")
    report = parse_text(text, "utf-8", None)
    assert [c.value for c in report.tables["t3"].cells[3]] == values["t3"][3]


def test_a_decimal_cut_into_two_cells_is_one_number():
    values = values_for("2021", seed=2)
    values["t2"][5] = [270.01]
    label, _ = _t2_row(values, 5)
    text = _pipes_with(values, f"{label} | 270.01 |", f"{label} | 270 | .01 |")
    report = parse_text(text, "utf-8", None)
    cell = report.tables["t2"].cells[5][0]
    assert cell.value == 270.01
    assert report.text[cell.span[0] : cell.span[1]] == "270 | .01"


def test_label_lines_of_unequal_cells_are_aligned_where_the_form_words_meet():
    values = values_for("2021", seed=3)
    text = render("2021", values, "pipes")
    row = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | "
    line = next(ln for ln in text.split("\n") if row in ln)
    # The group label's last lines share the first cell with the row label's first part; the
    # second cell's two lines stand beside the first cell's last two.
    cut = line[line.index(row) + len(row):]
    text = text.replace(line, "年度办<br>理结果<br>（二）部分<br>计这一情形 | 公开（区分处理的，只<br>，不计其他情形） | " + cut)
    report = parse_text(text, "utf-8", None)
    assert [c.value for c in report.tables["t3"].cells[3]] == values["t3"][3]
