"""Cut a table region of extracted text into tokens: labels, values, null marks, empty cells.

Whatever the extraction left (HTML cells, reST grid tables, pipe rows, tab rows, one cell per
line, space-aligned PDF text), the result is one flat list of tokens in reading order. Each
token keeps its span in the document and, where the layout tells, its physical row and
position, so that the recognizer can place values that lost their neighbours.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from functools import cache, lru_cache

from ..limits import MAX_NUMBER_DIGITS

TEXT, NUM, NULL, EMPTY = "text", "num", "null", "empty"

# 增3 / 减4: 2019 表二's 本年增/减 written with the words its header uses for the sign.
_SIGN_WORDS = {"增加": 1, "减少": -1, "增": 1, "减": -1, "-": -1, "+": 1, "": 1}
_NUMBER = re.compile(
    r"^(?P<sign>[-+]?|增加|减少|增|减)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<unit>万元|元|件|项|个|条|次|人|%)?$"
)
_NULL_MARKS = {"/", "／", "-", "—", "——", "－", "–", "无", "\\", "--", "---"}
# A line this long is a page or a paragraph, not a table row: its last words may be the page's number.
_PAGE_LINE = 200
_DASH = "[-—–－]"
_DASHED_PAGE_NUMBER = rf"{_DASH}\s*\d+\s*{_DASH}"  # - 3 -
# A page's words sorted by their position may put its number before or after both its dashes
# (pdfplumber's words, when the digits' baseline is a little off the dashes'): '… 0 0 2 — —'.
_TRAILING_PAGE_NUMBER = re.compile(
    rf"(?<=\s)(?:{_DASHED_PAGE_NUMBER}|\d+\s*{_DASH}\s*{_DASH}|{_DASH}\s*{_DASH}\s*\d+)\s*$"
)
_PAGE_NUMBER_FORMS = rf"第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|{_DASHED_PAGE_NUMBER}|\d+\s*/\s*\d+"
_PAGE_NUMBER = re.compile(rf"^(?:{_PAGE_NUMBER_FORMS})$")
_HTML_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)</t\1\s*>", re.S | re.I)
_HTML_ROW = re.compile(r"<tr\b", re.I)
_TAG = re.compile(r"<[^>]+>")
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_RST_BORDER = re.compile(r"^\s*[+|][-=+|: ]*\+[-=+|: ]*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SIMPLE_RULE = re.compile(r"^\s*-{3,}(\s+-{3,})*\s*$")
# An org-mode table's rule line: "|-----+-----|" (a grid border starts with "+", or with "| "
# where a cell spans the border, never with "|-").
_ORG_RULE = re.compile(r"^\s*\|-[-+:]*\|\s*$")
_WIKI_TABLE_START = re.compile(r"^\s*\{\|")
_WIKI_TABLE_END = re.compile(r"^\s*\|\}")
_WIKI_ROW = re.compile(r"^\s*\|-")
# A MediaWiki cell's attributes before its one "|": 'width="33%"|', 'rowspan=2 |'.
_WIKI_ATTRIBUTE = r"""[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s|]+)"""
_WIKI_ATTRIBUTES = re.compile(rf"^\s*{_WIKI_ATTRIBUTE}(?:\s+{_WIKI_ATTRIBUTE})*\s*\|(?!\|)", re.I)
_WIKI_QUOTES = re.compile(r"^'{2,}|'{2,}$")
_ASCIIDOC_DELIMITER = re.compile(r"^\s*\|===\s*$")
_ASCIIDOC_COLS = re.compile(r'^\s*\[.*\bcols\s*=\s*"([^"]*)"')
_STANDALONE_NUMBER = re.compile(r"(?<!\S)\d+(?!\S)")
_NUMBER_GLUED_TO_TEXT = re.compile(r"(?:^|(?<= ))\d+(?=[\u3400-\u9fff\ufffd])")
_CELL_CONTINUATION = re.compile(r"^\|[^|]*$")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_WORDS_ONE_SPACE_APART = re.compile(r"\S+(?: \S+)*")
# The first character, after white space, of a line that can be a table's rule or border line
# (org, MediaWiki, AsciiDoc, reST grid, markdown and simple tables): any other line is none.
_RULE_STARTS = frozenset("|{+:-")


@dataclass(slots=True)
class Token:
    kind: str  # TEXT, NUM, NULL, EMPTY
    text: str  # the token's text as written (stripped)
    start: int  # span in the document
    end: int
    line: int  # physical line number (or row index of a structured table)
    x: int = -1  # character column in its line, for space-aligned text
    structured: bool = False  # came from explicit cell boundaries (tab, pipe, HTML, grid)
    value: int | float | None = None
    label: str = ""  # normalized text, for TEXT tokens
    xd: int = -1  # display column (CJK characters are two wide), for space-aligned text
    col: int = -1  # cell index in its line, for tab and pipe rows
    soft: bool = False  # an empty line that may stand for an empty cell (one cell per line text)
    page: int = 0  # form feeds (pdftotext's page breaks) before the token in the document
    # Start of the one cell that held this number and others, separated by line breaks (<br>):
    # they may be the values of adjacent columns whose cells the converter merged.
    shared_cell: int = -1


# A table cell is short and the same few texts (0, 1, 否, /) come back in every row: pure
# functions of a cell's text keep their answers for texts up to this long (longer ones are
# computed each time, so a pathological file cannot fill memory with its cells).
_CACHED_TEXT = 64
_MARKUP = re.compile(r"[<&\\*']")


def _cached_for_short(function):
    """`function` of a cell text, remembered for short texts (see _CACHED_TEXT)."""
    remembered = lru_cache(maxsize=8192)(function)

    def call(text: str, _len=len, _longest=_CACHED_TEXT):
        return remembered(text) if _len(text) <= _longest else function(text)

    call.__doc__, call.__name__, call.__wrapped__ = function.__doc__, function.__name__, function
    return call


def clean_cell_text(text: str) -> str:
    """Strip markup a converter wraps around a cell: **bold**, backslash escapes, HTML tags."""
    if not _MARKUP.search(text):
        return text.strip()  # nothing to strip but white space (the usual cell)
    text = _TAG.sub("", text)
    text = text.replace("&nbsp;", " ").replace("\\", "")
    text = text.strip().strip("*").strip()
    return _WIKI_QUOTES.sub("", text).strip() if "''" in text else text  # MediaWiki '''bold'''


def _closes_a_value_cell(stripped: str) -> bool:
    """A line "0 |", "/ |", "若干 |" or a lone "|": one value cell (or a blank one) closed by its pipe."""
    if stripped.count("|") != 1 or not stripped.endswith("|"):
        return False
    content = stripped[:-1].strip()
    return not content or classify(content)[0] != TEXT or is_word_value(content)


def _closed_cells_follow(lines: list[str], i: int) -> bool:
    """Line i is one cell closed by a pipe ("label |") and the lines after it are lone pipes up to
    a line "value |": a cell per line, each closed by its pipe, an empty cell a lone "|" (some
    CMS pages). html2text's rows go on with lines that open with the pipe ("|  0"): there the
    cells are after the pipes."""
    line = lines[i].rstrip()
    if line.count("|") != 1 or not line.endswith("|") or not line[:-1].strip():
        return False
    for nxt in lines[i + 1 : i + 40]:
        stripped = nxt.strip()
        if stripped == "|":
            continue
        return len(stripped) > 1 and _closes_a_value_cell(stripped)
    return False


@_cached_for_short
def parse_number(text: str) -> int | float | None:
    """A cell's number, or None if the text is not one number. Full-width digits are read."""
    t = unicodedata.normalize("NFKC", clean_cell_text(text)).replace(" ", "").replace("，", ",")
    m = _NUMBER.match(t)
    if not m:
        return None
    digits = m.group("int").replace(",", "")
    if len(digits) + len((m.group("frac") or ".")[1:]) > MAX_NUMBER_DIGITS:
        return None  # a run of digits no table holds (and int() refuses beyond 4300 digits)
    sign = _SIGN_WORDS[m.group("sign")]
    if m.group("frac"):
        return sign * float(digits + m.group("frac"))
    return sign * int(digits)


@_cached_for_short
def classify(text: str) -> tuple[str, int | float | None]:
    cleaned = clean_cell_text(text)
    if not cleaned:
        return EMPTY, None
    norm = unicodedata.normalize("NFKC", cleaned).replace(" ", "")
    if norm in _NULL_MARKS or cleaned in _NULL_MARKS:
        return NULL, None
    value = parse_number(cleaned)
    if value is not None:
        return NUM, value
    return TEXT, None


@_cached_for_short
def _cell_reading(text: str) -> tuple[str, int | float | None] | None:
    """classify(text) of a stripped cell text, or None where the text is a page number (no
    cell): one remembered answer per cell text for the tokenizer's two questions."""
    kind, value = classify(text)
    return None if kind == TEXT and is_page_number(text) else (kind, value)


@cache
def _schema_text() -> str:
    """Every word the official form prints (both versions), in normalized form."""
    from ..schema import FORMATS, format_spec, normalize_label

    parts = []
    for version in FORMATS:
        for spec in format_spec(version).tables.values():
            parts += [spec.number, spec.title, spec.note, spec.label_header]
            for row in spec.rows:
                parts += [row.label, *row.anchors, *row.path]
                parts += [w for c in row.columns for w in (*c.header_path, *c.aliases)]
            parts += [w for c in spec.columns for w in (*c.header_path, *c.aliases)]
    return "\n".join(normalize_label(p) for p in parts)


def _form_words_together(text: str) -> int:
    """Characters of `text` in runs of six or more that the official form prints as they stand."""
    from ..schema import normalize_label

    norm, form, covered = normalize_label(text), _schema_text(), 0
    i = 0
    while i + 6 <= len(norm):
        if norm[i : i + 6] in form:
            j = i + 6
            while j < len(norm) and norm[i : j + 1] in form:
                j += 1
            covered += j - i
            i = j
        else:
            i += 1
    return covered


def is_word_value(text: str) -> bool:
    """A short word with no digits that the official form never prints (若干, 不详): a cell's
    content, not a label. A word with a numbering (七、总计) or with two characters together
    as the form prints them (行政许x) is a label, perhaps misprinted."""
    from ..schema import split_ordinal

    word = label_of(text)
    if not 0 < len(word) <= 6 or any(ch.isdigit() for ch in word) or word in _schema_text():
        return False
    if split_ordinal(word)[0] is not None:
        return False
    form = _schema_text()
    return not any(word[k : k + 2] in form for k in range(len(word) - 1))


@_cached_for_short
def label_of(text: str) -> str:
    """A label token's normalized text (schema.normalize_label, markup stripped)."""
    from ..schema import normalize_label

    return normalize_label(clean_cell_text(text))


@_cached_for_short
def display_width(text: str) -> int:
    """Columns the text takes in a monospaced rendering: CJK and full-width characters count two."""
    if text.isascii():
        return len(text)  # every ASCII character is one column wide
    return len(text) + len(text.translate(_WIDE_ONLY))  # the translation keeps the wide ones


class _WideOnly(dict):
    """A str.translate table that keeps wide characters (East Asian width W or F) and drops the
    rest, each character's width looked up once (the per-character work then stays in C)."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        kept = self[code] = ch if unicodedata.east_asian_width(ch) in "WF" else None
        return kept


_WIDE_ONLY = _WideOnly()


@cache
def _counted_quantity() -> re.Pattern:
    """A number followed by a measure word or 年 (the narrative grammar's units)."""
    from ..checks.grammar import UNITS

    return re.compile(r"\d+(?:\.\d+)?\s*(?:年|" + "|".join(map(re.escape, UNITS)) + ")")


@lru_cache(maxsize=4)
def form_feeds(text: str) -> list[int]:
    """Where pdftotext started the text's pages after the first (a form feed each)."""
    return [m.start() for m in _FORM_FEED.finditer(text)]


@lru_cache(maxsize=4)
def page_number_ends(text: str) -> list[int]:
    """The ends of the text's page-number lines ('- 3 -', '第3页'): where its pages end when
    no form feed says (pdftotext -nopgbrk), if its page numbers stand at the pages' feet."""
    return [m.end() for m in _PAGE_NUMBER_LINE.finditer(text)]


def page_furniture(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans in text[start:end] that hold no digit of a table row: its page-number lines and the
    years standing apart from other digits. A page's foot printed between a table's rows
    ('第 3 页 共 6 页') or its running head (测试局2023年政府信息公开工作年度报告); a year glued
    to a row's digits (…00000222023年) is left to the digit-run split."""
    return sorted([m.span() for m in _PAGE_NUMBER_LINE.finditer(text, start, end)]
                  + [m.span() for m in _YEAR_APART.finditer(text, start, end)])


_YEAR_APART = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?=年)")
_FORM_FEED = re.compile("\f")
_PAGE_NUMBER_LINE = re.compile(rf"^[ \t]*(?:{_PAGE_NUMBER_FORMS})[ \t]*$", re.M)


@_cached_for_short
def is_page_number(text: str) -> bool:
    if _IDEOGRAPH_OF_NO_PAGE_NUMBER.search(text):
        return False  # the usual line, a label's: no need to normalize it whole
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


# A CJK ideograph no page-number form prints (those print 第, 共, 页): NFKC leaves every
# character of U+4E00..U+9FFF as it is, so a text holding one is no page number.
_PAGE_NUMBER_IDEOGRAPHS = "".join(sorted({ch for ch in _PAGE_NUMBER_FORMS if "\u4e00" <= ch <= "\u9fff"}))
_IDEOGRAPH_OF_NO_PAGE_NUMBER = re.compile(f"(?![{_PAGE_NUMBER_IDEOGRAPHS}])[\u4e00-\u9fff]")


def mark_word_values(row: list[Token]) -> None:
    """A word such as 若干 in a value cell of one table row (its cells in order) keeps its column
    as a value that is not a number (a NULL token with its text), instead of passing for label
    text. Tab, pipe and grid rows use it, and the reader's own cells (source_cells.py)."""
    values = [i for i, t in enumerate(row) if t.kind in (NUM, NULL)]
    if len(values) < 2:
        return
    for i, tok in enumerate(row):
        if tok.kind != TEXT or tok.col < 0 or not is_word_value(tok.text):
            continue
        after_first_value = i > values[0]
        before_values = i > 0 and row[i - 1].kind == TEXT and i + 1 < len(row) and row[i + 1].kind in (NUM, NULL)
        if after_first_value or before_values:
            tok.kind = NULL


# Tables drawn with box-drawing characters or full-width bars (a converter's or an editor's
# grid: │ ┃ ｜ ─ ┼ ├ …) are read as their ASCII counterparts, the pipes and rules lexed below.
_DRAWN_AS = {"|": "│┃║｜", "-": "─━═", "+": "┼╋╬├┤┬┴┌┐└┘┣┫┳┻┏┓┗┛╠╣╦╩╔╗╚╝"}
_AS_ASCII_RULINGS = str.maketrans({ch: ascii for ascii, drawn in _DRAWN_AS.items() for ch in drawn})
_DRAWN_RULINGS = re.compile("[" + "".join(_DRAWN_AS.values()) + "]")


_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def _csv_fields(line: str, among_rows: bool = False) -> list[tuple[int, str]] | None:
    """(offset, text) of each field of a comma-separated row (a quoted field's quotes blanked,
    offsets kept); None unless the line is one: two commas at least outside
    quotes, two fields at least plain numbers or blank marks, no field a sentence. A sentence
    with thousands separators (收到申请1,123件) has no two plain numbers between its commas.
    `among_rows` (the region has such rows): a row of labels is one too, and a row of two
    fields one a plain number (行政许可,5: a spreadsheet's export that does not pad its rows)."""
    if line.count(",") < (1 if among_rows else 2) or "\t" in line:
        return None
    fields, start, quoted = [], 0, False
    for i, ch in enumerate(line + ","):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            fields.append((start, line[start:i]))
            start = i + 1
    if quoted or len(fields) < (2 if among_rows else 3):
        return None
    out, numbers, empty = [], 0, 0
    for at, field in fields:
        inner = field.strip()
        if len(inner) >= 2 and inner[0] == inner[-1] == '"':
            lead = field.index('"')
            field = field[:lead] + " " + inner[1:-1] + " " + field[lead + len(inner) :]  # 1,234.5 stays one
            inner = field.strip()
        if "。" in inner or "；" in inner or len(inner) > _CSV_FIELD_MAX:
            return None
        if _PLAIN_NUMBER.fullmatch(inner.replace(",", "")) or inner in _NULL_MARKS:
            numbers += 1
        empty += not inner
        out.append((at, field))
    # A row of one value and blanks (行政许可,545,,) is one, and a header row of merged cells
    # (行政复议,,,,行政诉讼,,,): a sentence has no empty field.
    if among_rows:  # the region's rows are comma-separated: a header row of labels is one too
        return out if len(fields) >= 3 or numbers >= 1 else None
    return out if (numbers >= 1 and numbers + empty >= 2) or empty >= 2 else None


_CSV_FIELD_MAX = 64


class Tokenizer:
    """Tokenize text[start:end] of a document."""

    def __init__(self, text: str, start: int, end: int):
        if _DRAWN_RULINGS.search(text, start, end):
            text = text.translate(_AS_ASCII_RULINGS)  # one character for one: offsets stay
        self.text = text
        self.start = start
        self.end = end
        self.tokens: list[Token] = []
        # (line start, offset, display width of text[line start:offset]) of the last token placed,
        # so that a long line's display columns are summed once, not once per token.
        self._width_at = (-1, -1, 0)
        # pdftotext starts each page with a form feed: a token's page is the count of those before it.
        feeds = form_feeds(text)
        self._page_base = bisect.bisect_right(feeds, start)
        self._page_breaks = feeds[self._page_base : bisect.bisect_left(feeds, end)]
        self._open_row: tuple[int, int] | None = None  # (line, next cell index) of a row going on
        self._closed_row: tuple[int, int] | None = None  # the same for a row of "cell |" lines

    # ------------------------------------------------------------ entry
    def run(self) -> list[Token]:
        region = self.text[self.start : self.end]
        if _HTML_CELL.search(region):
            self._html(region)
        else:
            self._lines(region)
        for tok in self.tokens:
            if tok.kind == TEXT:
                tok.label = label_of(tok.text)
        return self.tokens

    def _add(
        self, raw: str, start: int, line: int, x: int = -1, structured: bool = False, col: int = -1
    ) -> None:
        """Add one cell; `raw` is the cell's text at document offset `start` (unstripped).

        x >= 0 asks for the token's position in its line (char and display column)."""
        stripped = raw.strip()
        if stripped and len(stripped) != len(raw):
            start += raw.index(stripped)
        reading = _cell_reading(stripped)
        if reading is None:
            return  # a page number
        kind, value = reading
        if kind == EMPTY and not structured:
            return
        xd = -1
        if x >= 0:
            x, xd = self._line_position(start)
        page = self._page_base + bisect.bisect_right(self._page_breaks, start) if self._page_breaks else self._page_base
        # Positional: a token is made for every cell, and keywords cost twice as much here.
        self.tokens.append(Token(kind, stripped, start, start + len(stripped), line, x, structured, value, "", xd, col,
                                 False, page))

    def _line_position(self, start: int) -> tuple[int, int]:
        """Character and display column of offset `start` in its line.

        A form feed (pdftotext's page break, written before the first line of a page) takes no
        column on the page: positions count from after it."""
        known_line, known_at, known_width = self._width_at
        between = self.text[known_at:start]
        if known_line >= 0 and known_at <= start and "\n" not in between and "\f" not in between:
            line_start, width = known_line, known_width + display_width(between)
        else:
            line_start = self.text.rfind("\n", 0, start) + 1
            line_start = self.text.rfind("\f", line_start, start) + 1 or line_start
            width = display_width(self.text[line_start:start])
        self._width_at = (line_start, start, width)
        return start - line_start, width

    # ------------------------------------------------------------ HTML tables (pandoc markdown)
    def _html(self, region: str) -> None:
        rows = [m.start() for m in _HTML_ROW.finditer(region)]
        pos = 0
        for m in _HTML_CELL.finditer(region):
            # Text between cells (captions, paragraphs) still counts as labels.
            between = region[pos : m.start()]
            if _TAG.sub("", between).strip():
                self._lines(between, offset=pos)
            pos = m.end()
            row = bisect.bisect_left(rows, m.start())  # rows that begin before this cell
            inner_start = m.start(2)
            inner = m.group(2)
            text = _TAG.sub(lambda t: " " * len(t.group(0)), inner)  # keep offsets
            self._add(text, self.start + inner_start, line=10_000 + row, structured=True)
        tail = region[pos:]
        if tail.strip():
            self._lines(tail, offset=pos)

    # ------------------------------------------------------------ line layouts
    def _lines(self, region: str, offset: int = 0) -> None:
        lines = region.split("\n")
        starts = []
        p = 0
        for ln in lines:
            starts.append(p)
            p += len(ln) + 1
        base_line = self.text.count("\n", 0, self.start + offset)
        cell_per_line = self._is_cell_per_line(lines)
        # Rows of a spreadsheet saved as CSV: with two of them, a header row or a shorter row
        # (label and value) is one too.
        csv_rows = sum(1 for ln in lines if len(_csv_fields(ln, among_rows=True) or ()) >= 3) >= 2
        i = 0
        if offset == 0 and self._inside_wiki_table(self.start):
            i = self._wiki_table(lines, starts, -1, offset, base_line)  # the region starts inside one
        elif offset == 0 and (opening := self._asciidoc_opening(self.start)) is not None:
            i = self._asciidoc_table(lines, starts, -1, offset, base_line, opening)
        while i < len(lines):
            line = lines[i]
            doc = self.start + offset + starts[i]
            if line.lstrip()[:1] in _RULE_STARTS:  # else no rule, border or table delimiter
                if _ORG_RULE.match(line):
                    i += 1
                    continue
                if _WIKI_TABLE_START.match(line):
                    i = self._wiki_table(lines, starts, i, offset, base_line)
                    continue
                if _ASCIIDOC_DELIMITER.match(line):
                    i = self._asciidoc_table(lines, starts, i, offset, base_line, doc)
                    continue
                if _RST_BORDER.match(line) and "+" in line:
                    i = self._rst_block(lines, starts, i, offset, base_line)
                    continue
                if _MD_RULE.match(line) or _SIMPLE_RULE.match(line):
                    i += 1
                    continue
            folio = _TRAILING_PAGE_NUMBER.search(line) if len(line) > _PAGE_LINE else None
            if folio:  # a page kept as one line ends with its page number ('… 31 - 3 -'): no cell
                line = lines[i] = line[: folio.start()] + " " * (len(line) - folio.start())
            stripped = line.strip()
            if stripped and is_page_number(stripped):
                i += 1  # a line that is a page number ('- 3 -', split at its spaces) holds no cell
                continue
            if not stripped or stripped == "\f":
                if not stripped and not cell_per_line:
                    # In one-cell-per-line text an empty line can be an empty cell.
                    self.tokens.append(Token(EMPTY, "", doc, doc, base_line + i, soft=True))
                i += 1
                continue
            if self._closed_row is not None:
                if len(stripped) > 1 and not stripped.strip("|"):
                    i += 1  # "||": what a cell spanning columns leaves, no cell of its own
                    continue
                if _closes_a_value_cell(stripped):
                    # "0 |" or a lone "|" after "label |": the row's next cell, blank or not.
                    row_line, col = self._closed_row
                    self._add(line[: line.rindex("|")], doc, row_line, structured=True, col=col)
                    self._closed_row = (row_line, col + 1)
                    i += 1
                    continue
                self._closed_row = None
            if self._open_row is not None and _CELL_CONTINUATION.match(line):
                # "|  0" under a pipe row whose last cell was left open: the row's next cell.
                row_line, col = self._open_row
                self._add(line[1:], doc + 1, row_line, structured=True, col=col)
                self._open_row = (row_line, col + 1)
                i += 1
                continue
            self._open_row = None
            if cell_per_line and "\t" in line and line.strip("\t ") == line.lstrip("\t ").split("\t")[0].strip():
                # One cell on its own line; a tab-only line is an empty cell.
                self._add(line.replace("\t", " "), doc, base_line + i, structured=True)
            elif line.count("|") >= 2 or (line.count("|") == 1 and line.rstrip().endswith("|")):
                following = lines[i + 1] if i + 1 < len(lines) else ""
                closed = _closed_cells_follow(lines, i)
                open_end = bool(_CELL_CONTINUATION.match(following)) and not closed
                self._pipe_row(line, doc, base_line + i, open_end=open_end)
                if closed:
                    self._closed_row = (base_line + i, 1)
            elif "\t" in line or (line.count('"') % 2 and (line.lstrip().startswith('"') or line.count(",") >= 2)):
                j = i
                while line.count('"') % 2 and j + 1 < len(lines) and j - i < 12:
                    # A quoted spreadsheet cell that holds line breaks ("结果\n维持").
                    j += 1
                    line = line + "\n" + lines[j]
                fields = None
                if line.count('"') % 2 or "\t" not in line:
                    fields = None if line.count('"') % 2 else _csv_fields(line, csv_rows)  # or a CSV row's
                    if fields is None:
                        line, j = lines[i], i
                if "\t" in line:
                    self._tab_row(line, doc, base_line + i)
                elif fields is not None:
                    self._csv_row(fields, doc, base_line + i)
                else:
                    self._space_row(line, doc, base_line + i)
                i = j
            elif (fields := _csv_fields(line, csv_rows)) is not None:
                self._csv_row(fields, doc, base_line + i)
            else:
                self._space_row(line, doc, base_line + i)
            i += 1

    def _csv_row(self, fields: list[tuple[int, str]], doc: int, line_no: int) -> None:
        """One row of comma-separated cells (a spreadsheet saved as CSV), a cell a field."""
        first = len(self.tokens)
        for col, (at, field) in enumerate(fields):
            self._split_cell(field, doc + at, line_no, -1, structured=True, col=col)
        self._mark_word_values(first)

    @staticmethod
    def _is_cell_per_line(lines: list[str]) -> bool:
        """Word-to-text output: nearly every non-blank line is one tab-indented cell."""
        content = [ln for ln in lines if ln.strip()]
        if len(content) < 8:
            return False
        single = sum(1 for ln in lines if ln.startswith("\t") and "\t" not in ln.strip("\t ").strip())
        multi = sum(1 for ln in content if "\t" in ln.strip("\t "))
        return single >= 0.5 * len(content) and multi <= 0.1 * len(content)

    def _pipe_row(self, line: str, doc: int, line_no: int, open_end: bool = False) -> None:
        """One row of pipe-separated cells. open_end: the next lines go on with this row's cells
        ("|  0" lines, as html2text writes a row with line breaks in it), so an empty last part
        is a cell."""
        if len(line.strip()) > 1 and not line.strip().strip("|"):
            self._open_row = None
            return  # "||", "|||": what a cell spanning columns leaves on a line of its own
        parts = line.split("|")
        # A row "| a | b |" has empty first and last parts; "a | b |" only the last.
        pos = 0
        bounds = []
        for part in parts:
            bounds.append((pos, part))
            pos += len(part) + 1
        if bounds and not bounds[0][1].strip() and line.lstrip().startswith("|"):
            bounds = bounds[1:]
        if bounds and not bounds[-1][1].strip() and not (open_end and len(bounds) > 1):
            bounds = bounds[:-1]
        first = len(self.tokens)
        col = 0
        while col < len(bounds):
            x, part = bounds[col]
            run = self._label_lines_run(bounds, col)
            if run > 1:
                self._label_across_cells(bounds[col : col + run], doc, line_no, col)
                col += run
                continue
            if not self._fraction_of_previous(part, doc + x, first):
                self._split_cell(part, doc + x, line_no, -1, structured=True, col=col)
            col += 1
        self._mark_word_values(first)
        self._open_row = (line_no, len(bounds)) if open_end else None

    def _fraction_of_previous(self, part: str, doc: int, first: int) -> bool:
        """A cell ".01" right after a cell "270": a converter cut one number in two where it saw
        two columns ("270.01"); the fraction joins the whole number before it."""
        stripped = part.strip()
        prev = self.tokens[-1] if len(self.tokens) > first else None
        if not re.fullmatch(r"\.\d+", stripped) or prev is None or prev.kind != NUM or not prev.text.isdigit():
            return False
        between = self.text[prev.end : doc + part.index(stripped)]
        if between.strip() != "|":
            return False
        prev.text = prev.text + stripped
        prev.value = float(prev.text)
        prev.end = doc + part.index(stripped) + len(stripped)
        return True

    @staticmethod
    def _label_lines_run(bounds: list[tuple[int, str]], col: int) -> int:
        """How many cells from `col` on hold label text broken into lines (<br>): one label a
        converter cut into columns, to be read line by line."""
        def lines_of(part: str) -> int:
            pieces = _LINE_BREAK_TAG.split(part)
            if len(pieces) < 2 or classify(_LINE_BREAK_TAG.sub("", part))[0] != TEXT:
                return 0
            return len(pieces)

        if not lines_of(bounds[col][1]):
            return 0
        run = 1
        while col + run < len(bounds) and lines_of(bounds[col + run][1]):
            run += 1
        return run

    def _label_across_cells(self, cells: list[tuple[int, str]], doc: int, line_no: int, col: int) -> None:
        """One label token for cells that show a label's lines side by side: line 1 of every
        cell, then line 2 of every cell (its span covers the cells)."""
        split = [_LINE_BREAK_TAG.split(part) for _, part in cells]
        height = max(len(lines) for lines in split)
        # Cells with fewer lines stand at the top or at the bottom of the row: the reading that
        # puts more of the form's own words together is the one taken.
        readings = []
        for bottom in (False, True):
            padded = [[""] * (height - len(c)) + c if bottom else c + [""] * (height - len(c)) for c in split]
            readings.append("".join(clean_cell_text(cell[k]) for k in range(height) for cell in padded))
        text = max(readings, key=_form_words_together)
        x0, first = cells[0]
        x1, last = cells[-1]
        self._add(first, doc + x0, line_no, -1, structured=True, col=col)
        tok = self.tokens[-1]
        tok.text, tok.end = text, doc + x1 + len(last.rstrip())

    def _tab_row(self, line: str, doc: int, line_no: int) -> None:
        first = len(self.tokens)
        pos = 0
        for col, part in enumerate(line.split("\t")):
            inner = part.strip()
            if len(inner) >= 2 and inner[0] == inner[-1] == '"':
                part = part.replace('"', " ")  # CSV quoting; spaces keep the offsets
            self._split_cell(part, doc + pos, line_no, -1, structured=True, col=col)
            pos += len(part) + 1
        self._mark_word_values(first)

    def _mark_word_values(self, first: int) -> None:
        mark_word_values(self.tokens[first:])

    def _space_row(self, line: str, doc: int, line_no: int) -> None:
        # In a row of numbers, "31不计" is a number with the overflow of a cut label glued on
        # (a converter that truncates cells to their width): the number stands alone.
        standalone = len(_STANDALONE_NUMBER.findall(line))
        glued = standalone >= 2 and standalone + len(_NUMBER_GLUED_TO_TEXT.findall(" " + line.strip())) >= 3
        for m in _WORDS_ONE_SPACE_APART.finditer(line):
            text, at = m.group(0), 0
            if glued:
                for g in _NUMBER_GLUED_TO_TEXT.finditer(text):
                    if text[at : g.start()].strip():
                        self._split_cell(text[at : g.start()], doc + m.start() + at, line_no, 0, structured=False)
                    self._split_cell(g.group(0), doc + m.start() + g.start(), line_no, 0, structured=False)
                    at = g.end()
            if not at and not _SPACE.search(text):
                self._add(text, doc + m.start(), line_no, 0)  # one word (_split_cell's usual cell)
            elif text[at:].strip():
                self._split_cell(text[at:], doc + m.start() + at, line_no, 0, structured=False)

    def _split_cell(
        self, part: str, doc: int, line_no: int, x: int, structured: bool, col: int = -1
    ) -> None:
        """A cell whose text may hold a label and numbers separated by single spaces."""
        stripped = part.strip()
        if not stripped:
            if structured:
                self._add(part, doc, line_no, x, structured=True, col=col)
            return
        if structured and _LINE_BREAK_TAG.search(part) and self._numbers_on_lines(part, doc, line_no):
            return
        if not _SPACE.search(stripped):
            self._add(part, doc, line_no, x, structured, col)  # one word (the usual cell)
            return
        words = list(_WORD.finditer(part))
        kinds = [classify(w.group(0))[0] for w in words]
        if len(words) == 1 or all(k == TEXT for k in kinds):
            self._add(part, doc, line_no, x, structured, col)
            return
        if structured and len(stripped) <= _PAGE_LINE and _counted_quantity().match(stripped):
            # "2023 年，我街道共收到…", "31 件，已全部": a cell opening with a number and its
            # measure word holds a sentence's quantity (narrative a converter drew into the
            # table), no cell's value. (A longer "cell" is a page's text on one line.)
            self._add(part, doc, line_no, x, structured, col)
            return
        if structured and all(k in (NUM, NULL) for k in kinds):
            # "28 1" inside one cell: a converter that drew one cell over two columns. The
            # numbers are a shared cell's (the recognizer decides whether they fill adjacent
            # columns), never one number read through the space: reports write no space in
            # their numbers, and two columns' values joined would pass for one unmarked.
            self._add_shared_cell([(w.start(), w.group(0)) for w in words], doc, line_no)
            return
        # Group consecutive label words into one label; numbers stand alone.
        group_start = None
        for w, kind in zip(words, kinds):
            if kind == TEXT:
                if group_start is None:
                    group_start = w.start()
                group_end = w.end()
                continue
            if group_start is not None:
                self._add(part[group_start:group_end], doc + group_start, line_no, x, structured)
                group_start = None
            # Several numbers in one structured cell lose the cell's column.
            self._add(w.group(0), doc + w.start(), line_no, x, structured, col if len(words) == 1 else -1)
        if group_start is not None:
            self._add(part[group_start:group_end], doc + group_start, line_no, x, structured)

    def _numbers_on_lines(self, part: str, doc: int, line_no: int) -> bool:
        """A cell "5<br>3": numbers on lines of their own are not the number 53. They are added
        as tokens of a shared cell (the recognizer decides whether they fill adjacent columns)."""
        pieces, pos = [], 0
        for m in list(_LINE_BREAK_TAG.finditer(part)) + [None]:
            end = m.start() if m else len(part)
            if clean_cell_text(part[pos:end]):
                pieces.append((pos, part[pos:end]))
            pos = m.end() if m else pos
        if len(pieces) < 2 or any(classify(p)[0] not in (NUM, NULL) for _, p in pieces):
            return False
        self._add_shared_cell(pieces, doc, line_no)
        return True

    def _add_shared_cell(self, pieces: list[tuple[int, str]], doc: int, line_no: int) -> None:
        """The numbers of one structured cell starting at `doc` (each piece: its offset in the
        cell, its text), as tokens of that shared cell."""
        for at, piece in pieces:
            self._add(piece, doc + at, line_no, -1, structured=True)
            self.tokens[-1].shared_cell = doc

    # ------------------------------------------------------------ MediaWiki tables
    def _inside_wiki_table(self, at: int) -> bool:
        """Whether offset `at` lies between a MediaWiki table's "{|" line and its "|}" line."""
        opened = self.text.rfind("\n{|", 0, at)
        if opened < 0 and not self.text.startswith("{|"):
            return False
        return not re.search(r"\n\s*\|\}", self.text[opened + 1 : at]) if at - opened < 200_000 else False

    def _wiki_table(self, lines, starts, i, offset, base_line) -> int:
        """Read a MediaWiki table from its "{|" line i; return the index after its "|}".

        Rows start at "|-"; a cell starts a line with "|" or "!" (header), several on one line
        are split by "||" or "!!", and a cell's text may go on over the next lines."""
        cells: list[list] = []  # [document offset, text] of each cell of the row being read

        def flush(row_line: int) -> None:
            first = len(self.tokens)
            for col, (doc, text) in enumerate(cells):
                self._split_cell(text, doc, row_line, -1, structured=True, col=col)
            self._mark_word_values(first)
            cells.clear()

        row_line = base_line + i
        i += 1
        while i < len(lines):
            line = lines[i]
            doc = self.start + offset + starts[i]
            if _WIKI_TABLE_END.match(line) or _WIKI_ROW.match(line):
                flush(row_line)
                row_line = base_line + i
                i += 1
                if _WIKI_TABLE_END.match(line):
                    return i
                continue
            stripped = line.lstrip()
            if stripped.startswith("|+"):
                i += 1  # the table's caption
                continue
            if stripped[:1] in ("|", "!"):
                sep = "!!" if stripped[0] == "!" else "||"
                pos = len(line) - len(stripped) + 1
                for part in line[pos:].split(sep):
                    attrs = _WIKI_ATTRIBUTES.match(part)
                    skip = attrs.end() if attrs else 0
                    cells.append([doc + pos + skip, part[skip:]])
                    pos += len(part) + len(sep)
            elif cells and line.strip():
                # The cell's text goes on; spaces keep the document offsets of what follows.
                cells[-1][1] += " " * (doc - cells[-1][0] - len(cells[-1][1])) + line
            i += 1
        flush(row_line)
        return i

    # ------------------------------------------------------------ AsciiDoc tables
    def _asciidoc_opening(self, at: int) -> int | None:
        """Offset of the "|===" line that opens an AsciiDoc table around offset `at`, if any."""
        before = self.text[max(0, at - 200_000) : at]
        delimiters = [m.start() for m in re.finditer(r"(?m)^[ \t]*\|===[ \t]*$", before)]
        if len(delimiters) % 2 == 0:
            return None
        return at - len(before) + delimiters[-1]

    def _asciidoc_columns(self, opening: int) -> int:
        """Columns of the AsciiDoc table opened at `opening`: its cols attribute, else the cells
        of its first row line."""
        line_start = self.text.rfind("\n", 0, max(0, opening - 1)) + 1
        m = _ASCIIDOC_COLS.match(self.text[line_start:opening])
        if m:
            spec = m.group(1).strip()
            if spec.isdigit():
                return int(spec)
            return len(spec.split(",")) if spec else 0
        body = self.text[opening:].split("\n", 1)[-1]
        first = next((ln for ln in body.split("\n") if ln.strip()), "")
        return first.count("|")

    def _asciidoc_table(self, lines, starts, i, offset, base_line, opening: int) -> int:
        """Read an AsciiDoc table from its "|===" line i; return the index after the closing one.

        Each cell starts with "|"; a row is as many cells as the table has columns, whatever the
        line breaks (a row may go on over the next line). A lone "+" (a hard line break) is an
        empty cell."""
        ncols = self._asciidoc_columns(opening)
        cells: list[tuple[int, str, int]] = []  # document offset, text, line number

        def flush() -> None:
            width = ncols if ncols > 0 else len(cells)
            for k in range(0, len(cells), max(width, 1)):
                row = cells[k : k + width]
                first = len(self.tokens)
                for col, (doc, text, _) in enumerate(row):
                    self._split_cell(text, doc, row[0][2], -1, structured=True, col=col)
                self._mark_word_values(first)
            cells.clear()

        i += 1
        while i < len(lines):
            line = lines[i]
            doc = self.start + offset + starts[i]
            if _ASCIIDOC_DELIMITER.match(line):
                i += 1
                break
            if line.lstrip().startswith("|"):
                pos = line.index("|") + 1
                for part in line[pos:].split("|"):
                    # "+" ends a line inside a cell (a hard break): alone, the cell is empty.
                    text = re.sub(r"(?:^|\s)\+\s*$", lambda m: " " * len(m.group(0)), part)
                    cells.append((doc + pos, text, base_line + i))
                    pos += len(part) + 1
            elif line.strip() and cells:
                doc0, text, line_no = cells[-1]
                cells[-1] = (doc0, text + " " * (doc - doc0 - len(text)) + line, line_no)
            i += 1
        flush()
        return i

    # ------------------------------------------------------------ reST grid tables
    def _rst_block(self, lines, starts, i, offset, base_line) -> int:
        """Read grid-table rows from border line i; return the index after the table."""
        i += 1
        block: list[int] = []
        while i < len(lines):
            line = lines[i]
            is_border = bool(_RST_BORDER.match(line)) and "+" in line
            if is_border or not line.strip().startswith("|"):
                if block:
                    self._rst_row(lines, starts, block, offset, base_line)
                    block = []
                if not is_border:
                    break
            else:
                block.append(i)
            i += 1
        if block:
            self._rst_row(lines, starts, block, offset, base_line)
        return i

    def _rst_row(self, lines, starts, block, offset, base_line) -> None:
        """One grid row: cell texts joined down the lines; numbers wrapped in a cell rejoin."""
        columns: dict[int, list[tuple[int, str]]] = {}
        for idx in block:
            line = lines[idx]
            pos = 0
            parts = line.split("|")
            for col, part in enumerate(parts):
                if 0 < col < len(parts) - 1 or (col == len(parts) - 1 and part.strip()):
                    columns.setdefault(col, []).append((self.start + offset + starts[idx] + pos, part))
                pos += len(part) + 1
        line_no = base_line + block[0]
        for col in sorted(columns):
            frags = [(s, p) for s, p in columns[col] if clean_cell_text(p)]  # markup alone ("**") is no text
            if not frags:
                self._add("", columns[col][0][0], line_no, structured=True, col=col)
                continue
            pieces = [clean_cell_text(p) for _, p in frags]
            joined_digits = "".join(pieces)
            first = frags[0][0] + frags[0][1].index(frags[0][1].strip())
            last_s, last_p = frags[-1]
            last = last_s + last_p.index(last_p.strip()) + len(last_p.strip())
            kind, value = classify(joined_digits)
            if kind in (NUM, NULL):
                tok = Token(kind, joined_digits, first, last, line_no, -1, True, value, col=col)
            else:
                tok = Token(TEXT, " ".join(pieces), first, last, line_no, -1, True, col=col)
            if tok.kind == TEXT and is_page_number(tok.text):
                continue
            self.tokens.append(tok)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return Tokenizer(text, start, end).run()


def before_narrative(tokens: list[Token], is_narrative: Callable[[str], bool]) -> list[Token]:
    """Tokens up to the first text after some values that is_narrative(label) takes for a
    sentence after the table (its numbers are not the table's)."""
    seen_value = False
    for i, tok in enumerate(tokens):
        if tok.kind in (NUM, NULL):
            seen_value = True
        elif tok.kind == TEXT and seen_value and is_narrative(tok.label):
            return tokens[:i]
    return tokens
