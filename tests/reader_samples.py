"""Original documents for reader tests: the official form's tables, merged as the form merges
them, written as .docx (python-docx), as a web page and as PDF (tests/pdf_maker.py).

Labels come from the schema; values from report_factory.values_for (any None is a blank cell).
"""
from __future__ import annotations

from dataclasses import dataclass

from gkdesk.schema import SECTIONS, T4, table_spec
from pdf_maker import Page, build_pdf


@dataclass
class FormCell:
    row: int
    col: int
    text: str
    colspan: int = 1
    rowspan: int = 1
    value_of: tuple[int, int] | None = None  # (row, column) of the table whose value it holds


@dataclass
class FormTable:
    ncols: int
    nrows: int
    cells: list[FormCell]
    widths: list[float]  # column widths in points, for PDF


def _text(v) -> str:
    return "" if v is None else str(v)


def t2_form(version: str, values: list[list], labels: dict[int, str] | None = None) -> FormTable:
    """labels: row -> the label to print instead of the form's (a document's misprint)."""
    spec = table_spec(version, "t2")
    cells: list[FormCell] = []
    r = 0
    last_group = None
    for i, row in enumerate(spec.rows):
        cols = spec.row_columns(i)
        if row.path != last_group:
            cells.append(FormCell(r, 0, row.path[0], colspan=4))
            r += 1
            cells.append(FormCell(r, 0, "信息内容"))
            _value_cells(cells, r, [c.label for c in cols])
            r += 1
            last_group = row.path
        cells.append(FormCell(r, 0, (labels or {}).get(i, row.label)))
        _value_cells(cells, r, [_text(v) for v in values[i]], i)
        r += 1
    return FormTable(4, r, cells, [150, 100, 100, 100])


def _value_cells(cells: list[FormCell], r: int, texts: list[str], row: int | None = None) -> None:
    """Values in columns 1-3; fewer than three values: the last one spans what is left."""
    for k, text in enumerate(texts):
        span = 3 - k if k == len(texts) - 1 else 1
        cells.append(FormCell(r, 1 + k, text, colspan=span, value_of=None if row is None else (row, k)))


def t3_form(version: str, values: list[list], labels: dict[int, str] | None = None) -> FormTable:
    """Three label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), seven value columns.
    labels: row -> the label to print instead of the form's."""
    spec = table_spec(version, "t3")
    cells = [
        FormCell(0, 0, spec.note, colspan=3, rowspan=3),
        FormCell(0, 3, "申请人情况", colspan=7),
        FormCell(1, 3, "自然人", rowspan=2),
        FormCell(1, 4, "法人或其他组织", colspan=5),
        FormCell(1, 9, "总计", rowspan=2),
    ]
    cells += [FormCell(2, 4 + k, c.short or c.label) for k, c in enumerate(spec.columns[1:6])]
    first = 3
    paths = [row.path for row in spec.rows]
    for i, row in enumerate(spec.rows):
        r = first + i
        depth = len(row.path)
        if depth >= 1 and (i == 0 or paths[i - 1][:1] != row.path[:1]):
            cells.append(FormCell(r, 0, row.path[0], rowspan=_run_length(paths, i, 1)))
        if depth >= 2 and paths[i - 1][:2] != row.path[:2]:
            cells.append(FormCell(r, 1, row.path[1], rowspan=_run_length(paths, i, 2)))
        label_col = depth
        cells.append(FormCell(r, label_col, (labels or {}).get(i, row.label), colspan=3 - label_col))
        for k, v in enumerate(values[i]):
            cells.append(FormCell(r, 3 + k, _text(v), value_of=(i, k)))
    return FormTable(10, first + len(spec.rows), cells, [36, 54, 130] + [40] * 7)


def _run_length(paths, i: int, depth: int) -> int:
    n = 0
    while i + n < len(paths) and paths[i + n][:depth] == paths[i][:depth]:
        n += 1
    return n


def t4_form(values: list) -> FormTable:
    cells = [
        FormCell(0, 0, "行政复议", colspan=5, rowspan=2),
        FormCell(0, 5, "行政诉讼", colspan=10),
        FormCell(1, 5, "未经复议直接起诉", colspan=5),
        FormCell(1, 10, "复议后起诉", colspan=5),
    ]
    cells += [FormCell(2, k, c.label) for k, c in enumerate(T4.columns)]
    cells += [FormCell(3, k, _text(v), value_of=(0, k)) for k, v in enumerate(values)]
    return FormTable(15, 4, cells, [33] * 15)


def report_parts(version: str, values: dict, year: int, agency: str):
    """The report as a list of ("p", text) and ("table", FormTable), in order."""
    parts: list[tuple[str, object]] = [("p", agency), ("p", f"{year}年政府信息公开工作年度报告")]
    parts.append(("p", f"本年报中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"))
    tables = {"二": t2_form(version, values["t2"]), "三": t3_form(version, values["t3"]), "四": t4_form(values["t4"])}
    for sec in SECTIONS:
        parts.append(("p", sec.heading))
        parts.append(("p", f"{year}年，本机关认真做好相关工作，各项数据见下表。"))
        if sec.number in tables:
            parts.append(("table", tables[sec.number]))
    return parts


# ---------------------------------------------------------------- .docx

def report_docx(path, version: str, values: dict, year: int = 2023, agency: str = "测试区数据局") -> None:
    import docx

    document = docx.Document()
    for kind, obj in report_parts(version, values, year, agency):
        if kind == "p":
            document.add_paragraph(obj)
            continue
        form: FormTable = obj
        table = document.add_table(rows=form.nrows, cols=form.ncols)
        for cell in form.cells:
            target = table.cell(cell.row, cell.col)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
            target.text = cell.text
    document.save(str(path))


# ---------------------------------------------------------------- web page

def report_html(version: str, values: dict, year: int = 2023, agency: str = "测试区数据局",
                charset: str = "gb2312", closed_cells: bool = True) -> str:
    """A saved government page: a menu, a breadcrumb, the report, a footer."""
    out = [
        "<html><head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f"<title>{agency}{year}年政府信息公开工作年度报告</title>",
        "<style>td { border: 1px solid }</style><script>var menu = '首页';</script></head><body>",
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk">政务公开</a></li>'
        '<li><a href="/hdjl">互动交流</a></li></ul></div>',
        '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开年报</a></div>',
        '<div id="zoom" class="article">',
    ]
    for kind, obj in report_parts(version, values, year, agency):
        if kind == "p":
            out.append(f"<p>{obj}</p>")
            continue
        form: FormTable = obj
        out.append('<table border="1" cellspacing="0">')
        for r in range(form.nrows):
            out.append("<tr>")
            for cell in sorted((c for c in form.cells if c.row == r), key=lambda c: c.col):
                attrs = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                    f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
                )
                end = "</td>" if closed_cells else ""
                out.append(f"<td{attrs}><p>{cell.text or '&nbsp;'}</p>{end}")
            out.append("</tr>" if closed_cells else "")
        out.append("</table>")
    out.append("</div>")
    out.append('<div class="footer"><p>主办单位：测试区人民政府办公室 <a href="/about">网站地图</a></p></div>')
    out.append("</body></html>")
    return "\n".join(out)


# ---------------------------------------------------------------- PDF

@dataclass
class PdfLayout:
    size: float = 9.0  # table text
    body_size: float = 12.0
    left: float = 50.0
    top: float = 60.0
    bottom: float = 780.0  # content stops here; the page number sits below
    ruled: bool = True
    vertical_t4_headers: bool = False
    page_numbers: bool = True
    repeat_header_rows: int = 0  # header rows drawn again on each page a table continues on


def _wrap(text: str, width: float, size: float) -> list[str]:
    per_line = max(1, int((width - 4) // size))
    return [text[i : i + per_line] for i in range(0, len(text), per_line)] or [""]


def report_pdf(version: str, values: dict, year: int = 2023, agency: str = "测试区数据局",
               layout: PdfLayout | None = None) -> bytes:
    """The report on A4 pages; tables flow on to the next page when the page is full."""
    layout = layout or PdfLayout()
    pages = [Page()]
    y = layout.top
    for kind, obj in report_parts(version, values, year, agency):
        if kind == "p":
            for line in _wrap(obj, 495, layout.body_size):
                if y + layout.body_size * 1.5 > layout.bottom:
                    pages.append(Page())
                    y = layout.top
                pages[-1].text(layout.left, y, line, layout.body_size)
                y += layout.body_size * 1.5
            continue
        y = _pdf_table(pages, obj, y, layout) + layout.body_size
    if layout.page_numbers:
        for n, page in enumerate(pages, start=1):
            page.text(280, 800, f"- {n} -", 10)
    return build_pdf(pages)


def _row_heights(form: FormTable, layout: PdfLayout) -> list[float]:
    heights = [layout.size * 1.2 + 6] * form.nrows
    for cell in form.cells:
        width = sum(form.widths[cell.col : cell.col + cell.colspan])
        lines = len(_wrap(cell.text, width, layout.size))
        if layout.vertical_t4_headers and form.ncols == 15 and cell.row == 2:
            lines = 1
            need = len(cell.text) * layout.size + 8
        else:
            need = lines * layout.size * 1.2 + 6
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
    return heights


def _pdf_table(pages: list[Page], form: FormTable, y: float, layout: PdfLayout) -> float:
    """Draw the table from y, row by row; a row that does not fit starts the next page (where
    the first `layout.repeat_header_rows` rows are drawn again, as Word repeats header rows)."""
    heights = _row_heights(form, layout)
    xs = [layout.left]
    for w in form.widths:
        xs.append(xs[-1] + w)
    repeat = layout.repeat_header_rows if layout.repeat_header_rows < form.nrows else 0
    row_tops: dict[int, tuple[int, float]] = {}  # row -> (page index, top)
    repeats: list[tuple[int, float]] = []  # (page index, top) of repeated header rows
    for r in range(form.nrows):
        if y + heights[r] > layout.bottom:
            pages.append(Page())
            y = layout.top
            if repeat and r >= repeat:
                repeats.append((len(pages) - 1, y))
                y += sum(heights[:repeat])
        row_tops[r] = (len(pages) - 1, y)
        y += heights[r]
    ends: dict[int, float] = {r: row_tops[r][1] + heights[r] for r in range(form.nrows)}
    for cell in form.cells:
        last = cell.row + cell.rowspan - 1
        x0, x1 = xs[cell.col], xs[cell.col + cell.colspan]
        # A merged cell broken by a page break: one rectangle per page it touches.
        pieces: list[tuple[int, float, float]] = []
        for r in range(cell.row, last + 1):
            p, t = row_tops[r]
            if pieces and pieces[-1][0] == p:
                pieces[-1] = (p, pieces[-1][1], ends[r])
            else:
                pieces.append((p, t, ends[r]))
        if cell.row + cell.rowspan <= repeat:
            for p, top in repeats:
                t = top + sum(heights[: cell.row])
                pieces.append((p, t, t + sum(heights[cell.row : cell.row + cell.rowspan])))
        # The text of a cell cut by a page break stands in its tallest piece.
        tallest = max(range(len(pieces)), key=lambda k: pieces[k][2] - pieces[k][1])
        for k, (p, t, b) in enumerate(pieces):
            page = pages[p]
            if layout.ruled:
                page.rule(x0, t, x1, t)
                page.rule(x0, b, x1, b)
                page.rule(x0, t, x0, b)
                page.rule(x1, t, x1, b)
            if k == tallest or cell.row + cell.rowspan <= repeat:
                _cell_text(page, form, cell, x0, x1, t, b, layout)
    return y


def _cell_text(page: Page, form: FormTable, cell: FormCell, x0, x1, t, b, layout: PdfLayout) -> None:
    if layout.vertical_t4_headers and form.ncols == 15 and cell.row == 2:
        page.vertical_text(x0 + (x1 - x0) / 2 - layout.size / 2, t + 4, cell.text, layout.size)
        return
    lines = _wrap(cell.text, x1 - x0, layout.size)
    block = len(lines) * layout.size * 1.2
    line_top = t + max(3, ((b - t) - block) / 2)
    for line in lines:
        width = len(line) * layout.size
        page.text(x0 + max(2, ((x1 - x0) - width) / 2), line_top, line, layout.size)
        line_top += layout.size * 1.2
