"""Each recognized value's box on the PDF page it was read from (Cell.region).

The recognizer reads the rendered text and keeps each value's span there; the span lies in a
table cell of the document (SourceCell) that knows its box on the page. The window outlines
that box on the page image (issue: verify against the original)."""
from __future__ import annotations

from bisect import bisect_right

from ..model import Report


def boxed_cells(document) -> tuple[list, list[int]]:
    """The document's table cells that have a page box, by where their text starts."""
    cells = sorted((c for t in document.tables for c in t.cells if c.box is not None), key=lambda c: c.span[0])
    return cells, [c.span[0] for c in cells]


def source_cell(cells, starts, span):
    """The table cell whose text holds the span (the nearest non-empty cell starting before it)."""
    k = bisect_right(starts, span[0]) - 1
    while k >= 0:
        c = cells[k]
        if c.span[1] > c.span[0]:
            return c if span[0] < c.span[1] and span[1] <= c.span[1] else None
        k -= 1
    return None


def place_on_pages(report: Report, document) -> int:
    """Set Cell.region of every value read from a boxed table cell; how many were placed."""
    cells, starts = boxed_cells(document)
    if not cells:
        return 0
    placed = 0
    for table in report.tables.values():
        for row in table.cells:
            for cell in row:
                if cell.span is None or cell.region is not None:
                    continue
                source = source_cell(cells, starts, cell.span)
                if source is not None:
                    cell.region = tuple(source.box)
                    placed += 1
    return placed
