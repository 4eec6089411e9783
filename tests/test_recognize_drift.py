"""pdftotext -layout tables whose column positions drift between blocks of rows and pages.

A partial row (some cells blank) is placed by the columns of the full rows around it. These
texts move the columns between blocks (and pages) so that the wrong block's columns would also
fit the row, and check that the row is placed by its own block, settled by the relations, or
reported as ambiguous, never silently guessed.
"""
import pytest

from gkdesk.parsing import parse_text
from gkdesk.parsing.column_placements import AMBIGUOUS_CELL_NOTE, AMBIGUOUS_ZERO_NOTE, SETTLED_NOTE
from gkdesk.parsing.tokens import tokenize
from layout_factory import consistent_t3, render_layout_t3
from report_factory import values_for

VERSIONS = ["2021", "2019"]
A = [30, 36, 42, 48, 54, 60, 66]
B = [x + 6 for x in A]  # every column one column further right: B[k] == A[k + 1]


def _values(version, partial: dict[int, list], planted: tuple[int, int, int] | None = None):
    values = values_for(version, seed=2)
    for r, row in partial.items():
        values["t3"][r] = row
    values["t3"] = consistent_t3(version, values["t3"])
    if planted:
        r, c, delta = planted
        values["t3"][r][c] += delta
    return values


def _ambiguous_notes(report):
    return [n for n in report.notes if n.code == "ambiguous_columns"]


def _wrong_rows(report, values, skip=()):
    got = report.to_json()["t3"]
    return [(r, values["t3"][r], got[r]) for r in range(len(got)) if r not in skip and got[r] != values["t3"][r]]


@pytest.mark.parametrize("version", VERSIONS)
def test_each_block_places_its_partial_rows_by_its_own_columns(version):
    # Rows 0..11 stand in columns A, rows 12.. in columns B, on one page; rows 5 and 17 have
    # blanks and sit between full rows of their own block.
    values = _values(version, {5: [None, 3, None, 0, None, None, 3], 17: [0, None, 0, None, None, 0, 0]})
    text = render_layout_t3(version, values, lambda r: A if r <= 11 else B)
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []
    assert report.tables["t3"].cells[5][1].span is not None
    s = report.tables["t3"].cells[5][1].span
    assert text[s[0]:s[1]] == "3"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_partial_row_on_a_new_page_takes_that_pages_columns(version):
    # Page 1 (rows 0..9) in columns A, page 2 (from row 10) in columns B. Rows 10..12 have blanks;
    # they are nearer (in lines) to row 9 on page 1 than to row 13, the first full row of page 2,
    # and their values fit page 1's columns too (one column further left).
    partial = {10: [0, None, 0, None, None, 0, 0], 11: [None, 0, 0, None, None, None, 0], 12: [0, None, None, 0, 0, None, 0]}
    values = _values(version, partial)
    text = render_layout_t3(version, values, lambda r: A if r <= 9 else B, page_break_before={10})
    assert "\f" in text
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_a_page_without_a_full_row_takes_the_columns_its_own_values_stand_in(version):
    # Page 2 (from row 10) has no full row: every row there leaves every other cell blank. Its
    # values still stand in seven columns (B), one column right of page 1's; most of its rows
    # would fit page 1's columns too.
    nrows = len(values_for(version)["t3"])
    rows = [[0] * 7 for _ in range(nrows)]
    for r in range(10, nrows):
        rows[r] = [None if (r + c) % 2 == 0 else 0 for c in range(7)]
    values = values_for(version)
    values["t3"] = consistent_t3(version, rows)
    assert all(None in row for row in values["t3"][10:])
    text = render_layout_t3(version, values, lambda r: A if r <= 9 else B, page_break_before={10})
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_zeros_between_two_disagreeing_blocks_are_reported_not_guessed(version):
    # Row 11 is after the last full row in columns A and before the first in columns B; its
    # zeros stand at A's columns 1, 3, 6, which are B's columns 0, 2, 5: both fit exactly.
    values = _values(version, {11: [None, 0, None, 0, None, None, 0]})
    text = render_layout_t3(version, values, lambda r: A if r <= 11 else B)
    report = parse_text(text)
    assert _wrong_rows(report, values, skip={11}) == []
    cells = report.tables["t3"].cells[11]
    # 0 or blank in every column either placement uses; column 4 (法律服务机构) is blank in both.
    assert [c.value for c in cells] == [0, 0, 0, 0, None, 0, 0]
    assert all(c.inferred for c in cells)
    assert [c.note == AMBIGUOUS_ZERO_NOTE for c in cells] == [True, True, True, True, False, True, True]
    for c in cells:
        if c.value is not None:
            assert c.confidence < 0.5
            assert text[c.span[0]:c.span[1]] == "0"
    notes = _ambiguous_notes(report)
    assert [(n.table, n.row) for n in notes] == [("t3", 11)]
    assert "商业企业、社会公益组织、总计" in notes[0].message and "自然人、科研机构、其他" in notes[0].message


@pytest.mark.parametrize("version", VERSIONS)
def test_the_relations_settle_a_row_the_positions_leave_open(version):
    # As above, but the row holds 5 and its total 5: in columns B the total would fall in 其他
    # and the row's own total (总计 = 六类申请人之和) would break.
    values = _values(version, {11: [None, 5, None, None, None, None, 5]})
    text = render_layout_t3(version, values, lambda r: A if r <= 11 else B)
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []
    cells = report.tables["t3"].cells[11]
    assert cells[1].inferred and cells[1].note == SETTLED_NOTE


@pytest.mark.parametrize("version", VERSIONS)
def test_two_open_rows_are_settled_together(version):
    # Rows 11 and 12 both sit between the blocks; the column sums tell for both at once.
    partial = {11: [None, 5, None, None, None, None, 5], 12: [None, 2, None, 4, None, None, 6]}
    values = _values(version, partial)
    text = render_layout_t3(version, values, lambda r: A if r <= 12 else B)
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_numbers_of_different_widths_keep_one_block(version):
    # Right-aligned numbers of one to four digits: their centres differ by up to 1.5 characters
    # in one column, which is no drift; rows with blanks among them are placed, not reported.
    right_edges = [34, 41, 47, 53, 59, 65, 73]  # far enough apart for four digits
    partial = {
        3: [1234, None, 5, None, 0, None, None],
        7: [None, 12, None, 0, 3, None, None],
        15: [7, None, None, 1000, None, 0, None],
    }
    values = _values(version, partial)
    values["t3"][4] = [2222, 1, 0, 0, 33, 0, 2256]  # a full row of mixed widths
    values["t3"] = consistent_t3(version, values["t3"])
    text = render_layout_t3(version, values, lambda r: right_edges, align="right")
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []


# Columns 0 and 6 stay, columns 1..5 move one column right: a row's 自然人 and 总计 agree under
# both, its values in between do not.
A_INNER = [30, 36, 42, 48, 54, 60, 72]
B_INNER = [30, 42, 48, 54, 60, 66, 72]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_number_the_relations_cannot_place_is_left_unfilled(version):
    # Row 11: 4 in 自然人, 2 in 社会公益组织 (column 3 of A, column 2 of B), 6 in 总计. The row's
    # own total holds either way; the column sums would tell, but the document's 总计 row states
    # 2 more in column 2 than its rows hold: placed in column 3 the 2 breaks column 2's sum,
    # placed in column 2 it breaks column 3's. Both break as many relations: nothing is guessed.
    total_row = len(values_for(version)["t3"]) - 2
    values = _values(version, {11: [4, None, None, 2, None, None, 6]}, planted=(total_row, 2, 2))
    text = render_layout_t3(version, values, lambda r: A_INNER if r <= 11 else B_INNER)
    report = parse_text(text)
    assert _wrong_rows(report, values, skip={11}) == []
    cells = report.tables["t3"].cells[11]
    assert (cells[0].value, cells[6].value) == (4, 6)  # the same under both placements
    assert (cells[2].value, cells[3].value) == (None, None)
    assert cells[2].note == cells[3].note == AMBIGUOUS_CELL_NOTE
    assert cells[2].confidence == cells[3].confidence == 0.0
    notes = _ambiguous_notes(report)
    assert [(n.table, n.row) for n in notes] == [("t3", 11)]
    assert "（4、2、6）" in notes[0].message and "未填入" in notes[0].message
    assert "自然人、社会公益组织、总计" in notes[0].message and "自然人、科研机构、总计" in notes[0].message


@pytest.mark.parametrize("version", VERSIONS)
def test_a_placement_breaking_fewer_relations_is_taken_and_marked(version):
    # As above, but the document's error (1 more in column 3's 总计) is no 2: placed in column 3
    # the 2 breaks column 3's sum only, placed in column 2 it breaks both columns' sums. The
    # solver takes the reading breaking fewer relations, as for any reading; the row's cells
    # say so, the ones the other placement reads otherwise with the margin as confidence, and
    # the document's own error stays.
    total_row = len(values_for(version)["t3"]) - 2
    values = _values(version, {11: [4, None, None, 2, None, None, 6]}, planted=(total_row, 3, 1))
    text = render_layout_t3(version, values, lambda r: A_INNER if r <= 11 else B_INNER)
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []
    cells = report.tables["t3"].cells[11]
    assert all(c.inferred and c.note.startswith(SETTLED_NOTE) for c in cells)
    assert cells[2].confidence == cells[3].confidence < 0.5


@pytest.mark.parametrize("version", VERSIONS)
def test_without_the_error_the_same_row_is_settled(version):
    values = _values(version, {11: [4, None, None, 2, None, None, 6]})
    text = render_layout_t3(version, values, lambda r: A_INNER if r <= 11 else B_INNER)
    report = parse_text(text)
    assert _wrong_rows(report, values) == []
    assert _ambiguous_notes(report) == []
    assert report.tables["t3"].cells[11][3].note == SETTLED_NOTE


def test_a_form_feed_takes_no_column():
    # pdftotext writes the page break before the first line of a page: positions on that line
    # count from after it, as on every other line of the page.
    text = "x\n\f    属于   0     7\n    属于   0     7\n"
    tokens = [t for t in tokenize(text, 0, len(text)) if t.kind == "num"]
    assert [(t.x, t.page) for t in tokens] == [(9, 1), (15, 1)] * 2
    assert tokenize(text, 0, 1)[0].page == 0
