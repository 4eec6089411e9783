"""Open any supported report file as a Report: the one entry point for the CLI and the window."""
from __future__ import annotations

from pathlib import Path

from .errors import exhaustion_is_the_files_error
from .model import Report

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".text", ".tsv", ".csv")
# Original documents, read by gkdesk.readers into the same text the recognizer reads.
DOCUMENT_SUFFIXES = (".docx", ".html", ".htm", ".pdf")
# Old binary Word/WPS: opening one gives a clear message (and a LibreOffice conversion offer).
OLD_WORD_SUFFIXES = (".doc", ".wps")
# Workbooks gkdesk exported (gkdesk.export): reopened as the report they hold.
WORKBOOK_SUFFIXES = (".xlsx",)
REPORT_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES + OLD_WORD_SUFFIXES + WORKBOOK_SUFFIXES


@exhaustion_is_the_files_error
def load_report(path: str | Path, progress=None) -> Report:
    """Read and recognize one report; InputError (Chinese message) when it cannot be read.

    `progress(done, total, text)` hears of slow reading (a scan's OCR, page by page); it may
    raise to cancel."""
    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        from .errors import InputError

        raise InputError(
            f"“{p}”是一个文件夹，其中没有可读的报告文件（{'、'.join(REPORT_SUFFIXES)}）。", "a folder without report files"
        )
    if suffix in WORKBOOK_SUFFIXES:
        from .export import import_workbook

        return import_workbook(p)
    if suffix in DOCUMENT_SUFFIXES or suffix in OLD_WORD_SUFFIXES:
        from .parsing import parse_document
        from .readers import read_document

        document = read_document(p, progress)
        report = parse_document(document, source_path=str(path))  # its tables read as cells
        report.notes[:0] = document.notes  # what the reader says of the file (a charset it lied about)
        if document.encoding.endswith(":ocr"):
            from .readers.scan_provenance import mark_scanned_cells

            mark_scanned_cells(report, document)
        else:
            from .readers.page_regions import place_on_pages

            place_on_pages(report, document)  # a PDF's values get their box on the page
        return report
    from .parsing import read_report

    return read_report(p)
