"""Readers of original documents (.docx, .html/.htm, .pdf) into one intermediate.

Each reader returns a `SourceDocument`: the document rendered as plain text (a table row per
line, cells separated by TAB) plus every table cell's grid position and span. The recognizer
reads the text as it reads a .txt file, and the tables' cells as the reader found them
(parsing.parse_document, parsing/source_cells.py), so checks, the window and Excel do not
depend on the input kind. Libraries (defusedxml, pdfplumber) load only when such a file opens.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .document import SourceDocument
from .legacy import OLD_WORD_SUFFIXES, OldWordFormatError, convert_with_libreoffice, find_libreoffice

DOCUMENT_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}

__all__ = [
    "DOCUMENT_SUFFIXES",
    "OLD_WORD_SUFFIXES",
    "OldWordFormatError",
    "preload_pdf_reader",
    "SourceDocument",
    "convert_with_libreoffice",
    "find_libreoffice",
    "read_document",
    "reads_natively",
    "sniff_kind",
]


def sniff_kind(path: Path) -> str | None:
    """What the file's first bytes say it is, whatever its name: docx, pdf, html, ole, rtf."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return None
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<table" in lowered:
        return "html"
    return None


def reads_natively(path: str | Path) -> bool:
    """Whether reading `path` runs native code on the file's bytes (PDFium: a PDF, or a .doc that
    is one), where a hostile file could end the process rather than raise."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in OLD_WORD_SUFFIXES:
        try:
            return p.is_file() and sniff_kind(p) == "pdf"
        except OSError:
            return False
    return DOCUMENT_SUFFIXES.get(suffix) == "pdf"


def preload_pdf_reader() -> None:
    """Import the PDF reader and its libraries now, before forking processes that read PDFs
    (each would otherwise import them again: about 0.1 s of CPU a process)."""
    try:
        import pdfplumber  # noqa: F401
        import pypdfium2  # noqa: F401

        from . import pdf_plumber_pages, pdf_reader  # noqa: F401
    except ImportError:  # an installation without them says so when a PDF is read
        pass


def read_document(path: str | Path, progress=None) -> SourceDocument:
    """Read an original document by its suffix (or, for .doc/.wps, by what it really is).

    `progress(done, total, text)` hears of slow reading (OCR of a scan, page by page)."""
    p = Path(path)
    suffix = p.suffix.lower()
    kind = DOCUMENT_SUFFIXES.get(suffix)
    if suffix in OLD_WORD_SUFFIXES:
        # Web pages and .docx files are often saved or renamed as .doc; read what is there.
        kind = sniff_kind(p) if p.is_file() else None
        if kind not in ("docx", "html", "pdf"):
            from .legacy import old_format_error

            raise old_format_error(p)
    if kind == "docx":
        from .docx_reader import read_docx

        return read_docx(p)
    if kind == "html":
        from .html_reader import read_html

        return read_html(p)
    if kind == "pdf":
        from .pdf_reader import read_pdf

        return read_pdf(p, progress)
    raise InputError(f"不支持的文件类型：{suffix or p.name}", f"unsupported file type: {suffix}")
