"""Rows whose values the text's positions place in more than one way (see columns.py).

The table's own relations settle such rows when they tell (only one choice of placements keeps
them); otherwise nothing is guessed: the cells every placement agrees on are filled, the others
are marked, and a ParseNote says which placements were possible.
"""
from __future__ import annotations

from itertools import product

from .. import relations as rel_eval
from ..model import Cell, ParseNote, Table
from ..schema import row_display
from .tokens import NUM, Token

PLACED_NOTE = "按文字位置对齐到列"
SETTLED_NOTE = "文字位置前后不一，按勾稽关系确定所在列"
AMBIGUOUS_CELL_NOTE = "文字位置前后不一，此格的数值不能确定，未填入，请对照原文填写"
AMBIGUOUS_ZERO_NOTE = "文字位置前后不一，看不出此格是0还是空白；已按0显示，请对照原件核对"
# A row of zeros with fewer numbers than cells, nothing telling where its blanks stand.
AMBIGUOUS_ZEROS_NOTE = "本行读到的数值都是0，但少于列数，看不出哪几格是空白；已全部按0显示，请对照原件核对空白格"
# Joint placements tried when several rows are unsettled (2 options each: 8 rows).
_MAX_COMBINATIONS = 256


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


def settle_by_relations(table: Table, options: dict[int, list[list[int]]],
                        numbers: dict[int, list[Token]]) -> dict[int, list[int]]:
    """Per unsettled row, the placement the table's relations choose, for the rows they settle.

    Every choice of one placement per unsettled row is tried together (blank counts 0, as the
    checks count it). Only relations whose sums differ between choices say anything about the
    placement; a choice survives if it keeps all of those. A row is settled when the surviving
    choices agree on it and some choice did not survive. A relation the document itself breaks
    whatever the placement leaves its rows unsettled: nothing is guessed."""
    rows = sorted(options)
    count = 1
    for r in rows:
        count *= len(options[r])
    if not rows or count > _MAX_COMBINATIONS:
        return {}
    relations = rel_eval.relations_touching(table.spec, rows)
    if not relations:
        return {}
    placed = {r: [_by_column(numbers[r], cols) for cols in options[r]] for r in rows}

    def lookup(choice: dict[int, int]):
        def get(addr):
            _, r, c = addr
            if r in choice:
                return _value(placed[r][choice[r]].get(c))
            return table.cells[r][c].value

        return get

    choices = [dict(zip(rows, pick)) for pick in product(*(range(len(options[r])) for r in rows))]
    residuals = [[rel_eval.residual(rel, lookup(choice)) for rel in relations] for choice in choices]
    telling = [i for i in range(len(relations)) if len({round(res[i], 6) for res in residuals}) > 1]
    surviving = [choice for choice, res in zip(choices, residuals) if all(abs(res[i]) <= rel_eval.EPS for i in telling)]
    if not surviving or len(surviving) == len(choices):
        return {}
    settled = {}
    for r in rows:
        picks = {choice[r] for choice in surviving}
        if len(picks) == 1:
            settled[r] = options[r][picks.pop()]
    return settled


def ambiguity_note(table: Table, row: int, numbers: list[Token], options: list[list[int]], cells: list[Cell]) -> ParseNote:
    spec = table.spec
    columns = spec.row_columns(row)
    read = "、".join(t.text for t in numbers)
    shown = "；".join("、".join(columns[c].short or columns[c].label for c in cols) for cols in options)
    outcome = []
    if any(c.note == AMBIGUOUS_ZERO_NOTE for c in cells):
        outcome.append("只可能是0或空白的格已按0显示")
    if any(c.note == AMBIGUOUS_CELL_NOTE for c in cells):
        outcome.append("其余不能确定的格未填入")
    spans = [t.start for t in numbers] + [t.end for t in numbers]
    return ParseNote(
        "ambiguous_columns",
        f"{spec.number}“{row_display(spec.rows[row])}”一行的数值（{read}）按前后几行的列位置可分属不同的列"
        f"（{shown}），勾稽关系也不能区分；{'，'.join(outcome)}，请对照原文核对",
        spec.id,
        row,
        (min(spans), max(spans)),
    )
