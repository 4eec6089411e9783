"""A reader's own table cells are read as cells (parsing/source_cells.py), for any table of the
schema as documents draw it.

The property generates the three tables of either format version as a reader hands them over
(readers/document.py GridTable, rendered to a SourceDocument): merged label cells kept merged or
split into a text cell and empty ones, blank value cells (blank, not zero; some merged with the
blank below them, as a PDF's ruling may draw them), row labels mutated
(label_mutations.py), extra header rows above a table, a table split over two pages (its rows
continued in a second table, the label cells merged across the cut cut with it). Every value is
read exactly, its span is its own cell's text, and a value of a page has that cell's box. (A row
whose mutated label is no longer found is placed by position between its neighbours: exact
still, and marked with its note; a row of blanks only, so placed by nothing, is reported missing.)
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.parsing import parse_document
from gkdesk.parsing.source_cells import region_tokens
from gkdesk.parsing.tokens import EMPTY, NULL, NUM, TEXT
from gkdesk.readers.document import GridCell, GridTable, Paragraph, render
from gkdesk.readers.page_regions import place_on_pages
from gkdesk.schema import FORMATS, SECTIONS, T4, ValueKind, table_spec
from label_mutations import EXACT_CLASSES, mutate
from reader_samples import FormCell, FormTable, t2_form, t3_form, t4_form

TABLE_OF_SECTION = {"二": "t2", "三": "t3", "四": "t4"}
EXTRA_HEADERS = ("单位：件", "（单位：件）", "填报单位：测试区数据局")


def _value(draw, kind: ValueKind):
    if draw(st.integers(0, 5)) == 0:
        return None  # a blank cell
    if kind == ValueKind.SIGNED_COUNT:
        return draw(st.integers(-99, 999))
    if kind == ValueKind.AMOUNT and draw(st.booleans()):
        return draw(st.integers(0, 9999)) / 100 or None
    return draw(st.integers(0, 9999))


def _values(draw, version: str) -> dict:
    out = {}
    for table_id in ("t2", "t3"):
        spec = table_spec(version, table_id)
        out[table_id] = [[_value(draw, c.kind) for c in spec.row_columns(r)] for r in range(len(spec.rows))]
    out["t4"] = [_value(draw, c.kind) for c in T4.columns]
    return out


def _labels(draw, version: str, table_id: str) -> dict[int, str]:
    rows = table_spec(version, table_id).rows
    return {r: mutate(row.label, draw(st.sampled_from(EXACT_CLASSES)), draw)
            for r, row in enumerate(rows) if draw(st.integers(0, 3)) == 0}


def _unmerge_labels(draw, form: FormTable, first_value_col: int) -> FormTable:
    """Some merged label cells split: the text in the first position, the rest empty cells."""
    cells = []
    for cell in form.cells:
        merged = cell.colspan > 1 or cell.rowspan > 1
        if merged and cell.col < first_value_col and cell.value_of is None and draw(st.booleans()):
            cell = FormCell(cell.row, cell.col, cell.text)  # the covered positions become empty cells
        cells.append(cell)
    return FormTable(form.ncols, form.nrows, cells, form.widths)


def _merge_blanks(draw, form: FormTable) -> FormTable:
    """Some blank value cells made two rows high over the blank cell below them (a PDF whose
    ruling leaves no line between two blank cells); the cell below stays listed, covered."""
    at = {(c.row, c.col): c for c in form.cells}
    cells = []
    for c in form.cells:
        below = at.get((c.row + 1, c.col))
        if (c.value_of is not None and below is not None and below.value_of is not None and not c.text
                and not below.text and c.colspan == below.colspan == 1 and c.rowspan == below.rowspan == 1
                and draw(st.integers(0, 3)) == 0):
            c = FormCell(c.row, c.col, "", 1, 2, c.value_of)
        cells.append(c)
    return FormTable(form.ncols, form.nrows, cells, form.widths)


def _with_header_rows(form: FormTable, texts: list[str]) -> FormTable:
    shift = len(texts)
    cells = [FormCell(k, 0, t, colspan=form.ncols) for k, t in enumerate(texts)]
    cells += [FormCell(c.row + shift, c.col, c.text, c.colspan, c.rowspan, c.value_of) for c in form.cells]
    return FormTable(form.ncols, form.nrows + shift, cells, form.widths)


def _grid_tables(form: FormTable, cut: int | None, page: int) -> list[tuple[GridTable, dict]]:
    """The form as one GridTable, or as two (rows before `cut` on `page`, the rest on the next);
    with each: (table row, column) of every value cell -> the table's (row, column) it holds."""
    parts = [(0, form.nrows)] if cut is None else [(0, cut), (cut, form.nrows)]
    out = []
    for k, (lo, hi) in enumerate(parts):
        rows: list[list[GridCell]] = [[] for _ in range(hi - lo)]
        where, covered = {}, set()
        for c in sorted(form.cells, key=lambda c: (c.row, c.col)):
            if not lo <= c.row < hi:
                continue  # a cell merged across the cut stays on the page where it starts
            r = c.row - lo
            if c.value_of is not None:
                where[(r, c.col)] = c.value_of
            if (r, c.col) in covered:
                continue  # a blank under a blank made two rows high
            rowspan = min(c.rowspan, hi - c.row)
            covered |= {(r + dr, c.col + dc) for dr in range(rowspan) for dc in range(c.colspan)}
            box = (page + k, 40.0 * c.col, 20.0 * r, 40.0 * (c.col + c.colspan), 20.0 * (r + rowspan))
            rows[r].append(GridCell(c.col, c.text, c.colspan, rowspan, box))
        out.append((GridTable(rows, form.ncols, page + k), where))
    return out


@st.composite
def documents(draw):
    version = draw(st.sampled_from(FORMATS))
    values = _values(draw, version)
    forms = {
        "t2": _unmerge_labels(draw, t2_form(version, values["t2"], _labels(draw, version, "t2")), 1),
        "t3": _merge_blanks(draw, _unmerge_labels(draw, t3_form(version, values["t3"], _labels(draw, version, "t3")), 3)),
        "t4": t4_form(values["t4"]),
    }
    for table_id in forms:
        extra = draw(st.lists(st.sampled_from(EXTRA_HEADERS), max_size=2, unique=True))
        if extra:
            forms[table_id] = _with_header_rows(forms[table_id], extra)
    split = draw(st.sampled_from(("t2", "t3", "t4", None)))
    blocks, where, page = [Paragraph("测试区数据局"), Paragraph("2023年政府信息公开工作年度报告")], {}, 1
    for sec in SECTIONS:
        blocks += [Paragraph(sec.heading), Paragraph("本机关认真做好相关工作，各项数据见下表。")]
        table_id = TABLE_OF_SECTION.get(sec.number)
        if table_id is None:
            continue
        form = forms[table_id]
        cut = draw(st.integers(form.nrows // 2, form.nrows - 1)) if split == table_id else None
        for grid, cells in _grid_tables(form, cut, page):
            where[len(where)] = (table_id, cells)
            blocks.append(grid)
            page = grid.page
    return version, values, render(blocks, "pdf", "pdf"), where


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_source_cells_are_read_exactly_in_their_cells(drawn):
    version, values, document, where = drawn
    report = parse_document(document)
    assert report.format == version
    got = report.to_json()
    assert got["t2"] == values["t2"] and got["t3"] == values["t3"] and got["t4"] == values["t4"]
    place_on_pages(report, document)
    for k, (table_id, cells) in where.items():
        source = document.tables[k]
        lines = document.text[source.span[0] : source.span[1]].split("\n")
        for (r, c), (row, col) in cells.items():
            table = report.tables[table_id]
            read = table.cells[row][col]
            own = source.cell_at(r, c)
            if row in table.missing_rows:
                # A mutated label no longer found, and no value to place the row by: its blanks
                # (exact, as asserted above) are read nowhere, and a note says the row is missing.
                assert read.span is None and any(n.code == "row_missing" and n.row == row for n in report.notes)
                continue
            assert read.note or not read.inferred, (table_id, row, col)  # a row placed by position says so
            # The span is the cell's field in its row's rendered line (a blank's: its empty field).
            fields = lines[r].split("\t")
            at = source.span[0] + sum(len(line) + 1 for line in lines[:r]) + sum(len(f) + 1 for f in fields[:c])
            assert read.span == (at, at + len(fields[c])), (table_id, row, col)
            if own.text:
                assert read.span == own.span and read.region == own.box, (table_id, row, col)


def test_each_grid_cell_is_one_token_where_it_starts():
    first = GridTable([
        [GridCell(0, "三、本年度办理结果", rowspan=2, box=(1, 0, 0, 40, 40)), GridCell(1, "（一）予以公开"),
         GridCell(2, "5", colspan=2, box=(1, 80, 0, 160, 20))],
        [GridCell(1, "（二）部分公开"), GridCell(2, ""), GridCell(3, "7", box=(1, 120, 20, 160, 40))],
    ], 4, page=1)
    second = GridTable([[GridCell(0, "（三）不予公开"), GridCell(1, "若干"), GridCell(2, "—"), GridCell(3, "12")]], 4, page=2)
    document = render([Paragraph("表三"), first, second], "pdf", "pdf")
    tokens = region_tokens(document.text, (0, len(document.text)), document.tables)
    shown = [(t.kind, t.text, t.line, t.col, t.page) for t in tokens]
    assert shown == [
        (TEXT, "表三", 0, -1, 0),
        (TEXT, "三、本年度办理结果", 1, 0, 1), (TEXT, "（一）予以公开", 1, 1, 1), (NUM, "5", 1, 2, 1),
        # (2, 0) is covered by the label over two rows; the empty cell is a blank, not a zero
        (TEXT, "（二）部分公开", 2, 1, 1), (EMPTY, "", 2, 2, 1), (NUM, "7", 2, 3, 1),
        # the table's rows continued on the next page, in order; a word in a value cell is a value
        (TEXT, "（三）不予公开", 3, 0, 2), (NULL, "若干", 3, 1, 2), (NULL, "—", 3, 2, 2), (NUM, "12", 3, 3, 2),
    ]
    cells = [c for t in document.tables for c in sorted(t.cells, key=lambda c: (c.row, c.col))]
    assert [(t.start, t.end) for t in tokens[1:]] == [c.span for c in cells]
    assert [t.value for t in tokens if t.kind == NUM] == [5, 7, 12]
