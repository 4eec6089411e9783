"""The grid of an official table as the form prints it, derived from the schema (no Qt).

表三 and 表四 share one set of columns: a header block of merged cells (Column.header_path)
above the values, and for 表三 a block of row labels (Row.label_path) to their left. 表二's
rows carry their own columns, so the form prints it in groups: the group's title
(第二十条第（一）项) across the table, then the group's column headings, then its rows.
Every text here comes from gkdesk.schema; no label is written twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..schema import TableSpec

CellAddr = tuple[str, int, int]

# Kinds of grid cells.
CORNER = "corner"  # the block above the row labels (表三: its 勾稽关系 note)
HEADER = "header"  # a column heading (or a group of them)
GROUP = "group"  # 表二: a group's title row (第二十条第（一）项)
LABEL = "label"  # a row label (or a group of rows)
VALUE = "value"  # a number of the table


@dataclass(frozen=True)
class GridCell:
    kind: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    addr: CellAddr | None = None  # VALUE cells only


@dataclass
class FormLayout:
    spec: TableSpec
    row_count: int
    column_count: int
    header_rows: int  # rows above the first value row (表三, 表四)
    label_columns: int
    cells: list[GridCell]
    _anchor: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    _position: dict[CellAddr, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    if (r, c) in self._anchor:
                        raise ValueError(f"overlapping cells at {(r, c)}")
                    self._anchor[(r, c)] = cell
            if cell.addr is not None:
                self._position[cell.addr] = (cell.row, cell.col)

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering a grid position (its anchor, for merged cells)."""
        return self._anchor.get((row, col))

    def position(self, addr: CellAddr) -> tuple[int, int]:
        return self._position[addr]

    def value_addresses(self) -> list[CellAddr]:
        """Value cells in reading order (row by row)."""
        return sorted(self._position, key=lambda a: self._position[a])

    def spans(self) -> list[GridCell]:
        return [c for c in self.cells if c.rowspan > 1 or c.colspan > 1]


def _levels(paths: list[tuple[str, ...]], depth: int) -> list[list[tuple[int, int]]]:
    """Per lane, per node index: (first level, last level) in the grid."""
    out = []
    for lane, path in enumerate(paths):
        extra = depth - len(path)
        # The node that absorbs the extra levels: the shallowest whose subtree lanes share this length.
        absorb = len(path) - 1
        for i in range(len(path)):
            lanes = [p for p in paths if p[: i + 1] == path[: i + 1]]
            if all(len(p) == len(path) for p in lanes):
                absorb = i
                break
        spans = []
        level = 0
        for i in range(len(path)):
            height = 1 + (extra if i == absorb else 0)
            spans.append((level, level + height - 1))
            level += height
        out.append(spans)
    return out


def _merged(paths: list[tuple[str, ...]], depth: int):
    """Yield (first_level, levels, first_lane, lanes, text) for the merged tree of `paths`."""
    levels = _levels(paths, depth)
    n = len(paths)
    for lane in range(n):
        for i, text in enumerate(paths[lane]):
            if lane > 0 and paths[lane - 1][: i + 1] == paths[lane][: i + 1] and len(paths[lane - 1]) > i:
                continue  # merged into the cell that starts in an earlier lane
            end = lane + 1
            while end < n and paths[end][: i + 1] == paths[lane][: i + 1] and len(paths[end]) > i:
                end += 1
            first, last = levels[lane][i]
            yield first, last - first + 1, lane, end - lane, text


@cache
def form_layout(spec: TableSpec) -> FormLayout:
    """The official grid of a table."""
    if any(row.columns for row in spec.rows):
        return _grouped_layout(spec)
    return _matrix_layout(spec)


def _matrix_layout(spec: TableSpec) -> FormLayout:
    """表三/表四: a header block over shared columns, row labels on the left."""
    col_paths = [col.header_path for col in spec.columns]
    header_rows = max(len(p) for p in col_paths)
    row_paths = [tuple(p for p in row.label_path if p) for row in spec.rows]
    label_columns = max((len(p) for p in row_paths), default=0)
    cells: list[GridCell] = []
    for first, levels, lane, lanes, text in _merged(col_paths, header_rows):
        cells.append(GridCell(HEADER, first, label_columns + lane, levels, lanes, text))
    if label_columns:
        cells.append(GridCell(CORNER, 0, 0, header_rows, label_columns, spec.note))
        for first, levels, lane, lanes, text in _merged(row_paths, label_columns):
            cells.append(GridCell(LABEL, header_rows + lane, first, lanes, levels, text))
    for r in range(len(spec.rows)):
        for c in range(len(spec.columns)):
            cells.append(GridCell(VALUE, header_rows + r, label_columns + c, addr=(spec.id, r, c)))
    return FormLayout(
        spec,
        header_rows + len(spec.rows),
        label_columns + len(spec.columns),
        header_rows,
        label_columns,
        cells,
    )


def _grouped_layout(spec: TableSpec) -> FormLayout:
    """表二: per group, a title row, a row of column headings, then the group's rows."""
    width = max(len(spec.row_columns(r)) for r in range(len(spec.rows)))
    cells: list[GridCell] = []
    grid_row = 0
    r = 0
    while r < len(spec.rows):
        row = spec.rows[r]
        columns = spec.row_columns(r)
        end = r + 1
        while end < len(spec.rows) and spec.rows[end].path == row.path and spec.row_columns(end) == columns:
            end += 1
        cells.append(GridCell(GROUP, grid_row, 0, 1, width + 1, " ".join(row.path)))
        grid_row += 1
        cells.append(GridCell(CORNER, grid_row, 0))
        spans = _value_spans(len(columns), width)
        for c, col in enumerate(columns):
            first, span = spans[c]
            cells.append(GridCell(HEADER, grid_row, 1 + first, 1, span, col.short or col.label))
        grid_row += 1
        for rr in range(r, end):
            cells.append(GridCell(LABEL, grid_row, 0, text=spec.rows[rr].label))
            for c in range(len(columns)):
                first, span = spans[c]
                cells.append(GridCell(VALUE, grid_row, 1 + first, 1, span, addr=(spec.id, rr, c)))
            grid_row += 1
        r = end
    return FormLayout(spec, grid_row, width + 1, 0, 1, cells)


def _value_spans(n: int, width: int) -> list[tuple[int, int]]:
    """Columns of a group with n columns in a grid `width` wide: the last one takes the rest."""
    return [(c, 1 if c < n - 1 else width - n + 1) for c in range(n)]
