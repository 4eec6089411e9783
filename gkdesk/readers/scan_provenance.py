"""A scanned report's values back on the page: each cell's region, and how sure OCR was of it.

The recognizer reads the rendered text; each value keeps its span there. The span lies in a
table cell of the document (SourceCell), which knows its box on the page; the OCR characters in
that box carry the recognizer's probability. The value gets the box (turned back to the page
as scanned) as Cell.region, and the lowest probability of its characters as its confidence. A
value OCR was unsure of is marked inferred with a note: the reviewer checks it against the page.
"""
from __future__ import annotations

import re

from ..model import Report
from .page_regions import boxed_cells, source_cell

# A value whose least sure character has a lower probability than this is marked for review.
# On the scan corpus (benchmarks/bench_ocr.py) most misread figures fall below it, not all.
SURE = 0.9


def mark_scanned_cells(report: Report, document) -> None:
    """Give every value read from a scanned table its page region and OCR confidence; then
    let the table's relations decide among the alternatives of figures OCR was unsure of
    (readers/scan_alternatives.py)."""
    from ..parsing.tokens import parse_number
    from .scan_alternatives import decide, readings_of

    cells, starts = boxed_cells(document)
    pages = {p.number: p for p in document.pages}
    for table in report.tables.values():
        readings = {}
        for r, row in enumerate(table.cells):
            if any(c.value is not None for c in row):
                for cell in row:
                    if cell.value is None:
                        # A blank among read values: a figure OCR missed or could not read
                        # (a seal over it) looks the same, so the reviewer looks.
                        _mark(cell, UNREAD if cell.raw.strip() else MISSED)
                if row[-1].value is None and not row[-1].raw.strip():
                    # Values placed in order with the row's last cells left over: one figure
                    # OCR missed moves every later one a column to the left.
                    for cell in row:
                        if cell.value is not None:
                            _mark(cell, SHIFTED)
            for c, cell in enumerate(row):
                if cell.span is None:
                    continue
                source = source_cell(cells, starts, cell.span)
                if source is None:
                    continue
                page = pages.get(source.box[0])
                if page is None:
                    continue
                number, x0, top, x1, bottom = source.box
                w, h = page.objects.width, page.objects.height
                from .ocr import unrotate_box

                cell.region = (number, *unrotate_box((x0, top, x1, bottom), page.skew, w, h))
                if _SEVERAL_FIGURES.search(cell.raw):
                    # Figures of two cells in one: a rule OCR could not see (under a seal)
                    # let a neighbour's figure in.
                    if cell.value is not None:
                        _mark(cell, SEVERAL)
                    continue
                chars = _chars_in(page.chars, source.box)
                if cell.value is None:
                    if cell.raw.strip():  # ink OCR did not read as a figure: its alternatives may be one
                        readings[(r, c)] = readings_of(chars, SURE, parse_number)
                    continue
                sure = _confidence(chars, cell.raw)
                if sure is None:
                    continue
                cell.confidence = min(cell.confidence, sure)
                if sure < SURE:
                    _mark(cell, f"扫描件文字识别（OCR）对这个数字把握不大（把握 {sure:.0%}），请对照原件核对")
                    readings[(r, c)] = readings_of(chars, SURE, parse_number)
        decide(table, readings)


SEVERAL = "扫描件此格识别出不止一个数字（可能混入了相邻格的数字），请对照原件核对"
_SEVERAL_FIGURES = re.compile(r"\d\s+\d")
UNREAD = "扫描件此格有字迹，但文字识别（OCR）未能认出数字，请对照原件核对"
SHIFTED = "扫描件此行末尾有格未识别出数字；若漏识的是前面的格，本行数字可能依次前移错位，请对照原件核对"
MISSED = "扫描件此格未识别出数字（同一行其他格有数字，可能漏识），请对照原件核对"


def _mark(cell, note: str) -> None:
    cell.inferred = True
    cell.note = f"{cell.note}；{note}" if cell.note and note not in cell.note else note


def _chars_in(chars: list[dict], box) -> list[dict]:
    """OCR's characters whose middle is inside the box, in reading order (lines top down)."""
    _, x0, top, x1, bottom = box
    inside = [
        ch for ch in chars
        if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1 and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom
    ]
    inside.sort(key=lambda ch: (round((ch["top"] + ch["bottom"]) / 2 / max(1.0, ch["size"])), ch["x0"]))
    return inside


def _confidence(inside: list[dict], raw: str) -> float | None:
    """The lowest probability of the characters of `raw` among them (all of them if none match)."""
    wanted = [ch for ch in inside if ch["text"] in raw] or inside
    if not wanted:
        return None
    return min(float(ch.get("conf", 1.0)) for ch in wanted)
