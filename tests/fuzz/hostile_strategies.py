"""Hypothesis strategies over the hostile classes of issue 15 (tests/fuzz/hostile.py makes one
file of each at a fixed size; these vary what the attacker controls): the numbers and text of
span attributes, how many cells, parts, rows and bytes, how streams are filtered, the bytes of a
file name, and which charset a page declares and which it is written in.

A drawn value is a `Hostile`: its class, a short description for the failure message, and a
function writing the file into a folder. Sizes stay small enough to generate in milliseconds;
what expands is the structure, not the file."""
from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from hypothesis import strategies as st

from . import hostile

MB = 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    kind: str  # docx / html / xlsx / pdf / name / charset
    what: str
    write: Callable[[Path], Path]

    def __repr__(self) -> str:  # what hypothesis prints for a falsifying example
        return f"Hostile({self.kind}: {self.what})"


# ---------------------------------------------------------------- attribute values
# What a span attribute may hold: ordinary and absurd integers, signs, spaces, other scripts'
# digits (int() reads them), thousands of digits (int() refuses over 4300), junk.
_digit_chars = st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩０１２３４５６７８９")
span_value = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.integers(min_value=0, max_value=200).map(str),
    st.sampled_from(["", " ", "0", "-1", "+5", " 12 ", "1e9", "0x10", "١٠٠٠٠٠٠٠", "１０００００", "12abc", "nan", "∞"]),
    st.integers(min_value=4000, max_value=6000).map(lambda n: "9" * n),
    st.text(_digit_chars, min_size=1, max_size=30),
)


def _docx(body: str, parts=None, rels: str = "") -> bytes:
    return hostile.docx_bytes(hostile._paragraphs(hostile.report_text()) + body, parts, rels)


def _save(name: str, data: bytes) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


def _attr(value: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(value)


# ---------------------------------------------------------------- .docx
@st.composite
def docx_spans(draw) -> Hostile:
    """Rows whose cells span, start late, end early or merge down by attacker-chosen amounts."""
    attribute = draw(st.sampled_from(["gridSpan", "gridBefore", "gridAfter", "vMerge", "gridCol"]))
    value = draw(span_value)
    rows = draw(st.integers(min_value=1, max_value=400))
    cells = draw(st.integers(min_value=1, max_value=20))
    cell = "<w:tc>{pr}<w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc>"
    grid = ""
    if attribute == "gridSpan":
        row = "<w:tr>" + cell.format(pr=f"<w:tcPr><w:gridSpan w:val={_attr(value)}/></w:tcPr>") * cells + "</w:tr>"
    elif attribute == "vMerge":
        row = "<w:tr>" + cell.format(pr='<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>') + cell.format(pr="") * cells + "</w:tr>"
        row += ("<w:tr>" + cell.format(pr="<w:tcPr><w:vMerge/></w:tcPr>") + "</w:tr>") * min(rows, 2000)
    elif attribute == "gridCol":
        width = draw(st.integers(min_value=1, max_value=5000))
        grid = "<w:tblGrid>" + f"<w:gridCol w:w={_attr(value)}/>" * width + "</w:tblGrid>"
        row = "<w:tr>" + cell.format(pr="") * cells + "</w:tr>"
    else:
        row = (f"<w:tr><w:trPr><w:{attribute} w:val={_attr(value)}/></w:trPr>" + cell.format(pr="") * cells + "</w:tr>")
    body = "<w:tbl>" + grid + row * rows + "</w:tbl>"
    return Hostile("docx", f"{attribute}={value[:20]!r}{'…' if len(value) > 20 else ''} x {cells} cells x {rows} rows",
                   _save("跨列.docx", _docx(body)))


@st.composite
def docx_cells(draw) -> Hostile:
    """Tables of many small cells (nested tables too: a cell holding a table holding ...)."""
    rows = draw(st.integers(min_value=1, max_value=400))
    cols = draw(st.integers(min_value=1, max_value=200))
    tables = draw(st.integers(min_value=1, max_value=12))
    nesting = draw(st.sampled_from([0, 0, 0, 3, 50, 400, 3000]))
    if rows * cols * tables > 400_000:  # keep the file itself small: the structure is the attack
        rows = max(1, 400_000 // (cols * tables))
    table = "<w:tbl>" + ("<w:tr>" + "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>" * cols + "</w:tr>") * rows + "</w:tbl>"
    nested = "<w:tbl><w:tr><w:tc>" * nesting + "<w:p><w:r><w:t>5</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * nesting
    return Hostile("docx", f"{tables} tables of {rows}x{cols}, nesting {nesting}",
                   _save("单元格.docx", _docx(table * tables + nested)))


@st.composite
def docx_embedded(draw) -> Hostile:
    """altChunks: many references, one part named often, large parts, targets outside the
    package or the main document itself, chunks of other types."""
    references = draw(st.integers(min_value=0, max_value=40))
    distinct = draw(st.booleans())
    chunk_kb = draw(st.sampled_from([1, 50, 400, 1500, 3000]))
    target = draw(st.sampled_from(["chunk{n}.html", "../../../etc/passwd", "/word/document.xml", "document.xml",
                                   "chunk{n}.mht", "chunk{n}.docx", "", "chunk{n}.html#x"]))
    unit = "<p>本机关主动公开政府信息" + "0123456789" * 3 + "条。</p>\n"
    html = ("<html><body>" + unit * max(1, chunk_kb * 1024 // len(unit.encode())) + "</body></html>").encode()
    parts, rels, body = {}, "", ""
    for i in range(references):
        n = i if distinct else 0
        name = target.format(n=n)
        if "{n}" in target:
            parts[f"word/{name.split('#')[0]}"] = html if name.endswith(("html", "mht", "#x")) else _docx("")
        rels += f'<Relationship Id="rIdC{i}" Type="{hostile._R}/aFChunk" Target={_attr(name)}/>'
        body += f'<w:altChunk r:id="rIdC{i}"/>'
    return Hostile("docx", f"{references} altChunks -> {target!r} of {chunk_kb} KB, distinct={distinct}",
                   _save("嵌入.docx", _docx(body, parts, rels)))


# ---------------------------------------------------------------- .html
@st.composite
def html_tables(draw) -> Hostile:
    """colspan / rowspan by attacker-chosen text, many rows, deeply nested tables or elements."""
    colspan, rowspan = draw(span_value), draw(span_value)
    rows = draw(st.integers(min_value=1, max_value=3000))
    nesting = draw(st.sampled_from([0, 0, 10, 500, 5000, 50000]))
    nest_tag = draw(st.sampled_from(["table", "div", "td", "b"]))
    row = f"<tr><td colspan={_attr(colspan)} rowspan={_attr(rowspan)}>1</td><td>2</td></tr>"
    if nest_tag == "table":
        nested = "<table><tr><td>" * nesting + "5" + "</td></tr></table>" * nesting
    else:
        nested = f"<{nest_tag}>" * nesting + "5" + f"</{nest_tag}>" * nesting
    page = "<html><body><p>" + hostile.report_text()[:300] + "</p><table>" + row * rows + "</table>" + nested + "</body></html>"
    return Hostile("html", f"colspan={colspan[:20]!r} rowspan={rowspan[:20]!r} x {rows} rows, {nesting} nested <{nest_tag}>",
                   _save("跨行.html", page.encode("utf-8")))


# ---------------------------------------------------------------- .xlsx
@st.composite
def xlsx_payloads(draw) -> Hostile:
    """gkdesk's hidden sheet with a header claiming any count of rows and any digest, payload
    rows of any length; or a zip bomb named .xlsx."""
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        megabytes = draw(st.sampled_from([5, 150]))
        return Hostile("xlsx", f"zip bomb {megabytes} MB", lambda folder: _xlsx_bomb(folder, megabytes))
    claimed = draw(st.one_of(st.integers(min_value=-5, max_value=10**12).map(str), span_value))
    present = draw(st.integers(min_value=0, max_value=3000))
    width = draw(st.sampled_from([1, 100, 15000, 40000]))
    version = draw(st.sampled_from(["1", "2", "999", "-1", "x"]))
    kind = draw(st.sampled_from(["report", "summary", "junk"]))
    return Hostile("xlsx", f"claims {claimed[:20]!r} rows, {present} present of {width} chars, version {version}, kind {kind}",
                   lambda folder: _xlsx_claiming(folder, claimed, present, width, version, kind))


def _xlsx_claiming(folder: Path, claimed: str, present: int, width: int, version: str, kind: str) -> Path:
    from openpyxl import Workbook

    from gkdesk.export.marker import KIND_REPORT, MARKER, MARKER_SHEET

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(MARKER_SHEET)
    sheet.append([MARKER, version, KIND_REPORT if kind == "report" else kind, "0", claimed, "sha256:" + "0" * 64])
    line = "{" + "x" * (width - 1)
    for _ in range(present):
        sheet.append([line])
    path = folder / "声称.xlsx"
    workbook.save(path)
    return path


@lru_cache(maxsize=4)
def _bomb_bytes(megabytes: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b"\0" * (megabytes * MB))
    return buffer.getvalue()


def _xlsx_bomb(folder: Path, megabytes: int) -> Path:
    path = folder / "炸弹.xlsx"
    path.write_bytes(_bomb_bytes(megabytes))
    return path


# ---------------------------------------------------------------- .pdf
_DRAW = b"0 0 m 100 100 l S\n"


@lru_cache(maxsize=8)
def _flate(megabytes: int, layers: int) -> bytes:
    """`megabytes` of drawing operators, Flate-encoded `layers` times."""
    chunk = _DRAW * (1 << 16)
    inflater = zlib.compressobj(9)
    data = b"".join(inflater.compress(chunk) for _ in range(max(1, int(megabytes * MB / len(chunk))))) + inflater.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    return data


@st.composite
def pdf_streams(draw) -> Hostile:
    """Content streams that expand: Flate once or several times over (a filter array), with
    their dictionary saying what it likes (/Image, /Length wrong), or many plain objects."""
    from .hostile_pdf import _one_page_pdf

    megabytes = draw(st.sampled_from([1, 8, 64, 400]))
    coding = draw(st.sampled_from(["flate", "flate", "lzw", "ascii85+flate", "hex+flate", "runlength"]))
    if coding != "flate":
        return Hostile("pdf", f"{megabytes} MB of blanks, {coding}", _save("编码流.pdf", _fix_xref(_coded_pdf(megabytes, coding))))
    layers = draw(st.sampled_from([1, 1, 2, 3]))
    extra = draw(st.sampled_from(["", " /Subtype /Image", " /Type /XObject /Subtype /Image /Width 1 /Height 1", " /DecodeParms << /Predictor 12 /Columns 1 >>"]))
    data = _flate(megabytes, layers)
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        from .hostile_pdf import pdf_contents_through_an_array

        filters = "[" + " ".join(["/FlateDecode"] * layers) + "]" if layers > 1 else "/FlateDecode"
        dictionary = ("/Filter " + filters + extra).encode()

        def write(folder: Path) -> Path:
            return pdf_contents_through_an_array(folder, data, dictionary)

        return Hostile("pdf", f"{megabytes} MB of content, Flate x{layers}{extra}, named through a /Contents array", write)
    pdf = _one_page_pdf(data, flate_encoded=True)
    filters = "[" + " ".join(["/FlateDecode"] * layers) + "]" if layers > 1 else "/FlateDecode"
    pdf = pdf.replace(b" /Filter /FlateDecode", (" /Filter " + filters + extra).encode(), 1)
    return Hostile("pdf", f"{megabytes} MB of content, Flate x{layers}{extra}", _save("压缩流.pdf", _fix_xref(pdf)))


@lru_cache(maxsize=16)
def _coded_pdf(megabytes: int, coding: str) -> bytes:
    """One page whose content is `megabytes` of blanks under another expanding coding."""
    import base64

    from .hostile_pdf import _one_page_pdf

    size = megabytes * MB
    if coding == "lzw":
        data, filters = lzw_run(size), "/LZWDecode"
    elif coding == "runlength":
        data, filters = bytes([129, 0x20]) * (size // 128) + bytes([128]), "/RunLengthDecode"
    else:
        flate = _flate(megabytes, 1)
        if coding == "ascii85+flate":
            data, filters = base64.a85encode(flate, wrapcol=76) + b"~>", "[/ASCII85Decode /FlateDecode]"
        else:
            data, filters = flate.hex().encode() + b">", "[/ASCIIHexDecode /FlateDecode]"
    pdf = _one_page_pdf(data, flate_encoded=False)
    return pdf.replace(b" >>\nstream", b" /Filter " + filters.encode() + b" >>\nstream", 1)


def _fix_xref(pdf: bytes) -> bytes:
    """Object offsets rewritten after an edit (PDFium repairs a wrong table anyway, but slowly)."""
    import re

    head, _, _ = pdf.partition(b"xref\n")
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj\n", head)]
    xref = len(head)
    out = bytearray(head)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# ---------------------------------------------------------------- names and charsets
name_bytes = st.binary(min_size=1, max_size=60).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")).filter(
    lambda b: b not in (b".", b"..")
)


@st.composite
def odd_names(draw) -> Hostile:
    """A report whose file name is any bytes the OS allows (GBK, Big5, broken UTF-8, controls)."""
    stem = draw(st.one_of(
        name_bytes,
        st.sampled_from(["政府信息公开年度报告", "報告", "年报\u200b", "a\tb", "\u202e报告"]).flatmap(
            lambda s: st.sampled_from(["gbk", "big5", "utf-8", "gb18030"]).map(lambda e: s.encode(e, "replace"))),
    ))
    suffix = draw(st.sampled_from([".txt", ".html", ".docx"]))
    raw = stem[: 250 - len(suffix)] + suffix.encode()
    name = os.fsdecode(raw)
    text = hostile.report_text()
    data = {".txt": text.encode("utf-8"), ".html": f"<html><body><pre>{text}</pre></body></html>".encode("utf-8"),
            ".docx": _docx("")}[suffix]
    return Hostile("name", f"name bytes {raw!r}", _save(name, data))


DECLARED = ["iso-8859-1", "windows-1252", "latin1", "utf-8", "utf-16", "utf-16le", "gbk", "gb2312", "big5",
            "shift_jis", "koi8-r", "x-user-defined", "no-such-charset", "utf-7", "", "utf-32"]
WRITTEN = ["gb18030", "gbk", "utf-8", "big5"]


@st.composite
def charset_lies(draw) -> Hostile:
    """A page whose <meta> declares one charset (or nonsense) and is written in another."""
    declared, written = draw(st.sampled_from(DECLARED)), draw(st.sampled_from(WRITTEN))
    where = draw(st.sampled_from(["meta-http-equiv", "meta-charset", "xml-prolog"]))
    rows = "".join(f"<tr><td>{line}</td></tr>" for line in hostile.report_text().splitlines() if line.strip())
    head = {"meta-http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">',
            "meta-charset": f'<meta charset="{declared}">', "xml-prolog": ""}[where]
    prolog = f'<?xml version="1.0" encoding="{declared}"?>' if where == "xml-prolog" else ""
    page = f"{prolog}<html><head>{head}</head><body><table>{rows}</table></body></html>"
    data = page.encode(written, "replace")
    return Hostile("charset", f"declared {declared!r} in {where}, written {written}", _save("声明.html", data))


IN_PROCESS = st.one_of(docx_spans(), docx_cells(), docx_embedded(), html_tables(), xlsx_payloads(), odd_names(), charset_lies())
ANY = st.one_of(IN_PROCESS, pdf_streams())


def lzw_run(length: int, byte: int = 0x20) -> bytes:
    """LZW codes (PDF's LZWDecode, EarlyChange 1) for `length` copies of one byte, at LZW's
    utmost expansion (about 1300:1): each code one byte longer than the last, a clear code
    when the table is full."""
    codes, left = [256], length
    while left > 0:
        codes.append(byte)
        left -= 1
        n = 2
        for code in range(258, 4094):
            if left <= 0:
                break
            codes.append(code)
            left -= n
            n += 1
        codes.append(256)
    codes.append(257)
    out, acc, bits, width, next_code = bytearray(), 0, 0, 9, 258
    for code in codes:
        acc = (acc << width) | code
        bits += width
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
        acc &= (1 << bits) - 1
        if code == 256:
            width, next_code = 9, 258
        elif code >= 258:  # the decoder adds an entry with each code but the first after a clear
            next_code += 1
            if next_code + 1 >= (1 << width) and width < 12:
                width += 1
    if bits:
        out.append((acc << (8 - bits)) & 0xFF)
    return bytes(out)

