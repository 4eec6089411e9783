"""Where each label and value of a table goes on the official form, derived from the schema.

Pure geometry, no openpyxl: the workbook writer draws it, the importer reads values back
through it, and the tests check merged ranges against it. Coordinates are 0-based and
relative to the table's top-left corner.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

from ..schema import TableSpec, ValueKind

# Roles of a placed text block; the writer styles them.
GROUP, HEADER, LABEL, NOTE = "group", "header", "label", "note"


@dataclass(frozen=True)
class Block:
    """A text cell of the form, merged over rows x cols when larger than one cell."""

    row: int
    col: int
    text: str
    role: str
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class Slot:
    """Where one value of the table goes (merged over `cols` columns)."""

    addr: tuple[str, int, int]
    row: int
    col: int
    kind: ValueKind
    cols: int = 1


@dataclass
class FormLayout:
    spec: TableSpec
    width: int  # columns
    height: int  # rows
    header_rows: int  # rows above the first value row (表三/表四); 0 for 表二's grouped form
    label_cols: int  # columns left of the first value column
    blocks: list[Block] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    col_widths: list[float] = field(default_factory=list)  # Excel character units

    def slot_of(self) -> dict[tuple[str, int, int], Slot]:
        return {s.addr: s for s in self.slots}

    def merged_ranges(self) -> list[tuple[int, int, int, int]]:
        """(first row, first col, last row, last col) of every merged area, blocks and slots."""
        out = [(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1) for b in self.blocks if b.rows > 1 or b.cols > 1]
        out += [(s.row, s.col, s.row, s.col + s.cols - 1) for s in self.slots if s.cols > 1]
        return out


def text_units(text: str) -> float:
    """Width of a text in Excel character units at the table font (a CJK character is two)."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def _units_for_chars(chars: float) -> float:
    return round(chars * 2 + 1.5, 1)


@cache
def form_layout(spec: TableSpec) -> FormLayout:
    """The official layout of one table of one format version."""
    if spec.columns:
        return _grid_layout(spec)
    return _grouped_layout(spec)


def _grouped_layout(spec: TableSpec) -> FormLayout:
    """表二: per 第二十条 item a group row, a header row (信息内容 + columns), its rows."""
    value_cols = max(len(spec.row_columns(r)) for r in range(len(spec.rows)))
    width = 1 + value_cols
    layout = FormLayout(spec, width, 0, header_rows=0, label_cols=1)
    row = 0
    indexed = list(enumerate(spec.rows))
    for path, members in groupby(indexed, key=lambda item: item[1].path):
        members = list(members)
        layout.blocks.append(Block(row, 0, path[-1] if path else "", GROUP, cols=width))
        row += 1
        for columns, same_cols in groupby(members, key=lambda item: spec.row_columns(item[0])):
            spans = _fill_spans(len(columns), value_cols)
            layout.blocks.append(Block(row, 0, spec.label_header, HEADER))
            col = 1
            for column, span in zip(columns, spans):
                layout.blocks.append(Block(row, col, column.short or column.label, HEADER, cols=span))
                col += span
            row += 1
            for r, spec_row in same_cols:
                layout.blocks.append(Block(row, 0, spec_row.label, LABEL))
                col = 1
                for c, (column, span) in enumerate(zip(columns, spans)):
                    layout.slots.append(Slot((spec.id, r, c), row, col, column.kind, span))
                    col += span
                row += 1
    layout.height = row
    label_chars = max(len(r.label) for r in spec.rows)
    header_chars = max(len(c.label) for r in range(len(spec.rows)) for c in spec.row_columns(r) if True)
    layout.col_widths = [_units_for_chars(min(max(label_chars, 6), 11))] + [
        _units_for_chars(min(max(math.ceil(header_chars / 3), 5), 7))
    ] * value_cols
    return layout


def _fill_spans(count: int, width: int) -> list[int]:
    """Column spans for `count` columns over `width`: the last one takes what is left."""
    return [1] * (count - 1) + [width - count + 1]


def _grid_layout(spec: TableSpec) -> FormLayout:
    """表三/表四: a header of nested column groups over a body of nested row groups."""
    header_depth = max(len(c.header_path) for c in spec.columns)
    label_paths = [row.label_path if row.label else () for row in spec.rows]
    label_depth = max(len(p) for p in label_paths)
    width = label_depth + len(spec.columns)
    layout = FormLayout(spec, width, header_depth + len(spec.rows), header_depth, label_depth)
    if label_depth:
        layout.blocks.append(Block(0, 0, spec.note, NOTE, rows=header_depth, cols=label_depth))
    # Column headers: a group spans its columns; a leaf reaches down to the last header row.
    paths = [c.header_path for c in spec.columns]
    for level in range(header_depth):
        for start, length, path in _runs(paths, level):
            leaf = len(path) == level + 1
            rows = header_depth - level if leaf else 1
            layout.blocks.append(Block(level, label_depth + start, path[level], HEADER, rows=rows, cols=length))
    # Row labels: a group spans its rows; a leaf reaches right to the last label column.
    for level in range(label_depth):
        for start, length, path in _runs(label_paths, level):
            leaf = len(path) == level + 1
            cols = label_depth - level if leaf else 1
            role = LABEL if leaf else GROUP
            layout.blocks.append(Block(header_depth + start, level, path[level], role, rows=length, cols=cols))
    for r in range(len(spec.rows)):
        for c, column in enumerate(spec.row_columns(r)):
            layout.slots.append(Slot((spec.id, r, c), header_depth + r, label_depth + c, column.kind))
    layout.col_widths = _grid_widths(spec, label_paths, label_depth)
    return layout


def _runs(paths, level: int):
    """Maximal runs of consecutive paths that share their first level+1 parts."""
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


def _grid_widths(spec: TableSpec, label_paths, label_depth: int) -> list[float]:
    widths: list[float] = []
    for level in range(label_depth):
        own = [len(p[level]) for p in label_paths if len(p) == level + 1]
        group = [len(p[level]) for p in label_paths if len(p) > level + 1]
        if level == label_depth - 1:  # the leaf column: long labels wrap over two or three lines
            widths.append(_units_for_chars(min(max(own + [8]), 16)))
        else:  # group columns are narrow: their labels stand vertically merged over many rows
            widths.append(_units_for_chars(min(max(group + [4]) / 2, 4.5)))
    leaf_chars = max(len(c.short or c.label) for c in spec.columns)
    per_col = 4 if len(spec.columns) > 10 else min(max(math.ceil(leaf_chars / 2), 4), 5)
    widths.extend([_units_for_chars(per_col)] * len(spec.columns))
    return widths
