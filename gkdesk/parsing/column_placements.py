"""A row's values placed in its columns by the text's positions (columns.py).

Where the positions allow several placements of a row, the row is a Choice for the solver
(solver.py), which settles it with the table's relations like any other reading: one placement
the relations single out is taken (marked as so placed); otherwise nothing is guessed: the
cells every remaining placement agrees on are filled, the others are marked, and a note says
which placements were possible.
"""
from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class PlacementWords:
    """What the notes say of a row placed by one kind of evidence (text positions here; the
    empty lines of one-cell-per-line text, blank_lines.py)."""

    placed: str  # a cell so placed
    settled: str  # a row the relations settled between its placements
    unsure_cell: str  # a cell the placements left tied disagree on: left unfilled
    unsure_zero: str  # a cell they leave 0 or blank: shown 0
    open_because: str  # how the row's values could stand in several columns (the row's note)


BY_POSITIONS = PlacementWords(PLACED_NOTE, SETTLED_NOTE, AMBIGUOUS_CELL_NOTE, AMBIGUOUS_ZERO_NOTE,
                              "按前后几行的列位置")


def placed_cells(ncols: int, numbers: list[Token], columns: list[int], confidence: float, how: str,
                 inferred: bool = True) -> list[Cell]:
    """Cells of a row whose values stand in the given columns; the other cells are blank."""
    note = how if inferred else ""
    cells = [Cell(None, "", None, confidence, inferred, note and note + "；此格未见数值") for _ in range(ncols)]
    for tok, c in zip(numbers, columns):
        value = tok.value if tok.kind == NUM else None
        cells[c] = Cell(value, tok.text, (tok.start, tok.end), confidence, inferred, note)
    return cells


def ambiguous_cells(ncols: int, numbers: list[Token], options: list[list[int]],
                    words: PlacementWords = BY_POSITIONS, how: str | None = None) -> list[Cell]:
    """A row none of whose placements could be chosen: what every placement gives alike is
    filled (noted `how`, by default words.placed), a cell only 0 or blank under all shows 0,
    marked; the rest is left unfilled, marked (solver.merged_cells)."""
    placed = [placed_cells(ncols, numbers, cols, 0.6, how or words.placed) for cols in options]
    return merged_cells(placed, words.unsure_cell, words.unsure_zero)


def placement_choice(spec: TableSpec, row: int, numbers: list[Token], options: list[list[int]],
                     words: PlacementWords = BY_POSITIONS, groups: list[list[list[int]]] | None = None) -> Choice:
    """The row's placements as a Choice for the solver: each option the row's cells with its
    values in one column set; options left tied are merged by ambiguous_cells and noted.
    `groups` (instead of options): sets of placements each giving the same numbers (0 or
    blank, which no sum tells apart), one option each."""
    ncols = len(spec.row_columns(row))
    groups = groups if groups is not None else [[cols] for cols in options]

    def merge(kept: list[int]) -> tuple[list[Cell], ParseNote]:
        cells = ambiguous_cells(ncols, numbers, [cols for k in kept for cols in groups[k]], words)
        return cells, ambiguity_note(spec, row, numbers, [groups[k][0] for k in kept], cells, words)

    settled = [
        merged_cells([placed_cells(ncols, numbers, cols, 0.5, words.settled) for cols in group],
                     words.unsure_cell, words.unsure_zero)
        for group in groups
    ]
    return Choice([(row, c) for c in range(ncols)], settled, merge)


def ambiguity_note(spec: TableSpec, row: int, numbers: list[Token], options: list[list[int]], cells: list[Cell],
                   words: PlacementWords = BY_POSITIONS) -> ParseNote:
    columns = spec.row_columns(row)
    read = "、".join(t.text for t in numbers)
    shown = "；".join("、".join(columns[c].short or columns[c].label for c in cols) for cols in options)
    outcome = []
    if any(c.note == words.unsure_zero for c in cells):
        outcome.append("只可能是0或空白的格已按0显示")
    if any(c.note == words.unsure_cell for c in cells):
        outcome.append("其余不能确定的格未填入")
    spans = [t.start for t in numbers] + [t.end for t in numbers]
    values = tuple(tuple(c.value for c in placed_cells(len(columns), numbers, cols, 0.0, "")) for cols in options)
    said = "；" + "，".join(outcome) if outcome else ""
    return ParseNote(
        "ambiguous_columns",
        f"{spec.number}“{row_display(spec.rows[row])}”一行的数值（{read}）{words.open_because}可分属不同的列"
        f"（{shown}），勾稽关系也不能区分{said}，请对照原文核对",
        spec.id,
        row,
        (min(spans), max(spans)),
        candidates=values,  # the row under each placement: the reviewer is offered them
    )
