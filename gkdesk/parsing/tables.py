"""Recognize 表二, 表三 and 表四 in a tokenized region: rows by their labels, values by structure.

Rows are found by the anchors of the schema, in order, in the stream of label text (so a
label wrapped over several lines, or cut by a number, is still found). A row's values are
the value tokens from its label to the next row's label. When a row has fewer values than
columns, they are placed by their horizontal position (space-aligned text), else by the
table's own relations, and marked inferred.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..model import Cell, ParseNote, Table
from ..schema import T3_TOTAL_COLUMN, T4, TableSpec, normalize_label, normalized_anchors
from .tokens import EMPTY, NULL, NUM, TEXT, Token

# Text before an anchor inside the same token: a numbering or group label, not a sentence.
_MAX_ANCHOR_PREFIX = 22
_VALUE_KINDS = (NUM, NULL, EMPTY)


@dataclass
class RowHit:
    row: int
    token: int  # index of the token where the row's label starts


def find_rows(tokens: list[Token], spec: TableSpec) -> list[RowHit]:
    """Rows of `spec` found in the tokens, in the schema's order."""
    stream_parts: list[str] = []
    owner: list[int] = []  # stream offset -> token index
    offset_in_token: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.kind != TEXT or not tok.label:
            continue
        stream_parts.append(tok.label)
        owner.extend([i] * len(tok.label))
        offset_in_token.extend(range(len(tok.label)))
    stream = "".join(stream_parts)
    hits: list[RowHit] = []
    pos = 0
    for r, anchors in enumerate(normalized_anchors(spec)):
        best = None
        for anchor in anchors:
            start = pos
            while True:
                i = stream.find(anchor, start)
                if i < 0:
                    break
                tok = tokens[owner[i]]
                prefix = tok.label[: offset_in_token[i]]
                if len(prefix) <= _MAX_ANCHOR_PREFIX and "。" not in prefix:
                    if best is None or i < best[0]:
                        best = (i, i + len(anchor))
                    break
                start = i + 1
        if best is None:
            continue
        hits.append(RowHit(r, owner[best[0]]))
        pos = best[1]
    return hits


def _trim(values: list[Token], ncols: int) -> tuple[list[Token], float]:
    """Cut a row's value tokens to its column count; confidence falls with what was cut."""
    if len(values) == ncols:
        return values, 1.0
    vals = list(values)
    while len(vals) > ncols and vals[0].kind == EMPTY:
        vals.pop(0)
    while len(vals) > ncols and vals[-1].kind == EMPTY:
        vals.pop()
    if len(vals) > ncols:
        return vals[:ncols], 0.7
    return vals, 0.95 if len(vals) == ncols else 0.5


def _cell(tok: Token | None, confidence: float, inferred: bool = False, note: str = "") -> Cell:
    if tok is None:
        return Cell(None, "", None, confidence, inferred, note)
    value = tok.value if tok.kind == NUM else None
    return Cell(value, tok.text if tok.kind != EMPTY else "", (tok.start, tok.end), confidence, inferred, note)


class ColumnPositions:
    """Column centres of a space-aligned table, learnt from its own rows."""

    def __init__(self, rows: list[list[Token]], ncols: int):
        self.centres: list[float] | None = None
        full = [r for r in rows if len(r) == ncols and all(t.x >= 0 and not t.structured for t in r)]
        if full:
            self.centres = [statistics.median(_mid(r[c]) for r in full) for c in range(ncols)]
            return
        mids = sorted(_mid(t) for r in rows for t in r if t.x >= 0 and not t.structured)
        groups: list[list[float]] = []
        for m in mids:
            if groups and m - groups[-1][-1] <= 2.5:
                groups[-1].append(m)
            else:
                groups.append([m])
        if len(groups) == ncols:
            self.centres = [sum(g) / len(g) for g in groups]

    def place(self, values: list[Token]) -> list[int] | None:
        """Columns for the values, in order, nearest their centres (or None if unknown)."""
        if self.centres is None or any(t.x < 0 or t.structured for t in values):
            return None
        n, m = len(values), len(self.centres)
        # Order-preserving assignment minimising distance (small DP: n <= m <= 15).
        inf = float("inf")
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back = [[-1] * (m + 1) for _ in range(n + 1)]
        for j in range(m + 1):
            cost[0][j] = 0.0
        for i in range(1, n + 1):
            for j in range(i, m + 1):
                # value i-1 goes to column j-1, previous values to columns < j-1
                best, arg = inf, -1
                for k in range(i - 1, j):
                    if cost[i - 1][k] < best:
                        best, arg = cost[i - 1][k], k
                if best < inf:
                    cost[i][j] = best + abs(_mid(values[i - 1]) - self.centres[j - 1])
                    back[i][j] = arg
        j = min(range(n, m + 1), key=lambda jj: cost[n][jj])
        cols = []
        for i in range(n, 0, -1):
            cols.append(j - 1)
            j = back[i][j]
        return cols[::-1]


def _mid(tok: Token) -> float:
    return tok.x + len(tok.text) / 2


def _place_by_relation(spec: TableSpec, values: list[Token]) -> list[int] | None:
    """表三: place k < 7 values so that 总计 = the applicant columns, leftmost first."""
    if spec.id != "t3" or not values or any(t.kind == EMPTY for t in values):
        return None
    nums = [t.value if t.kind == NUM else 0 for t in values]
    k = len(values)
    if k == 1:
        return None
    *parts, total = nums
    if abs(sum(parts) - total) > 1e-9:
        return None
    return list(range(k - 1)) + [T3_TOTAL_COLUMN]


def _build_row(spec: TableSpec, r: int, values: list[Token], positions: ColumnPositions | None) -> list[Cell]:
    ncols = len(spec.row_columns(r))
    vals, confidence = _trim(values, ncols)
    if len(vals) == ncols:
        return [_cell(t, confidence) for t in vals]
    cells = [Cell(None, "", None, 0.3) for _ in range(ncols)]
    if not vals:
        for c in cells:
            c.note = "该行未读到数值"
        return cells
    cols = positions.place(vals) if positions else None
    how = "按文字位置对齐到列"
    if cols is None:
        cols = _place_by_relation(spec, vals)
        how = "按本行合计关系推定所在列"
    if cols is None:
        cols = list(range(len(vals)))
        how = "数值少于列数，按顺序填入"
        confidence = 0.2
    else:
        confidence = 0.6
    for tok, c in zip(vals, cols):
        cells[c] = _cell(tok, confidence, inferred=True, note=how)
    for c in cells:
        if c.span is None:
            c.note = how + "；此格未见数值"
    return cells


def recognize_rows_table(tokens: list[Token], spec: TableSpec, notes: list[ParseNote]) -> Table | None:
    """表二 or 表三 from its tokens; None if no row of it is there."""
    hits = find_rows(tokens, spec)
    if not hits:
        return None
    table = Table.blank(spec)
    row_values: dict[int, list[Token]] = {}
    for k, hit in enumerate(hits):
        end = hits[k + 1].token if k + 1 < len(hits) else len(tokens)
        vals = [t for t in tokens[hit.token + 1 : end] if t.kind in _VALUE_KINDS]
        if k + 1 == len(hits):
            vals = _last_row_values(tokens[hit.token + 1 : end], len(spec.row_columns(hit.row)))
        row_values[hit.row] = vals
    positions = None
    if spec.id == "t3":
        positions = ColumnPositions(list(row_values.values()), len(spec.columns))
    for r, vals in row_values.items():
        table.cells[r] = _build_row(spec, r, vals, positions)
    found = {h.row for h in hits}
    table.missing_rows = [r for r in range(len(spec.rows)) if r not in found]
    table.complete = not table.missing_rows
    for r in table.missing_rows:
        notes.append(
            ParseNote("row_missing", f"{spec.number}未找到“{spec.rows[r].label}”一行", spec.id, r)
        )
    starts = [tokens[h.token].start for h in hits]
    ends = [c.span[1] for row in table.cells for c in row if c.span]
    table.span = (min(starts), max(ends + [tokens[hits[-1].token].end]))
    return table


def _last_row_values(tokens: list[Token], ncols: int) -> list[Token]:
    """The last row's values: stop at the first sentence after them (narrative after a table)."""
    vals: list[Token] = []
    for t in tokens:
        if t.kind in _VALUE_KINDS:
            vals.append(t)
        elif vals and len(t.label) > 6:
            break
    return vals


_T4_HEADER_CHARS = set(
    normalize_label("".join("".join(c.header_path) for c in T4.columns) + T4.title + T4.number + "()（）、")
)


def _is_t4_header(tok: Token) -> bool:
    return tok.kind == TEXT and bool(tok.label) and set(tok.label) <= _T4_HEADER_CHARS


def recognize_t4(tokens: list[Token], notes: list[ParseNote]) -> Table | None:
    """表四: the 15 values after its header."""
    ncols = len(T4.columns)
    seen_header = False
    values: list[Token] = []
    header_tokens: list[Token] = []
    for tok in tokens:
        if _is_t4_header(tok):
            if values and len(values) >= ncols:
                break
            seen_header = True
            values = []
            header_tokens.append(tok)
        elif tok.kind in _VALUE_KINDS:
            if seen_header:
                values.append(tok)
        elif seen_header and values:
            break
    if not seen_header:
        return None
    table = Table.blank(T4)
    vals, confidence = _trim(values, ncols)
    if len(vals) == ncols:
        table.cells[0] = [_cell(t, confidence) for t in vals]
    elif vals:
        positions = _t4_positions(header_tokens, ncols)
        cols = positions.place(vals) if positions else None
        how = "按文字位置对齐到列" if cols else "数值少于列数，按顺序填入"
        cols = cols or list(range(len(vals)))
        for tok, c in zip(vals, cols):
            table.cells[0][c] = _cell(tok, 0.6 if how.startswith("按文字") else 0.2, True, how)
        notes.append(ParseNote("values_missing", f"表四只读到 {len(vals)} 个数值（应为 {ncols} 个）", "t4", 0))
    spans = [t.start for t in header_tokens] + [t.end for t in vals]
    table.span = (min(spans), max(spans)) if spans else None
    return table


def _t4_positions(header_tokens: list[Token], ncols: int) -> ColumnPositions | None:
    """Column centres from the last header line whose words name the five outcomes thrice."""
    by_line: dict[int, list[Token]] = {}
    for t in header_tokens:
        if t.x >= 0 and not t.structured:
            by_line.setdefault(t.line, []).append(t)
    for line in sorted(by_line, reverse=True):
        toks = by_line[line]
        if len(toks) == ncols:
            pos = ColumnPositions([], ncols)
            pos.centres = [_mid(t) for t in toks]
            return pos
    return None
