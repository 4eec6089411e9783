"""Pipe tables whose converter drew one cell over two or more columns (markitdown's and
pdfplumber's tables of a PDF: `| 28 1 | 0  0 | 31 |`): the numbers of such a cell are each
a column's, never one number read through the space."""
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from report_factory import render, values_for
from test_reading_order import consistent_t3


def _merge_cells(line: str, ncells: int, merges: list[tuple[int, int]], pad: str, empty_at: int | None = None) -> str:
    """The pipe row `line` with its last `ncells` cells' runs `merges` (first, count) each
    written in one cell, the values `pad` apart; with `empty_at`, an empty cell inserted there
    among the value cells (a converter's column that the table does not have)."""
    cells = [c.strip() for c in line.rstrip().rstrip("|").split("|")]
    head, values = cells[:-ncells], cells[-ncells:]
    out, k = [], 0
    for first, count in sorted(merges):
        out += values[k:first]
        out.append(pad.join(values[first : first + count]))
        k = first + count
    out += values[k:]
    if empty_at is not None:
        out.insert(min(empty_at, len(out) - 1), "")
    return " | ".join(head + out) + " |"


def _merges(rng: random.Random, ncols: int) -> list[tuple[int, int]]:
    """Runs of adjacent columns drawn as one cell (none of them overlapping)."""
    out, c = [], 0
    while c < ncols - 1:
        if rng.random() < 0.35:
            count = rng.choice([2, 2, 3])
            count = min(count, ncols - c)
            out.append((c, count))
            c += count
        else:
            c += 1
    return out or [(0, 2)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    version=st.sampled_from(["2021", "2019"]),
    seed=st.integers(0, 10_000),
    same_in_every_row=st.booleans(),
    pad=st.sampled_from([" ", "  ", "   "]),
    empty_column=st.booleans(),
    sentence_after=st.booleans(),
)
def test_numbers_drawn_in_one_cell_are_each_a_columns_or_left_blank(
        version, seed, same_in_every_row, pad, empty_column, sentence_after):
    """Every 表三 cell is read as the table states it, or left blank, or marked inferred; no
    two columns' values are read as one number. Where every row's cells are drawn alike (the
    converter's columns are the table's, some of them merged, maybe one more column of empty
    cells) all values are read, marked. With `sentence_after`, the narrative after the table
    is drawn into its last rows' cells ("| 2023 年，本机关共收到… | 31 件，已全部 |"): its
    numbers are no cell's."""
    rng = random.Random(seed)
    values = values_for(version, seed=seed % 7 + 1)
    values["t3"] = consistent_t3(version, seed, big=rng.random() < 0.5)
    spec = table_spec(version, "t3")
    text = render(version, values, "pipes")
    labels = {row.label: r for r, row in enumerate(spec.rows)}
    shared = _merges(rng, 7)
    empty_at = rng.randint(1, 5) if empty_column else None
    lines = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        row = next((labels[c] for c in cells[:2] if c in labels), None)
        if row is not None and len(cells) >= 8:
            line = _merge_cells(line, 7, shared if same_in_every_row else _merges(rng, 7), pad, empty_at)
            if sentence_after and row == len(spec.rows) - 1:
                total = values["t3"][0][6]
                line += f"\n|  | 2023 年，本机关共收到政府信息公开申请 |  |  | {total} 件，已全部 |  |"
                line += f"\n| 依法依规办理，本年度办结 |  | {values['t3'][-2][6]} | 件，结转下年度继续办理 |  | {values['t3'][-1][6]} |"
        lines.append(line)
    report = parse_text("\n".join(lines))
    got = report.tables["t3"]
    joined = set()
    for r, row in enumerate(got.cells):
        for c, cell in enumerate(row):
            want = values["t3"][r][c]
            if cell.value != want:
                assert cell.value is None or cell.inferred, (r, c, cell.value, want)
            if cell.value is not None and cell.value != want:
                joined.add((r, c))
    if same_in_every_row:
        assert got.values() == values["t3"]


def test_a_cell_of_two_numbers_in_a_full_row_is_not_one_number():
    """`| 1 123 |` where the row has a cell for each column: not 1123 (reports write no space
    in their numbers), and not a guess either: blank, with a note."""
    values = values_for("2021", seed=2)
    values["t3"][0][0] = 1
    text = render("2021", values, "pipes")
    label = table_spec("2021", "t3").rows[0].label
    line = next(ln for ln in text.split("\n") if label in ln and ln.count("|") >= 8)
    cells = line.split(" | ")
    at = cells.index("1")
    cells[at] = "1 123"
    report = parse_text(text.replace(line, " | ".join(cells)))
    cell = report.tables["t3"].cells[0][0]
    assert cell.value is None and cell.inferred and "一格内有几个数值" in cell.note


def test_rows_printed_apart_from_their_labels_in_merged_cells_are_read_or_marked():
    """markitdown's table of a PDF: two columns a cell, a row's values on a line of their own
    before or after its label, a label cut over the lines around its values, `| --- |` lines
    between: each row's first line of values is its cells; nothing is shown unmarked in the
    wrong column."""
    values = values_for("2021", seed=4)
    spec = table_spec("2021", "t3")
    t3 = values["t3"]
    labels = [row.label for row in spec.rows]

    def drawn(r, label=""):
        v = [str(x) for x in t3[r]]
        return f"| {label} | {v[0]} {v[1]} | {v[2]} {v[3]} | {v[4]} {v[5]} | {v[6]} |"

    block = [
        drawn(0, labels[0]), drawn(1), labels[1],
        drawn(2, labels[2]), "| --- | --- | --- | --- | --- |",
        f"| {labels[3][:-6]} |  |  |  |  |", drawn(3), labels[3][-6:],
        drawn(4), "| --- | --- | --- | --- | --- |", labels[4],
        drawn(5), "| --- | --- | --- | --- | --- |", labels[5],
    ]
    lines = render("2021", values, "pipes").split("\n")
    first = next(i for i, ln in enumerate(lines) if labels[0] in ln and ln.count("|") >= 8)
    last = next(i for i, ln in enumerate(lines) if labels[6] in ln and ln.count("|") >= 8)
    report = parse_text("\n".join(lines[:first] + block + lines[last:]))
    got = report.tables["t3"]
    assert got.values()[3] == t3[3]
    for r in range(6):
        for c, cell in enumerate(got.cells[r]):
            assert cell.value in (None, t3[r][c]) or cell.inferred, (r, c, cell.value, t3[r][c])
