"""Tables printed in column order (pdfminer.six's reading order), generated from the schema.

Per page the text holds the labels of the page's rows first, then the values column after
column, top to bottom, each column cut into blocks at random places; a form feed ends a page.
A column nobody applied in may be blank and print nothing at all. The reading-order generator
must place every value, or mark what it could not place.
"""
from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from gkdesk.schema import T4
from report_factory import _t3, _t4, render, values_for
from test_reading_order import _report as _order_report, _t2_in_column_order, _t2_values


def _column_order_t3(version: str, rows: list[list], split: int, cuts: set[int], headers: bool = False,
                     side: int | None = None) -> list[str]:
    """With `headers`, each column's header words are printed before its values on each page
    (a blank column's too, with nothing after them). With `side`, the group heading written
    down the side of the 办理结果 rows comes after that many labels of the first page, one
    character a text box (三 、 本 年 度 …)."""
    spec = table_spec(version, "t3")
    out = [spec.note, "申请人情况", "自然人", "法人或其他组织", "总计"]
    out += [c.short or c.label for c in spec.columns[1:6]]
    for page, (lo, hi) in enumerate(((0, split), (split, len(spec.rows)))):
        if page:
            out.append("\f")
        labels = [row.label for row in spec.rows[lo:hi]]
        if side is not None and not page:
            labels[side:side] = [part for ch in "三、本年度办理结果" for part in (ch, "")]
        out += labels + [""]
        k = 0
        for c in range(len(spec.columns)):
            if headers:
                out.append(spec.columns[c].short or spec.columns[c].label)
            for r in range(lo, hi):
                if rows[r][c] is None:
                    continue  # a blank cell prints nothing
                out.append(str(rows[r][c]))
                k += 1
                if k in cuts:
                    out.append("")  # pdfminer starts a new text box
            out.append("")
    return out


def _report(version: str, values: dict, split: int, cuts: set[int], headers: bool = False,
            side: int | None = None) -> str:
    text = render(version, values, "tabs")
    table = "\n".join(_t3(version, values["t3"], "tabs"))
    assert table in text
    return text.replace(table, "\n".join(_column_order_t3(version, values["t3"], split, cuts, headers, side)))


def _consistent_t3(version: str, draw, blank: frozenset = frozenset()) -> list[list[int | None]]:
    """A 表三 whose every relation holds, its leaf cells drawn at random; the applicant columns
    in `blank` wholly blank."""
    spec = table_spec(version, "t3")
    rows: list[list[int | None]] = [[0] * 7 for _ in spec.rows]
    leaves = [r for r, row in enumerate(spec.rows) if row.result_leaf]
    total, carry = len(spec.rows) - 2, len(spec.rows) - 1
    for c in range(6):
        if c in blank:
            for row in rows:
                row[c] = None
            continue
        for r in leaves:
            rows[r][c] = draw(st.integers(0, 60))
        rows[total][c] = sum(rows[r][c] for r in leaves)
        rows[carry][c] = draw(st.integers(0, 5))
        rows[1][c] = draw(st.integers(0, rows[total][c] + rows[carry][c]))
        rows[0][c] = rows[total][c] + rows[carry][c] - rows[1][c]
    for row in rows:
        row[6] = sum(v or 0 for v in row[:6])
    return rows


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["2021", "2019"]),
    st.data(),
    st.integers(6, 16),
    st.sets(st.integers(1, 170), max_size=25),
    st.one_of(st.just(frozenset()), st.frozensets(st.integers(0, 5), min_size=1, max_size=2)),
    st.booleans(),
)
def test_a_table_in_column_order_is_read_exactly_or_marked(version, data, split, cuts, blank, headers):
    """Read exactly, or marked. With whole columns blank and printing nothing, no relation tells
    which they are (the applicant columns are alike in every sum), so every set of columns that
    fits is weighed by the solver: the 总计 column is read, and the cells the sets disagree on
    are left blank (or 0, marked, where only 0 or blank is possible) with a note naming them.
    Header words printed before each column's values (a blank column's too) tell the sets
    apart: then the table is read."""
    values = values_for(version, 1)
    values["t3"] = _consistent_t3(version, data.draw, blank)
    report = parse_text(_report(version, values, split, cuts, headers))
    table = report.tables["t3"]
    for r, row in enumerate(values["t3"]):
        for c, want in enumerate(row):
            cell = table.cells[r][c]
            # Never silently wrong: the value read, or blank, or marked as inferred.
            assert cell.value == want or cell.value is None or cell.inferred, (r, c, want, cell.value)
    if not blank:
        read = sum(1 for row in table.cells for cell in row if not cell.inferred)
        assert read >= 0.9 * sum(len(row) for row in values["t3"])  # placed, not merely marked
        return
    if headers:
        exact = sum(1 for row, want in zip(table.values(), values["t3"]) for v, w in zip(row, want) if v == w)
        assert exact >= 0.9 * sum(len(row) for row in values["t3"])
        return
    assert [row[6] for row in table.values()] == [row[6] for row in values["t3"]]
    open_cells = [cell for row in table.cells for cell in row if cell.value is None and cell.confidence == 0.0]
    notes = [n.message for n in report.notes if n.table == "t3" and "看不出是哪几列" in n.message]
    assert len(notes) == (1 if open_cells else 0), notes


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["2021", "2019"]), st.data(), st.integers(6, 16), st.sets(st.integers(1, 170), max_size=25),
       st.integers(0, 5))
def test_a_heading_written_down_the_side_is_no_value(version, data, split, cuts, side):
    """The characters of 三、本年度办理结果 printed one a text box among the labels (pdfminer's
    order of a PDF whose group cell is written vertically): its 、 is no blank mark, and the
    table reads as without the heading."""
    values = values_for(version, 1)
    values["t3"] = _consistent_t3(version, data.draw)
    plain = parse_text(_report(version, values, split, cuts)).tables["t3"]
    sided = parse_text(_report(version, values, split, cuts, side=side)).tables["t3"]
    assert [[(c.value, c.inferred) for c in row] for row in sided.cells] == \
        [[(c.value, c.inferred) for c in row] for row in plain.cells]


def _t4_with(values: list, moved: list[str], at: int) -> list[str]:
    """表四 as tab rows, its values' row cut at `at` with `moved` between the two parts (a
    converter printing another table's text box there)."""
    out = ["行政复议\t行政诉讼", "未经复议直接起诉\t复议后起诉", "\t".join(c.label for c in T4.columns)]
    head, tail = values[:at], values[at:]
    if head:
        out.append("\t".join(map(str, head)))
    out += ["", *moved, ""]
    if tail:
        out.append("\t".join(map(str, tail)))
    return out


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["2021", "2019"]),
    st.data(),
    st.integers(6, 16),
    st.sets(st.integers(1, 170), max_size=25),
    st.integers(1, 2),
    st.integers(0, 15),
)
def test_a_table_continued_past_the_next_heading_is_read_exactly_or_marked(version, data, split, cuts, moved, at):
    """The last `moved` columns of 表三's second page printed after 表四's heading, among 表四's
    values (the page's text boxes in the converter's order): 表四 has more values than cells,
    and the stretch that completes 表三 is placed by 表三's relations, marked inferred; 表四 is
    read without it. Never a wrong value unmarked in either table."""
    values = values_for(version, 1)
    values["t3"] = _consistent_t3(version, data.draw)
    spec = table_spec(version, "t3")
    lines = _column_order_t3(version, values["t3"], split, cuts)
    # The stream ends with the last columns of page 2, each closed by a blank line.
    rows2 = len(spec.rows) - split
    tail: list[str] = []
    taken = 0
    while taken < moved * rows2:
        line = lines.pop()
        if line:
            taken += 1
        tail.insert(0, line)
    text = render(version, values, "tabs")
    t3 = "\n".join(_t3(version, values["t3"], "tabs"))
    t4 = "\n".join(_t4(values["t4"], "tabs"))
    text = text.replace(t3, "\n".join(lines)).replace(t4, "\n".join(_t4_with(values["t4"], tail, at)))
    report = parse_text(text)
    for table_id, want in (("t3", values["t3"]), ("t4", [values["t4"]])):
        table = report.tables[table_id]
        for r, row in enumerate(want):
            for c, v in enumerate(row):
                cell = table.cells[r][c]
                assert cell.value == v or cell.value is None or cell.inferred, (table_id, r, c, v, cell.value)
    t3_cells = report.tables["t3"].cells
    read = sum(1 for r, row in enumerate(values["t3"]) for c, v in enumerate(row) if t3_cells[r][c].value == v)
    assert read >= 0.9 * spec.cell_count()  # placed, not merely marked
    assert any(n.code == "continued_past_heading" for n in report.notes)


def _is_value_line(line: str) -> bool:
    return line == "/" or line.lstrip("-").replace(".", "", 1).isdigit()


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["2021", "2019"]), st.data(), st.integers(6, 16), st.integers(1, 3))
def test_t2_continued_past_the_next_heading_is_read_exactly_or_marked(version, data, split, moved):
    """表二 in column order with its last `moved` values printed among 表三's text boxes (after
    三's heading): 表三 has more values than cells, the stretch completing 表二 is taken by it,
    marked inferred, and 表三 is read without it. Never a wrong value unmarked."""
    t2_values = _t2_values(version, data.draw)
    t2 = _t2_in_column_order(version, t2_values, data.draw)
    # The last values of the last column block, in a text box of their own.
    labels = {col.label for r in range(len(table_spec(version, "t2").rows)) for col in table_spec(version, "t2").row_columns(r)}
    last = max(i for i, line in enumerate(t2) if line in labels)
    block = [i for i in range(last + 1, len(t2)) if _is_value_line(t2[i])]
    block = block[: next((k for k, i in enumerate(block) if k and i != block[k - 1] + 1 and t2[i - 1] != ""), len(block))]
    at = block[-moved:]
    tail = [t2[i] for i in at]
    t2 = [line for i, line in enumerate(t2) if i not in at]
    t3_values = _consistent_t3(version, data.draw)
    t3 = _column_order_t3(version, t3_values, split, set())
    boxes = [i for i, line in enumerate(t3) if line == "" and i > 0 and _is_value_line(t3[i - 1])]
    cut = data.draw(st.sampled_from(boxes))
    t3 = t3[: cut + 1] + tail + [""] + t3[cut + 1 :]
    report = parse_text(_order_report(t2, t3, []))
    for table_id, want in (("t2", t2_values), ("t3", t3_values)):
        table = report.tables[table_id]
        assert table.spec.version == version
        for r, row in enumerate(want):
            for c, v in enumerate(row):
                cell = table.cells[r][c]
                assert cell.value == v or cell.value is None or cell.inferred, (table_id, r, c, v, cell.value)
    t2_cells = report.tables["t2"].cells
    read = sum(1 for r, row in enumerate(t2_values) for c, v in enumerate(row) if t2_cells[r][c].value == v)
    assert read >= 0.9 * sum(len(row) for row in t2_values)
    assert any(n.code == "continued_past_heading" and n.table == "t2" for n in report.notes)
