"""Tables printed in column order (pdfminer.six's reading order), generated from the schema.

Per page the text holds the labels of the page's rows first, then the values column after
column, top to bottom, each column cut into blocks at random places; a form feed ends a page.
The reading-order generator must place every value, or mark what it could not place.
"""
from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from report_factory import _t3, render, values_for


def _column_order_t3(version: str, rows: list[list], split: int, cuts: set[int]) -> list[str]:
    spec = table_spec(version, "t3")
    out = [spec.note, "申请人情况", "自然人", "法人或其他组织", "总计"]
    out += [c.short or c.label for c in spec.columns[1:6]]
    for page, (lo, hi) in enumerate(((0, split), (split, len(spec.rows)))):
        if page:
            out.append("\f")
        out += [row.label for row in spec.rows[lo:hi]] + [""]
        k = 0
        for c in range(len(spec.columns)):
            for r in range(lo, hi):
                out.append(str(rows[r][c]))
                k += 1
                if k in cuts:
                    out.append("")  # pdfminer starts a new text box
            out.append("")
    return out


def _report(version: str, values: dict, split: int, cuts: set[int]) -> str:
    text = render(version, values, "tabs")
    table = "\n".join(_t3(version, values["t3"], "tabs"))
    assert table in text
    return text.replace(table, "\n".join(_column_order_t3(version, values["t3"], split, cuts)))


def _consistent_t3(version: str, draw) -> list[list[int]]:
    """A 表三 whose every relation holds, its leaf cells drawn at random."""
    spec = table_spec(version, "t3")
    rows = [[0] * 7 for _ in spec.rows]
    leaves = [r for r, row in enumerate(spec.rows) if row.result_leaf]
    total, carry = len(spec.rows) - 2, len(spec.rows) - 1
    for c in range(6):
        for r in leaves:
            rows[r][c] = draw(st.integers(0, 60))
        rows[total][c] = sum(rows[r][c] for r in leaves)
        rows[carry][c] = draw(st.integers(0, 5))
        rows[1][c] = draw(st.integers(0, rows[total][c] + rows[carry][c]))
        rows[0][c] = rows[total][c] + rows[carry][c] - rows[1][c]
    for row in rows:
        row[6] = sum(row[:6])
    return rows


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["2021", "2019"]),
    st.data(),
    st.integers(6, 16),
    st.sets(st.integers(1, 170), max_size=25),
)
def test_a_table_in_column_order_is_read_exactly_or_marked(version, data, split, cuts):
    values = values_for(version, 1)
    values["t3"] = _consistent_t3(version, data.draw)
    report = parse_text(_report(version, values, split, cuts))
    table = report.tables["t3"]
    for r, row in enumerate(values["t3"]):
        for c, want in enumerate(row):
            cell = table.cells[r][c]
            # Never silently wrong: the value read, or blank, or marked as inferred.
            assert cell.value == want or cell.value is None or cell.inferred, (r, c, want, cell.value)
    read = sum(1 for row in table.cells for cell in row if not cell.inferred)
    assert read >= 0.9 * sum(len(row) for row in values["t3"])  # placed, not merely marked
