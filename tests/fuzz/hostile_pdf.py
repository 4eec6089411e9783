"""PDFs that expand: content streams that inflate to gigabytes, pages of a million objects,
and an honest 300-page report (issue 15). Written by hand (pdf_maker's layout) so that each
size is exact."""
from __future__ import annotations

import zlib
from pathlib import Path

from pdf_maker import Page, build_pdf, pdf_file

_OPERATORS = b"0 0 m 100 100 l S\n"  # the shortest drawing: one path object per 18 bytes


def _one_page_pdf(data: bytes, flate_encoded: bool) -> bytes:
    """A one-page PDF whose content stream holds `data` as it is."""
    flate = b" /Filter /FlateDecode" if flate_encoded else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length " + str(len(data)).encode() + flate + b" >>\nstream\n" + data + b"\nendstream",
    ]
    return pdf_file(objects, 1, b"%PDF-1.4\n")


def pdf_flate_bomb(folder: Path, decoded_mb: int = 1024) -> Path:
    """One page whose content stream is a few MB of Flate that decodes to `decoded_mb` MB."""
    chunk = _OPERATORS * (1 << 16)  # 1.1 MB
    inflater = zlib.compressobj(9)
    parts = [inflater.compress(chunk) for _ in range(int(decoded_mb * (1 << 20) / len(chunk)))]
    data = b"".join(parts) + inflater.flush()
    path = folder / f"flate-bomb-{decoded_mb}MB.pdf"
    path.write_bytes(_one_page_pdf(data, flate_encoded=True))
    return path


def pdf_many_objects(folder: Path, objects: int = 300_000) -> Path:
    """One page of `objects` path objects in an uncompressed stream (no expansion to refuse)."""
    path = folder / f"objects-{objects}.pdf"
    path.write_bytes(_one_page_pdf(_OPERATORS * objects, flate_encoded=False))
    return path


def pdf_long_report(folder: Path, pages: int = 300) -> Path:
    """An honest long PDF: `pages` pages of report text and a small ruled table on each."""
    out = []
    for k in range(pages):
        page = Page()
        for i in range(30):
            page.text(50, 60 + i * 22, f"第{k + 1}页第{i + 1}行：本机关全年主动公开政府信息{k * i}条，其中规范性文件若干件。", 10.5)
        page.grid([50, 200, 300, 400, 500], [730, 750, 770, 790])
        out.append(page)
    path = folder / f"long-{pages}-pages.pdf"
    path.write_bytes(build_pdf(out))
    return path


def pdf_contents_through_an_array(folder: Path, data: bytes, stream_dictionary: bytes) -> Path:
    """One page whose /Contents names an array object that names the content stream (a
    stream that says it is an image is still the page's content for PDFium)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"[5 0 R]",
        b"<< /Length " + str(len(data)).encode() + b" " + stream_dictionary + b" >>\nstream\n" + data + b"\nendstream",
    ]
    path = folder / "contents-array.pdf"
    path.write_bytes(pdf_file(objects, 1, b"%PDF-1.4\n"))
    return path
