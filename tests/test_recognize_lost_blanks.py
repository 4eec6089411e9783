"""Text where blank cells left no trace (a text browser's one-value-a-line dump, a PDF reader's
blocks): where the blanks stood is not in the text, so every cell of such a row is marked
inferred (or the row reported), never given as read."""
import pytest

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
