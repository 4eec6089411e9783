"""Print preview, print and PDF export of the three tables from the window (issue 14, item 9):
driven through the window's actions offscreen, the modal dialogs patched."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

import pypdfium2 as pdfium
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog

from conftest import ROOT
from window_support import make_window

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
HEADINGS = ("主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况")


def open_sample(qtbot, tmp_path):
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    window = make_window(qtbot, tmp_path, [tmp_path / SAMPLE.name])
    qtbot.waitUntil(lambda: window.document is not None and not window.loading, timeout=20_000)
    return window


def pdf_pages(path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        # PDF text may use CJK compatibility radicals (⼀ for 一): compare after NFKC.
        import unicodedata

        return [unicodedata.normalize("NFKC", pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def test_pdf_export_has_the_three_tables_with_the_corrected_values(qtbot, tmp_path, monkeypatch):
    window = open_sample(qtbot, tmp_path)
    window.document.set_values({("t3", 2, 0): 21})  # the culprit the checks name, corrected
    target = tmp_path / "out" / "表.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target.with_suffix("")), ""))
    window.print_actions.act_pdf.trigger()
    assert target.is_file(), window.statusBar().currentMessage()
    assert "已导出PDF" in window.statusBar().currentMessage()
    pages = pdf_pages(target)
    assert len(pages) == 3  # one A4 page per table
    for page, heading in zip(pages, HEADINGS):
        assert heading in page.replace("\n", "").replace("\r", "")
        assert window.document.report.agency in page
    body = pages[1].split()
    assert "21" in body and "12" not in body  # the corrected value printed, not the read one


def test_print_preview_shows_the_pages(qtbot, tmp_path, monkeypatch):
    window = open_sample(qtbot, tmp_path)
    seen = {}

    def exec_(dialog):
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()  # paints the pages as the shown dialog would
        seen["pages"] = widget.pageCount()
        seen["title"] = dialog.windowTitle()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    window.print_actions.act_preview.trigger()
    assert seen["pages"] == 3 and window.document.report.agency in seen["title"]


def test_print_sends_the_pages_to_the_printer_chosen(qtbot, tmp_path, monkeypatch):
    window = open_sample(qtbot, tmp_path)
    target = tmp_path / "printed.pdf"

    def accept(dialog):  # the reviewer picks a printer: here one that writes a file
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.print_actions.act_print.trigger()
    assert len(pdf_pages(target)) == 3 and "已送去打印" in window.statusBar().currentMessage()
    target.unlink()
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window.print_actions.act_print.trigger()  # cancelled: nothing printed
    assert not target.exists()


def test_print_actions_need_a_report(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    actions = window.print_actions
    assert not any(a.isEnabled() for a in (actions.act_preview, actions.act_print, actions.act_pdf))


def test_a_long_agency_name_and_a_table_running_on_repeat_the_header(qtbot, tmp_path):
    """gd01's title wraps (a long agency name); each table still gets one A4 page. Squeezed to
    a short page, 表三 runs on, and its header rows are printed again above the rest."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    from gkdesk.opening import open_reviewed
    from gkdesk.ui import printing
    from conftest import shared_path

    report = open_reviewed(str(shared_path("corpus", "gen", "gd01__lo-txt.txt"))).report
    target = tmp_path / "gd01.pdf"
    printing.write_pdf(report, target)
    assert len(pdf_pages(target)) == 3
    short = QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    printer = printing.new_printer()
    printer.setPageLayout(short)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "short.pdf"))
    printing.render(report, printer)
    pages = [p.replace("\r", "").replace("\n", "") for p in pdf_pages(tmp_path / "short.pdf")]
    t3 = [p for p in pages if "申请人情况" in p]
    assert len(t3) >= 2 and all("自然人" in p for p in t3)  # the header on every page of 表三
    assert sum("收到和处理政府信息公开申请情况" in p for p in pages) == 1  # the heading once
