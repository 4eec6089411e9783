"""The three tables as printed pages (HTML), laid out like the workbook's table sheets.

The same parts as the Excel export: the report's title, the section heading, the official
form of gkdesk.form_layout (merged cells as the form has them), the values the review holds
(corrections applied; blank stays blank), the remarks on a missing table or missing rows, and
the column widths of gkdesk.export.widths. No Qt here: the window renders the HTML with
QTextDocument for print preview, printing and PDF (gkdesk.ui.printing).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..form_layout import CORNER, GROUP, HEADER, LABEL, VALUE, form_layout
from ..model import Report
from ..numbers import format_number
from ..schema import FORMATS, TABLE_IDS, table_spec
from .names import report_title
from .sheet import section_heading
from .widths import column_widths

# 宋体 as Excel and WPS name it, then the CJK fonts Linux desktops have.
FONT_FAMILIES = "SimSun, 宋体, 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Sans CJK SC', serif"


@dataclass(frozen=True)
class FormPage:
    """One table's page: its HTML part and, for the renderer, the form's shape."""

    table_id: str
    html: str
    column_percentages: tuple[float, ...]  # of the table's width, left to right
    header_rows: int  # rows repeated when the table runs onto another page


def table_remarks(report: Report, table_id: str) -> list[str]:
    """The notes under a table, as the workbook writes them: a table or rows not found."""
    table = report.tables.get(table_id)
    spec = table.spec if table is not None else _spec(report, table_id)
    if table is None:
        return [f"注：报告中未识别到{spec.number}，表中数值为空。"]
    if table.missing_rows:
        rows = "、".join(spec.rows[r].label for r in table.missing_rows if r < len(spec.rows))
        return [f"注：报告中未识别到以下行：{rows}。"]
    return []


def _spec(report: Report, table_id: str):
    return report.spec_for(table_id) or table_spec(report.format or FORMATS[0], table_id)


def form_page(report: Report, table_id: str, first: bool = True) -> FormPage:
    table = report.tables.get(table_id)
    spec = table.spec if table is not None else _spec(report, table_id)
    layout = form_layout(spec)
    widths = column_widths(spec)
    total = sum(widths) or 1.0
    percentages = tuple(round(100.0 * w / total, 2) for w in widths)
    rows = []
    for r in range(layout.row_count):
        cells = []
        for c in range(layout.column_count):
            cell = layout.at(r, c)
            if cell is None:
                cells.append("<td></td>")
                continue
            if cell.row != r or cell.col != c:
                continue  # covered by a merged cell
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            if cell.kind == VALUE:
                value = report.value(cell.addr) if table is not None else None
                cells.append(f'<td{span} align="center" class="value">{escape(format_number(value))}</td>')
            else:
                align = "left" if cell.kind == LABEL and cell.leaf else "center"
                css = {CORNER: "note", GROUP: "group", HEADER: "header", LABEL: "label"}.get(cell.kind, "label")
                cells.append(f'<td{span} align="{align}" class="{css}">{escape(cell.text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    remarks = "".join(f'<p class="remark">{escape(t)}</p>' for t in table_remarks(report, table_id))
    brk = "" if first else ' style="page-break-before: always;"'
    html = (
        f'<h1{brk}>{escape(report_title(report))}</h1>'
        f"<h2>{escape(section_heading(table_id))}</h2>"
        f'<table class="form" width="100%" border="1" cellspacing="0" cellpadding="3">{"".join(rows)}</table>'
        f"{remarks}"
    )
    return FormPage(table_id, html, percentages, layout.header_rows)


def form_pages(report: Report, table_ids=TABLE_IDS) -> list[FormPage]:
    """Each table on pages of its own, in the form's order."""
    return [form_page(report, t, first=(i == 0)) for i, t in enumerate(table_ids)]


def pages_html(pages: list[FormPage]) -> str:
    """The whole printed document as one HTML text."""
    style = (
        f"body {{ font-family: {FONT_FAMILIES}; font-size: 10.5pt; }}"
        "h1 { font-size: 15pt; font-weight: bold; text-align: center; margin-bottom: 4px; }"
        "h2 { font-size: 12pt; font-weight: normal; margin-top: 4px; margin-bottom: 6px; }"
        "table.form { border-collapse: collapse; border-color: black; }"
        "td { border: 1px solid black; vertical-align: middle; }"
        "td.note { font-size: 9pt; }"
        "p.remark { font-size: 9pt; margin-top: 4px; }"
    )
    return f"<html><head><meta charset='utf-8'><style>{style}</style></head><body>{''.join(p.html for p in pages)}</body></html>"
