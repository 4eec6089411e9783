"""One cell a line without tabs (web pages copied as text), a blank cell leaving none, one or two
empty lines, varying within one table: every value is in its column or marked, never silently
wrong; where the empty lines or the relations decide, the row is read exactly."""
from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from report_factory import render, values_for


def cell_lines(tab_text: str, empty_lines) -> str:
    """Each cell of the tab rendering on its own line, no tab; a blank cell leaves
    empty_lines() empty lines."""
    out = []
    for line in tab_text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        for cell in line.split("\t"):
            if cell.strip():
                out.append(cell)
            else:
                out += [""] * empty_lines()
    return "\n".join(out)


def _assert_right_or_marked(report, values):
    for table in ("t2", "t3", "t4"):
        cells = report.tables[table].cells
        truth = values[table] if table != "t4" else [values["t4"]]
        for r, row in enumerate(cells):
            for c, cell in enumerate(row):
                if cell.value != truth[r][c]:
                    assert cell.inferred, (table, r, c, cell.value, truth[r][c], [x.value for x in row])
        for r, row in enumerate(truth):
            if None not in row:  # a row without blanks is read as it stands
                assert [c.value for c in cells[r]] == row and not any(c.inferred for c in cells[r]), (table, r)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["2021", "2019"]), st.integers(1, 9), st.data())
def test_blank_cells_leaving_any_number_of_empty_lines_are_placed_or_marked(version, seed, data):
    values = values_for(version, seed=seed)
    t3_zeros = [(r, c) for r, row in enumerate(values["t3"]) for c, v in enumerate(row) if v == 0]
    for r, c in data.draw(st.sets(st.sampled_from(t3_zeros), max_size=30)):
        values["t3"][r][c] = None  # a blank where nothing was counted: every relation still holds
    t2_cells = [(r, c) for r, row in enumerate(values["t2"]) for c in range(len(row))]
    for r, c in data.draw(st.sets(st.sampled_from(t2_cells), max_size=6)):
        values["t2"][r][c] = None
    t4_zeros = [c for c, v in enumerate(values["t4"]) if v == 0]
    for c in data.draw(st.sets(st.sampled_from(t4_zeros), max_size=3)):
        values["t4"][c] = None
    lines = data.draw(st.lists(st.integers(0, 2), min_size=40, max_size=40))
    drawn = iter(lines * 4)
    report = parse_text(cell_lines(render(version, values, "tabs"), lambda: next(drawn)), "utf-8", None)
    _assert_right_or_marked(report, values)


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["2021", "2019"]), st.integers(1, 9), st.data())
def test_blank_cells_of_two_empty_lines_each_are_read_exactly(version, seed, data):
    """Two empty lines a blank (the most one leaves): the empty lines tell every blank cell."""
    values = values_for(version, seed=seed)
    last = len(values["t3"]) - 1  # the table's last row: the spacing of the text after it
    t3_zeros = [(r, c) for r, row in enumerate(values["t3"]) for c, v in enumerate(row) if v == 0 and r != last]
    for r, c in data.draw(st.sets(st.sampled_from(t3_zeros), max_size=30)):
        values["t3"][r][c] = None
    report = parse_text(cell_lines(render(version, values, "tabs"), lambda: 2), "utf-8", None)
    cells = report.tables["t3"].cells
    assert [[c.value for c in row] for row in cells] == values["t3"]
    _assert_right_or_marked(report, values)


def test_a_row_whose_only_value_is_its_total_is_placed_by_the_relations():
    """（二）部分公开 with only 总计 printed, its six blank cells leaving 0–2 empty lines each: the
    column sums place the value in 总计."""
    values = values_for("2021", seed=4)
    spec = table_spec("2021", "t3")
    r = 3
    total = len(spec.rows) - 2
    for c in range(6):
        values["t3"][total][c] -= values["t3"][r][c]
        values["t3"][0][c] -= values["t3"][r][c]
    values["t3"][r] = [None] * 6 + [5]
    values["t3"][total][6] = sum(v for v in values["t3"][total][:6])  # 总计 keeps its 5 by row
    # The rows' totals: (七) 总计 and 一 count the 5 in 总计 only.
    values["t3"][total][6] += 5
    values["t3"][0][6] = sum(values["t3"][0][:6]) + 5
    pattern = iter([1, 0, 2, 1, 0, 2] * 40)
    report = parse_text(cell_lines(render("2021", values, "tabs"), lambda: next(pattern)), "utf-8", None)
    row = report.tables["t3"].cells[r]
    assert [c.value for c in row] == [None] * 6 + [5]
    assert row[6].inferred and row[6].note  # placed by the relations, and says so
