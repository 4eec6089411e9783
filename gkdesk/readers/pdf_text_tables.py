"""Tables without ruling lines, recovered from where their text stands on the page.

A run of lines that are split by wide gaps into several segments is a table. Its columns
are the vertical bands that (almost) no segment crosses; each segment goes to the columns
it overlaps (a header spanning several columns spans them). A short line of one segment
inside the run (a label wrapped in its cell) joins the row nearest to it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .document import GridCell, GridTable
from .pdf_layout import Line

MIN_TABLE_LINES = 3  # lines with several segments needed to call a run of lines a table
# Lines that define the columns have at least this share of the most segments a line has.
BASIS_SHARE = 0.6
# Share of those lines that may cross a column gap.
GAP_CROSSING_SHARE = 0.1
# One-segment lines (wrapped labels, group labels) allowed in a row inside a table.
MAX_FRAGMENT_RUN = 6


@dataclass
class TextTable:
    page: int
    top: float
    bottom: float
    bands: list[tuple[float, float]]  # column x ranges
    grid: GridTable


def _multi(line: Line) -> bool:
    return len(line.segments) >= 2


def find_text_tables(lines: list[Line]) -> tuple[list[TextTable], list[Line]]:
    """(tables, the lines that are not in any table)."""
    tables: list[TextTable] = []
    rest: list[Line] = []
    i = 0
    while i < len(lines):
        if not _multi(lines[i]):
            rest.append(lines[i])
            i += 1
            continue
        j = _region_end(lines, i)
        # Wrapped label lines just above the first row belong to the table too.
        while rest and _wraps_into(rest[-1], lines[i], lines[i:j]):
            rest.pop()
            i -= 1
        region = lines[i:j]
        table = _table(region) if sum(_multi(ln) for ln in region) >= MIN_TABLE_LINES else None
        if table is None:
            rest.extend(region)
        else:
            tables.append(table)
        i = j
    return tables, rest


def _region_end(lines: list[Line], i: int) -> int:
    """End of the run of table lines starting at multi-segment line i."""
    last_multi = i
    j = i + 1
    width = lines[i].x1 - lines[i].x0
    while j < len(lines):
        line = lines[j]
        gap = line.top - lines[j - 1].bottom
        if gap > 2.5 * max(line.size, lines[j - 1].size) or line.page != lines[i].page:
            break
        if _multi(line):
            last_multi = j
            width = max(width, line.x1 - line.x0)
        elif line.x1 - line.x0 > 0.7 * width or j - last_multi > MAX_FRAGMENT_RUN:
            break  # a full-width line of prose, or too far from the last row
        j += 1
    end = last_multi + 1
    while end < len(lines) and _wraps_into(lines[end], lines[end - 1], lines[i:end]):
        end += 1  # a label wrapped below the last row
    return end


def _wraps_into(line: Line, neighbour: Line, region: list[Line]) -> bool:
    """A short one-segment line set as close to a table line as lines wrapped in a cell are."""
    if _multi(line) or line.page != neighbour.page:
        return False
    width = max(ln.x1 for ln in region) - min(ln.x0 for ln in region)
    gap = max(neighbour.top - line.bottom, line.top - neighbour.bottom)
    return gap <= 0.5 * line.size and line.x1 - line.x0 < 0.7 * width


def _columns(region: list[Line]) -> list[tuple[float, float]]:
    """Column bands: x ranges between the gaps that (almost) no segment of a full row crosses.

    Only the lines with about as many segments as the fullest one count: header lines with
    words spanning several columns would close the gaps between them.
    """
    multi = [ln for ln in region if _multi(ln)]
    most = max(len(ln.segments) for ln in multi)
    basis = [ln for ln in multi if len(ln.segments) >= max(2, BASIS_SHARE * most)]
    segments = [s for ln in basis for s in ln.segments]
    left = min(s[0] for s in segments)
    right = max(s[1] for s in segments)
    allowed = int(GAP_CROSSING_SHARE * len(basis))
    n = int(right - left) + 1
    cover = [0] * n
    for x0, x1, _ in segments:
        for k in range(max(0, int(x0 - left)), min(n, int(x1 - left) + 1)):
            cover[k] += 1
    size = sorted(ln.size for ln in basis)[len(basis) // 2]
    bands: list[tuple[float, float]] = []
    start = None
    gap_start = None
    for k in range(n):
        x = left + k
        if cover[k] > allowed:
            if start is None:
                start = x
            elif gap_start is not None and x - gap_start >= 0.8 * size:
                bands.append((start, gap_start))
                start = x
            gap_start = None
        elif start is not None and gap_start is None:
            gap_start = x
    if start is not None:
        bands.append((start, right))
    return bands


def _table(region: list[Line]) -> TextTable | None:
    bands = _columns(region)
    if len(bands) < 2:
        return None
    grid = _grid(region, bands)
    return TextTable(region[0].page, region[0].top, max(ln.bottom for ln in region), bands, grid)


def _grid(region: list[Line], bands: list[tuple[float, float]]) -> GridTable:
    placed: list[tuple[Line, list[GridCell]]] = []
    fragments: list[Line] = []
    for ln in region:
        if not _multi(ln) and _near_row(ln, region):
            fragments.append(ln)
            continue
        cells: list[GridCell] = []
        for x0, x1, text in ln.segments:
            cols = [k for k, (b0, b1) in enumerate(bands) if min(x1, b1) - max(x0, b0) > 0]
            if not cols:
                cols = [min(range(len(bands)), key=lambda k: abs((bands[k][0] + bands[k][1]) / 2 - (x0 + x1) / 2))]
            if cells and cols[0] < cells[-1].col + cells[-1].colspan:
                cells[-1].text += " " + text  # two segments in one column: one cell
                cells[-1].box = _union(cells[-1].box, (ln.page, x0, ln.top, x1, ln.bottom))
                continue
            cells.append(GridCell(cols[0], text, cols[-1] - cols[0] + 1, box=(ln.page, x0, ln.top, x1, ln.bottom)))
        placed.append((ln, cells))
    parts: dict[int, list[tuple[float, str]]] = {
        id(cell): [(ln.top, cell.text)] for ln, cells in placed for cell in cells
    }
    for frag in fragments:
        _attach(frag, placed, bands, parts)
    for _, cells in placed:
        for cell in cells:
            cell.text = "\n".join(text for _, text in sorted(parts[id(cell)], key=lambda p: p[0]))
    placed.sort(key=lambda p: p[0].top)
    return GridTable([cells for _, cells in placed], len(bands))


def _union(a, b):
    """The region covering two page regions of one page (a may be None)."""
    if a is None:
        return b
    return (a[0], min(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]), max(a[4], b[4]))


def _near_row(line: Line, region: list[Line]) -> bool:
    """A one-segment line set as close to a neighbour as lines wrapped in one cell are."""
    k = region.index(line)
    for other in region[max(0, k - 1) : k + 2]:
        if other is line:
            continue
        gap = max(other.top - line.bottom, line.top - other.bottom)
        if gap <= 0.5 * line.size:
            return True
    return False


def _attach(fragment: Line, placed: list[tuple[Line, list[GridCell]]], bands, parts) -> None:
    """A one-segment line inside a table: text wrapped in a cell of the nearest row."""
    mid = (fragment.top + fragment.bottom) / 2
    x_mid = (fragment.x0 + fragment.x1) / 2

    def distance(k: int) -> float:
        b0, b1 = bands[k]
        return 0.0 if b0 <= x_mid <= b1 else min(abs(b0 - x_mid), abs(b1 - x_mid))

    col = min(range(len(bands)), key=distance)
    _, cells = min(placed, key=lambda p: abs((p[0].top + p[0].bottom) / 2 - mid))
    box = (fragment.page, fragment.x0, fragment.top, fragment.x1, fragment.bottom)
    for cell in cells:
        if cell.col <= col < cell.col + cell.colspan:
            parts[id(cell)].append((fragment.top, fragment.text))
            cell.box = _union(cell.box, box)
            return
    cell = GridCell(col, fragment.text, box=box)
    parts[id(cell)] = [(fragment.top, fragment.text)]
    cells.append(cell)
    cells.sort(key=lambda c: c.col)
