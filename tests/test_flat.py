"""Web pages archived as flat text: a table on one line, every separator lost (gkdesk.parsing.flat finds the rows, gkdesk.parsing.digit_runs splits them)."""
import json
import re

import pytest

from conftest import SHARED
from gkdesk.parsing import parse_text
from gkdesk.parsing.digit_runs import split_run
from gkdesk.schema import ValueKind, table_spec
from report_factory import render, values_for

COUNT, SIGNED, AMOUNT = ValueKind.COUNT, ValueKind.SIGNED_COUNT, ValueKind.AMOUNT


def flatten_tables(text: str) -> str:
    """Join the lines of each pipe table into one line and drop every separator, as an archived
    web page does: `一、本年新收… | 64 | 0 | … |` becomes `一、本年新收…640020470`."""
    out, block = [], []
    for line in text.split("\n"):
        if "|" in line:
            block.append(re.sub(r"[|\s]+", "", line))
            continue
        if block:
            out.append("".join(block))
            block = []
        out.append(line)
    if block:
        out.append("".join(block))
    return "\n".join(out)


def one_line(text: str) -> str:
    """The whole page on one line."""
    return "".join(flatten_tables(text).split("\n"))


def splits(run, kinds, last_is_sum=False):
    return [[p.value if p else None for p in s] for s in split_run(run, 0, kinds, last_is_sum)]


# ---------------------------------------------------------------- splitting a run -----------


def test_the_row_total_decides_the_spec_example():
    assert splits("640020470", [COUNT] * 7, last_is_sum=True) == [[64, 0, 0, 2, 0, 4, 70]]
    # without the relation several readings fit
    assert len(splits("640020470", [COUNT] * 7)) > 1


def test_numbers_have_no_leading_zeros():
    assert splits("0012", [COUNT] * 3) == [[0, 0, 12]]
    assert splits("000", [COUNT] * 3) == [[0, 0, 0]]
    assert splits("2,7590", [COUNT] * 2) == [[2759, 0]]


def test_signs_decimals_and_null_marks_follow_the_column_kind():
    assert [2, -2, 16] in splits("2-216", [COUNT, SIGNED, COUNT])
    assert splits("2-216", [COUNT, COUNT, COUNT]) == [[2, None, 216]]  # a dash is a null mark there
    assert [2, 221.85] in splits("2221.85", [COUNT, AMOUNT])
    assert splits("//0", [COUNT] * 3) == [[None, None, 0]]


def test_an_absurd_run_is_not_split():
    assert splits("1" * 500, [COUNT] * 7, last_is_sum=True) == []


# ---------------------------------------------------------------- whole reports -------------


@pytest.mark.parametrize("version, seed", [("2021", 1), ("2021", 4), ("2019", 2), ("2019", 5)])
@pytest.mark.parametrize("shape", [flatten_tables, one_line])
def test_generated_reports_flattened(version, seed, shape):
    values = values_for(version, seed)
    values["t3"] = [[v * 37 if c in (0, 6) else v for c, v in enumerate(row)] for row in values["t3"]]
    for row in values["t3"]:  # big numbers in the first column keep the totals right
        row[6] = sum(row[:6])
    spec3 = table_spec(version, "t3")
    total, carry = len(spec3.rows) - 2, len(spec3.rows) - 1
    leaves = [r for r, row in enumerate(spec3.rows) if row.result_leaf]
    for c in range(7):
        values["t3"][total][c] = sum(values["t3"][r][c] for r in leaves)
        values["t3"][0][c] = values["t3"][total][c] + values["t3"][carry][c] - values["t3"][1][c]
    report = parse_text(shape(render(version, values, layout="pipes")))
    assert report.tables["t3"].values() == values["t3"]
    assert report.tables["t4"].values() == [values["t4"]]
    cell = report.tables["t3"].cells[0][0]
    assert cell.inferred and "拆分" in cell.note and cell.span is not None
    assert report.text[cell.span[0] : cell.span[1]] == str(values["t3"][0][0])
    assert any(n.code == "flat_layout" and n.table == "t3" for n in report.notes)


def test_an_ambiguous_row_is_left_blank_and_says_why():
    values = values_for("2021", 3)
    values["t2"][1] = [5, 3, 11]  # 5311: 5,3,11 or 5,31,1 or 53,1,1 - 表二 has no relation to tell
    report = parse_text(flatten_tables(render("2021", values, layout="pipes")))
    row = report.tables["t2"].cells[1]
    assert [c.value for c in row] == [None, None, None]
    assert all(c.inferred and c.confidence == 0 for c in row)
    (note,) = [n for n in report.notes if n.code == "ambiguous_split"]
    assert note.table == "t2" and note.row == 1 and "5、3、11" in note.message and "5311" in note.message


def test_a_row_with_blank_cells_keeps_them_blank():
    values = values_for("2019", 2)
    spec = table_spec("2019", "t3")
    row = spec.row_index("二、上年结转政府信息公开申请数量")
    values["t3"][row] = [1, None, None, None, None, None, 1]
    text = render("2019", values, layout="pipes").replace("| 1 |  |  |  |  |  | 1 |", "| 1 | 1 |")
    report = parse_text(flatten_tables(text))
    cells = report.tables["t3"].cells[row]
    assert [c.value for c in cells] == [1, None, None, None, None, None, 1]
    assert cells[3].inferred and "空白" in cells[3].note


# ---------------------------------------------------------------- the corpus, flattened -----


def _pipe_cases():
    gen = SHARED / "corpus" / "gen"
    if not gen.exists():
        return []
    # documents with large numbers, a wrong total (gd05, gd09) and narrative after the table (gd08)
    return [pytest.param(gen / f"{g}__html-pipe.txt", id=g) for g in ("gd01", "gd05", "gd08", "gd09", "gd12")]


@pytest.mark.parametrize("doc", _pipe_cases())
@pytest.mark.parametrize("shape", [flatten_tables, one_line])
def test_corpus_tables_flattened(doc, shape):
    truth = json.loads((doc.parent / (doc.name.split("__")[0] + ".json")).read_text(encoding="utf-8"))
    report = parse_text(shape(doc.read_text(encoding="utf-8")))
    assert report.format == truth["format"]
    assert report.tables["t3"].values() == truth["t3"]
    assert report.tables["t4"].values() == [truth["t4"]]
    for r, row in enumerate(truth["t2"]):
        got = [c.value for c in report.tables["t2"].cells[r]]
        if got != row:  # only a row the digits cannot decide, left blank and named in a note
            assert all(v is None for v in got)
            assert any(n.code == "ambiguous_split" and n.table == "t2" and n.row == r for n in report.notes)
