"""A page number on a line of its own ('- 3 -', '— 12 —', '第 3 页', '3 / 10'), wherever a
page break falls inside a table and however the converter spaced it, is no cell: the table is
read as without it, every value in place (a layout converter splits '- 3 -' at its spaces, and
the 3 was read as a value of the row before)."""
from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from report_factory import render, values_for

PAGE_NUMBERS = st.sampled_from(["- {n} -", "— {n} —", "－{n}－", "第 {n} 页", "第{n}页 共9页", "{n} / 9", "-{n}-"])


@settings(max_examples=40, deadline=None)
@given(
    version=st.sampled_from(["2021", "2019"]),
    seed=st.integers(1, 30),
    layout=st.sampled_from(["tabs", "pipes", "cells", "spaces"]),
    form=PAGE_NUMBERS,
    page=st.integers(1, 40),
    indent=st.integers(0, 60),
    where=st.lists(st.floats(0.05, 0.95), min_size=1, max_size=3),
)
def test_page_number_lines_inside_tables_are_no_cells(version, seed, layout, form, page, indent, where):
    values = values_for(version, seed)
    lines = render(version, values, layout).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    last = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    for k, at in enumerate(sorted(where, reverse=True)):
        i = first + 1 + int(at * (last - first - 1))
        lines.insert(i, " " * indent + form.format(n=page + k) + " " * (indent // 3))
    report = parse_text("\n".join(lines), "utf-8", None)
    for tid in ("t2", "t3", "t4"):
        table = report.tables[tid]
        got = [[c.value for c in row] for row in table.cells]
        assert got == (values[tid] if tid != "t4" else [values[tid]]), tid
        assert not any(c.inferred for row in table.cells for c in row), tid
