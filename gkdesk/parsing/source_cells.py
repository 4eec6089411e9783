"""The recognizer's tokens straight from a reader's own table cells (readers/document.py).

A .docx, web page or PDF reader knows each table cell exactly: its grid row and column, what it
spans, its text and where that text stands in the rendered text. Lexing the rendering again
(tokens.py) would guess those cells a second time; here each grid cell is one token as the
document has it: kind by the cell classifier tokens.py uses, line = the row's line in the
rendered text (one line a grid row), col = the cell's first grid column, span = the cell's text.
A merged cell is one token where it starts; the positions it covers give none (they are not
empty cells), except that an empty cell several rows high is a blank in each of its rows. An
empty cell is an EMPTY token (blank, never zero). Text between the tables
(headings, paragraphs) is lexed as any text. Tables follow one another in the document's
order, so a table continued on the next page goes on where the page before left off.
"""
from __future__ import annotations

from dataclasses import replace

from .tokens import TEXT, Token, classify, is_page_number, label_of, mark_word_values, tokenize


def tables_within(tables, bounds: tuple[int, int]) -> list:
    """The document's tables (SourceTable) that lie within `bounds`, whole or in part, in order."""
    start, end = bounds
    inside = [t for t in tables if t.span[0] < end and t.span[1] > start and t.cells]
    return sorted(inside, key=lambda t: t.span[0])


def region_tokens(text: str, bounds: tuple[int, int], tables) -> list[Token]:
    """The tokens of text[bounds]: the tables' cells as cells, the text between them lexed."""
    start, end = bounds
    tokens: list[Token] = []
    pos = start
    for table in tables:
        tokens += _lexed(text, pos, min(table.span[0], end))
        tokens += table_tokens(text, table, bounds)
        pos = max(pos, table.span[1] + 1)  # after the line break that ends its last row
    return tokens + _lexed(text, pos, end)


def _lexed(text: str, start: int, end: int) -> list[Token]:
    """text[start:end] lexed, the line break before a table not taken for an empty line."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    return tokenize(text, start, end) if end > start else []


def table_tokens(text: str, table, bounds: tuple[int, int]) -> list[Token]:
    """One token a grid cell of `table` whose text lies within `bounds`, row by row."""
    first_line = text.count("\n", 0, table.span[0])
    out: list[Token] = []
    row_tokens: list[Token] = []
    row = None
    for cell in sorted(table.cells + _covered_blanks(table), key=lambda c: (c.row, c.col)):
        if cell.span[0] < bounds[0] or cell.span[1] > bounds[1]:
            continue
        if cell.row != row:
            mark_word_values(row_tokens)
            row_tokens, row = [], cell.row
        token = _cell_token(cell, first_line, table.page)
        if token is not None:
            row_tokens.append(token)
            out.append(token)
    mark_word_values(row_tokens)
    return out


def _covered_blanks(table) -> list:
    """An empty cell several rows high is a blank in each row it covers (a PDF's ruling may draw
    no line between two blank cells): one blank cell a row, as wide as the merged one, its span
    the empty field of its first column in that row's rendered line (fields joined by TABs,
    readers/document.py)."""
    merged = [c for c in table.cells if c.rowspan > 1 and not c.text.strip()]
    if not merged:
        return []
    starting: dict[int, dict] = {}  # row -> column -> the SourceCell that starts there
    for c in table.cells:
        starting.setdefault(c.row, {})[c.col] = c
    out = []
    for m in merged:
        for r in range(m.row + 1, m.row + m.rowspan):
            at = _field_start(starting.get(r, {}), m.col)
            if at is not None:
                out.append(replace(m, row=r, rowspan=1, text="", span=(at, at)))
    return out


def _field_start(row: dict, col: int) -> int | None:
    """Where the field of grid column `col` starts in the row's rendered line, from a cell that
    starts in the row (a field is its cell's text where one starts, else empty)."""
    left = [k for k in row if k < col]
    if left:
        k = max(left)
        return row[k].span[0] + sum(len(row[j].text) if j in row else 0 for j in range(k, col)) + (col - k)
    right = [k for k in row if k > col]
    if right:
        k = min(right)
        return row[k].span[0] - sum(len(row[j].text) if j in row else 0 for j in range(col, k)) - (k - col)
    return None


def _cell_token(cell, first_line: int, table_page: int | None) -> Token | None:
    text = cell.text.strip()
    kind, value = classify(text)
    if kind == TEXT and is_page_number(text):
        return None  # as tokens.py: a page number is no cell's content
    page = cell.box[0] if cell.box is not None else (table_page or 0)
    start = cell.span[0] + (cell.text.index(text) if text else 0)
    token = Token(kind, text, start, start + len(text), first_line + cell.row,
                  structured=True, value=value, col=cell.col, page=page)
    if kind == TEXT:
        token.label = label_of(text)
    return token
