"""The one intermediate every reader produces: blocks in reading order, rendered to plain text.

A reader (.docx, .html, .pdf) turns its file into `Paragraph` and `GridTable` blocks. `render`
writes them as the text the source pane shows and the recognizer reads:

- a paragraph is one line (a line break inside it starts a new line);
- a table row is ONE line of TAB-separated cells, one field per grid column. A merged cell's
  text stands once, in its first grid position; the positions it covers stay empty strings.
  A TAB never occurs anywhere else, so "TAB" always means "cell boundary".

Every cell keeps its grid position, its spans and the span of its text in the rendered
text, so linking and highlighting work as for a .txt file; the recognizer reads these cells as
cells (parsing/source_cells.py), the text between the tables as text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


# (page, x0, top, x1, bottom): a region of a PDF page, 1-based page, in points from its top left.
PageBox = tuple[int, float, float, float, float]


@dataclass
class Paragraph:
    text: str


@dataclass
class GridCell:
    """A cell where it starts in the grid; it covers rowspan x colspan positions."""

    col: int
    text: str
    colspan: int = 1
    rowspan: int = 1
    box: PageBox | None = None  # where it stands on its page, when the reader knows (PDF)


@dataclass
class GridTable:
    """A table as rows of the cells that start in each row (covered positions are implied)."""

    rows: list[list[GridCell]]
    ncols: int = 0
    page: int | None = None  # first page (PDF), for messages

    def width(self) -> int:
        widest = max((c.col + c.colspan for row in self.rows for c in row), default=0)
        return max(self.ncols, widest)


Block = Paragraph | GridTable


@dataclass(frozen=True)
class SourceCell:
    """A table cell as the document has it, and where its text stands in the rendered text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    span: tuple[int, int]  # the cell's text in SourceDocument.text (empty span for an empty cell)
    box: PageBox | None = None  # GridCell.box


@dataclass
class SourceTable:
    nrows: int
    ncols: int
    cells: list[SourceCell]
    span: tuple[int, int]  # the whole table in SourceDocument.text
    page: int | None = None

    def cell_at(self, row: int, col: int) -> SourceCell | None:
        """The cell covering grid position (row, col), if any."""
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None


@dataclass
class SourceDocument:
    """A document read from its original file: rendered text and the tables it holds."""

    text: str
    kind: str  # "docx", "html", "pdf"
    encoding: str  # what Report.encoding says: "docx", "html:gb18030", "pdf"
    tables: list[SourceTable] = field(default_factory=list)
    notes: list = field(default_factory=list)  # ParseNote: what the reader says of the file


# ---------------------------------------------------------------- text cleaning

_CONTROL = {c: None for c in range(32) if chr(c) not in "\t\n"}
_CONTROL.update({0x7F: None, 0xAD: None, 0x200B: None, 0xFEFF: None})
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")


def _is_cjk(ch: str) -> bool:
    if not ch:
        return False
    name = unicodedata.east_asian_width(ch)
    return name in ("W", "F") and not ch.isdigit()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one cell: CJK text broken inside a cell rejoins without a space."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and not (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += " "
        out += line
    return out


def clean_cell(text: str) -> str:
    """A cell's text on one line: no TAB, no line break, runs of spaces folded."""
    text = text.translate(_CONTROL).replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    lines = [_SPACES.sub(" ", ln) for ln in text.split("\n")]
    return join_lines(lines)


def clean_paragraph(text: str) -> list[str]:
    """A paragraph's lines: no TAB (it only ever separates cells), control characters dropped."""
    text = text.translate(_CONTROL).replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    return [_SPACES.sub(" ", ln).rstrip() for ln in text.split("\n")]


# ---------------------------------------------------------------- rendering

def _grid(table: GridTable) -> tuple[int, list[list[tuple[str, GridCell | None]]]]:
    """Per row, per grid column: ("origin", cell) where a cell starts, ("covered", cell) or ("", None)."""
    ncols = table.width()
    grid: list[list[tuple[str, GridCell | None]]] = [[("", None)] * ncols for _ in table.rows]
    for r, row in enumerate(table.rows):
        for cell in row:
            for dr in range(cell.rowspan):
                if r + dr >= len(grid):
                    break
                for dc in range(cell.colspan):
                    if cell.col + dc < ncols and grid[r + dr][cell.col + dc][1] is None:
                        kind = "origin" if dr == 0 and dc == 0 else "covered"
                        grid[r + dr][cell.col + dc] = (kind, cell)
    return ncols, grid


def check_grids(blocks: list[Block]) -> None:
    """Refuse tables whose laid-out grids (rows x columns, spans included) exceed the limits,
    before any grid is built: every reader's tables pass here."""
    from ..limits import MAX_DOCUMENT_CELLS, MAX_GRID_COLUMNS, MAX_TABLE_CELLS, expansion_refused

    total = 0
    for block in blocks:
        if isinstance(block, GridTable) and block.rows:
            width = block.width()
            if width > MAX_GRID_COLUMNS:
                raise expansion_refused("表格的列数", width, MAX_GRID_COLUMNS, "grid columns")
            cells = width * len(block.rows)
            if cells > MAX_TABLE_CELLS:
                raise expansion_refused("一个表格的单元格数", cells, MAX_TABLE_CELLS, "cells in one table")
            total += cells
    if total > MAX_DOCUMENT_CELLS:
        raise expansion_refused("全部表格的单元格总数", total, MAX_DOCUMENT_CELLS, "cells in all tables")


def render(blocks: list[Block], kind: str, encoding: str) -> SourceDocument:
    """Plain text of the blocks, with every table cell's span."""
    check_grids(blocks)
    parts: list[str] = []
    pos = 0
    tables: list[SourceTable] = []

    def emit(line: str) -> None:
        nonlocal pos
        parts.append(line)
        parts.append("\n")
        pos += len(line) + 1

    for block in blocks:
        if isinstance(block, Paragraph):
            for line in clean_paragraph(block.text):
                emit(line)
            continue
        if not block.rows:
            continue
        ncols, grid = _grid(block)
        start = pos
        cells: list[SourceCell] = []
        for r, row in enumerate(grid):
            fields: list[str] = []
            x = pos
            for c, (what, cell) in enumerate(row):
                text = clean_cell(cell.text) if what == "origin" and cell is not None else ""
                if what == "origin" and cell is not None:
                    rowspan = min(cell.rowspan, len(grid) - r)
                    colspan = min(cell.colspan, ncols - c)
                    cells.append(SourceCell(r, c, rowspan, colspan, text, (x, x + len(text)), cell.box))
                elif what == "":
                    cells.append(SourceCell(r, c, 1, 1, "", (x, x)))
                fields.append(text)
                x += len(text) + 1
            emit("\t".join(fields))
        tables.append(SourceTable(len(grid), ncols, cells, (start, pos - 1), block.page))
    return SourceDocument("".join(parts), kind, encoding, tables)
