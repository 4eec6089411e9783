"""Print preview, printing and PDF export of the three tables in the official layout.

The pages come from the core (gkdesk.export.form_pages: the workbook's title, heading, form
and remarks); this module renders them with QTextDocument on a QPrinter, A4 portrait scaled to fit as the workbook prints, each
table on pages of its own with its header rows repeated where a table runs on.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument, QTextLength, QTextTable
from PySide6.QtWidgets import QDialog, QFileDialog

from .i18n import translate

# gkdesk.export (and openpyxl with it) is imported on first use: not at the window's start-up.


# The tables are laid out on a page this much larger than the paper and printed scaled down to
# it, as the workbook's sheets print "fit to width": 10.5 pt text prints at about 7.2 pt, and
# 表三's thirty rows fit one A4 page.
LAYOUT_SCALE = 1.45


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)


def printed_document(report, parent: QObject | None = None) -> QTextDocument:
    """The three tables as a QTextDocument: the core's HTML, with the form's column widths
    and its header rows set on each table (HTML cannot say either to QTextDocument)."""
    from ..export.form_pages import form_pages, pages_html
    from ..export.names import report_title

    pages = form_pages(report)
    document = QTextDocument(parent)
    document.setHtml(pages_html(pages))
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    for table, page in zip(tables, pages):
        fmt = table.format()
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, p) for p in page.column_percentages])
        fmt.setHeaderRowCount(page.header_rows)
        fmt.setCellPadding(3)
        fmt.setCellSpacing(0)
        fmt.setBorderCollapse(True)
        table.setFormat(fmt)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, report_title(report))
    return document


def new_printer():
    """A4 portrait, high resolution. (QtPrintSupport is imported on first use: not at start-up.)"""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def render(report, printer) -> None:
    """Lay the tables out on the printer's pages and print them."""
    document = printed_document(report)
    rect = printer.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(rect.width() * LAYOUT_SCALE, rect.height() * LAYOUT_SCALE))
    document.print_(printer)


def write_pdf(report, path: str | Path) -> None:
    """The printed pages as a PDF file (no dialog)."""
    from PySide6.QtPrintSupport import QPrinter

    from ..export.names import report_title

    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(report_title(report))
    render(report, printer)


class PrintActions(QObject):
    """打印预览 / 打印 / 导出PDF, added to a MainWindow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        A = window._action
        self.act_preview = A(translate("Printing", "打印预览…"), "Ctrl+Alt+P", self.preview, tip=translate("Printing", "按官方格式预览三张表的打印效果"), scope="document")
        self.act_print = A(translate("Printing", "打印…"), "Ctrl+P", self.print_, tip=translate("Printing", "按官方格式打印三张表"), scope="document")
        self.act_pdf = A(translate("Printing", "导出PDF…"), "Ctrl+Shift+D", self.export_pdf, tip=translate("Printing", "把三张表按官方格式导出为PDF"), scope="document")
        self.actions = [self.act_preview, self.act_print, self.act_pdf]

    def _report(self):
        document = self.window.document
        if document is None:
            return None
        self.window.review_actions.commit_opinion()
        return document.report

    def preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def preview_dialog(self):
        """The print preview of the report shown (not yet shown itself; None without a report)."""
        report = self._report()
        if report is None:
            return None
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from ..export.names import report_title

        printer = new_printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(translate("Printing", "打印预览 — %1").replace("%1", report_title(report)))
        dialog.paintRequested.connect(lambda p: render(report, p))
        dialog.resize(self.window.width() * 9 // 10, self.window.height() * 9 // 10)
        dialog.printer_ = printer  # the dialog does not own it: keep it alive as long as the dialog
        return dialog

    def print_(self) -> None:
        report = self._report()
        if report is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = new_printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(translate("Printing", "打印"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        render(report, printer)
        self.window.show_status(translate("Printing", "已送去打印。"))

    def export_pdf(self) -> None:
        report = self._report()
        if report is None:
            return
        from ..export.names import report_title, suggested_filename

        folder = Path(self.window.document.path).parent
        suggested = folder / (Path(suggested_filename(report)).stem + ".pdf")
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Printing", "导出PDF"), str(suggested), translate("Printing", "PDF 文件 (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_pdf(report, path)
        except OSError as exc:
            self.window.show_status(translate("Printing", "未导出：%1").replace("%1", str(exc)), 10000)
            return
        if not Path(path).is_file() or Path(path).stat().st_size == 0:
            self.window.show_status(translate("Printing", "未导出：无法写入 %1").replace("%1", path), 10000)
            return
        self.window.show_status(translate("Printing", "已导出PDF：%1").replace("%1", path), 10000)
