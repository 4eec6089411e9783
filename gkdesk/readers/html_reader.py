"""Read a saved web page (.html/.htm): the body's text and its tables with rowspan/colspan.

Government pages are often GB2312/GBK with the charset named in a <meta>; that is honoured
(read as GB18030, its superset). Site furniture (navigation menus, breadcrumbs, footers,
link lists) is left out where the markup tells it apart; tables are never left out.
Tables that only lay out the page (they hold other tables) are read as ordinary blocks.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..decoding import decode_bytes
from ..errors import InputError
from .document import Block, GridCell, GridTable, Paragraph, SourceDocument, render
from .html_tree import Node, parse_html
from ..limits import MAX_GRID_COLUMNS, MAX_TABLE_CELLS, expansion_refused, read_file_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "gb18030", "csgb2312"}

SKIP_TAGS = {
    "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "select", "option", "button", "input", "textarea", "svg", "canvas", "map", "nav",
    "title", "meta", "link", "audio", "video", "sdfield",
}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "ul", "caption", "tr", "#root",
}
# id/class words of site furniture (English and pinyin names used by Chinese CMS templates).
_FURNITURE = re.compile(
    r"(?:^|[\s_\-])(?:nav\w*|menu\w*|breadcrumbs?|crumbs?|sidebar|side|footer|foot|copyright|share|"
    r"toolbar|topbar|top|header|banner|login|search|links?|friendlinks?|bottom|daohang|dh|weizhi|"
    r"position|location|skip|tools?)(?:$|[\s_\-])",
    re.I,
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"[ \t\r\n\f\v]+")
# Text this long outside links is content, not furniture.
_CONTENT_RUN = 60


CHARSET_MISMATCH = "charset_mismatch"  # ParseNote code: the page's declared charset was wrong


def read_html(path: str | Path) -> SourceDocument:
    data = read_file_bytes(Path(path), "html")
    text, encoding, note = _decode_html(data)
    blocks = HtmlRenderer().blocks(parse_html(text))
    if not any(isinstance(b, GridTable) or (isinstance(b, Paragraph) and b.text.strip()) for b in blocks):
        raise InputError("网页中没有可读的正文文字。", "no text in the page")
    document = render(blocks, "html", f"html:{encoding}")
    if note is not None:
        document.notes.append(note)
    return document


def html_blocks(data: bytes) -> list[Block]:
    """The blocks of an HTML document given as bytes (e.g. a chunk inside a .docx)."""
    text, _ = decode_html(data)
    return HtmlRenderer().blocks(parse_html(text))


def decode_html(data: bytes) -> tuple[str, str]:
    """Text and codec: BOM, then <meta charset> / XML declaration, then detection."""
    text, encoding, _ = _decode_html(data)
    return text, encoding


def _decode_html(data: bytes):
    """Text, codec and a ParseNote when the declared charset was not believed (else None).

    Pages lie about their charset (a template declaring iso-8859-1 around GB18030 text): when
    the declared one gives implausible text and detection gives Chinese, detection wins."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec, None
            except UnicodeDecodeError:
                break
    declared = _declared_charset(data[:8192])
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None  # pages often lie about their charset; fall back to detection
        if text is not None:
            better = _chinese_instead(data, text)
            if better is None:
                return text, declared, None
            from ..model import ParseNote

            note = ParseNote(CHARSET_MISMATCH, f"网页声明的字符编码为 {declared}，但按其读出的文字不成中文；已按 {better.encoding} 读取。")
            return better.text, better.encoding, note
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding, None


def _chinese_instead(data: bytes, declared_text: str):
    """The detected decoding when it reads clearly more like Chinese than the declared one did."""
    from ..decoding import plausibility

    if data.isascii():
        return None
    mine = plausibility(declared_text)
    if mine > 0.9:
        return None
    try:
        detected = decode_bytes(data)
    except InputError:
        return None
    return detected if plausibility(detected.text) > mine + 0.2 else None


def _declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    if name in ("big5", "big5-hkscs", "cp950"):
        return "big5"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _text_outside_links(node: Node) -> int:
    """Longest run of text not inside a link, in characters (a menu has none)."""
    best = 0
    stack: list[tuple[Node, bool]] = [(node, False)]
    while stack:
        current, in_link = stack.pop()
        for child in current.children:
            if isinstance(child, str):
                if not in_link:
                    best = max(best, len(_WS.sub("", child)))
            elif child.tag not in SKIP_TAGS:
                stack.append((child, in_link or child.tag == "a"))
    return best


def _has_table(node: Node) -> bool:
    return any(True for _ in node.iter("table"))


def is_furniture(node: Node) -> bool:
    """Navigation, headers, footers and link lists: not part of the report."""
    if node.tag in SKIP_TAGS or _HIDDEN.search(node.get("style")):
        return True
    if node.tag in ("td", "th", "tr", "table", "tbody", "thead", "tfoot"):
        return False
    role = node.get("role").lower()
    # LibreOffice writes page headers and footers as <div title="header|footer">.
    names = f"{node.get('id')} {node.get('class')} {node.get('title')}"
    furniture = (
        node.tag in ("header", "footer", "aside")
        or role in ("navigation", "banner", "contentinfo", "menu", "menubar", "search")
        or bool(_FURNITURE.search(names))
    )
    if not furniture:
        return False
    # Never drop a table, real prose or the report's title, whatever the wrapper is called.
    return not _has_table(node) and _text_outside_links(node) < _CONTENT_RUN and not _holds_title(node)


def _holds_title(node: Node) -> bool:
    """Whether the element's text names a report (…年度报告), as an article header does."""
    text = "".join(_texts(node))
    return "年度报告" in _WS.sub("", text)


def _texts(node: Node):
    for child in node.children:
        if isinstance(child, str):
            yield child
        elif child.tag not in SKIP_TAGS:
            yield from _texts(child)


def is_layout_table(table: Node) -> bool:
    """A table that lays out the page (it holds other tables) rather than holding data."""
    return any(True for _ in table.iter("table"))


class HtmlRenderer:
    """Walks the tree into paragraphs and grid tables."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.line: list[str] = []

    def blocks(self, root: Node) -> list[Block]:
        body = next(root.iter("body"), None) or root
        self._walk(body)
        self._flush()
        return self.out

    def _flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        for part in text.split("\n"):
            part = part.strip()
            if part:
                self.out.append(Paragraph(part))

    def _walk(self, node: Node, pre: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.line.append(child if pre else _WS.sub(" ", child))
                continue
            if is_furniture(child):
                continue
            tag = child.tag
            if tag == "br":
                self.line.append("\n")
            elif tag == "table":
                self._flush()
                if is_layout_table(child):
                    self._walk_layout(child)
                else:
                    self._table(child)
            elif tag in BLOCK_TAGS or tag in ("td", "th"):
                self._flush()
                self._walk(child, pre or tag == "pre")
                self._flush()
            else:
                self._walk(child, pre)

    def _walk_layout(self, table: Node) -> None:
        for row in _rows(table):
            for cell in _cells(row):
                self._flush()
                self._walk(cell)
                self._flush()

    def _table(self, table: Node) -> None:
        caption = next((c for c in table.children if isinstance(c, Node) and c.tag == "caption"), None)
        if caption is not None:
            self._walk(caption)
            self._flush()
        rows: list[list[GridCell]] = []
        html_rows = list(_rows(table))
        occupied: set[tuple[int, int]] = set()
        for r, tr in enumerate(html_rows):
            row: list[GridCell] = []
            col = 0
            for td in _cells(tr):
                while (r, col) in occupied:
                    col += 1
                colspan = max(1, _span(td.get("colspan"), 1000))  # browsers' own caps
                rowspan = _span(td.get("rowspan"), 65534)
                if rowspan == 0 or r + rowspan > len(html_rows):
                    rowspan = len(html_rows) - r  # rowspan="0": to the end of the table
                if col + colspan > MAX_GRID_COLUMNS:
                    raise expansion_refused("网页表格一行的列数（含 colspan）", col + colspan, MAX_GRID_COLUMNS, "grid columns")
                if len(occupied) + rowspan * colspan > MAX_TABLE_CELLS:
                    raise expansion_refused(
                        "一个表格的单元格数（含 rowspan/colspan）", len(occupied) + rowspan * colspan, MAX_TABLE_CELLS, "cells in one table"
                    )
                for dr in range(rowspan):
                    for dc in range(colspan):
                        occupied.add((r + dr, col + dc))
                row.append(GridCell(col, self._cell_text(td), colspan, max(rowspan, 1)))
                col += colspan
            rows.append(row)
        self.out.append(GridTable(rows))

    def _cell_text(self, td: Node) -> str:
        inner = HtmlRenderer()
        inner._walk(td)
        inner._flush()
        return "\n".join(b.text for b in inner.out if isinstance(b, Paragraph))


def _rows(table: Node):
    """The table's own rows (not those of tables inside it), in order."""
    for child in table.children:
        if not isinstance(child, Node):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot", "form"):
            yield from _rows(child)


def _cells(tr: Node):
    for child in tr.children:
        if isinstance(child, Node):
            if child.tag in ("td", "th"):
                yield child
            elif child.tag == "form":
                yield from _cells(child)


def _span(value: str, limit: int) -> int:
    m = re.match(r"\s*([0-9]+)", value or "")  # as browsers read it: ASCII digits only
    if not m:
        return 1
    digits = m.group(1).lstrip("0") or "0"
    return limit if len(digits) > 9 else min(int(digits), limit)  # int() refuses 4300+ digits
