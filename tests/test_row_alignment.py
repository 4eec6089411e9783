"""Rows found by aligning the schema's labels with the text (parsing/row_alignment.py).

The property test prints every row label of 表二 and 表三 mutated as documents and converters
mutate them, in four renderings, and asserts the tables are read: exactly for the classes
listed in EXACT_CLASSES, and for every class never silently wrong (a cell that differs from the
truth is blank or marked inferred).
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.parsing import parse_text
from gkdesk.parsing.row_alignment import align_rows, row_patterns
from gkdesk.schema import FORMATS, normalize_label, ordinal_before, split_ordinal, squeeze, table_spec
from label_mutations import EXACT_CLASSES, MARKED_CLASSES, mutate, ordinal_styles
from report_factory import render, values_for

LAYOUTS = ("tabs", "pipes", "cells", "spaces")


def test_every_way_of_writing_an_ordinal_is_one_ordinal():
    for n in range(1, 9):
        for style in ordinal_styles(n):
            norm = normalize_label(style + "属于国家秘密")
            found = split_ordinal(norm)[0] or ordinal_before(norm, norm.index("属"))
            assert found == n, style


def test_a_misspelled_label_is_its_row():
    spec = table_spec("2021", "t3")
    stream = normalize_label("1.属于国家秘密2.其他法律行政止公开3.危及“三安全一稳定”")
    rows = {m.row: m for m in align_rows(spec, stream).matches}
    assert set(rows) == {4, 5, 6}
    assert not rows[5].exact and 0.59 <= rows[5].similarity < 1
    assert stream[rows[5].start :].startswith("其他法律行政")


def test_other_ordinal_punctuation_tells_a_short_row():
    spec = table_spec("2021", "t3")
    stream = normalize_label("(六)其他处理1、申请人无正当理由逾期不补正2、申请人逾期未按收费通知3、其他(七)总计")
    rows = [m.row for m in align_rows(spec, stream).matches]
    assert rows == [20, 21, 22, 23]


def test_a_short_label_needs_its_ordinal():
    # "其他" and "总计" are also column headers: without the row's ordinal they are not rows.
    spec = table_spec("2021", "t3")
    stream = normalize_label("自然人其他总计")
    assert align_rows(spec, stream).matches == []


def test_the_version_whose_rows_fit_wins():
    """A 2021 report with the 2019 表三 (one （六）其他处理 row) fits the 2019 rows better."""
    rows19 = table_spec("2019", "t3").rows
    stream19 = normalize_label("".join(r.label for r in rows19))
    stream21 = normalize_label("".join(r.label for r in table_spec("2021", "t3").rows))
    fit = {v: align_rows(table_spec(v, "t3"), stream19).fit for v in FORMATS}
    assert fit["2019"] > fit["2021"]
    fit = {v: align_rows(table_spec(v, "t3"), stream21).fit for v in FORMATS}
    assert fit["2021"] > fit["2019"]


def test_flat_text_reads_the_ordinal_glued_to_digits():
    spec = table_spec("2021", "t3")
    stream, _ = squeeze("1.本机关不掌握相关政府信息10000012.没有现成信息需要另行制作3000003")
    rows = {m.row: m for m in align_rows(spec, stream, bare_ordinals=False).matches}
    assert set(rows) == {12, 13}
    assert rows[13].similarity > 1  # the 2 before "." is the row's ordinal


def test_a_label_lost_between_its_neighbours_is_placed_by_position_and_marked():
    values = values_for("2021", seed=4)
    report = parse_text(render("2021", values, "tabs", labels={("t3", 9): ""}))
    assert report.to_json()["t3"] == values["t3"]
    assert all(c.inferred and "推定为本行" in c.note for c in report.tables["t3"].cells[9])
    assert any(n.code == "row_by_position" and n.row == 9 for n in report.notes)
    assert all(not c.inferred for c in report.tables["t3"].cells[8])


def test_a_group_heading_on_every_row_does_not_outweigh_the_rows_labels():
    """（六）其他处理 printed beside each of its three rows (the 2021 form), one of them numbered
    2、: the 2019 form's row of that name counts once and the table reads as the 2021 form."""
    values = values_for("2021", seed=0)
    label = table_spec("2021", "t3").rows[21].label
    report = parse_text(render("2021", values, "tabs", labels={("t3", 21): label.replace("2.", "2、", 1)}))
    assert report.tables["t3"].spec.version == "2021"
    assert report.to_json()["t3"] == values["t3"]


def test_patterns_are_computed_once_per_spec():
    spec = table_spec("2019", "t3")
    assert row_patterns(spec) is row_patterns(spec)


# ---------------------------------------------------------------- the property ---------------

def _render_mutated(version, layout, classes, seed, draw):
    values = values_for(version, seed=seed)
    labels = {}
    for table_id in ("t2", "t3"):
        for r, row in enumerate(table_spec(version, table_id).rows):
            labels[(table_id, r)] = mutate(row.label, draw(st.sampled_from(classes)), draw)
    if layout == "pipes":  # a pipe row holds its cell on one line
        labels = {k: v.replace("\n", "") for k, v in labels.items()}
    return values, labels, render(version, values, layout, labels=labels)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FORMATS), st.sampled_from(LAYOUTS), st.integers(0, 50), st.data())
def test_mutated_labels_are_read_exactly(version, layout, seed, data):
    values, labels, text = _render_mutated(version, layout, EXACT_CLASSES, seed, data.draw)
    report = parse_text(text)
    got = report.to_json()
    assert report.format == version
    for table_id in ("t2", "t3"):
        assert got[table_id] == values[table_id], (table_id, labels)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FORMATS), st.sampled_from(LAYOUTS), st.integers(0, 50), st.data())
def test_mutated_labels_are_never_read_silently_wrong(version, layout, seed, data):
    values, labels, text = _render_mutated(version, layout, EXACT_CLASSES + MARKED_CLASSES, seed, data.draw)
    report = parse_text(text)
    for table_id in ("t2", "t3"):
        table = report.tables.get(table_id)
        assert table is not None and table.spec.version == version
        for r, row in enumerate(values[table_id]):
            for c, want in enumerate(row):
                cell = table.cells[r][c]
                assert cell.value == want or cell.value is None or cell.inferred, (table_id, r, c, labels)
