"""A faster way to write a write-only sheet's rows, with the bytes openpyxl writes.

openpyxl writes each cell through lxml's incremental writer, an element context (and its
attribute dictionary, coordinate and style lookup) per cell: about three quarters of the time
of a large summary workbook, whose sheets are hundreds of thousands of number cells. Here a
row of plain cells (numbers, blanks, text) is made as one piece of XML and written to the
sheet's file as it is, serialized as lxml serializes (ASCII, other characters as decimal
references; in text & < > and CR escaped, in attributes also " LF and tab; an empty cell
`<c ...></c>`). A row with anything else (a formula, a date, rich text, a comment, a
hyperlink) is written by openpyxl's own code through lxml.
"""
from __future__ import annotations

import math

from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter

# lxml's escapes: in text, and in an attribute's value.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)


def available() -> bool:
    """Whether openpyxl writes through lxml here (the one-folder bundle leaves lxml out, and
    openpyxl then writes with its own pure-Python writer, which this one cannot feed)."""
    from openpyxl.xml import LXML

    return bool(LXML)


def _escaped(text: str) -> str:
    return text.translate(_TEXT_ESCAPES)


def _serialized(xml: str) -> bytes:
    """XML made here, in lxml's encoding of a sheet (ASCII with character references)."""
    return xml.encode("ascii", "xmlcharrefreplace")


class Premade:
    """A cell whose XML past its coordinate is made already (a number or a blank of a known
    style; gkdesk.export.sheet makes them by the hundred thousand): written as it is, without
    a cell object. The sheet sets its column and row, as a cell's."""

    __slots__ = ("tail", "column", "row")

    def __init__(self, tail: str):
        self.tail = tail


class PremadeRun:
    """Premade cells of consecutive columns from `column` on, as one item of a row: per column
    its tail, or None (nothing written there)."""

    __slots__ = ("tails", "column", "row")

    def __init__(self, tails: list):
        self.tails = tails


def plain_number(value) -> bool:
    """None, an int (not a bool) or a finite float: a value whose cell XML is made here."""
    kind = type(value)
    return value is None or kind is int or (kind is float and math.isfinite(value))


def number_tail(style_attribute: str, value) -> str | None:
    """A Premade's tail for a plain number (plain_number) in a cell of that style attribute
    (' s="3"', or "" unstyled); None: not a value made here."""
    if value is None:
        return style_attribute + ' t="n"></c>'
    if plain_number(value):
        return f'{style_attribute} t="n"><v>{safe_string(value)}</v></c>'
    return None


def _premade_cells(cell) -> list[str]:
    """The XML of a Premade or a PremadeRun, a cell each."""
    letter = get_column_letter
    if type(cell) is Premade:
        return [f'<c r="{letter(cell.column)}{cell.row}"{cell.tail}']
    return [f'<c r="{letter(cell.column + k)}{cell.row}"{tail}' for k, tail in enumerate(cell.tails) if tail is not None]


def _elements(parts: list[str]) -> list:
    """The cells made here as lxml elements, for a row lxml writes (one openpyxl writes a cell of)."""
    from lxml import etree

    made = etree.fromstring(f"<x>{''.join(parts)}</x>")
    for element in made:
        if element.text is None and not len(element):
            element.text = ""  # lxml would write <c/>; openpyxl writes <c></c>
    return list(made)


class RowStringWriter(WorksheetWriter):
    """A WorksheetWriter whose write_row makes a plain row in one piece (see the module)."""

    def __init__(self, ws, out=None):
        self._file = None  # the sheet's file, which rows made here are written to directly
        self._style_ids: dict[bytes, int] = {}
        super().__init__(ws, out)

    def get_stream(self):
        """openpyxl's stream, on a file opened here, so that a row can be written to it as it is."""
        from openpyxl.xml.constants import SHEET_MAIN_NS
        from openpyxl.xml.functions import xmlfile

        with open(self.out, "wb") as self._file, xmlfile(self._file) as xf:
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        el = yield
                        if el is True:
                            yield xf
                        elif el is not None:
                            xf.write(el)
                except GeneratorExit:
                    pass

    def write_row(self, xf, row, row_idx):
        # The cells are taken one at a time: a row may give one cell object again and again with
        # another value (gkdesk.export.sheet's pooled cells), so each is read before the next.
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        parts: list[str] = []
        cells = iter(row)
        other = None
        for cell in cells:
            kind = type(cell)
            if kind is PremadeRun or kind is Premade:
                parts += _premade_cells(cell)
                continue
            made = self._cell_xml(cell)
            if made is None:  # nothing written for it (openpyxl skips it too)
                continue
            if made is False:
                other = cell
                break
            parts.append(made)
        if other is None:
            head = "".join(f' {k}="{str(v).translate(_ATTRIBUTE_ESCAPES)}"' for k, v in attrs.items())
            xf.flush()  # what lxml holds goes first (the sheet's start, an earlier row of its own)
            self._file.write(_serialized(f"<row{head}>{''.join(parts)}</row>"))
            return
        # A cell this writer leaves to openpyxl: the cells before it as made, the rest as openpyxl does.
        with xf.element("row", attrs):
            if parts:
                xf.write(*_elements(parts))
            self._write_cells(xf, (other,), cells)

    def _write_cells(self, xf, first, rest) -> None:
        from openpyxl.cell._writer import write_cell
        from openpyxl.comments.comment_sheet import CommentRecord

        for group in (first, rest):
            for cell in group:  # openpyxl's WorksheetWriter.write_row, inside the row
                kind = type(cell)
                if kind is Premade or kind is PremadeRun:  # made here: as made
                    made = _premade_cells(cell)
                    if made:
                        xf.write(*_elements(made))
                    continue
                if cell._comment is not None:
                    self.ws._comments.append(CommentRecord.from_cell(cell))
                if cell._value is None and not cell.has_style and not cell._comment:
                    continue
                write_cell(xf, self.ws, cell, cell.has_style)

    def _cell_xml(self, cell):
        """The cell's XML; None: not written; False: left to openpyxl."""
        if cell._comment is not None or cell.hyperlink:
            return False
        styled = cell.has_style
        value = cell._value
        if value is None and not styled:
            return None
        kind = cell.data_type
        head = f'<c r="{get_column_letter(cell.column)}{cell.row}"'
        if styled:
            head += f' s="{self._style_id(cell)}"'
        if kind == "n":
            tail = number_tail("", value)
            return False if tail is None else head + tail
        if kind == "s" and type(value) is str:
            if value == "":
                return head + ' t="inlineStr"></c>'
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'{head} t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>'
        return False

    def style_attribute(self, cell) -> str:
        """What a cell styled as `cell` carries of its style: ' s="N"', or "" unstyled."""
        return f' s="{self._style_id(cell)}"' if cell.has_style else ""

    def _style_id(self, cell) -> int:
        key = cell._style.tobytes()
        found = self._style_ids.get(key)
        if found is None:
            found = self._style_ids[key] = cell.style_id
        return found
