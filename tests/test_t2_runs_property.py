"""表二 written as flat text with its digits run together, as properties over generated tables.

表二 has no sums: a row's run (`行政处罚12303`) splits by the digits' writing (no leading
zeros), by the bounds its columns declare (2019 本年增/减 cannot take away more than
上一年项目数量 held), and by figures the narrative states (行政处罚3项). Whatever the values:
- no cell is shown wrong unmarked;
- a split the bounds rule out is never shown;
- a cell every split allowed by the bounds and the narrative agrees on is read.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from gkdesk import relations
from gkdesk.parsing import parse_text
from gkdesk.parsing.digit_runs import split_run
from gkdesk.schema import table_spec
from report_factory import render, values_for
from test_digit_runs_property import one_line

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_count = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 99), st.integers(100, 2000))
_ITEM_ROWS = {"行政许可": 2, "行政处罚": 4}  # 2019 rows the narrative names by their decisions


@st.composite
def t2_2019(draw):
    spec = table_spec("2019", "t2")
    rows = []
    for r in range(len(spec.rows)):
        cols = spec.row_columns(r)
        if len(cols) >= 2 and cols[1].decrease_at_most:
            held = draw(_count)
            row = [held, draw(st.integers(-held, 30))] + [draw(_count) for _ in cols[2:]]
        elif r == len(spec.rows) - 1:
            row = [draw(_count), draw(st.sampled_from([0, 12.5, 221.85, 1335.55]))]
        else:
            row = [draw(_count) for _ in cols]
        rows.append(row)
    return rows


def _run(row) -> str:
    return "".join(str(v) for v in row)


def _splits(spec, r, row) -> list[tuple]:
    kinds = [col.kind for col in spec.row_columns(r)]
    found = {tuple(p.value for p in s) for s in split_run(_run(row), 0, kinds)}
    kept = [v for v in found if relations.row_bounds_hold(spec, r, v)]
    return kept or list(found)


@SETTINGS
@given(t2_2019(), st.booleans())
def test_t2_runs_are_split_by_bounds_and_narrative_or_left_open(t2, tell):
    spec = table_spec("2019", "t2")
    values = values_for("2019", 1)
    values["t2"] = t2
    said = "、".join(f"{name}{t2[r][2]}项" for name, r in _ITEM_ROWS.items())
    narrative = {"二": f"2020年，本机关主动公开工作动态5条、{said}。"} if tell else {}
    report = parse_text(one_line(render("2019", values, layout="pipes", narrative=narrative), ""))
    table = report.tables["t2"]
    for r, row in enumerate(t2):
        cells = table.cells[r]
        shown = [c.value for c in cells]
        for c, cell in enumerate(cells):
            assert cell.value is None or cell.value == row[c] or cell.inferred and cell.confidence <= 0.5, (r, shown, row)
        assert relations.row_bounds_hold(spec, r, shown) or None in shown, (r, shown)
        options = _splits(spec, r, row)
        if tell and r in _ITEM_ROWS.values():
            options = [v for v in options if row[2] in (v[0], v[2])]
        for c in range(len(row)):
            if len({v[c] for v in options}) == 1:
                assert shown[c] == row[c], f"row {r} ({_run(row)}): cell {c} is decided, shows {shown}"


@SETTINGS
@given(
    row=st.tuples(st.integers(1, 200), st.integers(0, 200), st.integers(1, 900)),
    wrong=st.one_of(st.none(), st.integers(1, 50)),
)
def test_a_narrative_figure_decides_its_cell_though_another_contradicts_the_table(row, wrong):
    """2021 行政规范性文件 run together; the narrative states 本年制发 rightly and, perhaps,
    现行有效 wrongly (real reports contradict their tables): the right statement still decides
    its cell, the wrong one decides nothing."""
    values = values_for("2021", 1)
    values["t2"][1] = list(row)
    said = f"本年度制发行政规范性文件{row[0]}件"
    if wrong is not None:
        said += f"，集中发布现行有效行政规范性文件{row[2] + wrong}件"
    report = parse_text(one_line(render("2021", values, layout="pipes", narrative={"二": f"2023年，{said}。"}), ""))
    spec = table_spec("2021", "t2")
    cells = report.tables["t2"].cells[1]
    shown = [c.value for c in cells]
    for c, cell in enumerate(cells):
        assert cell.value is None or cell.value == row[c] or cell.inferred, (shown, row)
    options = [v for v in _splits(spec, 1, list(row)) if v[0] == row[0]]
    for c in range(3):
        if len({v[c] for v in options}) == 1:
            assert shown[c] == row[c], f"{_run(row)}: cell {c} is decided by 制发{row[0]}, shows {shown}"
