"""Generators of the hostile and unlucky inputs of issue 15: small files whose structure
expands (spans, embedded parts, claimed rows, repeated claims), names the OS allows but UTF-8
does not, pages that lie about their charset, and folders that are not what they seem.

Each generator writes into a folder and returns the path; parameters make the same class
in other sizes, so a test can vary what it generates instead of keeping one file."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from .seeds import synthetic_texts

MB = 1024 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="html" ContentType="text/html"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def report_text() -> str:
    return synthetic_texts()[0]


def _paragraphs(text: str) -> str:
    from xml.sax.saxutils import escape

    return "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines()[:20])


def docx_bytes(body: str, parts: dict[str, bytes] | None = None, rels: str = "") -> bytes:
    """A minimal .docx whose body is `body` (WordprocessingML), with extra parts and relationships."""
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("word/document.xml", document)
        if rels:
            zf.writestr(
                "word/_rels/document.xml.rels",
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + rels + "</Relationships>",
            )
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- structure that expands

def docx_wide_span(folder: Path, attribute: str = "gridSpan", count: int = 10**7, rows: int = 200) -> Path:
    """A table whose cells span `count` grid columns (gridSpan), or whose rows start or end
    `count` columns late (gridBefore / gridAfter)."""
    if attribute == "gridSpan":
        row = f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{count}"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'
    else:
        row = (f'<w:tr><w:trPr><w:{attribute} w:val="{count}"/></w:trPr>'
               "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>")
    body = _paragraphs(report_text()) + "<w:tbl>" + row * rows + "</w:tbl>"
    return _write(folder, f"跨列{attribute}.docx", docx_bytes(body))


def docx_many_cells(folder: Path, rows: int = 3000, cols: int = 60, tables: int = 1) -> Path:
    """Tables of rows x cols ordinary cells each, numbered so that the zip check lets it pass."""
    def cell(i: int) -> str:
        return f"<w:tc><w:p><w:r><w:t>{i * 7919 % 100003}</w:t></w:r></w:p></w:tc>"

    table = "<w:tbl>" + "".join("<w:tr>" + "".join(cell(r * cols + c) for c in range(cols)) + "</w:tr>" for r in range(rows)) + "</w:tbl>"
    return _write(folder, f"单元格{rows}x{cols}x{tables}.docx", docx_bytes(_paragraphs(report_text()) + table * tables))


def docx_alt_chunks(folder: Path, references: int = 15, chunk_bytes: int = 4 * MB, distinct: bool = False) -> Path:
    """A .docx embedding HTML chunks (w:altChunk): `references` of them, each `chunk_bytes`
    of HTML; all references name one part unless `distinct`."""
    unit = "<p>本机关主动公开政府信息" + "0123456789" * 3 + "条。</p>\n"
    html = ("<html><body>" + unit * max(1, chunk_bytes // len(unit.encode("utf-8"))) + "</body></html>").encode("utf-8")
    parts, rels, body = {}, "", _paragraphs(report_text())
    for i in range(references):
        part = i if distinct else 0
        parts[f"word/chunk{part}.html"] = html
        rels += f'<Relationship Id="rIdC{i}" Type="{_R}/aFChunk" Target="chunk{part}.html"/>'
        body += f'<w:altChunk r:id="rIdC{i}"/>'
    return _write(folder, f"嵌入{references}.docx", docx_bytes(body, parts, rels))


def html_spans(folder: Path, rows: int = 300, colspan: int = 1000, rowspan: int = 65534) -> Path:
    """A page whose table cells span `colspan` columns and `rowspan` rows (24 KB at the defaults)."""
    row = f'<tr><td colspan="{colspan}" rowspan="{rowspan}">1</td><td>2</td></tr>'
    html = "<html><body><p>" + report_text()[:200] + "</p><table>" + row * rows + "</table></body></html>"
    return _write(folder, f"跨行{colspan}x{rowspan}.html", html.encode("utf-8"))


def xlsx_claiming_rows(folder: Path, claimed: int = 60_000_000, present: int = 2000) -> Path:
    """A workbook with gkdesk's hidden sheet whose header claims `claimed` payload rows and
    holds `present` of them (the digest cannot match)."""
    from openpyxl import Workbook

    from gkdesk.export.marker import KIND_REPORT, MARKER, MARKER_SHEET, PAYLOAD_VERSION

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(MARKER_SHEET)
    sheet.append([MARKER, str(PAYLOAD_VERSION), KIND_REPORT, "0", str(claimed), "sha256:" + "0" * 64])
    for i in range(present):
        sheet.append(["x" * 100 + str(i)])
    path = folder / f"声称{claimed}行.xlsx"
    workbook.save(path)
    return path


def xlsx_bomb(folder: Path) -> Path:
    """A zip named .xlsx with one highly compressed 300 MB part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * MB))
    return _write(folder, "炸弹.xlsx", buffer.getvalue())


def repeated_claims(folder: Path, megabytes: float = 46) -> Path:
    """A report followed by its claim sentences repeated to `megabytes` (each a finding)."""
    sentence = "本年度共收到政府信息公开申请99999件，其中当面申请88888件。\n"
    head = report_text()
    body = sentence * int(megabytes * MB / len(sentence.encode("utf-8")))
    return _write(folder, f"重复{megabytes}MB.txt", (head + body).encode("utf-8"))


# ---------------------------------------------------------------- names, charsets, folders

def gbk_named(folder: Path, stem: str = "政府信息公开年度报告", suffix: str = ".txt") -> Path:
    """A report whose file name is GBK bytes (a Windows zip unpacked on UOS/Kylin)."""
    name = os.fsdecode(stem.encode("gbk") + suffix.encode())
    path = folder / name
    path.write_bytes(report_text().encode("utf-8"))
    return path


def raw_byte_named(folder: Path, raw: bytes = b"\xff\xfe\x80report", suffix: str = ".txt") -> Path:
    """A report whose name holds bytes no encoding decodes."""
    path = folder / os.fsdecode(raw + suffix.encode())
    path.write_bytes(report_text().encode("utf-8"))
    return path


def charset_lie(folder: Path, declared: str = "iso-8859-1", written: str = "gb18030") -> Path:
    """A page declaring `declared` in its <meta> but written in `written`."""
    rows = "".join(f"<tr><td>{line}</td></tr>" for line in report_text().splitlines() if line.strip())
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"></head><body><table>{rows}</table></body></html>'
    return _write(folder, f"声明{declared}.html", html.encode(written))


def folder_with_suffix(folder: Path, name: str = "报告.docx") -> Path:
    path = folder / name
    path.mkdir()
    return path


def empty_folder(folder: Path) -> Path:
    path = folder / "空文件夹"
    path.mkdir()
    return path


def symlink_loop(folder: Path) -> Path:
    """A folder that contains a link to itself, and a link pointing at itself."""
    path = folder / "循环"
    path.mkdir()
    (path / "自己").symlink_to(path, target_is_directory=True)
    (path / "环.txt").symlink_to(path / "环.txt")
    return path
