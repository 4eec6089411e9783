"""Read a .docx from its own XML: paragraphs and tables in document order, merges kept.

The package is opened with zipfile and checked for zip bombs first; each XML part is parsed
with defusedxml (no DTDs, no entities), so a hostile file cannot expand or reach outside.
Tables keep their real grid: gridSpan (horizontal merge), vMerge (vertical merge),
gridBefore/gridAfter (rows that start late or end early). How far the structure may expand
(spans, cells, embedded HTML) is bounded by gkdesk.limits: a small file claiming a grid of
millions of columns is refused, not laid out.
"""
from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from ..errors import InputError
from .document import Block, GridCell, GridTable, Paragraph, SourceDocument, clean_cell, render
from .docx_numbering import Numbering, read_numbering
from ..limits import (
    MAX_DOCUMENT_CELLS,
    MAX_EMBEDDED_HTML_BYTES,
    MAX_EMBEDDED_PART_BYTES,
    MAX_EMBEDDED_PARTS,
    MAX_GRID_COLUMNS,
    MAX_TABLE_CELLS,
    check_zip,
    expansion_refused,
    read_file_bytes,
    read_zip_part,
)

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO "strict" flavour
)
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CORRUPT = "文件已损坏或不是有效的 .docx 文档，无法读取。可在 Word/WPS 中打开后另存为 .docx 再试。"


def read_docx(path: str | Path) -> SourceDocument:
    """The document's paragraphs and tables, rendered (see document.render)."""
    import io

    p = Path(path)
    data = read_file_bytes(p, "docx")
    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            from .legacy import old_format_error

            raise old_format_error(p)
        raise InputError(_CORRUPT, "not a zip package")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf)
            parts = _read_parts(zf)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError, NotImplementedError) as exc:
        raise InputError(_CORRUPT, f"corrupt docx: {exc}") from None
    try:
        return DocxReader(*parts).document()
    except RecursionError:
        raise InputError("文档结构嵌套过深（表格套表格过多），无法读取。", "nesting too deep") from None


def _parse_xml(data: bytes, name: str):
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InputError(
            f"文档中的“{name}”含有不安全的 XML 结构（DTD 或实体定义），已拒绝读取。",
            f"unsafe XML in {name}",
        ) from None
    except SafeET.ParseError as exc:
        raise InputError(_CORRUPT, f"XML error in {name}: {exc}") from None


def _main_part_name(zf: zipfile.ZipFile) -> str:
    """The main document part, as the package's relationships name it (usually word/document.xml)."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = _parse_xml(read_zip_part(zf, "_rels/.rels"), "_rels/.rels")
        for rel in rels.iter(f"{_REL_NS}Relationship"):
            if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                target = (rel.get("Target") or "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise InputError(_CORRUPT, "no main document part")


def _read_parts(zf: zipfile.ZipFile):
    """(document root, numbering, styles' numbering) parsed from the package."""
    main = _main_part_name(zf)
    document = _parse_xml(read_zip_part(zf, main), main)
    ns = document.tag[1 : document.tag.index("}")] if document.tag.startswith("{") else ""
    if ns not in W_NAMESPACES:
        raise InputError(_CORRUPT, f"unexpected root {document.tag}")
    w = "{" + ns + "}"
    folder = posixpath.dirname(main)
    names = set(zf.namelist())
    numbering = Numbering()
    name = posixpath.join(folder, "numbering.xml")
    if name in names:
        numbering = read_numbering(_parse_xml(read_zip_part(zf, name), name), w)
    style_numbers: dict[str, tuple[str | None, int | None]] = {}
    name = posixpath.join(folder, "styles.xml")
    if name in names:
        style_numbers = _style_numbering(_parse_xml(read_zip_part(zf, name), name), w)
    return document, w, numbering, style_numbers, _alt_chunks(zf, main, document, names)


def _alt_chunks(zf: zipfile.ZipFile, main: str, document, names: set[str]) -> dict[str, bytes]:
    """The HTML of parts that w:altChunk imports whole (web editors export reports as an
    HTML/MHT chunk), by relationship id; other kinds (RTF) give b""."""
    references = [el.get(_R_ID) for el in document.iter() if el.tag.endswith("}altChunk")]
    if not references:
        return {}
    if len(references) > MAX_EMBEDDED_PARTS:
        raise expansion_refused("文档嵌入的网页或文档片段（altChunk）数量", len(references), MAX_EMBEDDED_PARTS, "altChunk references")
    chunk_ids = set(references)
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in names:
        return {}
    chunks: dict[str, bytes] = {}
    html_of: dict[str, bytes] = {}  # part name -> its HTML, each part decoded once
    for rel in _parse_xml(read_zip_part(zf, rels_name), rels_name).iter(f"{_REL_NS}Relationship"):
        if rel.get("Id") in chunk_ids and rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or "")).lstrip("/")
            if target in names:
                if target not in html_of:
                    html_of[target] = _chunk_html(read_zip_part(zf, target, MAX_EMBEDDED_PART_BYTES))
                chunks[rel.get("Id")] = html_of[target]
    # Each reference is parsed whole: one part named fifteen times is fifteen times the work.
    total = sum(len(chunks.get(ref, b"")) for ref in references)
    if total > MAX_EMBEDDED_HTML_BYTES:
        raise expansion_refused("文档嵌入的网页片段（altChunk）总字节数", total, MAX_EMBEDDED_HTML_BYTES, "altChunk HTML bytes")
    return chunks


def _style_numbering(styles, w: str) -> dict[str, tuple[str | None, int | None]]:
    """Paragraph styles that carry list numbering (numId, ilvl), following basedOn."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles.findall(f"{w}style"):
        sid = style.get(f"{w}styleId") or ""
        parent = style.find(f"{w}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{w}val") or ""
        num = style.find(f"{w}pPr/{w}numPr")
        if num is not None:
            num_id = num.find(f"{w}numId")
            ilvl = num.find(f"{w}ilvl")
            own[sid] = (
                num_id.get(f"{w}val") if num_id is not None else None,
                int(ilvl.get(f"{w}val") or 0) if ilvl is not None else None,
            )
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for sid in set(own) | set(based):
        chain, seen = sid, set()
        num_id, ilvl = None, None
        while chain and chain not in seen:
            seen.add(chain)
            n, i = own.get(chain, (None, None))
            num_id = num_id if num_id is not None else n
            ilvl = ilvl if ilvl is not None else i
            chain = based.get(chain, "")
        if num_id is not None:
            resolved[sid] = (num_id, ilvl)
    return resolved


class DocxReader:
    """Walks the body of document.xml into blocks."""

    def __init__(self, document, w: str, numbering: Numbering, style_numbers, alt_chunks=None):
        self.root = document
        self.w = w
        self.numbering = numbering
        self.style_numbers = style_numbers
        self.alt_chunks: dict[str, bytes] = alt_chunks or {}
        self.cells = 0  # grid positions of all tables so far (MAX_DOCUMENT_CELLS)
        # Elements whose text is not shown: deleted revisions, field instructions, the
        # compatibility fallback (a duplicate of the chosen content), properties.
        self.skip = {
            w + "del", w + "moveFrom", w + "instrText", w + "delText", w + "delInstrText",
            w + "pPr", w + "rPr", w + "tblPr", w + "trPr", w + "tcPr", w + "sectPr",
            w + "footnoteReference", w + "endnoteReference", w + "commentReference",
            w + "annotationRef", w + "sdtPr", w + "sdtEndPr", MC + "Fallback",
        }

    def document(self) -> SourceDocument:
        body = self.root.find(f"{self.w}body")
        blocks: list[Block] = []
        if body is not None:
            self._blocks(body, blocks)
        return render(blocks, "docx", "docx")

    # ------------------------------------------------------------ body
    def _blocks(self, parent, out: list[Block]) -> None:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == w + "p":
                extra: list[Block] = []
                out.append(Paragraph(self._paragraph_text(child, extra)))
                out.extend(extra)
            elif tag == w + "tbl":
                out.append(self._table(child))
            elif tag in (w + "sdt", w + "customXml", w + "sdtContent", w + "ins", w + "moveTo", MC + "AlternateContent", MC + "Choice"):
                self._blocks(child, out)
            elif tag == w + "altChunk":
                out.extend(_chunk_blocks(self.alt_chunks.get(child.get(_R_ID) or "", b"")))

    def _paragraph_text(self, p, extra: list[Block]) -> str:
        parts: list[str] = [self._number_label(p)]
        self._inline(p, parts, extra)
        return "".join(parts)

    def _number_label(self, p) -> str:
        w = self.w
        ppr = p.find(f"{w}pPr")
        if ppr is None:
            return ""
        num_id, ilvl = None, None
        style = ppr.find(f"{w}pStyle")
        if style is not None:
            num_id, ilvl = self.style_numbers.get(style.get(f"{w}val") or "", (None, None))
        num = ppr.find(f"{w}numPr")
        if num is not None:
            n = num.find(f"{w}numId")
            i = num.find(f"{w}ilvl")
            if n is not None:
                num_id = n.get(f"{w}val")
            if i is not None:
                ilvl = int(i.get(f"{w}val") or 0)
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl or 0)

    def _inline(self, elem, parts: list[str], extra: list[Block]) -> None:
        """Text of runs below `elem`, in order; text boxes become blocks of their own."""
        w = self.w
        for child in elem:
            tag = child.tag
            if tag in self.skip:
                continue
            if tag == w + "t":
                parts.append(child.text or "")
            elif tag == w + "tab" or tag == w + "ptab":
                parts.append("\t")
            elif tag in (w + "br", w + "cr"):
                parts.append("\n")
            elif tag == w + "noBreakHyphen":
                parts.append("-")
            elif tag == w + "txbxContent":
                self._blocks(child, extra)
            elif tag == w + "object":
                # An embedded OLE object (often an Excel sheet pasted as a table): say it is there.
                extra.append(Paragraph("〔此处为嵌入对象（如 Excel 表格），未读取其内容〕"))
            elif tag == w + "tbl":  # a table where a run was expected (malformed): keep its text
                extra.append(self._table(child))
            elif tag == w + "p":  # paragraphs nested in a run container (rare generators)
                parts.append("\n")
                self._inline(child, parts, extra)
            elif len(child):
                self._inline(child, parts, extra)

    # ------------------------------------------------------------ tables
    def _children(self, parent, name: str):
        """The `name` children (tr, tc) of a table element, also those wrapped in content
        controls, custom XML or tracked insertions."""
        w = self.w
        for child in parent:
            if child.tag == w + name:
                yield child
            elif child.tag in (w + "sdt", w + "sdtContent", w + "customXml", w + "ins"):
                yield from self._children(child, name)

    def _table(self, tbl) -> GridTable:
        w = self.w
        grid = tbl.find(f"{w}tblGrid")
        ncols = len(grid.findall(f"{w}gridCol")) if grid is not None else 0
        _check_width(ncols, "表格声明的列数（tblGrid）")
        width = ncols
        rows: list[list[GridCell]] = []
        open_vmerge: dict[int, GridCell] = {}  # grid column -> the cell a vertical merge started
        for tr in self._children(tbl, "tr"):
            row: list[GridCell] = []
            trpr = tr.find(f"{w}trPr")
            col = max(0, _val_int(trpr, f"{w}gridBefore", w, 0)) if trpr is not None else 0  # a count: never negative
            _check_width(col, "表格行首空出的列数（gridBefore）")
            if trpr is not None:
                _check_width(max(0, _val_int(trpr, f"{w}gridAfter", w, 0)), "表格行尾空出的列数（gridAfter）")
            for tc in self._children(tr, "tc"):
                tcpr = tc.find(f"{w}tcPr")
                span = max(1, _val_int(tcpr, f"{w}gridSpan", w, 1)) if tcpr is not None else 1
                _check_width(span, "单元格横跨的列数（gridSpan）")
                _check_width(col + span, "表格一行的列数")
                vmerge = tcpr.find(f"{w}vMerge") if tcpr is not None else None
                hmerge = tcpr.find(f"{w}hMerge") if tcpr is not None else None
                text = self._cell_text(tc)
                if hmerge is not None and hmerge.get(f"{w}val") != "restart" and row:
                    # Legacy horizontal merge: this cell widens the one to its left.
                    row[-1].colspan += span
                    if text:
                        row[-1].text += "\n" + text
                    col += span
                    continue
                continuing = vmerge is not None and (vmerge.get(f"{w}val") or "continue") == "continue"
                origin = open_vmerge.get(col)
                if continuing and origin is not None and origin.colspan == span:
                    origin.rowspan += 1
                    if text.strip():
                        origin.text += "\n" + text
                else:
                    cell = GridCell(col, text, span)
                    row.append(cell)
                    for c in range(col, col + span):
                        open_vmerge.pop(c, None)
                    if vmerge is not None:
                        open_vmerge[col] = cell
                col += span
            # A column with no cell in this row ends any merge running down it.
            taken = {c for cell in row for c in range(cell.col, cell.col + cell.colspan)}
            for c in list(open_vmerge):
                origin = open_vmerge[c]
                if c not in taken and not _covers_row(origin, rows, len(rows)):
                    del open_vmerge[c]
            rows.append(row)
            # Laid out, every row is as wide as the widest: count the grid, not the cells.
            width = max(width, col)
            cells = len(rows) * width
            if cells > MAX_TABLE_CELLS:
                raise expansion_refused("一个表格的单元格数", cells, MAX_TABLE_CELLS, "cells in one table")
        self.cells += len(rows) * width
        if self.cells > MAX_DOCUMENT_CELLS:
            raise expansion_refused("全部表格的单元格总数", self.cells, MAX_DOCUMENT_CELLS, "cells in all tables")
        return GridTable(rows, ncols)

    def _cell_text(self, tc) -> str:
        """A cell's paragraphs (and nested tables) as lines; render folds them into one."""
        w = self.w
        lines: list[str] = []
        for child in tc:
            if child.tag == w + "p":
                extra: list[Block] = []
                lines.append(self._paragraph_text(child, extra))
                lines.extend(_block_text(b) for b in extra)
            elif child.tag == w + "tbl":
                lines.append(_block_text(self._table(child)))
            elif child.tag in (w + "sdt", w + "sdtContent", w + "customXml"):
                blocks: list[Block] = []
                self._blocks(child, blocks)
                lines.extend(_block_text(b) for b in blocks)
        return "\n".join(lines)


def _chunk_blocks(html: bytes) -> list[Block]:
    """Blocks of an imported chunk's HTML."""
    from .html_reader import html_blocks

    return html_blocks(html) if html else []


def _chunk_html(data: bytes) -> bytes:
    """The HTML of an HTML or MHT (web archive) chunk; b"" for other kinds (RTF)."""
    if not data:
        return b""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"mime-version") or b"content-type: multipart" in head:
        return _mht_html(data)
    return data if b"<" in head else b""


def _mht_html(data: bytes) -> bytes:
    """The HTML part of a MIME web archive (.mht), decoded from its transfer encoding."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and b"charset" not in payload[:4096].lower():
                payload = f'<meta charset="{charset}">'.encode() + payload
            return payload
    return b""


def _covers_row(origin: GridCell, rows: list[list[GridCell]], r: int) -> bool:
    """Whether a merge started above already reaches row r (it did if it grew this row)."""
    for k in range(len(rows) - 1, -1, -1):
        if origin in rows[k]:
            return k + origin.rowspan > r
    return False


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return " ".join(clean_cell(c.text) for row in block.rows for c in row if c.text.strip())


def _check_width(columns: int, what_zh: str) -> None:
    if columns > MAX_GRID_COLUMNS:
        raise expansion_refused(what_zh, columns, MAX_GRID_COLUMNS, "grid columns")


def _val_int(parent, tag: str, w: str, default: int) -> int:
    elem = parent.find(tag)
    if elem is None:
        return default
    try:
        return int(elem.get(f"{w}val") or default)
    except ValueError:
        return default
