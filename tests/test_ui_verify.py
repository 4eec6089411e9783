"""Verify against the original (issue 18): the PDF page beside the grid with the cell's box
outlined, the queue of uncertain values, confirmation in the audit trail, the export guard."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import shutil

import pytest

from conftest import shared_path
from window_support import make_window as open_window
from gkdesk.model import Cell, ParseNote
from gkdesk.sidecar import sidecar_path
from gkdesk.verification import INFERRED, VERIFIED, cell_state, uncertain_cells

RECEIVED = ("t3", 0, 0)  # 表三 一、本年新收·自然人


def _window(qtbot, tmp_path, path):
    window = open_window(qtbot, tmp_path, [path], activate=True)
    qtbot.waitUntil(lambda: not window.loading, timeout=60000)
    assert window.document is not None, window.statusBar().currentMessage()
    return window


def _pdf(tmp_path):
    source = shared_path("corpus") / "originals" / "gd01.pdf"
    if not source.exists():
        pytest.skip("shared corpus not present")
    target = tmp_path / "gd01.pdf"
    shutil.copy(source, target)
    return target


def _text_in(pdf, region) -> str:
    """The page's own text inside a region, read with PDFium's coordinates (bottom-left origin)."""
    import pypdfium2 as pdfium

    number, x0, top, x1, bottom = region
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[number - 1]
        height = page.get_size()[1]
        text = page.get_textpage().get_text_bounded(left=x0 - 1, bottom=height - bottom - 1, right=x1 + 1, top=height - top + 1)
        page.close()
        return text
    finally:
        doc.close()


def test_page_view_outlines_the_selected_cell_where_the_pdf_has_its_value(qtbot, tmp_path):
    pdf = _pdf(tmp_path)
    window = _window(qtbot, tmp_path, pdf)
    verify = window.verify_actions
    assert verify.act_page.isEnabled()
    verify.act_page.trigger()
    assert verify.showing_page and not window.source.editor.isVisible()

    report = window.document.report
    for addr in (RECEIVED, ("t3", 24, 6), ("t2", 1, 2), ("t4", 0, 14)):
        cell = report.tables[addr[0]].cells[addr[1]][addr[2]]
        assert cell.region is not None, addr
        # The box holds the value's own text on the page, by PDFium's reading of the same file.
        assert _text_in(pdf, cell.region).strip() == cell.raw, addr
        window.pages[addr[0]].view.select_addresses([addr])
        qtbot.waitUntil(lambda: verify.page_view.page == cell.region[0] and verify.page_view.outline_rect() is not None, timeout=10000)
        expected = verify.page_view.rendered_rect(cell.region)
        shown = verify.page_view.outline_rect()
        assert shown.contains(expected) and shown.width() < expected.width() + 10

    # A click on a box on the page selects its cell.
    target = ("t3", 2, 0)
    region = report.tables["t3"].cells[2][0].region
    assert verify.page_view.cell_at(region[0], (region[1] + region[3]) / 2, (region[2] + region[4]) / 2) == target
    with qtbot.waitSignal(verify.page_view.cellClicked) as blocker:
        verify.page_view.cellClicked.emit(target)
    assert blocker.args == [target]
    assert verify.current_address() == target

    verify.act_page.trigger()  # one key back to the text
    assert not verify.showing_page and window.source.editor.isVisible()


def test_text_reports_have_no_page_view(qtbot, tmp_path):
    seed = next(shared_path("seeds").glob("001_*.txt"))
    target = tmp_path / "seed.txt"
    shutil.copy(seed, target)
    window = _window(qtbot, tmp_path, target)
    assert not window.verify_actions.act_page.isEnabled()
    assert not window.verify_actions.showing_page


def _mark_uncertain(document):
    """Three uncertain values of the kinds the recognizer leaves: inferred, unsure, open."""
    report = document.report
    t3 = report.tables["t3"]
    for r, c, inferred, conf in ((2, 0, True, 0.6), (5, 1, False, 0.5)):
        old = t3.cells[r][c]
        t3.cells[r][c] = Cell(old.value, old.raw, old.span, conf, inferred, "由勾稽关系推定" if inferred else "")
    t3.cells[7][0] = Cell(None, "", None, 0.0, True, "有几种读法")
    report.notes.append(ParseNote("ambiguous_split", "…", "t3", 7, candidates=((1, 0, 0, 0, 0, 0, 1), (10, 0, 0, 0, 0, 0, 10))))
    document.findingsChanged.emit()
    return [("t3", 2, 0), ("t3", 5, 1), ("t3", 7, 0)]


def test_the_queue_visits_every_uncertain_value_and_confirming_records_it(qtbot, tmp_path):
    seed = next(shared_path("seeds").glob("001_*.txt"))
    target = tmp_path / "seed.txt"
    shutil.copy(seed, target)
    window = _window(qtbot, tmp_path, target)
    verify = window.verify_actions
    document = window.document
    expected = _mark_uncertain(document)
    assert [u.addr for u in uncertain_cells(document.report)] == expected
    assert verify.count_label.text() == "待核对 3 个数值"

    visited = []
    for _ in expected:
        verify.act_next.trigger()
        visited.append(verify.current_address())
    assert visited == expected
    verify.act_next.trigger()  # wraps round
    assert verify.current_address() == expected[0]
    verify.act_prev.trigger()
    assert verify.current_address() == expected[2]

    verify.act_next.trigger()  # back on the first
    verify.act_confirm.trigger()
    assert cell_state(document.report, expected[0]) == VERIFIED
    assert verify.count_label.text() == "待核对 2 个数值"
    assert verify.current_address() == expected[1]  # on to the next one
    window.saver.flush() if hasattr(window.saver, "flush") else None
    data = json.loads(sidecar_path(target).read_text(encoding="utf-8"))
    assert [v["cell"] for v in data["verified"]] == [list(expected[0])]

    document.undo_stack.undo()  # confirming is one undoable step
    assert cell_state(document.report, expected[0]) == INFERRED
    assert verify.count_label.text() == "待核对 3 个数值"

    # The open cell offers the recognizer's alternatives; choosing one is an edit.
    window.pages["t3"].view.select_addresses([expected[2]])
    menu = verify.alternatives_menu(expected[2], (1, 10))
    assert [a.text() for a in menu.actions()] == ["1", "10"]
    menu.actions()[1].trigger()
    assert document.report.value(expected[2]) == 10
    assert expected[2] in document.report.corrections
    assert verify.count_label.text() == "待核对 2 个数值"


def test_export_asks_when_inferred_values_are_unverified(qtbot, tmp_path, monkeypatch):
    seed = next(shared_path("seeds").glob("001_*.txt"))
    target = tmp_path / "seed.txt"
    shutil.copy(seed, target)
    window = _window(qtbot, tmp_path, target)
    verify = window.verify_actions
    expected = _mark_uncertain(window.document)
    asked = []

    def answer(box):
        asked.append(box.text())
        return next(b for b in box.buttons() if b.text() == "转到待核对数值")

    monkeypatch.setattr("gkdesk.ui.verify_actions.ask_export", answer)
    window.pages["t3"].view.select_addresses([("t3", 0, 0)])
    assert verify.confirm_export() is False
    assert "3 个" in asked[0]
    assert verify.current_address() == expected[0]

    for addr in expected[:2]:
        window.pages["t3"].view.select_addresses([addr])
        verify.act_confirm.trigger()
    window.document.set_values({expected[2]: 1})
    asked.clear()
    assert verify.confirm_export() is True and not asked  # nothing left: no question
