"""Drawing on a worksheet: fonts, borders, merged blocks, the official form, print setup.

Row heights are computed here because neither Excel nor WPS grows a row for wrapped text
in merged cells: every label must be readable on screen and on paper without cutting.
"""
from __future__ import annotations

import math
from copy import copy
from dataclasses import dataclass

from ..schema import SECTION_OF_TABLE, SECTIONS, ValueKind
from ..form_layout import CORNER, GROUP, HEADER, LABEL, FormCell, FormLayout
from .cells import put_text, put_value
from .widths import text_units

SONG, FANGSONG, HEI = "宋体", "仿宋", "黑体"  # names Excel and WPS resolve on Chinese systems
GB2312_CHARSET = 134
TABLE_PT = 10.5  # 五号, the usual size of tables in official documents
AMOUNT_FORMAT = "0.00##"  # 万元 with cents, more decimals when the report has them
COUNT_FORMAT = "General"  # a whole number shows as such; a wrong fraction is not hidden


def section_heading(table_id: str) -> str:
    number = SECTION_OF_TABLE[table_id]
    return next(s.heading for s in SECTIONS if s.number == number)


@dataclass(frozen=True)
class Style:
    font: object
    alignment: object
    border: object | None
    size: float  # points, for row heights
    number_format: str = "General"
    fill: object | None = None


class Styles:
    """The workbook's styles, built once per workbook (openpyxl is imported lazily)."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="000000")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)

        def font(name=SONG, size=TABLE_PT, bold=False):
            return Font(name=name, size=size, bold=bold, charset=GB2312_CHARSET)

        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        left = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)
        self.title = Style(font(size=18, bold=True), center, None, 18)
        self.heading = Style(font(HEI, 12), Alignment(horizontal="left", vertical="center"), None, 12)
        self.header = Style(font(), center, box, TABLE_PT)
        self.group = Style(font(), center, box, TABLE_PT)
        self.label = Style(font(), left, box, TABLE_PT)
        self.note = Style(font(FANGSONG), center, box, TABLE_PT)
        self.count = Style(font(), center, box, TABLE_PT, COUNT_FORMAT)
        self.amount = Style(font(), center, box, TABLE_PT, AMOUNT_FORMAT)
        self.text = Style(font(), left, box, TABLE_PT)
        self.text_center = Style(font(), center, box, TABLE_PT)
        self.remark = Style(font(FANGSONG), left, None, TABLE_PT)
        self.column_head = Style(font(bold=True), center, box, TABLE_PT)
        self.absent = Style(
            font(), center, box, TABLE_PT, fill=PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")
        )
        self._by_kind = {CORNER: self.note, GROUP: self.group, HEADER: self.header, LABEL: self.label}
        self._arrays: dict[int, object] = {}

    def apply(self, cell, style: Style) -> None:
        """Style a cell. openpyxl hashes every style object on assignment, which dominates the
        time of a large sheet; the resulting index array is computed once per style and copied."""
        known = self._arrays.get(id(style))
        if known is not None:
            cell._style = copy(known)
            return
        cell.font = style.font
        cell.alignment = style.alignment
        if style.border is not None:
            cell.border = style.border
        if style.number_format != "General":
            cell.number_format = style.number_format
        if style.fill is not None:
            cell.fill = style.fill
        self._arrays[id(style)] = copy(cell._style)

    def for_kind(self, kind: ValueKind) -> Style:
        return self.amount if kind is ValueKind.AMOUNT else self.count

    def for_text(self, cell: FormCell) -> Style:
        """A text of the form; a label that groups rows is centred like the group headings."""
        if cell.kind == LABEL and not cell.leaf:
            return self.group
        return self._by_kind[cell.kind]


class SheetBuilder:
    """Places styled, possibly merged cells (1-based) and sizes rows so that text fits."""

    LINE_FACTOR = 1.35  # line height / font size for SimSun in Excel and WPS
    PADDING = 5.0  # points above and below the text
    MIN_ROW = 20.0

    def __init__(self, ws, styles: Styles, col_widths: list[float]):
        from openpyxl.utils import get_column_letter

        self.ws = ws
        self.styles = styles
        self.col_widths = list(col_widths)
        self._texts: list[tuple[int, int, int, int, str, Style]] = []
        self._fixed: dict[int, float] = {}
        self._rows: set[int] = set()  # rows holding values only still get the minimum height
        for i, width in enumerate(col_widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width

    def text(self, row: int, col: int, text: str, style: Style, rows: int = 1, cols: int = 1):
        cell = self._place(row, col, rows, cols, style)
        put_text(cell, text)
        self._texts.append((row, col, rows, cols, text, style))
        return cell

    def value(self, row: int, col: int, value, style: Style, cols: int = 1):
        cell = self._place(row, col, 1, cols, style)
        put_value(cell, value)
        self._rows.add(row)
        if isinstance(value, str):
            self._texts.append((row, col, 1, cols, value, style))
        return cell

    def _place(self, row, col, rows, cols, style: Style):
        """Style every cell of the area (so a merged area has its border on every edge), then merge."""
        ws = self.ws
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                self.styles.apply(ws.cell(row=r, column=c), style)
        if rows > 1 or cols > 1:
            from openpyxl.utils import get_column_letter
            from openpyxl.worksheet.merge import MergedCellRange

            coord = f"{get_column_letter(col)}{row}:{get_column_letter(col + cols - 1)}{row + rows - 1}"
            ws.merged_cells.add(MergedCellRange(ws, coord))
        return ws.cell(row=row, column=col)

    def fix_height(self, row: int, height: float) -> None:
        self._fixed[row] = height

    def _width(self, col: int, cols: int) -> float:
        widths = self.col_widths + [9.0] * max(0, col + cols - 1 - len(self.col_widths))
        return sum(widths[col - 1 : col - 1 + cols])

    def _needed(self, text: str, style: Style, width: float) -> float:
        usable = max(width - 1.5 - 2 * style.alignment.indent, 1.0)
        scale = style.size / TABLE_PT
        wraps = style.alignment.wrap_text
        lines = 0
        for part in text.split("\n"):
            lines += max(1, math.ceil(text_units(part) * scale / usable)) if wraps else 1
        return lines * style.size * self.LINE_FACTOR + 2 * self.PADDING

    def finish(self) -> None:
        """Set every row's height: the tallest single-row text, then grow rows under merged text."""
        for row, height in self._heights(self._texts, self._rows).items():
            self.ws.row_dimensions[row].height = round(height, 1)

    def _heights(self, texts, rows) -> dict[int, float]:
        heights: dict[int, float] = {row: self.MIN_ROW for row in rows}
        spanning = []
        for row, col, rows_, cols, text, style in texts:
            need = self._needed(text, style, self._width(col, cols))
            if rows_ == 1:
                heights[row] = max(heights.get(row, self.MIN_ROW), need)
            else:
                spanning.append((row, rows_, need))
        for row, rows_, need in spanning:
            have = sum(heights.get(r, self.MIN_ROW) for r in range(row, row + rows_))
            if have < need:
                extra = (need - have) / rows_
                for r in range(row, row + rows_):
                    heights[r] = heights.get(r, self.MIN_ROW) + extra
        heights.update((r, h) for r, h in self._fixed.items() if self._wants(r))
        return heights

    def _wants(self, row: int) -> bool:
        return True


class StreamingSheetBuilder(SheetBuilder):
    """A SheetBuilder for a write-only worksheet (openpyxl's write_only workbook).

    A write-only sheet takes its rows once, in order, and keeps nothing: cells wait here only
    until write_rows() writes their rows, so a sheet of thousands of reports' rows holds one
    row at a time. Sheet settings written before the rows (column widths, frozen panes, page
    fit) must be set before the first write_rows(). The rows, their heights and merged areas
    are those SheetBuilder gives the same calls.
    """

    def __init__(self, ws, styles: Styles, col_widths: list[float]):
        super().__init__(ws, styles, col_widths)
        self._cells: dict[int, dict[int, tuple]] = {}  # row -> column -> (value, style, text?)
        self._written = 0  # rows 1..written are in the sheet
        self._upto = 0  # the last row of the rows being written
        self._pool: dict[int, object] = {}  # id(style) -> the cell reused for its numbers and blanks
        self._attributes: dict[int, str] = {}  # id(style) -> its attribute in the row writer's XML
        self._tails: dict[tuple, str | None] = {}  # (id(style), value) -> a number cell's XML tail

    def text(self, row: int, col: int, text: str, style: Style, rows: int = 1, cols: int = 1):
        self._area(row, col, rows, cols, style)
        self._cells[row][col] = (text, style, True)
        self._texts.append((row, col, rows, cols, text, style))

    def value(self, row: int, col: int, value, style: Style, cols: int = 1):
        if cols == 1 and row > self._written:  # one cell, the most of a sheet: no area to mark
            line = self._cells.get(row)
            if line is None:
                line = self._cells[row] = {}
        else:
            self._area(row, col, 1, cols, style)
            line = self._cells[row]
        line[col] = (value, style, False)
        self._rows.add(row)
        if isinstance(value, str):
            self._texts.append((row, col, 1, cols, value, style))

    def values(self, row: int, col: int, cells: list[tuple[object, Style]]) -> None:
        """value() of each (value, style) of `cells`, in the columns from `col` on, at once.

        Numbers and blanks (most of a summary's hundreds of thousands of cells) are kept as one
        run, made into XML in one go where the row writer takes it (row_writer.PremadeRun)."""
        from .row_writer import plain_number

        line = self._cells.get(row)
        kinds = {type(v) for v, _ in cells}
        if (
            row <= self._written
            or not kinds <= _RUN_TYPES
            or (float in kinds and not all(plain_number(v) for v, _ in cells))
            or (line and any(col <= c < col + len(cells) for c in line))  # given already: as value() does
        ):
            for k, (value, style) in enumerate(cells):
                self.value(row, col + k, value, style)
            return
        if line is None:
            line = self._cells[row] = {}
        line[col] = _NumberRun(cells)
        self._rows.add(row)

    def _area(self, row, col, rows, cols, style: Style) -> None:
        if row <= self._written:
            raise ValueError(f"row {row} is already written")
        for r in range(row, row + rows):
            line = self._cells.setdefault(r, {})
            for c in range(col, col + cols):
                line[c] = (None, style, False)
        if rows > 1 or cols > 1:
            from openpyxl.utils import get_column_letter

            self.ws.merged_cells.add(f"{get_column_letter(col)}{row}:{get_column_letter(col + cols - 1)}{row + rows - 1}")

    def _wants(self, row: int) -> bool:
        return self._written < row <= self._upto

    def write_rows(self, upto: int) -> None:
        """Write the rows up to `upto` (1-based, inclusive) with their heights; later cells only."""
        self._upto = upto
        texts = [t for t in self._texts if t[0] <= upto]
        if any(t[0] + t[2] - 1 > upto for t in texts):
            raise ValueError("a merged text would be cut by writing its first rows only")
        heights = self._heights(texts, {r for r in self._rows if r <= upto})
        self._texts = [t for t in self._texts if t[0] > upto]
        self._rows = {r for r in self._rows if r > upto}
        ws = self.ws
        for row in range(self._written + 1, upto + 1):
            if row in heights:
                ws.row_dimensions[row].height = round(heights[row], 1)
            ws.append(self._row_cells(self._cells.pop(row, {})))
            if row in heights:
                del ws.row_dimensions[row]  # written with the row: not kept for the rest
        self._fixed = {r: h for r, h in self._fixed.items() if r > upto}
        self._written = upto

    def _row_cells(self, line: dict[int, tuple]):
        """The row's cells, made as the sheet writes them: openpyxl writes each cell it takes
        before it takes the next, so one styled cell per style serves every cell of that style
        (most of a summary's cells are numbers in a few styles)."""
        from openpyxl.cell import WriteOnlyCell

        from .row_writer import Premade, PremadeRun, RowStringWriter, number_tail

        ws, apply, pool, attributes, known = self.ws, self.styles.apply, self._pool, self._attributes, self._tails
        # The row writer takes a number or blank as its XML (no cell object); the style's part
        # of it is asked when its first cell is written, as openpyxl would number the style.
        writer = ws._writer if isinstance(ws._writer, RowStringWriter) else None

        def pooled(style):
            cell = pool.get(id(style))
            if cell is None:
                cell = pool[id(style)] = WriteOnlyCell(ws)
                apply(cell, style)
            return cell

        def tail_of(value, style):
            """The row writer's XML of a plain number or blank; None: nothing written (an
            unstyled blank, as for a cell of its own); _NOT_PLAIN: a cell object's to write."""
            if type(value) not in _RUN_TYPES:  # True == 1: never looked up as a number
                return _NOT_PLAIN
            key = (id(style), value)  # 0 and 0.0 alike: the same text (%.16g)
            tail = known.get(key, _NOT_PLAIN)
            if tail is _NOT_PLAIN:
                attribute = attributes.get(id(style))
                if attribute is None:
                    attribute = attributes[id(style)] = writer.style_attribute(pooled(style))
                tail = number_tail(attribute, value)
                if tail is None:
                    return _NOT_PLAIN  # not finite
                if not attribute and value is None:
                    tail = None
                if len(known) < _KNOWN_TAILS:
                    known[key] = tail
            return tail

        last = max((c + len(e.cells) - 1 if type(e) is _NumberRun else c for c, e in line.items()), default=0)
        col = 0
        while col < last:
            col += 1
            entry = line.get(col)
            if entry is None:
                yield None
                continue
            if type(entry) is _NumberRun:
                if writer is not None:
                    yield PremadeRun([tail_of(value, style) for value, style in entry.cells])
                    col += len(entry.cells) - 1
                    continue
                entry = entry.expand(line, col)  # openpyxl's writer: a cell a column
            value, style, is_text = entry
            if is_text or isinstance(value, str):  # text may carry a quote prefix: a cell of its own
                cell = WriteOnlyCell(ws)
                apply(cell, style)
                put_text(cell, value) if is_text else put_value(cell, value)
                yield cell
                continue
            if writer is not None:
                tail = tail_of(value, style)
                if tail is not _NOT_PLAIN:
                    yield None if tail is None else Premade(tail)
                    continue
            cell = pooled(style)
            put_value(cell, value)
            yield cell

    def finish(self) -> None:
        """Write every row not yet written."""
        last = max([*self._cells, *self._fixed, self._written])
        self.write_rows(last)


_RUN_TYPES = {type(None), int, float}
# Number cells' XML remembered per style and value: a summary's values are mostly the same few
# small counts; a bound keeps a sheet of distinct amounts from filling memory.
_KNOWN_TAILS = 20_000


_NOT_PLAIN = object()  # _row_cells: a value the row writer's number XML does not take


class _NumberRun:
    """The (value, style) cells of consecutive columns of a row (StreamingSheetBuilder.values)."""

    __slots__ = ("cells",)

    def __init__(self, cells: list):
        self.cells = cells

    def expand(self, line: dict, col: int) -> tuple:
        """Put the run's cells in `line` one a column (from `col`), as value() does; the first."""
        for k, (value, style) in enumerate(self.cells):
            line[col + k] = (value, style, False)
        return line[col]


def cell_rows_sheet(workbook, title: str):
    """A sheet of a write-only workbook whose rows StreamingSheetBuilder gives as cells.

    openpyxl's write-only sheet tries every item of a row as a plain value first and takes it
    as a cell when that fails (an exception per cell: a fifth of a large summary's time); the
    rows here are cells or None only, so they are placed directly."""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from . import row_writer

    class CellRowsSheet(WriteOnlyWorksheet):
        def _get_writer(self):  # each row written in one piece (gkdesk.export.row_writer)
            if not row_writer.available():
                return super()._get_writer()
            if self._writer is None:
                self._writer = row_writer.RowStringWriter(self)
                self._writer.write_top()

        def _values_to_row(self, values, row_idx):
            col_idx = 1
            for cell in values:
                if cell is not None:
                    cell.column, cell.row = col_idx, row_idx
                    yield cell
                col_idx += len(cell.tails) if type(cell) is row_writer.PremadeRun else 1

    ws = CellRowsSheet(parent=workbook, title=title)
    workbook._add_sheet(ws)
    return ws


def builder_for(ws, styles: Styles, col_widths: list[float]) -> SheetBuilder:
    """The builder for `ws`: streaming for a write-only sheet."""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    cls = StreamingSheetBuilder if isinstance(ws, WriteOnlyWorksheet) else SheetBuilder
    return cls(ws, styles, col_widths)


def draw_form(builder: SheetBuilder, layout: FormLayout, top: int, left: int, value_of, present: bool = True) -> int:
    """Draw one table's official form at (top, left), 1-based; values from value_of(addr).

    Returns the first row below the form. `present` False draws the empty form (grey cells).
    """
    styles = builder.styles
    for cell in layout.texts():
        builder.text(top + cell.row, left + cell.col, cell.text, styles.for_text(cell), cell.rowspan, cell.colspan)
    for slot in layout.slots():
        style = styles.for_kind(slot.value_kind) if present else styles.absent
        value = value_of(slot.addr) if present else None
        builder.value(top + slot.row, left + slot.col, value, style, slot.colspan)
    return top + layout.row_count


def title_rows(builder: SheetBuilder, title: str, heading: str, width: int) -> int:
    """The document title and the section heading above a table; returns the next row."""
    builder.text(1, 1, title, builder.styles.title, cols=width)
    builder.text(2, 1, heading, builder.styles.heading, cols=width)
    builder.fix_height(3, 6.0)  # a thin gap before the table
    return 4


def info_sheet(ws, styles: Styles, rows: list[tuple[str, object]], widths: tuple[float, float]) -> None:
    """A 说明 sheet: the headings 项目 and 内容, then one row per (item, content)."""
    builder = builder_for(ws, styles, list(widths))
    builder.text(1, 1, "项目", styles.column_head)
    builder.text(1, 2, "内容", styles.column_head)
    for row, (key, value) in enumerate(rows, start=2):
        builder.text(row, 1, key, styles.text_center)
        builder.value(row, 2, value, styles.text)
    print_setup(ws, sum(widths), None, None)  # before the rows: a write-only sheet writes its settings first
    builder.finish()


def print_setup(ws, width_units: float, header_rows: tuple[int, int] | None, freeze: str | None) -> None:
    """A4, fitted to the page width, centred; header rows repeated on every printed page."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4; a write-only sheet lacks the name)
    ws.page_setup.orientation = "landscape" if width_units > 130 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if header_rows:
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    if freeze:
        ws.freeze_panes = freeze
