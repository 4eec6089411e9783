"""A row's values placed by the empty lines between them, in one-cell-per-line text.

Web pages copied as text, and some converters, write each cell of a table on its own line with
no tab or pipe; a blank cell leaves empty lines, but not always the same number: none, one or
two (a paragraph's spacing before or after the cell, within one table alike). The empty lines
between two values then bound the blank cells between them: `e` empty lines there stand for
at least ceil(e / MAX_LINES_PER_BLANK) blank cells, and no empty line for any number of them
(a blank that left none). The empty lines at a row's edges also hold the spacing between rows:
that spacing is what the table's full rows show there (the least of them); after the table's
last row (a paragraph follows) the edge tells nothing. A table none of whose full rows shows
its values one a line, with no empty line between them, is not read so: its empty lines may
be anything (a PDF reader's text boxes).

Every placement of the row's values in order that fits those bounds is an option; the row's
own relations (表三's 总计, 表四's group totals) keep those that fit them, if any do. Options
that give the same numbers (a 0 or a blank, which no sum tells apart) are one option whose
such cells show 0, marked. One option left places the row (marked inferred unless the empty
lines alone decided it between values); several are a Choice the solver settles with the
table's relations across rows, or leaves open with a note listing them: never a guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import Cell
from ..schema import TableSpec
from .. import relations
from .column_placements import PlacementWords, ambiguous_cells, placed_cells, placement_choice
from .solver import Choice
from .tokens import EMPTY, NULL, NUM, Token

MAX_LINES_PER_BLANK = 2  # the empty lines one blank cell leaves at most
# Placements enumerated for one row at most (7 columns, 3 blanks among 5 values: 56).
MAX_PLACEMENTS = 512

BY_LINES_NOTE = "原文每格一行，按数值之间的空行推定空白格的位置"
# One empty line a blank, as every short row of the table shows: read so, but a blank that left
# two lines, or none, would read otherwise.
BY_LINES_RELATION_NOTE = "原文每格一行，空行数看不出全部空白格的位置，按空行和本行合计关系确定所在列"
SETTLED_NOTE = "原文每格一行，空行数看不出全部空白格的位置，按勾稽关系确定所在列"
UNSURE_CELL_NOTE = "原文每格一行，空行数看不出空白格的位置，此格的数值不能确定，未填入，请对照原文填写"
UNSURE_ZERO_NOTE = "原文每格一行，空行数看不出空白格的位置，看不出此格是0还是空白；已按0显示，请对照原件核对"
BY_LINES = PlacementWords(BY_LINES_NOTE, SETTLED_NOTE, UNSURE_CELL_NOTE, UNSURE_ZERO_NOTE, "原文每格一行，按空行数")


@dataclass(frozen=True)
class Spacing:
    """The empty lines the table's full rows show before their first value and after their
    last (the spacing between rows, not blank cells)."""

    before: int
    after: int
    # No short row shows more empty lines before and between its values than it has blanks:
    # the table's converter writes one empty line a blank cell, and its rows are read by that
    # rule (marked: a blank that left none would read otherwise).
    one_line_each: bool = False


def line_runs(soft: list[Token]) -> tuple[list[Token], list[int]] | None:
    """The row's values and the empty lines before, between and after them (len(values) + 1
    runs); None unless every value stands on its own line with only empty lines between."""
    values: list[Token] = []
    runs = [0]
    lines: set[int] = set()
    for tok in soft:
        if tok.kind == EMPTY:
            if not tok.soft:
                return None  # a cell of a structured row: not one-cell-per-line text
            runs[-1] += 1
        elif tok.kind in (NUM, NULL):
            if tok.line in lines or tok.structured:
                return None
            lines.add(tok.line)
            values.append(tok)
            runs.append(0)
    return values, runs


def spacing_of(rows: list[tuple[list[Token], int]]) -> Spacing | None:
    """The spacing the full rows of a table show (see Spacing), from each row's tokens and its
    column count; None when no full row
    has its values one a line with no empty line between them (the text is not shown to be one
    cell a line), or one has empty lines between its values (they are layout, not blanks)."""
    before, after = [], []
    for k, (soft, ncols) in enumerate(rows):
        found = line_runs(soft)
        if found is None:
            continue
        values, runs = found
        if len(values) != ncols:
            continue
        if any(runs[1:-1]):
            return None
        before.append(runs[0])
        if k + 1 < len(rows):  # after the last row comes the text after the table
            after.append(runs[-1])
    if not before:
        return None  # no full row shows the text is one cell a line (its empty lines may be anything)
    spacing = Spacing(min(before), min(after, default=0))
    short = [(runs, ncols - len(values)) for runs, values, ncols in _short_rows(rows[:-1])]
    # (the lines after a row's last value also hold the spacing before the next row, which
    # varies: they bound nothing)
    told = [runs[0] - spacing.before + sum(runs[1:-1]) for runs, _ in short]
    exact = any(n > 0 and n == blanks for n, (_, blanks) in zip(told, short)) and all(
        n <= blanks for n, (_, blanks) in zip(told, short)
    )
    return Spacing(spacing.before, spacing.after, exact)


def _short_rows(rows: list[tuple[list[Token], int]]):
    for soft, ncols in rows:
        found = line_runs(soft)
        if found is not None and 0 < len(found[0]) < ncols:
            yield found[1], found[0], ncols


def _least_blanks(lines: int) -> int:
    return -(-lines // MAX_LINES_PER_BLANK)


def placements(ncols: int, runs: list[int], spacing: Spacing, last_row: bool) -> tuple[list[list[int]], bool]:
    """Column sets of the row's values (in order) that the empty-line runs allow, and whether
    the edges' empty lines were needed to tell (a paragraph's spacing could be taken for them)."""
    k = len(runs) - 1
    blanks = ncols - k
    if k == 0 or blanks < 0:
        return [], False
    least, lines = [], []
    for i, e in enumerate(runs):
        if i == 0:
            e -= spacing.before
        elif i == k:
            e = 0 if last_row else e - spacing.after
        lines.append(max(e, 0))
        least.append(_least_blanks(max(e, 0)))
    if spacing.one_line_each:
        least[-1] = 0  # the lines after the last value bound nothing (Spacing.one_line_each)
    if sum(least) > blanks:
        return [], False
    edge_used = least[0] > 0 or least[-1] > 0
    out: list[list[int]] = []
    for cols in combinations(range(ncols), k):
        gaps = [cols[0]] + [b - a - 1 for a, b in zip(cols, cols[1:])] + [ncols - 1 - cols[-1]]
        if spacing.one_line_each:
            fits = all(g == m for g, m in zip(gaps[:-1], lines[:-1]))
        else:
            fits = all(g >= m for g, m in zip(gaps, least))
        if fits:
            out.append(list(cols))
            if len(out) > MAX_PLACEMENTS:
                return [], False
    return out, edge_used


def _numbers(values: list[Token], cols: list[int], ncols: int) -> tuple:
    """The row's numbers under a placement, blank as 0 (what the relations see)."""
    row = [0] * ncols
    for tok, c in zip(values, cols):
        row[c] = tok.value if tok.kind == NUM else 0
    return tuple(row)


def _fits_row(spec: TableSpec, row: int, numbers: tuple, own) -> bool:
    get = relations.grid_lookup(spec.id, [None] * row + [list(numbers)])
    return not any(st.broken for st in relations.evaluate(spec, get, own))


@dataclass
class LinePlacement:
    cells: list[Cell]
    choice: Choice | None = None  # several placements left: the solver settles them


def place_by_lines(spec: TableSpec, row: int, soft: list[Token], spacing: Spacing, own_relations,
                   last_row: bool = False) -> LinePlacement | None:
    """The row's cells placed by its empty lines (see the module docstring), or None when the
    row is not one value a line or no placement fits the empty lines."""
    found = line_runs(soft)
    if found is None:
        return None
    values, runs = found
    if not any(runs[:-1]):
        # No empty line before or between the values: nothing tells where the blanks are (the
        # lines after the last value may be the spacing before the next row).
        return None
    ncols = len(spec.row_columns(row))
    options, edge_used = placements(ncols, runs, spacing, last_row)
    if not options:
        return None
    if len(options) == 1:
        sure = not edge_used and not spacing.one_line_each
        return LinePlacement(placed_cells(ncols, values, options[0], 0.8 if sure else 0.6, BY_LINES_NOTE, not sure))
    fitting = [cols for cols in options if _fits_row(spec, row, _numbers(values, cols, ncols), own_relations)]
    options = fitting or options
    groups: dict[tuple, list[list[int]]] = {}
    for cols in options:
        groups.setdefault(_numbers(values, cols, ncols), []).append(cols)
    if len(groups) == 1:
        return LinePlacement(ambiguous_cells(ncols, values, options, BY_LINES,
                                             BY_LINES_RELATION_NOTE if fitting else BY_LINES_NOTE))
    return LinePlacement(ambiguous_cells(ncols, values, options, BY_LINES),
                         placement_choice(spec, row, values, options, BY_LINES, list(groups.values())))
