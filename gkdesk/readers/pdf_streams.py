"""How far a PDF's compressed streams expand, measured before any of them is parsed.

A few megabytes of FlateDecode can decode to gigabytes of page content, and PDFium (like
pdfminer) decodes a page's content whole before parsing it. So the file's streams are
inflated once, in bounded steps and without keeping the output, and the file is refused when
one stream or all of them together decode beyond the limits (gkdesk.limits). Images are not
counted: the reader never decodes them. Real reports are far below: a page's content is tens
of kilobytes, a whole report's streams (fonts included) a few megabytes.
"""
from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from ..limits import MAX_PDF_DOCUMENT_STREAM_BYTES, MAX_PDF_STREAM_BYTES, expansion_refused

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_STEP = 1 << 16  # compressed bytes fed at a time
_OUT_STEP = 1 << 20  # decoded bytes taken at a time (then discarded)
DICT_LOOKBACK = 8192  # a stream's dictionary is within this many bytes before its data
DEFLATE_MAX_RATIO = 1032  # the most a deflate stream can expand (zlib's technical limit)


def check_stream_expansion(path: Path) -> None:
    """Refuse (InputError) a PDF whose Flate streams decode beyond the limits."""
    with open(path, "rb") as f:
        try:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file: nothing expands
            return
        with data:
            if len(data) * DEFLATE_MAX_RATIO <= MAX_PDF_STREAM_BYTES:
                return  # even all of the file inflated at deflate's utmost stays within the limits
            _check(data)


def _check(data) -> None:
    total = 0
    for match in _STREAM.finditer(data):
        start = match.start()
        obj = data.rfind(b"obj", max(0, start - DICT_LOOKBACK), start)
        dictionary = data[obj + 3 if obj >= 0 else max(0, start - DICT_LOOKBACK) : start]
        if b"/FlateDecode" not in dictionary or b"/Image" in dictionary:
            continue
        end = data.find(b"endstream", match.end())
        # Deflate expands at most about 1032 times: a stream too short to pass a limit so
        # expanded is counted at that bound and not inflated (most streams of a report).
        bound = ((end if end >= 0 else len(data)) - match.end()) * DEFLATE_MAX_RATIO
        if bound <= MAX_PDF_STREAM_BYTES and total + bound <= MAX_PDF_DOCUMENT_STREAM_BYTES:
            total += bound
            continue
        size = _inflated_size(data, match.end(), MAX_PDF_STREAM_BYTES)
        if size > MAX_PDF_STREAM_BYTES:
            raise expansion_refused("PDF 中一个压缩数据流解压后的字节数", size, MAX_PDF_STREAM_BYTES,
                                    "PDF stream decoded bytes")
        total += size
        if total > MAX_PDF_DOCUMENT_STREAM_BYTES:
            raise expansion_refused("PDF 全部压缩数据流解压后的字节数", total, MAX_PDF_DOCUMENT_STREAM_BYTES,
                                    "PDF decoded bytes")


def _inflated_size(data, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` decodes to, counted up to just past `limit`."""
    inflater = zlib.decompressobj()
    total, pos = 0, start
    pending = b""
    while not inflater.eof:
        if not pending:
            if pos >= len(data):
                break
            pending = data[pos : pos + _STEP]
            pos += _STEP
        try:
            out = inflater.decompress(pending, _OUT_STEP)
        except zlib.error:
            break  # not a zlib stream after all (or damaged): PDFium will judge it
        pending = inflater.unconsumed_tail
        total += len(out)
        if total > limit:
            break
    return total
