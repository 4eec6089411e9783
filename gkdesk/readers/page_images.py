"""PDF pages as images (PDFium through pypdfium2, which pdfplumber already brings).

One page is rendered at a time and closed, so a long scan holds one page image in memory.
Pixels are RGB (the red channel is what removes a red seal, see readers/ocr.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError

_CORRUPT = "文件已损坏或不是有效的 PDF，无法读取。"


@dataclass
class PageImage:
    number: int  # 1-based
    width: float  # the page in PDF points
    height: float
    pixels: object  # numpy uint8 array, height x width x 3, RGB
    scale: float  # pixels per point


def page_count(path: str | Path) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception as exc:
        raise InputError(_CORRUPT, f"cannot open PDF: {exc!r}") from None
    try:
        return len(doc)
    finally:
        doc.close()


def page_images(path: str | Path, dpi: float, pages: list[int] | None = None) -> Iterator[PageImage]:
    """The pages (1-based numbers; all when None) rendered at `dpi`, in order."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception as exc:
        raise InputError(_CORRUPT, f"cannot open PDF: {exc!r}") from None
    try:
        numbers = pages if pages is not None else range(1, len(doc) + 1)
        for number in numbers:
            page = doc[number - 1]
            try:
                width, height = page.get_size()
                scale = dpi / 72.0
                bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, not PDFium's BGR
                pixels = bitmap.to_numpy()[:, :, :3].copy()
                bitmap.close()
            finally:
                page.close()
            yield PageImage(number, float(width), float(height), pixels, scale)
    finally:
        doc.close()


@dataclass
class PageBitmap:
    """One page as PDFium rendered it: raw rows of `stride` bytes, `mode` "RGB"/"RGBA"/"RGBX"/
    "BGR" (what the window turns into an image; bytes, so that it comes back from a child
    process through a pipe)."""

    mode: str
    width: int
    height: int
    stride: int
    data: bytes


def render_page_bitmap(path: str | Path, number: int, dpi: float) -> PageBitmap:
    """Page `number` (1-based) of the PDF at `path` rendered at `dpi`."""
    import pypdfium2 as pdfium

    from .pdfium_guard import PDFIUM_LOCK

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(str(path))
        try:
            page = doc[number - 1]
            try:
                bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
                try:
                    return PageBitmap(bitmap.mode, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            doc.close()
