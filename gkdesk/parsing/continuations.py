"""A table continued past the next table's heading.

In page order a converter prints a page's text boxes in an order of its own (pdfminer), so the
last blocks of a table that runs onto a later page can stand after the next section's heading,
among the next table's values. The next table cannot use more values than it has cells: the
stretches of its blocks, one block after another, that hold exactly the values this table
lacks are each a possible continuation. Each is read with the table's own values by the
reading by order (the table's relations place them) and scored by the solver with every other
reading: a stretch the relations do not take gives no reading, two that fit alike are a tie.
Values so taken are marked inferred, the note says where they stood, and the next table is
read without them (`claimed_spans`).
"""
from __future__ import annotations

from dataclasses import replace

from ..model import ParseNote, Table
from .reading_order import StreamRun, read_reordered
from .solver import Choice
from .tokens import Token

# Stretches tried per table, and the search budget they share (each gets at least the minimum).
MAX_STRETCHES = 12
NODE_BUDGET = 5_000
MIN_NODES = 500

CONTINUED = "continued_past_heading"


def stretches(own: int, cells: int, next_runs: list[StreamRun], next_cells: int) -> list[list[StreamRun]]:
    """Runs of consecutive blocks of the next table holding exactly the `cells - own` values
    this table lacks, where the next table has that many values more than its `next_cells`."""
    lack = cells - own
    spare = sum(len(run.tokens) for run in next_runs) - next_cells
    if lack <= 0 or spare < lack:
        return []
    out = []
    for i in range(len(next_runs)):
        n = 0
        for j in range(i, len(next_runs)):
            n += len(next_runs[j].tokens)
            if n >= lack:
                break
        if n == lack:
            out.append(next_runs[i : j + 1])
    return out[:MAX_STRETCHES]


def read_continued(
    text: str, tokens: list[Token], table: Table, stretch: list[StreamRun], next_number: str, node_limit: int
) -> tuple[Table, list[ParseNote], list[Choice]] | None:
    """The label reading `table` re-read by order with the blocks of `stretch` after its own,
    with the choices it leaves to the solver (read_reordered); None unless every value of the
    stretch finds a cell."""
    read = read_reordered(text, tokens, table, borrowed=stretch, node_limit=node_limit)
    if read is None:
        return None
    out, notes, choices = read
    taken = {(t.start, t.end) for run in stretch for t in run.tokens}

    def mark(cells: list) -> int:
        placed = 0
        for k, cell in enumerate(cells):
            if cell.span in taken:
                placed += 1
                cells[k] = replace(cell, inferred=True, confidence=min(cell.confidence, 0.6),
                                   note=cell.note if cell.inferred else _TAKEN_CELL.format(next_number))
        return placed

    placed = sum(mark(row) for row in out.cells)
    if placed != len(taken):
        return None
    for choice in choices:  # each option of the table is marked as its first is
        for option in choice.options:
            mark(option)
    # The table's span stays where its own text is: the next section's text is no part of it.
    own = [c.span for row in out.cells for c in row if c.span and c.span not in taken]
    if table.span:
        own.append(table.span)
    out.span = (min(s[0] for s in own), max(s[1] for s in own)) if own else None
    spec = table.spec
    notes.append(ParseNote(
        CONTINUED,
        f"{spec.number}有 {placed} 个数值在文本中印在{next_number}的标题之后（PDF 转换的页面顺序所致），"
        f"{next_number}用不了这么多数值；按数值个数和{spec.number}的勾稽关系归入{spec.number}，已标为推定，"
        f"未计入{next_number}，请对照原文核对",
        spec.id,
    ))
    return out, notes, choices


_TAKEN_CELL = "此值在文本中印在{}的标题之后，按数值个数和本表的勾稽关系归入本表"


def claimed_spans(table: Table, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans of the table's values that stand after its region: the later tables' regions
    are read without them."""
    return sorted(c.span for row in table.cells for c in row if c.span and c.span[0] >= bounds[1])


def without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the characters of `spans` blanked (offsets kept)."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)  # spans of several tables, in any order
        if end > start:
            parts += [text[pos:start], " " * (end - start)]
            pos = end
    parts.append(text[pos:])
    return "".join(parts)
