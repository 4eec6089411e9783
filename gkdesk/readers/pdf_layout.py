"""Geometry of a PDF page's text: characters into lines, rectangles into table grids.

Pure functions over plain dicts of pdfplumber characters ({"text", "x0", "x1", "top",
"bottom", "size", "upright", "matrix"}), so they can be tested without a PDF.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .document import GridCell, GridTable, PageBox, join_lines

# A gap wider than this share of the font size is a space between words.
SPACE_GAP = 0.45
# Document coordinates (a table running over pages): page k's y is offset by (k - 1) * this.
PAGE_STRIDE = 100_000.0


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    segments: list[tuple[float, float, str]] = field(default_factory=list)  # (x0, x1, text) split at wide gaps
    page: int = 0


def _size(ch: dict) -> float:
    return float(ch.get("size") or (ch["bottom"] - ch["top"]) or 10.0)


def chars_to_lines(chars: list[dict], segment_gap: float = 1.5) -> list[Line]:
    """Upright characters grouped into lines (top to bottom), each read left to right.

    Characters whose vertical middles are within half a font size share a line. Words are
    separated where the gap is wider than SPACE_GAP of the font size; `segments` split the
    line where the gap is wider than `segment_gap` font sizes (text-aligned columns).
    """
    upright = [c for c in chars if c.get("upright", True) and c["text"].strip()]
    upright.sort(key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    groups: list[list[dict]] = []
    mids: list[float] = []
    for ch in upright:
        mid = (ch["top"] + ch["bottom"]) / 2
        if groups and abs(mid - mids[-1]) <= 0.5 * _size(ch):
            groups[-1].append(ch)
            n = len(groups[-1])
            mids[-1] = mids[-1] + (mid - mids[-1]) / n
        else:
            groups.append([ch])
            mids.append(mid)
    lines = [_line(g, segment_gap) for g in groups]
    lines.extend(_vertical_lines([c for c in chars if not c.get("upright", True) and c["text"].strip()]))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _line(group: list[dict], segment_gap: float) -> Line:
    group.sort(key=lambda c: c["x0"])
    text = ""
    segments: list[tuple[float, float, str]] = []
    seg_start = group[0]["x0"]
    seg_text = ""
    prev = None
    for ch in group:
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            size = max(_size(ch), _size(prev))
            if gap < -0.5 * size and ch["text"] == prev["text"]:
                continue  # the same glyph printed twice (fake bold)
            if gap > segment_gap * size:
                segments.append((seg_start, prev["x1"], seg_text))
                seg_start, seg_text = ch["x0"], ""
                text += " "
            elif gap > SPACE_GAP * size:
                text += " "
                seg_text += " "
        text += ch["text"]
        seg_text += ch["text"]
        prev = ch
    segments.append((seg_start, prev["x1"], seg_text))
    sizes = sorted(_size(c) for c in group)
    return Line(
        text,
        group[0]["x0"],
        max(c["x1"] for c in group),
        min(c["top"] for c in group),
        max(c["bottom"] for c in group),
        sizes[len(sizes) // 2],
        segments,
    )


def _vertical_lines(chars: list[dict]) -> list[Line]:
    """Rotated characters (vertical text) grouped into columns, each read along its direction."""
    columns: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["x0"] + c["x1"]) / 2):
        mid = (ch["x0"] + ch["x1"]) / 2
        if columns and abs(mid - (columns[-1][-1]["x0"] + columns[-1][-1]["x1"]) / 2) <= 0.5 * _size(ch):
            columns[-1].append(ch)
        else:
            columns.append([ch])
    lines = []
    for col in columns:
        matrix = col[0].get("matrix") or (1, 0, 0, 1, 0, 0)
        upward = matrix[1] > 0  # rotated anticlockwise: reads bottom to top
        col.sort(key=lambda c: -c["top"] if upward else c["top"])
        text = "".join(c["text"] for c in col)
        lines.append(
            Line(text, min(c["x0"] for c in col), max(c["x1"] for c in col), min(c["top"] for c in col),
                 max(c["bottom"] for c in col), _size(col[0]), [(min(c["x0"] for c in col), max(c["x1"] for c in col), text)])
        )
    return lines


def cell_text(chars: list[dict]) -> str:
    """A table cell's text: its lines joined (CJK broken inside a cell rejoins without a space)."""
    return join_lines([ln.text for ln in chars_to_lines(chars, segment_gap=1e9)])


# ---------------------------------------------------------------- table grids

@dataclass
class RectCell:
    """A ruled cell: its rectangle in document coordinates (y grows down across pages)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def page_box(x0: float, y0: float, x1: float, y1: float) -> PageBox:
    """A rectangle in document coordinates as (page, x0, top, x1, bottom) on its page."""
    page = int(y0 // PAGE_STRIDE)
    return (page + 1, x0, y0 - page * PAGE_STRIDE, x1, y1 - page * PAGE_STRIDE)


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    """The index of the bound nearest v (of two equally near, the first); bounds ascend."""
    j = bisect_left(bounds, v)
    if j == 0:
        return 0
    if j == len(bounds):
        return j - 1
    return j - 1 if abs(bounds[j - 1] - v) <= abs(bounds[j] - v) else j


def rects_to_grid(parts: list[list[RectCell]], tolerance: float = 2.0) -> GridTable:
    """One grid from the ruled cells of a table's parts (one part per page), in order.

    Rows and columns are the cells' clustered edges; a cell spans the edges it crosses. The
    band between two parts (the page break) is no row. An empty cell at the top of a later
    part, under a cell that ends the part before in the same columns, is that cell running
    on past the page break: the two become one cell.
    """
    cells = [c for part in parts for c in part]
    xs = _cluster([c.x0 for c in cells] + [c.x1 for c in cells], tolerance)
    ys = _cluster([c.y0 for c in cells] + [c.y1 for c in cells], tolerance)
    spans = [(_index(xs, c.x0), _index(xs, c.x1), _index(ys, c.y0), _index(ys, c.y1)) for c in cells]
    covered_bands = {k for _, _, y0, y1 in spans for k in range(y0, y1)}
    row_of = {}  # y edge index -> grid row index (bands no cell covers are dropped)
    for k in range(len(ys)):
        row_of[k] = len(row_of) if not row_of else row_of[k - 1] + (1 if k - 1 in covered_bands else 0)
    nrows = row_of[len(ys) - 1] if ys else 0
    ncols = max(len(xs) - 1, 0)
    part_start_rows = {row_of[_index(ys, min(c.y0 for c in part))] for part in parts[1:] if part}
    rows: list[list[GridCell]] = [[] for _ in range(nrows)]
    placed: dict[tuple[int, int], GridCell] = {}  # (row, col) position -> cell covering it
    for c, (col, col_end, y0, y1) in sorted(zip(cells, spans), key=lambda p: (p[0].y0, p[0].x0)):
        row, row_end = row_of[y0], row_of[y1]
        if col_end <= col or row_end <= row:
            continue  # a sliver narrower than the tolerance
        above = placed.get((row - 1, col))
        if (
            row in part_start_rows
            and not c.text
            and above is not None
            and above.col == col
            and above.colspan == col_end - col
            and above.text
        ):
            above.rowspan += row_end - row
            cell = above
        else:
            cell = GridCell(col, c.text, col_end - col, row_end - row, page_box(c.x0, c.y0, c.x1, c.y1))
            rows[row].append(cell)
        for r in range(row, row_end):
            for k in range(col, col_end):
                placed[(r, k)] = cell
    for row in rows:
        row.sort(key=lambda g: g.col)
    return GridTable(rows, ncols)
