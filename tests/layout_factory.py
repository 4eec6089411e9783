"""Report texts whose 表三 looks like pdftotext -layout output, with column positions per row.

pdftotext -layout writes each page with its own column positions and sometimes shifts a block
of rows inside a page; these texts let tests choose the positions row by row, put page breaks
(form feeds) between rows, and wrap long labels as pdftotext does.
"""
from __future__ import annotations

from collections.abc import Callable

from report_factory import render
from gkdesk.schema import table_spec

LABEL_WIDTH = 12  # characters of a label per line; the rest wraps onto the next lines


def layout_t3_lines(version: str, rows: list[list], column_x: Callable[[int], list[int]],
                    page_break_before: set[int] = frozenset(), align: str = "centre") -> list[str]:
    """表三 as pdftotext -layout text: each value centred on column_x(row)[column] (or, with
    align="right", ending there)."""
    spec = table_spec(version, "t3")
    first = column_x(0)
    header = [
        spec.note,
        " " * first[0] + "申请人情况",
        _place("", [(first[0], "自然人"), (first[3], "法人或其他组织"), (first[-1], "总计")]),
        _place("", [(x, c.short or c.label) for x, c in zip(first[1:6], spec.columns[1:6])]),
    ]
    out = list(header)
    for r, row in enumerate(spec.rows):
        label = row.label
        head, rest = label[:LABEL_WIDTH], label[LABEL_WIDTH:]
        cells = [(x, str(v)) for x, v in zip(column_x(r), rows[r]) if v is not None]
        line = _place("  " + head, cells, align)
        if r in page_break_before:
            line = "\f" + line
        out.append(line)
        while rest:
            out.append("    " + rest[:LABEL_WIDTH])
            rest = rest[LABEL_WIDTH:]
    return out


def _place(prefix: str, cells: list[tuple[int, str]], align: str = "centre") -> str:
    """prefix, then each text centred on (or ending at) its character column."""
    line = prefix
    for x, text in cells:
        start = x - len(text) // 2 if align == "centre" else x - len(text) + 1
        start = max(start, len(line) + 1)
        line = line.ljust(start) + text
    return line


def render_layout_t3(version: str, values: dict, column_x: Callable[[int], list[int]],
                     page_break_before: set[int] = frozenset(), align: str = "centre") -> str:
    """A whole report (tab-separated 表二 and 表四) whose 表三 is -layout text."""
    spec = table_spec(version, "t3")
    lines = render(version, values, "tabs").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith(spec.note))
    last_label = spec.rows[-1].label
    end = next(i for i, ln in enumerate(lines) if ln.split("\t")[0] == last_label)
    t3 = layout_t3_lines(version, values["t3"], column_x, page_break_before, align)
    return "\n".join(lines[:start] + t3 + lines[end + 1 :])


def consistent_t3(version: str, rows: list[list]) -> list[list]:
    """表三 with 总计 (row and column) and 本年新收 recomputed so every relation holds; blank counts 0
    and a blank cell stays blank where its sum is 0."""
    rows = [list(r) for r in rows]
    total_row = len(rows) - 2
    leaves = [r for r, row in enumerate(table_spec(version, "t3").rows) if row.result_leaf]

    def put(r, c, v):
        rows[r][c] = None if (v == 0 and rows[r][c] is None) else v

    for r in range(len(rows)):
        put(r, 6, sum(v or 0 for v in rows[r][:6]))
    for c in range(7):
        put(total_row, c, sum(rows[r][c] or 0 for r in leaves))
        put(0, c, (rows[total_row][c] or 0) + (rows[total_row + 1][c] or 0) - (rows[1][c] or 0))
    return rows
