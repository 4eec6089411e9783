"""Space-aligned PDF text where one row's digits run together with no gaps ("”2000013"):
split by the row's cell count and 总计 relation when only one split fits, marked inferred."""
from gkdesk.parsing import parse_text
from gkdesk.parsing.tables import RUN_SPLIT_NOTE
from report_factory import render, values_for

LABEL = "3.危及“三安全一稳定”"


def _report_with_row(values, row_text: str):
    text = render("2021", values, "spaces")
    line = next(ln for ln in text.split("\n") if LABEL in ln)
    return parse_text(text.replace(line, "（三）不予公开    " + row_text), "utf-8", None)


def test_digits_run_together_after_the_label_are_split_into_the_row():
    values = values_for("2021", seed=2)
    values["t3"][6] = [2, 0, 0, 0, 0, 1, 3]
    cells = _report_with_row(values, LABEL + "2000013").tables["t3"].cells[6]
    assert [c.value for c in cells] == [2, 0, 0, 0, 0, 1, 3]
    assert all(c.inferred and c.note == RUN_SPLIT_NOTE for c in cells)


def test_a_run_for_the_first_cells_followed_by_spaced_values():
    values = values_for("2021", seed=2)
    values["t3"][6] = [6, 0, 0, 0, 0, 0, 6]
    cells = _report_with_row(values, LABEL + "60    0    0    0    0    6").tables["t3"].cells[6]
    assert [c.value for c in cells] == [6, 0, 0, 0, 0, 0, 6]
    assert cells[0].inferred and cells[1].inferred


def test_a_run_with_leading_zeros_is_cells_not_one_number():
    values = values_for("2021", seed=2)
    values["t3"][6] = [0, 0, 0, 0, 1, 0, 1]
    cells = _report_with_row(values, LABEL + "    00001    0    1").tables["t3"].cells[6]
    assert [c.value for c in cells] == [0, 0, 0, 0, 1, 0, 1]


def test_a_run_that_splits_several_ways_is_not_guessed():
    values = values_for("2021", seed=2)
    values["t3"][6] = [11, 0, 0, 0, 0, 1, 12]
    # "11000 0112" could also be 1,10,0,0,0,1,12: two splits fit, so none is taken.
    cells = _report_with_row(values, LABEL + "1100000112").tables["t3"].cells[6]
    assert all(c.value is None for c in cells)


def test_a_run_inside_table_four_is_split_by_its_group_totals():
    values = values_for("2021", seed=2)
    values["t4"] = [1, 0, 0, 0, 1] + [0] * 10
    text = render("2021", values, "spaces")
    line = "    ".join(str(v) for v in values["t4"])
    assert line in text
    glued = "1    0    0    01    0    0    0    0    0    0    0    0    0    0"
    cells = parse_text(text.replace(line, glued), "utf-8", None).tables["t4"].cells[0]
    assert [c.value for c in cells] == values["t4"]
    assert cells[3].inferred and cells[4].inferred and cells[3].note == RUN_SPLIT_NOTE


def test_trailing_run_is_found_by_a_scan_that_long_runs_do_not_slow():
    from gkdesk.parsing.tables import _trailing_run

    assert _trailing_run("危及“三安全一稳定”2000013") == (10, "2000013")
    assert _trailing_run("”00//000") == (1, "00//000")
    assert _trailing_run("保护第三方合法权益") is None
    # A regex search for this run backtracked cubically (minutes for a few thousand digits).
    text = "1" * 5000 + "x"
    assert _trailing_run(text) is None
    values = values_for("2021", seed=2)
    report = _report_with_row(values, LABEL + "1" * 5000 + "x    0    1")
    assert all(c.inferred for c in report.tables["t3"].cells[6])  # 2 values for 7 cells: nothing certain
