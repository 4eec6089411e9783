"""The hidden sheet that marks a workbook as gkdesk's and keeps the report it came from.

Row 1: MARKER, payload version, kind ("report" / "summary"), gkdesk version, chunk count,
SHA-256 of the payload. Rows 2…: the payload JSON in cell-sized pieces (column A).
"""
from __future__ import annotations

from .cells import put_text
from .payload import chunks, digest, dumps

MARKER_SHEET = "_gkdesk"
MARKER = "gkdesk-workbook"
PAYLOAD_VERSION = 1
KIND_REPORT, KIND_SUMMARY = "report", "summary"


def write_marker(workbook, kind: str, gkdesk_version: str, payload: dict | None = None) -> None:
    ws = workbook.create_sheet(MARKER_SHEET)
    ws.sheet_state = "veryHidden"  # not listed in Excel's unhide dialog: hard to delete by mistake
    text = dumps(payload) if payload is not None else ""
    pieces = chunks(text) if text else []
    header = [MARKER, str(PAYLOAD_VERSION), kind, gkdesk_version, str(len(pieces)), digest(text)]
    if getattr(workbook, "write_only", False):  # rows appended in order, as a write-only sheet takes them
        from openpyxl.cell import WriteOnlyCell

        def text_cell(value):
            cell = WriteOnlyCell(ws)
            put_text(cell, value)
            return cell

        ws.append([text_cell(value) for value in header])
        for piece in pieces:
            ws.append([text_cell(piece)])
        return
    for col, value in enumerate(header, start=1):
        put_text(ws.cell(row=1, column=col), value)
    for row, piece in enumerate(pieces, start=2):
        put_text(ws.cell(row=row, column=1), piece)
