"""The official form of a table as a grid, derived from the schema (no Qt, no openpyxl).

One layout for the review grid (gkdesk.ui) and the Excel sheet (gkdesk.export): where every
text of the form goes (note, group titles, column headings, row labels, with their spans) and
where every value goes. Each side adds only its own presentation. Coordinates are 0-based and
relative to the table's top-left corner. Every text comes from gkdesk.schema.

表三 and 表四 share one set of columns: a header block over the values (Column.header_path) and,
for 表三, a block of row labels (Row.label_path) to their left, with the note above them. A
group spans its members; a leaf heading reaches down to the last header row, a leaf label
right to the last label column, as on the official form. 表二's rows carry their own columns,
so the form prints it in groups: the item's title (第二十条第（一）项) across the table, then
a heading row (信息内容 and the item's columns), then its rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

from .schema import TableSpec, ValueKind

CellAddr = tuple[str, int, int]

# Kinds of form cells.
CORNER = "corner"  # the block above the row labels (表三: its 勾稽关系 note)
GROUP = "group"  # 表二: an item's title row across the table (第二十条第（一）项)
HEADER = "header"  # a column heading, a group of them, or 表二's label-column heading
LABEL = "label"  # a row label, or a group of rows (leaf False)
VALUE = "value"  # a number of the table


@dataclass(frozen=True)
class FormCell:
    """One cell of the form, merged over rowspan x colspan grid positions when larger."""

    kind: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    # False for a heading or label that groups others (申请人情况, 三、本年度办理结果).
    leaf: bool = True
    addr: CellAddr | None = None  # VALUE cells only
    value_kind: ValueKind | None = None  # VALUE cells only


@dataclass
class FormLayout:
    spec: TableSpec
    row_count: int
    column_count: int
    header_rows: int  # rows above the first value row (表三, 表四); 0 for 表二's grouped form
    label_columns: int  # columns left of the first value column
    cells: list[FormCell]
    _anchor: dict[tuple[int, int], FormCell] = field(default_factory=dict, repr=False)
    _slot: dict[CellAddr, FormCell] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    if (r, c) in self._anchor:
                        raise ValueError(f"overlapping cells at {(r, c)}")
                    self._anchor[(r, c)] = cell
            if cell.addr is not None:
                self._slot[cell.addr] = cell

    def at(self, row: int, col: int) -> FormCell | None:
        """The cell covering a grid position (its anchor, for merged cells)."""
        return self._anchor.get((row, col))

    def slot(self, addr: CellAddr) -> FormCell:
        """The value cell of an address."""
        return self._slot[addr]

    def position(self, addr: CellAddr) -> tuple[int, int]:
        cell = self._slot[addr]
        return cell.row, cell.col

    def texts(self) -> list[FormCell]:
        return [c for c in self.cells if c.kind != VALUE]

    def slots(self) -> list[FormCell]:
        return [c for c in self.cells if c.kind == VALUE]

    def value_addresses(self) -> list[CellAddr]:
        """Value cells in reading order (row by row)."""
        return sorted(self._slot, key=self.position)

    def spans(self) -> list[FormCell]:
        """The merged cells."""
        return [c for c in self.cells if c.rowspan > 1 or c.colspan > 1]

    def merged_ranges(self) -> list[tuple[int, int, int, int]]:
        """(first row, first col, last row, last col) of every merged cell."""
        return [(c.row, c.col, c.row + c.rowspan - 1, c.col + c.colspan - 1) for c in self.spans()]


@cache
def form_layout(spec: TableSpec) -> FormLayout:
    """The official form of one table of one format version."""
    if spec.columns:
        return _matrix_layout(spec)
    return _grouped_layout(spec)


def _matrix_layout(spec: TableSpec) -> FormLayout:
    """表三/表四: a header of nested column groups over a body of nested row groups."""
    header_paths = [col.header_path for col in spec.columns]
    header_rows = max(len(p) for p in header_paths)
    label_paths = [tuple(part for part in row.label_path if part) for row in spec.rows]
    label_columns = max((len(p) for p in label_paths), default=0)
    cells: list[FormCell] = []
    if label_columns:
        cells.append(FormCell(CORNER, 0, 0, header_rows, label_columns, spec.note))
    for level in range(header_rows):
        for start, length, path in _runs(header_paths, level):
            leaf = len(path) == level + 1
            rows = header_rows - level if leaf else 1
            cells.append(FormCell(HEADER, level, label_columns + start, rows, length, path[level], leaf))
    for level in range(label_columns):
        for start, length, path in _runs(label_paths, level):
            leaf = len(path) == level + 1
            cols = label_columns - level if leaf else 1
            cells.append(FormCell(LABEL, header_rows + start, level, length, cols, path[level], leaf))
    for r in range(len(spec.rows)):
        for c, column in enumerate(spec.row_columns(r)):
            cells.append(_value(spec, r, c, column.kind, header_rows + r, label_columns + c))
    return FormLayout(
        spec, header_rows + len(spec.rows), label_columns + len(spec.columns), header_rows, label_columns, cells
    )


def _runs(paths: list[tuple[str, ...]], level: int):
    """(first lane, lanes, path) of each maximal run of paths sharing their first level+1 parts."""
    i = 0
    while i < len(paths):
        path = paths[i]
        if len(path) <= level:
            i += 1
            continue
        j = i + 1
        while j < len(paths) and len(paths[j]) > level and paths[j][: level + 1] == path[: level + 1]:
            j += 1
        yield i, j - i, path
        i = j


def _grouped_layout(spec: TableSpec) -> FormLayout:
    """表二: per 第二十条 item a title row, a heading row (信息内容 + columns), its rows."""
    value_columns = max(len(spec.row_columns(r)) for r in range(len(spec.rows)))
    width = 1 + value_columns
    cells: list[FormCell] = []
    grid_row = 0
    for path, members in groupby(enumerate(spec.rows), key=lambda item: item[1].path):
        cells.append(FormCell(GROUP, grid_row, 0, 1, width, path[-1] if path else ""))
        grid_row += 1
        for columns, same_columns in groupby(members, key=lambda item: spec.row_columns(item[0])):
            spans = _fill_spans(len(columns), value_columns)
            if spec.label_header:
                cells.append(FormCell(HEADER, grid_row, 0, text=spec.label_header))
            else:
                cells.append(FormCell(CORNER, grid_row, 0))
            col = 1
            for column, span in zip(columns, spans):
                cells.append(FormCell(HEADER, grid_row, col, 1, span, column.short or column.label))
                col += span
            grid_row += 1
            for r, row in same_columns:
                cells.append(FormCell(LABEL, grid_row, 0, text=row.label))
                col = 1
                for c, (column, span) in enumerate(zip(columns, spans)):
                    cells.append(_value(spec, r, c, column.kind, grid_row, col, span))
                    col += span
                grid_row += 1
    return FormLayout(spec, grid_row, width, 0, 1, cells)


def _fill_spans(count: int, width: int) -> list[int]:
    """Column spans for `count` columns over `width`: the last one takes what is left."""
    return [1] * (count - 1) + [width - count + 1]


def _value(spec: TableSpec, r: int, c: int, kind: ValueKind, row: int, col: int, colspan: int = 1) -> FormCell:
    return FormCell(VALUE, row, col, 1, colspan, addr=(spec.id, r, c), value_kind=kind)
