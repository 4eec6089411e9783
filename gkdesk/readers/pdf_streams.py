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
            _check(data)


_OBJ_NUMBER = re.compile(rb"(\d+)\s+\d+\s+$")
_CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")


def _streams(data):
    """(object number or None, dictionary bytes, data start, data end) of every stream."""
    for match in _STREAM.finditer(data):
        start = match.start()
        obj = data.rfind(b"obj", max(0, start - DICT_LOOKBACK), start)
        dictionary = data[obj + 3 if obj >= 0 else max(0, start - DICT_LOOKBACK) : start]
        number = None
        if obj >= 0:
            m = _OBJ_NUMBER.search(data[max(0, obj - 24) : obj])
            number = int(m.group(1)) if m else None
        end = data.find(b"endstream", match.end())
        yield number, dictionary, match.end(), end if end >= 0 else len(data)


def _content_objects(data, streams) -> set[int]:
    """Object numbers that pages name as their content: in the file, and in its object streams
    (where PDF 1.5 keeps page dictionaries compressed). A stream is judged an image only when
    no page names it so: PDFium parses /Contents whatever its dictionary claims to be."""
    found: set[int] = set()

    def collect(text) -> None:
        for m in _CONTENTS.finditer(text):
            found.update(int(r.group(1)) for r in _REF.finditer(m.group(1)))

    collect(data)
    for _, dictionary, start, end in streams:
        if _OBJECT_STREAM.search(dictionary) and _FLATE.search(dictionary):
            collect(_inflated_size(data, start, MAX_PDF_STREAM_BYTES, keep=True)[1])
    return found


def _check(data) -> None:
    streams = list(_streams(data))
    contents = _content_objects(data, streams)
    total = 0
    for number, dictionary, start, end in streams:
        layers = len(_FLATE.findall(dictionary))
        if not layers:
            continue
        if _IMAGE.search(dictionary) and number not in contents:
            continue  # an image: the reader never decodes one
        # Deflate expands at most about 1032 times: a stream too short to pass a limit so
        # expanded (even through every Flate layer) is counted at that bound and not inflated.
        bound = (end - start) * DEFLATE_MAX_RATIO ** layers
        if bound <= MAX_PDF_STREAM_BYTES and total + bound <= MAX_PDF_DOCUMENT_STREAM_BYTES:
            total += bound
            continue
        size = _inflated_through(data, start, layers, MAX_PDF_STREAM_BYTES)
        if size > MAX_PDF_STREAM_BYTES:
            raise expansion_refused("PDF 中一个压缩数据流解压后的字节数", size, MAX_PDF_STREAM_BYTES,
                                    "PDF stream decoded bytes")
        total += size
        if total > MAX_PDF_DOCUMENT_STREAM_BYTES:
            raise expansion_refused("PDF 全部压缩数据流解压后的字节数", total, MAX_PDF_DOCUMENT_STREAM_BYTES,
                                    "PDF decoded bytes")


def _inflated_through(data, start: int, layers: int, limit: int) -> int:
    """Bytes the stream at `start` decodes to through `layers` Flate filters (a filter array
    may name Flate twice: each layer expands again), counted up to just past `limit`. Inner
    layers are held whole, each bounded by the limit."""
    size, decoded = _inflated_size(data, start, limit, keep=layers > 1)
    largest = size
    for layer in range(1, layers):
        if size > limit or not decoded:
            break
        size, decoded = _inflated_size(decoded, 0, limit, keep=layer < layers - 1)
        largest = max(largest, size)  # a layer that is not Flate after all decodes to nothing
    return largest


def _inflated_size(data, start: int, limit: int, keep: bool = False) -> tuple[int, bytes]:
    """Bytes the zlib stream at `start` decodes to, counted up to just past `limit`; with
    `keep`, the decoded bytes too."""
    inflater = zlib.decompressobj()
    total, pos = 0, start
    pending = b""
    kept = []
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
        if keep:
            kept.append(out)
        if total > limit:
            break
    return total, b"".join(kept)
