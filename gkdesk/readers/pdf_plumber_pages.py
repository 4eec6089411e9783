"""A PDF's pages read with pdfplumber (pdfminer), for the documents PDFium cannot read whole.

PDFium leaves out the characters of text objects it cannot measure: a font that is not
embedded and has no substitute glyphs on the machine (no CJK fonts installed). pdfminer needs
no glyphs, only the font's widths, so such a document is read with it: about eight times
slower, the same page objects (pdf_page_objects.PageObjects), page after page, each page
released once read.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..limits import MAX_PDF_PAGES
from .pdf_page_objects import PageObjects


def check_page_count(count: int) -> None:
    if count > MAX_PDF_PAGES:
        raise InputError(f"PDF 共 {count} 页，超过 {MAX_PDF_PAGES} 页的上限，不像一份年度报告，未读取。", "too many pages")


def plumber_page_objects(path: Path) -> Iterator[PageObjects | None]:
    """Each page's objects in order; None for a page that cannot be read."""
    import pdfplumber

    # pdfminer logs every oddity of a damaged file; the reviewer gets one clear message instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(path) as pdf:
        check_page_count(len(pdf.pages))
        for page in pdf.pages:
            try:
                yield _objects(page)
            except Exception:  # a damaged page: the others may still hold the report
                yield None
            finally:
                page.close()


def _objects(page) -> PageObjects:
    chars = [c for c in page.chars if c["text"].strip()]
    return PageObjects(
        float(page.width),
        float(page.height),
        chars=chars,
        edges=[e for e in page.edges if e["orientation"] in ("h", "v")],
        has_images=bool(page.images),
        # pdfminer writes "(cid:123)" for a glyph whose font has no Unicode mapping.
        undecodable=sum(1 for c in chars if c["text"].startswith("(cid:")),
    )
