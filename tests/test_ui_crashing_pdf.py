"""A PDF whose reading crashes natively (PDFium aborting; issue 15) costs the window that file
alone: it reads PDFs in a child process (gkdesk.isolated_reading), so the window survives, the
file is marked unreadable with the Chinese message, and the other open reports keep their edits.
The crash is the test-only reader of tests/fuzz/crashing_reader.py, put in this process before
the window's child is forked (in this process itself it raises instead of aborting)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil

import pytest

from conftest import ROOT
from fuzz.crashing_reader import CRASH_MARK, crashing
from reader_samples import report_pdf
from report_factory import values_for
from window_support import make_window

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
DIED = "读取该文件时处理进程异常终止（信号 SIGABRT）"
EDITED = ("t3", 2, 0)  # 12 in the sample

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "abort"), reason="children are forked")


@pytest.fixture
def crashing_reader(monkeypatch):
    """The crashing PDF reader in the children forked from now on (and back to the real one after)."""
    from gkdesk import isolated_reading
    from gkdesk.readers import pdf_reader

    monkeypatch.setattr(pdf_reader, "read_pdf", crashing(pdf_reader.read_pdf, spare_pid=os.getpid()))
    isolated_reading.close_children()  # a child forked before the patch reads with the real reader
    yield
    isolated_reading.close_children()


def test_a_pdf_crashing_its_reader_is_an_unreadable_file_and_the_other_reports_keep_their_edits(
        qtbot, tmp_path, crashing_reader):
    from gkdesk.ui.queue_model import QueueModel
    from gkdesk.ui.worklist import UNREADABLE

    report = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report)
    hostile = tmp_path / "hostile.pdf"
    hostile.write_bytes(report_pdf("2021", values_for("2021", seed=3)) + b"\n" + CRASH_MARK + b"\n")
    good_pdf = tmp_path / "good.pdf"
    good_pdf.write_bytes(report_pdf("2021", values_for("2021", seed=9)))

    window = make_window(qtbot, tmp_path, [report])
    edited = window.document
    assert edited.report.value(EDITED) == 12
    edited.set_values({EDITED: 21})
    assert edited.undo_stack.count() == 1

    window.open_paths([str(hostile)])
    qtbot.waitUntil(lambda: not window.loading, timeout=60_000)
    assert window.isVisible() and window.document is None
    assert window.message_bar.level == "error"
    text = window.message_bar.label.text()
    assert "hostile.pdf" in text and DIED in text
    entry = window.session.queue.entry(QueueModel.key(str(hostile)))
    assert entry.status == UNREADABLE and DIED in entry.message

    # The edited report is where it was, its edit and its undo step with it.
    window.open_paths([str(report)])
    assert window.document is edited
    assert edited.report.value(EDITED) == 21 and edited.undo_stack.count() == 1
    window.act_undo.trigger()
    assert edited.report.value(EDITED) == 12
    window.act_redo.trigger()
    assert edited.report.value(EDITED) == 21

    # The next PDF is read by a new child.
    window.open_paths([str(good_pdf)])
    qtbot.waitUntil(lambda: not window.loading, timeout=60_000)
    assert window.document is not None and window.document.path == str(good_pdf.resolve())
    assert window.document.report.agency == "测试区数据局"


def test_a_folder_with_a_pdf_crashing_its_reader_lists_it_unreadable(qtbot, tmp_path, crashing_reader):
    from gkdesk.ui.queue_model import QueueModel
    from gkdesk.ui.worklist import UNREADABLE

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a-sample.txt")
    hostile = folder / "b-hostile.pdf"
    hostile.write_bytes(report_pdf("2021", values_for("2021", seed=3)) + b"\n" + CRASH_MARK + b"\n")

    window = make_window(qtbot, tmp_path)
    window.open_paths([str(folder)])
    qtbot.waitUntil(lambda: not window.session.scanning and not window.loading, timeout=60_000)
    assert window.isVisible()
    entry = window.session.queue.entry(QueueModel.key(str(hostile)))
    assert entry.status == UNREADABLE and DIED in entry.message
    sample = window.session.queue.entry(QueueModel.key(str(folder / "a-sample.txt")))
    assert sample.status != UNREADABLE and sample.agency


def test_a_page_crashing_its_renderer_is_said_on_the_page_view_and_the_report_stays_open(qtbot, tmp_path, monkeypatch):
    from gkdesk import isolated_reading
    from gkdesk.readers import page_images

    def crashing_render(path, number, dpi):
        if os.getpid() == here:
            raise AssertionError("the page was rendered in the window's own process")
        os.abort()

    here = os.getpid()
    monkeypatch.setattr(page_images, "render_page_bitmap", crashing_render)
    isolated_reading.close_children()
    try:
        pdf = tmp_path / "good.pdf"
        pdf.write_bytes(report_pdf("2021", values_for("2021", seed=9)))
        window = make_window(qtbot, tmp_path, [pdf], activate=True)
        qtbot.waitUntil(lambda: not window.loading, timeout=60_000)
        document = window.document
        assert document is not None and document.report.agency == "测试区数据局"
        verify = window.verify_actions
        verify.act_page.trigger()
        view = verify.page_view
        qtbot.waitUntil(lambda: view.page is not None and bool(view.failure(view.page)), timeout=60_000)
        assert DIED in view.failure(view.page)
        shown = [item.toPlainText() for item in view.scene().items() if hasattr(item, "toPlainText")]
        assert any(f"无法显示第 {view.page} 页" in text and DIED in text for text in shown)
        assert window.isVisible() and window.document is document
    finally:
        isolated_reading.close_children()


def test_the_queue_summary_reads_a_pdf_crashing_its_reader_in_a_child_and_names_it_skipped(tmp_path, crashing_reader):
    """导出汇总 reads the queue's reports not open in the window; a PDF among them is read in a
    child too, so its crash is that file's line in the summary, not the end of the window."""
    import openpyxl

    from gkdesk.ui.export_actions import write_queue_summary

    report = tmp_path / "sample.txt"
    shutil.copy(SAMPLE, report)
    hostile = tmp_path / "hostile.pdf"
    hostile.write_bytes(report_pdf("2021", values_for("2021", seed=3)) + b"\n" + CRASH_MARK + b"\n")
    target = tmp_path / "summary.xlsx"
    write_queue_summary([str(report), str(hostile)], {}, target, False, lambda *_: None)
    info = " ".join(str(v) for row in openpyxl.load_workbook(target)["说明"].iter_rows(values_only=True) for v in row)
    assert "hostile.pdf" in info and DIED in info
