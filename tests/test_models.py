"""The window's models and their helpers, without widgets: layout from the schema, roles, edits, input."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

import pytest
from PySide6.QtCore import Qt

from conftest import ROOT
from gkdesk.findings import ERROR, WARNING
from gkdesk.schema import FORMATS, TABLE_IDS, ValueKind, table_spec
from gkdesk.numbers import format_number
from gkdesk.ui.cell_input import input_state, parse_input
from gkdesk.form_layout import CORNER, HEADER, LABEL, form_layout
from gkdesk.ui.paste import parse_block, plan_paste
from gkdesk.ui.textpos import TextPositions, line_of

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))


# ---------------------------------------------------------------- layout from the schema


@pytest.mark.parametrize("version", FORMATS)
@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_every_cell_of_the_schema_has_one_place_in_the_grid(version, table_id):
    spec = table_spec(version, table_id)
    layout = form_layout(spec)
    assert sorted(layout.value_addresses()) == sorted(spec.addresses())
    covered = {(r, c) for r in range(layout.row_count) for c in range(layout.column_count) if layout.at(r, c)}
    assert len(covered) == layout.row_count * layout.column_count  # no hole in the form


@pytest.mark.parametrize("version", FORMATS)
def test_t3_row_labels_follow_the_label_paths(version):
    spec = table_spec(version, "t3")
    layout = form_layout(spec)
    for r, row in enumerate(spec.rows):
        grid_row = layout.header_rows + r
        texts = []
        for c in range(layout.label_columns):
            cell = layout.at(grid_row, c)
            if cell.kind == LABEL and (not texts or texts[-1] != cell.text):
                texts.append(cell.text)
        assert tuple(texts) == row.label_path
    results = layout.at(layout.header_rows + 2, 0)
    assert results.text == "三、本年度办理结果"
    # The group spans every result row down to （七）总计.
    assert results.rowspan == spec.row_index("（七）总计") - 2 + 1
    assert layout.at(0, 0).kind == CORNER and layout.at(0, 0).text == spec.note


def test_t3_header_merges_like_the_form():
    layout = form_layout(table_spec("2021", "t3"))
    first = layout.label_columns
    top = layout.at(0, first)
    assert (top.text, top.colspan) == ("申请人情况", 7)
    natural = layout.at(1, first)
    assert (natural.text, natural.rowspan) == ("自然人", 2)
    orgs = layout.at(1, first + 1)
    assert (orgs.text, orgs.colspan) == ("法人或其他组织", 5)
    assert layout.at(2, first + 5).text == "其他"


def test_t4_outcome_headings_under_review_reach_down_like_the_form():
    layout = form_layout(table_spec("2021", "t4"))
    review = layout.at(0, 0)
    assert (review.text, review.rowspan, review.colspan) == ("行政复议", 1, 5)
    upheld = layout.at(1, 0)
    assert (upheld.text, upheld.rowspan) == ("结果维持", 2) and layout.at(2, 0) is upheld
    lawsuit = layout.at(0, 5)
    assert (lawsuit.text, lawsuit.colspan) == ("行政诉讼", 10)
    assert layout.at(1, 5).text == "未经复议直接起诉" and layout.at(2, 5).text == "结果维持"
    assert layout.label_columns == 0


@pytest.mark.parametrize("version", FORMATS)
def test_t2_is_printed_in_groups_with_their_own_headings(version):
    spec = table_spec(version, "t2")
    layout = form_layout(spec)
    headings = [c.text for c in layout.cells if c.kind == HEADER]
    expected = []
    previous = None
    for r, row in enumerate(spec.rows):
        key = (row.path, spec.row_columns(r))
        if key != previous:
            expected += [spec.label_header] + [c.short or c.label for c in spec.row_columns(r)]
            previous = key
    assert headings == expected


# ---------------------------------------------------------------- typed input


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("42", ValueKind.COUNT, 42),
        ("４２", ValueKind.COUNT, 42),  # full-width digits
        (" 1,286 ", ValueKind.COUNT, 1286),
        ("0.35", ValueKind.AMOUNT, 0.35),
        ("０．５", ValueKind.AMOUNT, 0.5),
        ("12.0", ValueKind.AMOUNT, 12),
        ("-3", ValueKind.SIGNED_COUNT, -3),
        ("－3", ValueKind.SIGNED_COUNT, -3),
        ("", ValueKind.COUNT, None),
        ("/", ValueKind.COUNT, None),
    ],
)
def test_accepted_input(text, kind, value):
    parsed = parse_input(text, kind)
    assert parsed.ok and parsed.value == value and type(parsed.value) is type(value)


@pytest.mark.parametrize(
    "text, kind, words",
    [
        ("1.5", ValueKind.COUNT, "小数"),
        ("-2", ValueKind.COUNT, "负数"),
        ("-0.5", ValueKind.AMOUNT, "负数"),
        ("12件", ValueKind.COUNT, "不是数字"),
        ("abc", ValueKind.AMOUNT, "不是数字"),
        ("1234567890123", ValueKind.COUNT, "过大"),
    ],
)
def test_refused_input_says_why(text, kind, words):
    parsed = parse_input(text, kind)
    assert not parsed.ok and words in parsed.error


def test_typing_state_refuses_impossible_keys_but_allows_unfinished_numbers():
    assert input_state("4", ValueKind.COUNT)[0] == "acceptable"
    assert input_state("4a", ValueKind.COUNT)[0] == "invalid"
    assert input_state("1.", ValueKind.COUNT)[0] == "invalid"
    assert input_state("1,", ValueKind.COUNT)[0] == "intermediate"
    assert input_state("-", ValueKind.SIGNED_COUNT)[0] == "intermediate"
    assert input_state("-", ValueKind.COUNT)[0] == "invalid"


def test_values_are_shown_without_exponent_or_trailing_zeros():
    assert [format_number(v) for v in (None, 0, 1286, 0.35, 2.0, 1e7 + 0.5)] == ["", "0", "1286", "0.35", "2", "10000000.5"]


# ---------------------------------------------------------------- paste and text positions


def test_paste_block_lands_on_number_cells_only():
    layout = form_layout(table_spec("2021", "t3"))
    start = layout.position(("t3", 0, 5))
    block = parse_block("1\t2\t3\r\n4\t5\t6\r\n")
    plan = plan_paste(layout, start, block, lambda a: ValueKind.COUNT, str)
    assert plan.changes == {("t3", 0, 5): 1, ("t3", 0, 6): 2, ("t3", 1, 5): 4, ("t3", 1, 6): 5}
    assert plan.skipped == 2 and plan.error == ""


def test_paste_with_a_bad_value_pastes_nothing():
    layout = form_layout(table_spec("2021", "t3"))
    plan = plan_paste(layout, layout.position(("t3", 0, 0)), parse_block("1\t2.5"), lambda a: ValueKind.COUNT, lambda a: "X")
    assert plan.changes == {} and "小数" in plan.error and "X" in plan.error


def test_text_positions_count_like_qt():
    text = "ab\r\ncd😀e\rf"
    pos = TextPositions(text)
    assert [pos.to_document(i) for i in range(len(text) + 1)] == [0, 1, 2, 2, 3, 4, 5, 7, 8, 9, 10]
    assert pos.to_text(5) == 6 and pos.to_text(7) == 7
    assert line_of(text, text.index("f")) == 3


# ---------------------------------------------------------------- models on a real report


@pytest.fixture
def document(qapp, tmp_path):
    from gkdesk.ui.document import ReviewDocument

    path = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, path)
    return ReviewDocument.open(str(path))


def test_table_model_roles_show_findings(document):
    from gkdesk.ui.table_model import FormTableModel, Role

    model = FormTableModel(document, "t3")
    culprit = model.index_of(("t3", 2, 0))
    assert culprit.data() == "12"
    assert culprit.data(Role.SEVERITY) == ERROR and culprit.data(Role.CULPRIT) is True
    assert culprit.data(Role.SUGGESTED) == 21
    assert "应为 21" in culprit.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of(("t3", 24, 3)).data(Role.SEVERITY) == ""
    label = model.index(model.layout.header_rows, 0)
    assert label.data(Role.KIND) == LABEL and not (model.flags(label) & Qt.ItemFlag.ItemIsEditable)
    assert model.flags(culprit) & Qt.ItemFlag.ItemIsEditable

    t2_model = FormTableModel(document, "t2")
    blank = t2_model.index_of(("t2", 0, 0))
    assert blank.data() == "" and blank.data(Role.BLANK) is True and blank.data(Role.SEVERITY) == WARNING


def test_edit_goes_through_undo_and_repaints_dependent_cells(document):
    from gkdesk.ui.table_model import CELL_ROLES, FormTableModel, Role

    model = FormTableModel(document, "t3")
    changed = []
    model.dataChanged.connect(
        lambda a, b, roles: changed.extend(
            ((r, c), list(roles)) for r in range(a.row(), b.row() + 1) for c in range(a.column(), b.column() + 1)
        )
    )
    index = model.index_of(("t3", 2, 0))
    assert model.setData(index, 21)
    assert document.report.value(("t3", 2, 0)) == 21 and document.undo_stack.count() == 1
    assert index.data(Role.EDITED) is True and index.data(Role.SEVERITY) == ""
    positions = {p for p, _ in changed}
    # The edited cell and the cells whose marks cleared (its row total, the column's （七）总计).
    assert model.layout.position(("t3", 2, 0)) in positions
    assert model.layout.position(("t3", 2, 6)) in positions
    assert model.layout.position(("t3", 23, 0)) in positions
    assert all(roles == CELL_ROLES for _, roles in changed)
    assert model.layout.position(("t3", 24, 5)) not in positions  # cells outside stay quiet

    document.undo_stack.undo()
    assert document.report.value(("t3", 2, 0)) == 12 and index.data(Role.EDITED) is False
    assert index.data(Role.SEVERITY) == ERROR


def test_findings_model_lists_errors_first(document):
    from gkdesk.ui.findings_model import FINDING_ROLE, FindingsModel

    model = FindingsModel()
    model.set_document(document)
    severities = [model.index(r, 0).data(FINDING_ROLE).severity for r in range(model.rowCount())]
    assert severities == sorted(severities, key=lambda s: s != ERROR) and ERROR in severities
    assert all(model.index(r, 2).data() for r in range(model.rowCount()))
    document.set_values({("t3", 2, 0): 21})
    assert model.rowCount() == len(document.findings)


def test_queue_model_keeps_one_entry_per_file(qapp, tmp_path):
    from gkdesk.ui.queue_model import ERRORS_COLUMN, STATUS_COLUMN, STATUS_ROLE, QueueModel
    from gkdesk.ui.worklist import ERRORS, UNCHECKED, Entry

    model = QueueModel()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    model.add([str(a), str(b), str(a)])
    assert model.rowCount() == 2 and model.index(0).data(STATUS_ROLE) == UNCHECKED
    model.update(Entry(str(b), ERRORS, errors=2))
    assert model.index(1).data(STATUS_ROLE) == ERRORS and model.index(1, STATUS_COLUMN).data() == "有错误"
    assert model.index(1, ERRORS_COLUMN).data() == "2" and model.index(0, ERRORS_COLUMN).data() == ""  # not read yet: no count


def test_look_marks_inferred_blank_and_edited_cells(document):
    from gkdesk.ui.table_model import FormTableModel

    model = FormTableModel(document, "t3")
    document.report.tables["t3"].cells[5][0].inferred = True  # as the recognizer marks a placed value
    inferred = model.look(model.index_of(("t3", 5, 0)))
    assert inferred.inferred and not inferred.edited and inferred.text == "0"
    document.set_values({("t3", 5, 0): 1})
    edited = model.look(model.index_of(("t3", 5, 0)))
    assert edited.edited and not edited.inferred and edited.text == "1"  # the reviewer's value is no guess
    t2 = FormTableModel(document, "t2")
    blank = t2.look(t2.index_of(("t2", 0, 0)))
    assert blank.blank and blank.text == "—"
    assert model.look(model.index(0, 0)).kind == "corner"
    covered = model.index(1, 1)  # inside the merged corner block
    assert model.look(covered) is None


def test_bundled_sample_is_read_exactly_as_written():
    """The sample the README and the screenshot use: every value as the text states it."""
    from gkdesk.reports import load_report

    report = load_report(SAMPLE)
    assert (report.format, report.year, report.agency) == ("2021", 2023, "示例区数据局")
    assert report.current_values("t2") == [[None, None, None], [3, 1, 12], [1286], [47], [0], [0.35]]
    zero = [0] * 7
    assert report.current_values("t3") == [
        [56, 7, 0, 1, 2, 0, 66], [3, 1, 0, 0, 0, 0, 4], [12, 3, 0, 1, 1, 0, 26], [4, 1, 0, 0, 0, 0, 5],
        zero, zero, zero, [2, 0, 0, 0, 0, 0, 2], zero, [3, 1, 0, 0, 0, 0, 4], zero, zero,
        [15, 2, 0, 0, 1, 0, 18], [2, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1],
        [3, 0, 0, 0, 0, 0, 3], [2, 0, 0, 0, 0, 0, 2], zero, zero, zero,
        [2, 0, 0, 0, 0, 0, 2], zero, [1, 0, 0, 0, 0, 0, 1],
        [56, 7, 0, 1, 2, 0, 66], [3, 1, 0, 0, 0, 0, 4],
    ]
    assert report.current_values("t4") == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
