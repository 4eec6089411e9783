"""A row's values placed in its columns by the text's positions (columns.py).

Where the positions allow several placements of a row, the row is a Choice for the solver
(solver.py), which settles it with the table's relations like any other reading: one placement
the relations single out is taken (marked as so placed); otherwise nothing is guessed: the
cells every remaining placement agrees on are filled, the others are marked, and a note says
which placements were possible.
"""
from __future__ import annotations

from ..model import Cell, ParseNote
from ..schema import TableSpec, row_display
from .solver import Choice, merged_cells
from .tokens import NUM, Token

PLACED_NOTE = "按文字位置对齐到列"
SETTLED_NOTE = "文字位置前后不一，按勾稽关系确定所在列"
AMBIGUOUS_CELL_NOTE = "文字位置前后不一，此格的数值不能确定，未填入，请对照原文填写"
AMBIGUOUS_ZERO_NOTE = "文字位置前后不一，看不出此格是0还是空白；已按0显示，请对照原件核对"
# A row of zeros with fewer numbers than cells, nothing telling where its blanks stand.
AMBIGUOUS_ZEROS_NOTE = "本行读到的数值都是0，但少于列数，看不出哪几格是空白；已全部按0显示，请对照原件核对空白格"


def placed_cells(ncols: int, numbers: list[Token], columns: list[int], confidence: float, how: str) -> list[Cell]:
    """Cells of a row whose values stand in the given columns; the other cells are blank."""
    cells = [Cell(None, "", None, confidence, True, how + "；此格未见数值") for _ in range(ncols)]
    for tok, c in zip(numbers, columns):
        value = tok.value if tok.kind == NUM else None
        cells[c] = Cell(value, tok.text, (tok.start, tok.end), confidence, True, how)
    return cells


def ambiguous_cells(ncols: int, numbers: list[Token], options: list[list[int]]) -> list[Cell]:
    """A row none of whose placements could be chosen: what every placement gives alike is
    filled, a cell only 0 or blank under all shows 0, marked; the rest is left unfilled, marked
    (solver.merged_cells)."""
    placed = [placed_cells(ncols, numbers, cols, 0.6, PLACED_NOTE) for cols in options]
    return merged_cells(placed, AMBIGUOUS_CELL_NOTE, AMBIGUOUS_ZERO_NOTE)


def placement_choice(spec: TableSpec, row: int, numbers: list[Token], options: list[list[int]]) -> Choice:
    """The row's placements as a Choice for the solver: each option the row's cells with its
    values in one column set; options left tied are merged by ambiguous_cells and noted."""
    ncols = len(spec.row_columns(row))

    def merge(kept: list[int]) -> tuple[list[Cell], ParseNote]:
        open_options = [options[i] for i in kept]
        cells = ambiguous_cells(ncols, numbers, open_options)
        return cells, ambiguity_note(spec, row, numbers, open_options, cells)

    return Choice(
        [(row, c) for c in range(ncols)],
        [placed_cells(ncols, numbers, cols, 0.5, SETTLED_NOTE) for cols in options],
        merge,
    )


def ambiguity_note(spec: TableSpec, row: int, numbers: list[Token], options: list[list[int]], cells: list[Cell]) -> ParseNote:
    columns = spec.row_columns(row)
    read = "、".join(t.text for t in numbers)
    shown = "；".join("、".join(columns[c].short or columns[c].label for c in cols) for cols in options)
    outcome = []
    if any(c.note == AMBIGUOUS_ZERO_NOTE for c in cells):
        outcome.append("只可能是0或空白的格已按0显示")
    if any(c.note == AMBIGUOUS_CELL_NOTE for c in cells):
        outcome.append("其余不能确定的格未填入")
    spans = [t.start for t in numbers] + [t.end for t in numbers]
    values = tuple(tuple(c.value for c in placed_cells(len(columns), numbers, cols, 0.0, "")) for cols in options)
    said = "；" + "，".join(outcome) if outcome else ""
    return ParseNote(
        "ambiguous_columns",
        f"{spec.number}“{row_display(spec.rows[row])}”一行的数值（{read}）按前后几行的列位置可分属不同的列"
        f"（{shown}），勾稽关系也不能区分{said}，请对照原文核对",
        spec.id,
        row,
        (min(spans), max(spans)),
        candidates=values,  # the row under each placement: the reviewer is offered them
    )
