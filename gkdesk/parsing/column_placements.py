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
from .solver import Choice
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


def _by_column(numbers: list[Token], columns: list[int]) -> dict[int, Token]:
    return dict(zip(columns, numbers))


def _value(tok: Token | None) -> int | float | None:
    return tok.value if tok is not None and tok.kind == NUM else None


def ambiguous_cells(ncols: int, numbers: list[Token], options: list[list[int]]) -> list[Cell]:
    """A row none of whose placements could be chosen.

    A cell every placement gives the same value is filled. A cell that holds 0 or nothing under
    every placement is 0 or blank, which no sum tells apart: it shows 0, marked, as zeros of
    unknown place do. A cell some placement gives another number is left unfilled, marked."""
    placed = [_by_column(numbers, cols) for cols in options]
    cells = []
    for c in range(ncols):
        toks = [p.get(c) for p in placed]
        read = [t for t in toks if t is not None]
        if not read:
            cells.append(Cell(None, "", None, 0.6, True, PLACED_NOTE + "；此格未见数值"))
        elif len(read) == len(toks) and len({(t.kind, _value(t)) for t in read}) == 1:
            # The value is sure; only the token it was read from may differ between placements.
            cells.append(Cell(_value(read[0]), read[0].text, (read[0].start, read[0].end), 0.6, True, PLACED_NOTE))
        elif all(t.kind == NUM and t.value == 0 for t in read):
            cells.append(Cell(0, read[0].text, (read[0].start, read[0].end), 0.2, True, AMBIGUOUS_ZERO_NOTE))
        else:
            cells.append(Cell(None, "", None, 0.0, True, AMBIGUOUS_CELL_NOTE))
    return cells


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
    said = "；" + "，".join(outcome) if outcome else ""
    return ParseNote(
        "ambiguous_columns",
        f"{spec.number}“{row_display(spec.rows[row])}”一行的数值（{read}）按前后几行的列位置可分属不同的列"
        f"（{shown}），勾稽关系也不能区分{said}，请对照原文核对",
        spec.id,
        row,
        (min(spans), max(spans)),
    )
