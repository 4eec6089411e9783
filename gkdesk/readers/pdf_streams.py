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


_ARRAY_OBJECT = re.compile(rb"(?<![0-9])(\d+)\s+\d+\s+obj\s*\[([^\]]*)\]")
_FIRST = re.compile(rb"/First\s+(\d+)")


def _content_objects(data, streams) -> set[int]:
    """Object numbers that pages name as their content, directly or through an array object:
    in the file, and in its object streams (where PDF 1.5 keeps page dictionaries
    compressed). A stream is judged an image only when no page names it so: PDFium parses
    /Contents whatever its dictionary claims to be."""
    named: set[int] = set()
    arrays: dict[int, bytes] = {}  # object number -> an array object's text

    def collect(text) -> None:
        for m in _CONTENTS.finditer(text):
            named.update(int(r.group(1)) for r in _REF.finditer(m.group(1)))

    collect(data)
    for m in _ARRAY_OBJECT.finditer(data):
        arrays[int(m.group(1))] = m.group(2)
    for _, dictionary, start, end in streams:
        if _OBJECT_STREAM.search(dictionary) and _FLATE.search(dictionary):
            text = _inflated_size(data, start, MAX_PDF_STREAM_BYTES, keep=True)[1]
            collect(text)
            arrays.update(_arrays_in_object_stream(dictionary, text))
    found = set(named)
    for number in named:
        if number in arrays:
            found.update(int(r.group(1)) for r in _REF.finditer(arrays[number]))
    return found


def _arrays_in_object_stream(dictionary, text: bytes) -> dict[int, bytes]:
    """The array objects an object stream holds (its header: object number, offset pairs)."""
    first = _FIRST.search(dictionary)
    if not first:
        return {}
    start = int(first.group(1))
    header = text[:start].split()
    out = {}
    for k in range(0, len(header) - 1, 2):
        if not (header[k].isdigit() and header[k + 1].isdigit()):
            break
        at = start + int(header[k + 1])
        body = text[at : at + 4096].lstrip()
        if body.startswith(b"["):
            close = body.find(b"]")
            out[int(header[k])] = body[1 : close if close >= 0 else len(body)]
    return out


_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_EARLY_CHANGE_0 = re.compile(rb"/EarlyChange\s+0\b")
# What each decoding may expand to, at most, per input byte; and the names PDF gives it.
_FILTERS = {b"FlateDecode": "flate", b"Fl": "flate", b"LZWDecode": "lzw", b"LZW": "lzw",
            b"RunLengthDecode": "rl", b"RL": "rl", b"ASCII85Decode": "a85", b"A85": "a85",
            b"ASCIIHexDecode": "hex", b"AHx": "hex"}
_RATIO = {"flate": DEFLATE_MAX_RATIO, "lzw": 2731, "rl": 64, "a85": 1, "hex": 1}
# (LZW: a 12-bit code stands for at most 4096 bytes; run-length: 2 bytes for 128.)


def _filters(dictionary) -> list[str]:
    """The stream's decodings, in order, as far as they are ones that can expand or carry
    others (image codecs end the list: the reader never decodes an image)."""
    m = _FILTER.search(dictionary)
    if not m:
        return []
    out = []
    for name in _NAME.findall(m.group(1)):
        kind = _FILTERS.get(name)
        if kind is None:
            break
        out.append(kind)
    return out


def _check(data) -> None:
    streams = list(_streams(data))
    contents = _content_objects(data, streams)
    total = 0
    for number, dictionary, start, end in streams:
        filters = _filters(dictionary)
        if not any(f in ("flate", "lzw", "rl") for f in filters):
            continue
        if _IMAGE.search(dictionary) and number not in contents:
            continue  # an image: the reader never decodes one
        # A stream too short to pass a limit even at every decoding's utmost expansion is
        # counted at that bound and not decoded (most streams of a report).
        bound = end - start
        for f in filters:
            bound *= _RATIO[f]
        if bound <= MAX_PDF_STREAM_BYTES and total + bound <= MAX_PDF_DOCUMENT_STREAM_BYTES:
            total += bound
            continue
        size = _decoded_size(data, start, end, filters, MAX_PDF_STREAM_BYTES, early=0 if _EARLY_CHANGE_0.search(dictionary) else 1)
        if size > MAX_PDF_STREAM_BYTES:
            raise expansion_refused("PDF 中一个压缩数据流解压后的字节数", size, MAX_PDF_STREAM_BYTES,
                                    "PDF stream decoded bytes")
        total += size
        if total > MAX_PDF_DOCUMENT_STREAM_BYTES:
            raise expansion_refused("PDF 全部压缩数据流解压后的字节数", total, MAX_PDF_DOCUMENT_STREAM_BYTES,
                                    "PDF decoded bytes")


def _decoded_size(data, start: int, end: int, filters: list[str], limit: int, early: int = 1) -> int:
    """The largest any stage of the stream's decodings gets to, counted up to just past
    `limit`. Stages before the last are held (each bounded by the limit); the last is only
    counted. A stage that cannot decode what it is given ends the count there (PDFium will
    judge the stream)."""
    largest = 0
    source, lo, hi = data, start, end
    for k, kind in enumerate(filters):
        keep = k < len(filters) - 1
        size, out = _STAGES[kind](source, lo, hi, limit, keep, early)
        largest = max(largest, size)
        if size > limit or not keep or not out:
            break
        source, lo, hi = out, 0, len(out)
    return largest


def _flate_stage(data, lo, hi, limit, keep, early):
    return _inflated_size(data, lo, limit, keep=keep)


def _a85_stage(data, lo, hi, limit, keep, early):
    import base64

    text = bytes(data[lo:hi])
    stop = text.find(b"~>")
    text = text[: stop if stop >= 0 else len(text)]
    text = re.sub(rb"\s+", b"", text)
    if text.startswith(b"<~"):
        text = text[2:]
    try:
        out = base64.a85decode(text)
    except ValueError:
        return 0, b""
    return len(out), out


def _hex_stage(data, lo, hi, limit, keep, early):
    text = bytes(data[lo:hi])
    stop = text.find(b">")
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", text[: stop if stop >= 0 else len(text)])
    if len(digits) % 2:
        digits += b"0"
    out = bytes.fromhex(digits.decode("ascii"))
    return len(out), out


def _rl_stage(data, lo, hi, limit, keep, early):
    """Run-length: a length byte L, then L + 1 literal bytes (L < 128) or one byte 257 - L times."""
    total, pos, out = 0, lo, []
    while pos < hi and total <= limit:
        n = data[pos]
        if n == 128:
            break
        if n < 128:
            if keep:
                out.append(bytes(data[pos + 1 : pos + 2 + n]))
            total += n + 1
            pos += n + 2
        else:
            if keep and pos + 1 < hi:
                out.append(bytes(data[pos + 1 : pos + 2]) * (257 - n))
            total += 257 - n
            pos += 2
    return total, b"".join(out)


def _lzw_stage(data, lo, hi, limit, keep, early):
    """LZW as PDF has it (9 to 12 bit codes, 256 clears, 257 ends; EarlyChange `early`): the
    bytes it decodes to, counted from the lengths of the table's entries (the entries
    themselves only when kept)."""
    def reset():
        return ([1] * 256 + [0, 0]), ([bytes((c,)) for c in range(256)] + [b"", b""] if keep else None)

    lengths, entries = reset()
    width, prev, total, acc, bits, pos = 9, None, 0, 0, 0, lo
    out = []
    while total <= limit:
        while bits < width and pos < hi:
            acc = (acc << 8) | data[pos]
            pos += 1
            bits += 8
        if bits < width:
            break
        bits -= width
        code = (acc >> bits) & ((1 << width) - 1)
        acc &= (1 << bits) - 1
        if code == 256:
            lengths, entries = reset()
            width, prev = 9, None
            continue
        if code == 257:
            break
        if prev is None:
            if code >= len(lengths):
                break
            n, prev = lengths[code], code
            total += n
            if keep:
                out.append(entries[code])
            continue
        if code < len(lengths):
            n = lengths[code]
            new = lengths[prev] + 1
            if keep:
                piece = entries[code]
                entry = entries[prev] + piece[:1]
        elif code == len(lengths):
            n = new = lengths[prev] + 1
            if keep:
                entry = piece = entries[prev] + entries[prev][:1]
        else:
            break  # not LZW after all
        total += n
        if len(lengths) < 4096:
            lengths.append(new)
            if keep:
                entries.append(entry)
        if len(lengths) + early >= (1 << width) and width < 12:
            width += 1
        if keep:
            out.append(piece)
        prev = code
    return total, b"".join(out)


_STAGES = {"flate": _flate_stage, "lzw": _lzw_stage, "rl": _rl_stage, "a85": _a85_stage, "hex": _hex_stage}


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
