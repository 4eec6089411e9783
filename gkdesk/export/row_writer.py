"""A faster way to write a write-only sheet's rows, with the bytes openpyxl writes.

openpyxl writes each cell through lxml's incremental writer, an element context (and its
attribute dictionary, coordinate and style lookup) per cell: about three quarters of the time
of a large summary workbook, whose sheets are hundreds of thousands of number cells. Here a
row of plain cells (numbers, blanks, text) is made as one XML string, parsed by lxml at once
and written as one element: the same elements, attributes in the same order and the same
serialization (an empty cell stays `<c ...></c>`). A row with anything else (a formula, a
date, rich text, a comment, a hyperlink) is written by openpyxl's own code.
"""
from __future__ import annotations

import math

from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})


def available() -> bool:
    """Whether openpyxl writes through lxml here (the one-folder bundle leaves lxml out, and
    openpyxl then writes with its own pure-Python writer, which this one cannot feed)."""
    from openpyxl.xml import LXML

    return bool(LXML)


def _escaped(text: str) -> str:
    return text.translate(_ESCAPES)


class RowStringWriter(WorksheetWriter):
    """A WorksheetWriter whose write_row makes a plain row in one piece (see the module)."""

    def __init__(self, ws, out=None):
        super().__init__(ws, out)
        self._style_ids: dict[bytes, int] = {}

    def write_row(self, xf, row, row_idx):
        # The cells are taken one at a time: a row may give one cell object again and again with
        # another value (gkdesk.export.sheet's pooled cells), so each is read before the next.
        from lxml import etree

        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        parts: list[str] = []
        empty: list[int] = []
        cells = iter(row)
        other = None
        for cell in cells:
            made = self._cell_xml(cell)
            if made is None:  # nothing written for it (openpyxl skips it too)
                continue
            if made is False:
                other = cell
                break
            if made.endswith('"></c>'):  # no value
                empty.append(len(parts))
            parts.append(made)
        if other is None:
            head = "".join(f' {k}="{_escaped(str(v))}"' for k, v in attrs.items())
            element = etree.fromstring(f"<row{head}>{''.join(parts)}</row>")
            if not parts:
                element.text = ""
            for i in empty:  # lxml writes an element without text as <c/>; openpyxl's as <c></c>
                element[i].text = ""
            xf.write(element)
            return
        # A cell this writer leaves to openpyxl: the cells before it as made, the rest as openpyxl does.
        with xf.element("row", attrs):
            if parts:
                made = etree.fromstring(f"<x>{''.join(parts)}</x>")
                for i in empty:
                    made[i].text = ""
                xf.write(*made)
            self._write_cells(xf, (other,), cells)

    def _write_cells(self, xf, first, rest) -> None:
        from openpyxl.cell._writer import write_cell
        from openpyxl.comments.comment_sheet import CommentRecord

        for group in (first, rest):
            for cell in group:  # openpyxl's WorksheetWriter.write_row, inside the row
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
            if value is None:
                return head + ' t="n"></c>'
            if type(value) is int or (type(value) is float and math.isfinite(value)):
                return f'{head} t="n"><v>{safe_string(value)}</v></c>'
            return False
        if kind == "s" and type(value) is str:
            if value == "":
                return head + ' t="inlineStr"></c>'
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'{head} t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>'
        return False

    def _style_id(self, cell) -> int:
        key = cell._style.tobytes()
        found = self._style_ids.get(key)
        if found is None:
            found = self._style_ids[key] = cell.style_id
        return found
