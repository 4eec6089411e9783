"""A scan's unsure figures decided among OCR's alternatives by the table's relations
(readers/scan_alternatives.py), and the decoding that keeps those alternatives (readers/ocr_lines.py,
readers/ocr.py). No OCR engine needed: the recognizer's output is made up here."""
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk import relations
from gkdesk.checks import check_report
from gkdesk.findings import ERROR, WARNING
from gkdesk.model import Cell, Report, Table
from gkdesk.parsing.tokens import parse_number
from gkdesk.readers import ocr, ocr_lines
from gkdesk.readers.scan_alternatives import Reading, decide, readings_of
from gkdesk.schema import table_relations, table_spec
from report_factory import values_for

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _table(version: str, seed: int) -> Table:
    spec = table_spec(version, "t3")
    grid = values_for(version, seed)["t3"]
    return Table(spec, [[Cell(v, raw=str(v)) for v in row] for row in grid])


def _holds(table: Table) -> bool:
    values = {(table.spec.id, r, c): cell.value for r, row in enumerate(table.cells) for c, cell in enumerate(row)}
    return not any(s.broken for s in relations.evaluate(table.spec, values.get))


@SETTINGS
@given(
    version=st.sampled_from(["2021", "2019"]),
    seed=st.integers(1, 40),
    where=st.integers(0, 10_000),
    misread=st.integers(0, 99),
    others=st.lists(st.integers(0, 99), max_size=3),
)
def test_one_misread_figure_is_mended_only_where_one_alternative_fits(version, seed, where, misread, others):
    table = _table(version, seed)
    assert _holds(table)
    spec = table.spec
    in_relations = sorted({(r, c) for rel in table_relations(spec) for _, r, c in rel.cells})
    r, c = in_relations[where % len(in_relations)]
    cell = table.cells[r][c]
    truth = cell.value
    if misread == truth:
        misread = truth + 1
    cell.value, cell.raw = misread, str(misread)
    readings = [Reading(v, 0.2) for v in dict.fromkeys([truth, *others]) if v != misread]

    # The oracle: every reading that makes the whole table hold.
    fitting = []
    for reading in readings:
        cell.value = reading.value
        if _holds(table):
            fitting.append(reading.value)
    cell.value = misread

    changed = decide(table, {(r, c): readings})
    if len(fitting) == 1:
        assert changed == [(r, c)]
        assert cell.value == fitting[0] == truth
        assert cell.inferred and str(misread) in cell.note and "勾稽关系" in cell.note
        assert _holds(table)
    else:
        assert changed == [] and cell.value == misread and not cell.inferred


def test_two_misreads_in_one_sum_are_mended_together_only_when_unique():
    table = _table("2021", 3)
    spec = table.spec
    leaves = [r for r, row in enumerate(spec.rows) if row.result_leaf]
    a, b = leaves[0], leaves[1]
    truth_a, truth_b = table.cells[a][0].value, table.cells[b][0].value
    table.cells[a][0].value, table.cells[b][0].value = truth_a + 10, truth_b + 70  # "1" for "" , "7" for ""
    readings = {(a, 0): [Reading(truth_a, 0.3), Reading(truth_a + 3, 0.1)], (b, 0): [Reading(truth_b, 0.3)]}
    assert decide(table, readings) == [(a, 0), (b, 0)]
    assert _holds(table)
    assert table.cells[a][0].inferred and table.cells[b][0].inferred


def test_where_two_cells_readings_fit_alike_nothing_is_taken():
    from gkdesk.schema import T4

    row = values_for("2021", 4)["t4"]
    table = Table(T4, [[Cell(v, raw=str(v)) for v in row]])
    table.cells[0][0].value += 1  # 结果维持 of the first group misread one too high
    readings = {(0, 0): [Reading(row[0], 0.3)], (0, 3): [Reading(row[3] - 1, 0.3)]}
    assert decide(table, readings) == []  # either could be the misread one
    assert table.cells[0][0].value == row[0] + 1 and not table.cells[0][0].inferred
    del readings[(0, 3)]
    assert decide(table, readings) == [(0, 0)] and table.cells[0][0].value == row[0]


def test_readings_replace_only_unsure_digits_by_their_alternatives():
    chars = [
        {"text": "1", "conf": 0.99, "alts": (("7", 0.005),)},
        {"text": "2", "conf": 0.55, "alts": (("7", 0.3), ("3", 0.1), ("a", 0.05))},
    ]
    got = readings_of(chars, 0.9, parse_number)
    assert [r.value for r in got] == [17, 13]
    assert got[0].prob > got[1].prob
    # A letter OCR read where a figure stands: its digit alternatives are readings.
    assert [r.value for r in readings_of([{"text": "B", "conf": 0.8, "alts": (("8", 0.15), ("3", 0.04))}], 0.9, parse_number)] == [8, 3]
    assert readings_of([{"text": "5", "conf": 0.95, "alts": (("6", 0.04),)}], 0.9, parse_number) == []


def test_a_figure_is_decided_among_digits_with_its_lookalike_letters():
    def read(text, prob, alternatives, digits):
        return ocr_lines.ReadLine([ocr_lines.ReadChar(text, prob, 0.5, alternatives, digits)])

    digits = [0.0] * 10
    digits[0] = 0.06
    lone_o = ocr._figure_or_text(read("o", 0.9, (("0", 0.06), ("O", 0.03)), tuple(digits)))
    assert lone_o.text == "0" and lone_o.chars[0].prob > 0.95  # o, O and 0 together
    digits = [0.0] * 10
    digits[1], digits[7] = 0.55, 0.1
    slash_or_one = ocr._figure_or_text(read("1", 0.55, (("/", 0.3), ("7", 0.1)), tuple(digits)))
    assert slash_or_one.text == "1" and slash_or_one.chars[0].prob < 0.6  # "/" is not counted for it
    assert slash_or_one.chars[0].alternatives == (("7", 0.1),)
    enumeration = ocr._figure_or_text(ocr_lines.ReadLine([ocr_lines.ReadChar(t, 0.99, 0.5) for t in "二丶主动公开"]))
    assert enumeration.text == "二、主动公开"


def test_ctc_decoding_keeps_each_characters_alternatives():
    alphabet = ["blank", "1", "7", "2", " "]
    frames = np.full((8, 5), 0.0, dtype=np.float32)
    frames[:, 0] = 1.0
    frames[2] = [0.0, 0.6, 0.4, 0.0, 0.0]
    frames[3] = [0.0, 0.8, 0.2, 0.0, 0.0]  # the same "1" over two frames: its best one counts
    frames[6] = [0.1, 0.0, 0.0, 0.9, 0.0]
    got = list(ocr_lines._decode(frames, 80, alphabet, [1, 2, 3]))
    assert [c.text for c, _ in got] == ["1", "2"]
    assert got[0][0].prob == np.float32(0.8) and got[0][0].alternatives == (("7", np.float32(0.2)),)
    assert got[0][1] == 35.0 and got[1][1] == 65.0  # x: the middle of its best frame


def _report_with_inferred_total():
    report = Report("")
    table = _table("2021", 5)
    report.tables["t3"] = table
    total = len(table.spec.rows) - 2
    cell = table.cells[total][0]
    cell.value += 3
    return report, ("t3", total, 0), cell


def test_a_broken_sum_with_an_inferred_cell_is_a_warning_until_the_reviewer_sets_it():
    report, addr, cell = _report_with_inferred_total()
    wrong = cell.value
    assert any(f.severity == ERROR and addr in f.cells for f in check_report(report))
    cell.inferred, cell.note = True, "扫描件文字识别（OCR）对这个数字把握不大"
    findings = [f for f in check_report(report) if addr in f.cells]
    assert findings and all(f.severity == WARNING for f in findings)
    report.set_value(addr, wrong + 1)  # the reviewer sets the figure from the page
    assert any(f.severity == ERROR and addr in f.cells for f in check_report(report))


def test_a_scanned_row_with_its_last_cells_unread_has_every_figure_marked():
    """A figure OCR missed at the start of a row moves the later ones left when the values are
    placed in order: with the row's last cell left blank, every figure of the row is marked."""
    from types import SimpleNamespace

    from gkdesk.readers.scan_provenance import mark_scanned_cells

    report = Report("")
    spec = table_spec("2021", "t2")
    table = Table.blank(spec)
    report.tables["t2"] = table
    row = table.cells[1]
    for cell, (value, raw) in zip(row, [(0, "0"), (5, "5"), (None, "")]):
        cell.value, cell.raw = value, raw
    whole = table.cells[0]
    for cell in whole:
        cell.value, cell.raw = 3, "3"
    mark_scanned_cells(report, SimpleNamespace(tables=[], pages=[]))
    assert all(cell.inferred and cell.note for cell in row)
    assert not any(cell.inferred for cell in whole)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    version=st.sampled_from(["2021", "2019"]),
    seed=st.integers(1, 40),
    lost=st.sets(st.integers(0, 30), min_size=1, max_size=4),
    guessed=st.sets(st.tuples(st.integers(0, 30), st.integers(0, 6), st.integers(1, 50)), min_size=1, max_size=4),
)
def test_no_error_rests_on_an_inferred_value_even_when_rows_were_not_found(version, seed, lost, guessed):
    """Rows the recognizer did not find and values it placed by inference elsewhere in the
    same table: every broken relation through an inferred cell is a warning, never an error
    (the one through neither stays an error)."""
    table = _table(version, seed)
    report = Report("")
    report.tables["t3"] = table
    nrows, ncols = len(table.cells), len(table.cells[0])
    lost = {r % nrows for r in lost}
    for r in lost:
        for cell in table.cells[r]:
            cell.value, cell.raw = None, ""
    table.missing_rows = sorted(lost)
    marked = set()
    for r, c, shift in guessed:
        r, c = r % nrows, c % ncols
        if r in lost:
            continue
        cell = table.cells[r][c]
        cell.value += shift
        cell.inferred, cell.note = True, "数值多于列数，取前几个"
        marked.add(("t3", r, c))
    findings = [f for f in check_report(report) if f.rule.startswith("t3")]
    for f in findings:
        if marked.intersection(f.cells):
            assert f.severity == WARNING, f.message
    # The same wrong figure read in place is the document's error.
    for addr in marked:
        table.cells[addr[1]][addr[2]].inferred = False
    through = [f for f in check_report(report) if marked.intersection(f.cells)]
    unread = {("t3", r, c) for r in lost for c in range(ncols)}
    assert any(f.severity == ERROR for f in through if not unread.intersection(f.cells)) or all(
        unread.intersection(f.cells) for f in through)
