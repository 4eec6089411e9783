"""A report saved as CSV (a spreadsheet's export): each table row a line of comma-separated
fields, quoted where a field holds a comma, a quote or a line break (tokens._csv_fields). Every
table is read as from tab-separated text; a sentence with thousands separators is no row."""
from __future__ import annotations

import csv
import io

from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.parsing.tokens import _csv_fields
from report_factory import render, values_for


def _as_csv(text: str, width: int, breaks: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in text.split("\n"):
        cells = line.split("\t")
        if breaks:  # a header cell wrapped in its cell: quoted, over two lines
            cells = [c[:2] + "\n" + c[2:] if c in ("结果维持", "尚未审结") else c for c in cells]
        writer.writerow(cells + [""] * (width - len(cells)))
    return out.getvalue()


@settings(max_examples=30, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 50), width=st.integers(0, 20),
       breaks=st.booleans())
def test_a_report_saved_as_csv_is_read_as_its_tab_separated_text(version, seed, width, breaks):
    values = values_for(version, seed)
    narrative = {"一": "本年共收到申请1,123件，办结1,100件，主动公开信息12,345条。"}
    report = parse_text(_as_csv(render(version, values, "tabs", narrative=narrative), width, breaks))
    assert report.tables["t2"].values() == values["t2"]
    assert report.tables["t3"].values() == values["t3"]
    assert report.tables["t4"].values() == [values["t4"]]


def test_sentences_with_thousands_separators_are_no_rows():
    for sentence in ("本年共收到申请1,123件，办结1,100件。", "共收取费用1,234,567元", "收到1,123件,办结1,100件"):
        assert _csv_fields(sentence) is None, sentence
    assert _csv_fields('行政许可,545,,') is not None
    assert [f.strip() for _, f in _csv_fields('政府集中采购,12,"1,234.5"')] == ["政府集中采购", "12", "1,234.5"]
