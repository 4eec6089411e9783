"""Read a PDF's text layer with positions (PDFium): body lines and ruled tables.

Tables come from ruling lines where the page has them (pdfplumber's line finder over the
edges PDFium reads) and from
text positions where it does not (pdf_text_tables). A table that runs on to the next page
is joined into one (repeated header rows dropped). Lines that wrap inside a paragraph are
joined back into one line. A PDF without a text layer (a scan) gets a clear message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .document import Block, GridTable, Paragraph, SourceDocument, join_lines, render
from ..limits import MAX_PDF_DOCUMENT_OBJECTS, expansion_refused, file_size
from .pdf_layout import PAGE_STRIDE, Line, RectCell, cell_text, chars_to_lines, rects_to_grid
from .pdf_page_objects import PageObjects, read_page_objects
from .pdf_plumber_pages import check_page_count, plumber_page_objects
from .pdf_ruled_tables import find_ruled_tables
from .pdf_streams import check_stream_expansion
from .pdf_text_tables import TextTable, find_text_tables

# Share of the page height at the top and bottom where running headers and footers sit.
MARGIN_ZONE = 0.07

_CORRUPT = "文件已损坏或不是有效的 PDF，无法读取。"
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+\s*[、.．]|表[一二三四五六]|第[一二三四五六七八九十\d]+[条章节])")
_PAGE_NUMBER = re.compile(r"^(?:第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|[-—–－]\s*\d+\s*[-—–－]|\d+\s*/\s*\d+|\d{1,3})$")


@dataclass
class PdfTable:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    cells: list[RectCell]


@dataclass
class PageItems:
    number: int  # 1-based
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[PdfTable] = field(default_factory=list)
    text_tables: list[TextTable] = field(default_factory=list)  # tables without ruling lines
    has_images: bool = False
    damaged: bool = False  # the page could not be read
    chars: int = 0
    undecodable_chars: int = 0  # glyphs without a Unicode mapping

    @property
    def has_text(self) -> bool:
        return bool(self.lines or self.tables or self.text_tables)


def read_pdf(path: str | Path, progress=None) -> SourceDocument:
    """`progress(done, total, text)`: called page by page while a scan is OCR'd (may raise to cancel)."""
    p = Path(path)
    file_size(p, "pdf")
    check_stream_expansion(p)
    from .pdfium_guard import PDFIUM_LOCK

    with PDFIUM_LOCK:
        pages = _read_pages(p)
    if not any(page.has_text for page in pages):
        if any(page.has_images for page in pages):
            # A scan: OCR turns each page into the page objects a text layer gives (readers/ocr.py).
            from .ocr import read_scanned_pdf

            return read_scanned_pdf(p, progress, _read_page, _blocks)
        raise InputError("这个 PDF 中没有可读的文字。", "PDF without text")
    total = sum(p.chars for p in pages)
    if total and sum(p.undecodable_chars for p in pages) > total / 2:
        raise InputError(
            "这个 PDF 的文字无法解码（字体缺少字符映射，复制出来是乱码），无法读取。请改用报告的 .docx / 网页版本。",
            "text layer without Unicode mapping",
        )
    return render(_blocks(pages), "pdf", "pdf")


def _read_pages(path: Path) -> list[PageItems]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from None
    except Exception as exc:  # PDFium refuses malformed input with an error code; anything else is the same
        raise InputError(_CORRUPT, f"cannot open PDF: {exc!r}") from None
    try:
        count = len(pdf)
        check_page_count(count)
        pages, unmeasured = _pdfium_pages(pdf, count)
    finally:
        pdf.close()
    if unmeasured:  # PDFium left text out: pdfminer reads what PDFium cannot measure
        return _plumber_pages(path)
    if pages and all(p.damaged for p in pages):
        raise InputError(_CORRUPT, "every page is damaged")
    return pages


def _plumber_pages(path: Path) -> list[PageItems]:
    """The pages read with pdfminer (pdfplumber), where PDFium cannot read them whole."""
    try:
        pages = [
            PageItems(number, 0.0, damaged=True) if objects is None else _read_page(objects, number)
            for number, objects in enumerate(plumber_page_objects(path), start=1)
        ]
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on malformed input
        raise _open_error(exc) from None
    if pages and all(p.damaged for p in pages):
        raise InputError(_CORRUPT, "every page is damaged")
    return pages


def _pdfium_pages(pdf, count: int) -> tuple[list[PageItems], bool]:
    """The pages read with PDFium, each closed as soon as it is read (a long PDF holds one
    page's objects at a time), and whether some page has text PDFium cannot measure.

    The document's objects are bounded as well as each page's (a page's objects are all
    PDFium parses; reading each costs a few C calls)."""
    pages = []
    unmeasured = False
    objects_seen = 0
    for number in range(1, count + 1):
        try:
            page = pdf[number - 1]
        except Exception:  # a damaged page: the others may still hold the report
            pages.append(PageItems(number, 0.0, damaged=True))
            continue
        try:
            objects = read_page_objects(page.raw)
            objects_seen += objects.objects
            if objects_seen > MAX_PDF_DOCUMENT_OBJECTS:
                raise expansion_refused("PDF 全部页面的图形和文字对象数", objects_seen, MAX_PDF_DOCUMENT_OBJECTS,
                                        "document objects")
            unmeasured = unmeasured or bool(objects.unmeasured_text)
            pages.append(_read_page(objects, number))
        except InputError:
            raise
        except Exception:
            pages.append(PageItems(number, 0.0, damaged=True))
        finally:
            page.close()
    return pages, unmeasured


_PASSWORD_ERRORS = (4, 5)  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY


def _encrypted(exc: Exception) -> bool:
    """PDFium's password error, or pdfminer's (wrapped in pdfplumber's PdfminerException)."""
    if getattr(exc, "err_code", None) in _PASSWORD_ERRORS:
        return True
    inner = exc.args[0] if exc.args else exc
    return any(word in type(inner).__name__ for word in ("Password", "Encryption"))


def _open_error(exc: Exception) -> InputError:
    if _encrypted(exc):
        return InputError("这个 PDF 已加密（需要密码），无法读取。请使用未加密的版本。", f"encrypted PDF: {exc!r}")
    return InputError(_CORRUPT, f"cannot open PDF: {exc!r}")


def _read_page(objects: PageObjects, number: int) -> PageItems:
    items = PageItems(number, float(objects.height), has_images=objects.has_images)
    chars = objects.chars
    if not chars:
        return items
    items.chars = len(chars)
    items.undecodable_chars = objects.undecodable
    tables = [cells for cells in find_ruled_tables(objects.edges) if _is_real_table(cells)]
    boxes = [_bbox(cells) for cells in tables]
    indexes = [_CellIndex(cells) for cells in tables]
    cell_chars: list[list[list[dict]]] = [[[] for _ in t] for t in tables]
    free: list[dict] = []
    for ch in chars:
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        placed = False
        for t, (x0, top, x1, bottom) in enumerate(boxes):
            if not (x0 <= x <= x1 and top <= y <= bottom):
                continue
            k = indexes[t].at(x, y)
            if k is not None:
                cell_chars[t][k].append(ch)
                placed = True
            break
        if not placed:
            free.append(ch)
    offset = (number - 1) * PAGE_STRIDE
    for t, table in enumerate(tables):
        cells = [
            RectCell(c[0], c[1] + offset, c[2], c[3] + offset, cell_text(cell_chars[t][k]))
            for k, c in enumerate(table)
        ]
        x0, top, x1, bottom = boxes[t]
        items.tables.append(PdfTable(number, top, bottom, x0, x1, cells))
    lines = chars_to_lines(free)
    for line in lines:
        line.page = number
    items.text_tables, items.lines = find_text_tables(lines)
    return items


def _bbox(cells) -> tuple[float, float, float, float]:
    return min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells)


def _is_real_table(cells) -> bool:
    """A ruled table, not a box drawn around a paragraph: more than one cell, in rows or columns."""
    return len(cells) >= 2


class _CellIndex:
    """A table's cells bucketed by height band, to find the cell holding a point quickly."""

    BAND = 8.0

    def __init__(self, cells):
        self.cells = cells
        self.bands: dict[int, list[int]] = {}
        for k, (_, top, _, bottom) in enumerate(cells):
            for band in range(int(top // self.BAND), int(bottom // self.BAND) + 1):
                self.bands.setdefault(band, []).append(k)

    def at(self, x: float, y: float) -> int | None:
        """The smallest cell holding (x, y); of equal ones the first."""
        best, best_area = None, None
        cells = self.cells
        for k in self.bands.get(int(y // self.BAND), ()):
            x0, top, x1, bottom = cells[k]
            if x0 <= x <= x1 and top <= y <= bottom:
                area = (x1 - x0) * (bottom - top)
                if best_area is None or area < best_area:
                    best, best_area = k, area
        return best


# ---------------------------------------------------------------- page items to blocks

def _is_furniture(line: Line, page: PageItems) -> bool:
    """A running header, footer or page number (not part of the content flow)."""
    if _PAGE_NUMBER.match(line.text.replace(" ", "")):
        return True
    return line.bottom < page.height * MARGIN_ZONE or line.top > page.height * (1 - MARGIN_ZONE)


def _sequence(pages: list[PageItems]) -> list[tuple[str, object, PageItems]]:
    """Every page's lines and tables, top to bottom, page after page."""
    sequence: list[tuple[str, object, PageItems]] = []
    for page in pages:
        if page.damaged:
            sequence.append(("note", f"〔第 {page.number} 页已损坏，未读取〕", page))
            continue
        if not page.has_text and page.has_images:
            sequence.append(("note", f"〔第 {page.number} 页是图片，没有文字层，未读取〕", page))
            continue
        items: list[tuple[float, str, object]] = [(ln.top, "line", ln) for ln in page.lines]
        items += [(t.top, "table", t) for t in page.tables]
        items += [(t.top, "table", t) for t in page.text_tables]
        items.sort(key=lambda it: it[0])
        sequence.extend((kind, obj, page) for _, kind, obj in items)
    return sequence


class _Flow:
    """Builds blocks from the page sequence: paragraphs rejoined, tables joined across pages.

    Running headers, footers and page numbers met inside a paragraph or a table that goes on
    past the page break are held and placed after it, so they do not cut it in two.
    """

    def __init__(self, pages: list[PageItems]):
        self.pages = pages
        self.margins = _text_margins(pages)
        self.indented = _uses_first_line_indent(pages, self.margins)
        self.blocks: list[Block] = []
        self.paragraph: list[Line] = []
        self.table: list[PdfTable] = []
        self.held: list[Line] = []

    def run(self) -> list[Block]:
        sequence = _sequence(self.pages)
        for i, (kind, obj, page) in enumerate(sequence):
            if kind == "table":
                self._paragraph_end()
                if self.table and not _continues(self.table[-1], obj):
                    self._table_end()
                self.table.append(obj)
            elif kind == "line":
                if _is_furniture(obj, page) and (self.paragraph or self.table) and self._flow_goes_on(sequence, i):
                    self.held.append(obj)
                    continue
                self._table_end()
                if self.paragraph and not self._same_paragraph(self.paragraph[-1], obj):
                    self._paragraph_end()
                self.paragraph.append(obj)
            else:
                self._paragraph_end()
                self._table_end()
                self.blocks.append(Paragraph(obj))
        self._paragraph_end()
        self._table_end()
        return self.blocks

    def _flow_goes_on(self, sequence, i: int) -> bool:
        """Whether the open paragraph or table continues after the furniture at item i."""
        for kind, obj, page in sequence[i + 1 :]:
            if kind == "line" and _is_furniture(obj, page):
                continue
            if self.table:
                return kind == "table" and _continues(self.table[-1], obj)
            return kind == "line" and self._same_paragraph(self.paragraph[-1], obj)
        return False

    def _release_held(self) -> None:
        self.blocks.extend(Paragraph(ln.text) for ln in self.held)
        self.held.clear()

    def _paragraph_end(self) -> None:
        if self.paragraph:
            self.blocks.append(Paragraph(join_lines([ln.text for ln in self.paragraph])))
            self.paragraph.clear()
            self._release_held()

    def _table_end(self) -> None:
        if self.table:
            self.blocks.append(_join(self.table))
            self.table.clear()
            self._release_held()

    def _same_paragraph(self, prev: Line, line: Line) -> bool:
        """`line` wraps on from `prev`: prev ran to the right edge, line starts at the left edge."""
        a, b = self.margins.get(prev.page), self.margins.get(line.page)
        if a is None or b is None or _HEADING.match(line.text):
            return False
        if not self.indented and prev.text.rstrip().endswith(("。", "：", ":", "！", "？")):
            return False  # without first-line indents a full line ending a sentence may end its paragraph
        if abs(prev.size - line.size) > 0.5:
            return False
        if prev.page == line.page and not (0 <= line.top - prev.bottom <= 1.2 * prev.size):
            return False
        if prev.page != line.page and line.page != prev.page + 1:
            return False
        return prev.x1 >= a.right - 1.5 * prev.size and line.x0 <= b.left + 0.5 * line.size


def _blocks(pages: list[PageItems]) -> list[Block]:
    return _Flow(pages).run()


def _continues(a: PdfTable | TextTable, b: PdfTable | TextTable) -> bool:
    """Table b (top of the next page) continues table a: same kind, same column edges."""
    if b.page != a.page + 1 or type(a) is not type(b):
        return False
    if isinstance(a, TextTable):
        return len(a.bands) == len(b.bands) and all(
            min(p[1], q[1]) > max(p[0], q[0]) for p, q in zip(a.bands, b.bands)
        )
    return abs(a.x0 - b.x0) <= 3 and abs(a.x1 - b.x1) <= 3


def _join(parts: list[PdfTable] | list[TextTable]) -> GridTable:
    """One grid from the parts of a table; header rows repeated on later pages dropped."""
    if isinstance(parts[0], TextTable):
        rows = [row for part in parts for row in part.grid.rows]
        return GridTable(rows, parts[0].grid.ncols, parts[0].page)
    cell_parts = [parts[0].cells]
    for part in parts[1:]:
        head = _rows_by_top([c for cells in cell_parts for c in cells])
        rows = _rows_by_top(part.cells)
        repeated = _repeated_header_rows(head, rows)
        if repeated:
            cut = rows[repeated][0]
            cell_parts.append([c for c in part.cells if c.y0 >= cut - 1])
        else:
            cell_parts.append(part.cells)
    table = rects_to_grid(cell_parts)
    table.page = parts[0].page
    return table


def _rows_by_top(cells: list[RectCell]) -> list[tuple[float, list[RectCell]]]:
    """The cells grouped by the top edge they start at, top to bottom, each row left to right."""
    rows: dict[float, list[RectCell]] = {}
    for c in cells:
        key = next((k for k in rows if abs(k - c.y0) <= 2), c.y0)
        rows.setdefault(key, []).append(c)
    return [(top, sorted(rows[top], key=lambda c: c.x0)) for top in sorted(rows)]


def _same_row(a: list[RectCell], b: list[RectCell]) -> bool:
    return len(a) == len(b) and all(
        p.text == q.text and abs(p.x0 - q.x0) <= 2 and abs(p.x1 - q.x1) <= 2 for p, q in zip(a, b)
    )


def _repeated_header_rows(head, rows) -> int:
    """How many leading rows of a later part repeat the table's leading rows (Word's "repeat
    header rows"): the same cells at the same x positions with the same text."""
    n = 0
    while n < min(len(head), len(rows)) - 1:
        a, b = head[n][1], rows[n][1]
        if not _same_row(a, b) or not any(c.text for c in a):
            break
        n += 1
    return n


@dataclass
class _Margins:
    left: float
    right: float


def _uses_first_line_indent(pages: list[PageItems], margins: dict[int, _Margins]) -> bool:
    """Whether paragraphs start indented: most lines after a line that ends short are indented."""
    indented = flush = 0
    for page in pages:
        m = margins.get(page.number)
        if m is None:
            continue
        body = [ln for ln in page.lines if not _is_furniture(ln, page)]
        for prev, line in zip(body, body[1:]):
            if prev.x1 < m.right - 3 * prev.size and line.x1 >= m.right - 1.5 * line.size:
                if line.x0 >= m.left + 1.5 * line.size:
                    indented += 1
                elif line.x0 <= m.left + 0.5 * line.size:
                    flush += 1
    return indented > 2 * flush


def _text_margins(pages: list[PageItems]) -> dict[int, _Margins]:
    """Left and right edges of each page's body text."""
    out = {}
    for page in pages:
        body = [ln for ln in page.lines if not _is_furniture(ln, page)]
        if body:
            out[page.number] = _Margins(min(ln.x0 for ln in body), max(ln.x1 for ln in body))
    return out
