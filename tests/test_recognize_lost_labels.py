"""Row labels a converter dropped entirely: the rows' values stand between their neighbours'
(a run of values after a heading such as （三）不予公开). The rows are placed by position in the
schema's sequence, their cells marked inferred with a note saying so; never silently wrong."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from report_factory import render, values_for


def _without_labels(text: str, version: str, rows: range, layout: str) -> str:
    """表三's rows in `rows` printed without their labels (a group heading once, as printed
    above its items), their values on their own line (tabs or spaces) or all in one run."""
    spec = table_spec(version, "t3")
    labels = {row.label: r for r, row in enumerate(spec.rows)}
    out, run = [], []
    for line in text.split("\n"):
        cells = line.split("\t")
        r = labels.get(cells[-8]) if len(cells) >= 8 else None
        if r is None or r not in rows:
            if run:
                out.append(" ".join(run))
                run = []
            out.append(line)
            continue
        out += [h for h in cells[:-8] if h and h not in out[-2:]]
        values = cells[-7:]
        if layout == "run":
            run += values
        else:
            out.append((" " if layout == "spaces" else "\t").join(values))
    return "\n".join(out)


def test_a_row_whose_label_was_dropped_is_not_read_from_the_words_of_the_label_before():
    """二、上年结转's label lost: the words 政府信息公开申请数量 that end 一、本年新收's label are not
    its label; its values, on the line between its neighbours', are placed there, marked."""
    values = values_for("2021", seed=1)
    report = parse_text(_without_labels(render("2021", values, "tabs"), "2021", range(1, 2), "tabs"), "utf-8", None)
    cells = report.tables["t3"].cells
    assert [[c.value for c in row] for row in cells] == values["t3"]
    assert all(c.inferred for c in cells[1]) and not any(c.inferred for c in cells[0] + cells[2])
    assert [n.row for n in report.notes if n.code == "row_by_position"] == [1]


@pytest.mark.xfail(strict=False, reason="a group heading left alone (（三）不予公开) still aligns with "
                   "another row's label (（一）予以公开) when that row's label was dropped too: its values "
                   "are read in the wrong row, unmarked (README Known limits)")
@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["2021", "2019"]), st.integers(1, 9), st.data(), st.sampled_from(["tabs", "spaces", "run"]))
def test_rows_whose_labels_were_dropped_are_placed_by_position_and_marked(version, seed, data, layout):
    values = values_for(version, seed=seed)
    n = len(table_spec(version, "t3").rows)
    lo = data.draw(st.integers(1, n - 2))
    hi = data.draw(st.integers(lo + 1, min(n - 1, lo + 9)))
    text = _without_labels(render(version, values, "tabs"), version, range(lo, hi), layout)
    report = parse_text(text, "utf-8", None)
    cells = report.tables["t3"].cells
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            if cell.value != values["t3"][r][c]:
                assert cell.inferred or (cell.value is None and cell.span is None), (r, c, cell.value)
    placed = [r for r in range(lo, hi) if [c.value for c in cells[r]] == values["t3"][r]]
    for r in placed:
        assert all(c.inferred for c in cells[r]), r
    assert any(n.code == "row_by_position" for n in report.notes) or len(placed) < hi - lo
