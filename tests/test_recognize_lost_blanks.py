"""Text where blank cells left no trace (a text browser's one-value-a-line dump, a PDF reader's
blocks): where the blanks stood is not in the text, so every cell of such a row is marked
inferred (or the row reported), never given as read."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.parsing import parse_text
from report_factory import render, values_for


def _with_blanks(values):
    values["t3"][4][2] = None
    values["t3"][4][5] = None
    values["t3"][7][0] = None
    values["t3"][12][6] = None
    return values


def _one_value_a_line(tab_text: str, style: str) -> str:
    """Each cell on its own line; blank cells leave nothing. style "browser": an empty line after
    every line; "blocks": an empty line between a row's label and its values and after them."""
    out = []
    for line in tab_text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = [c for c in line.split("\t") if c.strip()]
        labels = [c for c in cells if not c.strip().lstrip("-").isdigit()]
        numbers = [c for c in cells if c.strip().lstrip("-").isdigit()]
        if style == "browser":
            for c in labels + numbers:
                out += [c, ""]
        else:
            out += labels + [""] + numbers + ([""] if numbers else [])
    return "\n".join(out)


@pytest.mark.parametrize("style", ["browser", "blocks"])
def test_rows_whose_blank_cells_left_no_trace_are_marked_inferred(style):
    values = _with_blanks(values_for("2021", seed=3))
    report = parse_text(_one_value_a_line(render("2021", values, "tabs"), style), "utf-8", None)
    cells = report.tables["t3"].cells
    for r in (4, 7, 12):
        assert all(c.inferred for c in cells[r]), (r, [(c.value, c.inferred) for c in cells[r]])
    full = [r for r, row in enumerate(values["t3"]) if None not in row]
    assert all([c.value for c in cells[r]] == values["t3"][r] for r in full)
    assert all(not c.inferred for r in full for c in cells[r])


@settings(max_examples=25, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 24), st.integers(0, 6)), max_size=30),
       st.sets(st.tuples(st.integers(0, 5), st.integers(0, 2)), max_size=6), st.integers(1, 9))
def test_blank_cells_a_lone_pipe_each_stay_in_their_columns(t3_blanks, t2_blanks, seed):
    """A cell per line closed by " |", a blank cell a lone "|", "||" after a row (what a
    spanning cell leaves): every value in its column, every blank blank and not inferred."""
    values = values_for("2021", seed=seed)
    for r, c in t3_blanks:
        values["t3"][r][c] = None
    for r, c in t2_blanks:
        if c < len(values["t2"][r]):
            values["t2"][r][c] = None
    report = parse_text(render("2021", values, "closed_lines"), "utf-8", None)
    for table in ("t2", "t3"):
        cells = report.tables[table].cells
        assert [[c.value for c in row] for row in cells] == values[table], table
        assert not any(c.inferred for row in cells for c in row), table
