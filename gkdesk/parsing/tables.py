"""Recognize 表二, 表三 and 表四 in a tokenized region: rows by their labels, values by structure.

Rows are found by the anchors of the schema, in order, in the stream of label text (so a
label wrapped over several lines, or cut by a number, is still found). A row's values are
the value tokens from its label to the next row's label. When a row has fewer values than
columns, they are placed by their horizontal position (space-aligned text, columns.py), else
by the table's own relations, and marked inferred; a row the positions place in several ways
becomes a Choice the solver settles by the relations or reports (column_placements.py), not
a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..model import Cell, ParseNote, Table
from ..schema import FORMATS, SECTIONS, T3_TOTAL_COLUMN, T4, TableSpec, normalize_label, split_ordinal, table_spec
from .column_placements import AMBIGUOUS_ZEROS_NOTE, PLACED_NOTE, ambiguous_cells, placement_choice
from .columns import ColumnPositions, positional
from .. import relations
from .digit_runs import row_relations, split_run
from .blank_lines import Spacing, place_by_lines, spacing_of
from .row_alignment import align_labels
from .solver import Choice
from .tokens import EMPTY, NULL, NUM, TEXT, Token, before_narrative
from .value_lines import DOUBTFUL_NOTE, LINE_BETWEEN_LABELS_NOTE, SHIFTED_NOTE, lines_to_rows, values_to_rows

# Text before an anchor inside the same token: a numbering or group label, not a sentence.
_MAX_ANCHOR_PREFIX = 22
_VALUE_KINDS = (NUM, NULL, EMPTY)


@dataclass
class RowHit:
    row: int
    token: int  # index of the token where the row's label starts (its first value when unlabeled)
    similarity: float = 1.0  # of the label to the row's (1.0: as the form writes it)
    labeled: bool = True  # False: no label; placed by its values between its neighbours'


def find_rows(tokens: list[Token], spec: TableSpec) -> list[RowHit]:
    """Rows of `spec` found in the tokens, in the schema's order, by aligning the schema's
    labels with the tokens' label text (row_alignment.py)."""
    held, by_spec = _LAST_ALIGNED
    if held is not tokens:  # the version choice and the reading align the same tokens
        by_spec = {}
        _LAST_ALIGNED[:] = [tokens, by_spec]
    if spec not in by_spec:
        by_spec[spec] = _aligned_rows(tokens, spec)[0]
    return list(by_spec[spec])


# The tokens last aligned (held, so that their identity is not reused) and their rows per spec.
_LAST_ALIGNED: list = [None, {}]


def _aligned_rows(tokens: list[Token], spec: TableSpec) -> tuple[list[RowHit], float]:
    labeled = [i for i, tok in enumerate(tokens) if tok.kind == TEXT and tok.label]
    # Label text on either side of a value is not one label: a mark no label holds keeps an
    # alignment from reaching across (规 | 0 1 2 | 的范性文件 is two rows).
    pieces = [
        tokens[i].label + (_VALUE_BETWEEN if any(t.kind in (NUM, NULL) for t in tokens[i + 1 : j]) else "")
        for i, j in zip(labeled, labeled[1:] + [len(tokens)])
    ]

    def admissible(piece: int, offset: int) -> bool:
        # Text before a label inside the same token: a numbering or group label, or the
        # table's own header; a longer text or a sentence is narrative naming the row.
        prefix = pieces[piece][:offset]
        return (len(prefix) <= _MAX_ANCHOR_PREFIX and "。" not in prefix) or _is_header_prefix(prefix, spec)

    matches, fit = align_labels(spec, pieces, admissible)
    matches = _outside_other_labels(spec, pieces, matches)
    hits = []
    for k, (m, piece, offset) in enumerate(matches):
        after = matches[k - 1][1] if k else -1  # the piece where the row before starts
        first = _label_start(spec, m.row, pieces, piece, offset, after)
        hits.append(RowHit(m.row, labeled[first], 1.0 if m.exact else m.similarity))
    return hits, fit


def _label_start(spec: TableSpec, row: int, pieces: list[str], piece: int, offset: int, after: int) -> int:
    """The piece where the row's label begins: the matched piece, or earlier pieces that are the
    label's beginning (a label wrapped over lines with its values printed between them, which
    the alignment does not reach across, matched from its second line on)."""
    label = split_ordinal(_normalized_label(spec, row))[1]
    # Before the match in its own piece: an ordinal, or the label's words before those matched
    # (an anchor), which with earlier pieces' words begin the label.
    text = pieces[piece][:offset]
    matched = pieces[piece][offset:].rstrip(_VALUE_BETWEEN)[:2]
    start = piece
    for p in range(piece - 1, after, -1):
        text = pieces[p].rstrip(_VALUE_BETWEEN) + text
        number, head = split_ordinal(text)
        if head not in label or (not head and number is None):
            break  # no longer a piece of the label
        if label.startswith(head) and label[len(head) :].startswith(matched):
            start = p  # these pieces and the matched text make the label, in order
    return start


def _outside_other_labels(spec: TableSpec, pieces: list[str], matches: list) -> list:
    """The matches without an inexact one that lies inside the whole label of the row matched
    before it in the same piece (二、上年结转… taken from the words 政府信息公开申请数量 that end
    一、本年新收政府信息公开申请数量, whose own row matched its anchor 本年新收): those words
    are that row's, and the row so matched is one whose label was lost."""
    out = []
    for m, piece, offset in matches:
        if out and not m.exact and out[-1][1] == piece:
            prev, _, prev_offset = out[-1]
            whole = _normalized_label(spec, prev.row)
            at = pieces[piece].find(whole, max(0, prev_offset - len(whole)))
            if whole and 0 <= at <= prev_offset and offset < at + len(whole):
                continue
        out.append((m, piece, offset))
    return out


@cache
def _normalized_label(spec: TableSpec, row: int) -> str:
    return normalize_label(spec.rows[row].label)


_VALUE_BETWEEN = "\x00"
def fitting_version(tokens: list[Token], table_id: str, expected: str) -> str:
    """`expected` (the version the table's words or the year show), unless its rows of
    `table_id` are not all found in the tokens (by label, or by position between found ones)
    and the other version's are: a 2021 report may print the 2019 表三, or misprint the label
    that tells them apart."""
    if _all_rows_found(tokens, table_spec(expected, table_id)):
        return expected
    other = next(v for v in FORMATS if v != expected)
    return other if _all_rows_found(tokens, table_spec(other, table_id)) else expected


def _all_rows_found(tokens: list[Token], spec: TableSpec) -> bool:
    """Every row found, and none holding more values than its columns (rows of the other
    version the spec has no room for)."""
    hits = place_unlabeled_rows(tokens, spec, find_rows(tokens, spec))
    if len(hits) != len(spec.rows):
        return False
    cut, values = {}, {}
    for k, hit in enumerate(hits):
        end = hits[k + 1].token if k + 1 < len(hits) else len(tokens)
        span = tokens[hit.token + (1 if hit.labeled else 0) : end]
        if k + 1 == len(hits):
            span = before_narrative(span, lambda label: len(label) > 6)
        cut[hit.row] = (tokens[hit.token : hit.token + 1] if hit.labeled else []) + span
        values[hit.row] = [t for t in span if t.kind in (NUM, NULL) and not t.soft]
    width = lambda row: len(spec.row_columns(row))  # noqa: E731
    for row, (line, _) in lines_to_rows(hits, cut, values, width, _lead(tokens, hits)).items():
        values[row] = line
    return all(len(v) <= width(row) for row, v in values.items())


def _lead(tokens: list[Token], hits: list[RowHit]) -> list[Token]:
    """The values after the table's header words and before its first row's label."""
    before = tokens[: hits[0].token]
    words = [i for i, t in enumerate(before) if t.kind == TEXT]
    return [t for t in before[words[-1] + 1 if words else 0 :] if t.kind in (NUM, NULL)]


UNLABELED_ROW_NOTE = "原文中未能辨认本行的行标签，按前后两行之间数值的位置推定为本行，请对照原件核对"


def _is_cell(tok: Token) -> bool:
    return tok.kind in (NUM, NULL) or (tok.kind == EMPTY and tok.structured and not tok.soft)


def place_unlabeled_rows(tokens: list[Token], spec: TableSpec, hits: list[RowHit]) -> list[RowHit]:
    """`hits` with the rows whose label was not found but whose values stand between their
    neighbours' (a label misprinted past recognition, or lost by a converter): when the
    cells between two found rows fall into exactly one line per row, or their number is
    exactly the rows' cell count, each such row starts at its first cell (labeled=False)."""
    if not hits:
        return hits
    out: list[RowHit] = []
    first = hits[0]
    if first.row == 1:
        # The first row, before the second one's label: its cells, one line, after the header.
        cells = [i for i in range(first.token) if _is_cell(tokens[i])]
        starts = _row_starts(tokens, cells, spec, [0]) if cells else None
        if starts:
            out.append(RowHit(0, starts[0], 0.0, labeled=False))
    for k, hit in enumerate(hits):
        out.append(hit)
        nxt = hits[k + 1].token if k + 1 < len(hits) else None
        if nxt is not None:
            gap = list(range(hit.row + 1, hits[k + 1].row))
        else:  # after the last row found, only the table's last row, and before any narrative
            gap = [hit.row + 1] if hit.row + 2 == len(spec.rows) else []
        if not gap:
            continue
        span = range(hit.token + (1 if hit.labeled else 0), nxt if nxt is not None else len(tokens))
        cells = [i for i in span if _is_cell(tokens[i])]
        if nxt is None:
            kept = before_narrative([tokens[i] for i in span], lambda label: len(label) > 6)
            cells = [i for i in cells if i < span.start + len(kept)]
        starts = _row_starts(tokens, cells, spec, [hit.row] + gap)
        if starts:
            out += [RowHit(r, at, 0.0, labeled=False) for r, at in zip(gap, starts[1:])]
    return out


def _row_starts(tokens: list[Token], cells: list[int], spec: TableSpec, rows: list[int]) -> list[int] | None:
    """Where each of `rows` starts among `cells`: one line a row, else by the rows' cell counts;
    failing both, the same without the lines of empty cells only (the cells a heading row of
    the table has beside its heading are no row's values)."""
    starts = _row_starts_among(tokens, cells, spec, rows)
    if starts is not None:
        return starts
    valued = {tokens[i].line for i in cells if tokens[i].kind in (NUM, NULL)}
    kept = [i for i in cells if tokens[i].line in valued]
    return _row_starts_among(tokens, kept, spec, rows) if kept and len(kept) < len(cells) else None


def _row_starts_among(tokens: list[Token], cells: list[int], spec: TableSpec, rows: list[int]) -> list[int] | None:
    groups: list[list[int]] = []
    for i in cells:
        if groups and tokens[groups[-1][-1]].line == tokens[i].line:
            groups[-1].append(i)
        else:
            groups.append([i])
    if len(groups) == len(rows) and all(_fits(tokens, g, spec, [r]) for g, r in zip(groups, rows)):
        return [g[0] for g in groups]
    widths = [len(spec.row_columns(r)) for r in rows]
    if len(cells) != sum(widths):
        return None
    starts, at = [], 0
    for w in widths:
        starts.append(cells[at])
        at += w
    return starts


def _fits(tokens: list[Token], cells: list[int], spec: TableSpec, rows: list[int]) -> bool:
    """Whether the cells can be the rows' own: some value, no more values than columns."""
    values = sum(1 for i in cells if tokens[i].kind in (NUM, NULL))
    return 0 < values <= sum(len(spec.row_columns(r)) for r in rows)


_MAX_HEADER_CHARS = 400  # 表三's header with its 勾稽关系 note is about 110 characters


def _is_header_prefix(prefix: str, spec: TableSpec) -> bool:
    """Text before an anchor in the same token that is the table's own header (whole documents
    on one line: the header words, then the first row's label), after any sentence before it."""
    tail = prefix[-_MAX_HEADER_CHARS - 1 :].rsplit("。", 1)[-1]
    if len(tail) > _MAX_HEADER_CHARS:
        return False  # no table's header is that long (and a long line is not searched again and again)
    rest = tail
    for word in _header_words(spec):
        rest = rest.replace(word, "")
    if len(tail) - len(rest) >= 4 and len(rest) <= 6:
        return True
    # A header whose cells of several lines a converter interleaved word by word (自然 社会 法律
    # 之和… 人 公益 服务): no word whole, but its characters all the header's.
    header = _header_chars(spec)
    if len(tail) > 200 or len(tail[-12:].translate(_PUNCTUATION).translate(header)) > 1:
        return False  # (the words just before the label settle most: checked first)
    chars = tail.translate(_PUNCTUATION)
    return len(chars) >= 8 and len(chars.translate(header)) <= 0.05 * len(chars)


_PUNCTUATION = str.maketrans("", "", "()（）:：,，、;；.。 ")


@cache
def _header_chars(spec: TableSpec) -> dict:
    """A translation deleting the characters of the table's header words."""
    return str.maketrans("", "", "".join(sorted(set("".join(_header_words(spec))))))


@cache
def _header_words(spec: TableSpec) -> tuple[str, ...]:
    """The words the form prints above and beside a table's rows, longest first."""
    words = {spec.number, spec.title, spec.note, spec.label_header, *spec.cues}
    words |= {sec.heading for sec in SECTIONS}
    for r, row in enumerate(spec.rows):
        words |= set(row.path)
        words |= {w for c in spec.row_columns(r) for w in (*c.header_path, *c.aliases)}
    normalized = {normalize_label(w) for w in words} - {""}
    return tuple(sorted(normalized, key=len, reverse=True))


RUN_SPLIT_NOTE = "本行数字连在一起，按本行列数和合计关系拆分（只有一种拆法）"
_RUN_CHARACTERS = frozenset("0123456789/／—－")


def _trailing_run(text: str) -> tuple[int, str] | None:
    """Where the digits and null marks at the end of `text` start, and they (one of them a digit).
    A scan from the end, not a regex search: that backtracks cubically on long digit runs."""
    start = len(text)
    while start > 0 and text[start - 1] in _RUN_CHARACTERS:
        start -= 1
    run = text[start:]
    return (start, run) if any(ch.isdigit() for ch in run) else None


def _digits_run_together(tokens: list[Token], spec: TableSpec, row: int) -> list[Token]:
    """A row short of values where one run of digits holds several cells (a PDF reader that
    dropped the gaps between them: "”2000013" after the label, "00001", "0 01 0"): the run split
    into the cells the row lacks, in its place among the other values, when the row's own
    relations (表三's 总计, 表四's group totals) or the digits themselves allow only one split."""
    kinds = [c.kind for c in spec.row_columns(row)]
    values = [t for t in tokens if t.kind in (NUM, NULL)]
    for i, tok in enumerate(tokens):
        # A label's end, or a "number" no cell is written as ("00001": cells run together).
        label_end = tok.kind == TEXT and (not values or tok.start < values[0].start)
        glued = label_end or (tok.kind == NUM and len(tok.text) > 1 and tok.text[0] == "0" and tok.text.isdigit())
        found_run = _trailing_run(tok.text) if glued else None
        if found_run is None:
            continue
        run_at, run = found_run
        before = [t for t in values if t.start < tok.start]
        after = [t for t in values if t.start > tok.start]
        k = len(kinds) - len(before) - len(after)
        if k < 2 or len(run) < k:
            continue
        start = tok.start + run_at
        found = []
        for split in split_run(run, start, kinds[len(before) : len(before) + k]):
            row_values = [t.value or 0 for t in before] + [p.value or 0 for p in split] + [t.value or 0 for t in after]
            if _row_relations_hold(spec, row, row_values):
                found.append(split)
        if len(found) != 1:
            return []
        pieces = [
            Token(NUM if p.value is not None else NULL, tok.text[p.start - tok.start : p.end - tok.start],
                  p.start, p.end, tok.line, value=p.value)
            for p in found[0]
        ]
        return before + pieces + after
    return []


def _row_relations_hold(spec: TableSpec, row: int, values: list) -> bool:
    """Whether every relation of the table that lies within this one row holds for `values`."""
    get = relations.grid_lookup(spec.id, [None] * row + [values])
    return not any(st.broken for st in relations.evaluate(spec, get, row_relations(spec, row)))


def _trim(values: list[Token], ncols: int) -> list[Token]:
    """A row's value tokens without the empty cells at its edges that exceed its column count."""
    vals = list(values)
    while len(vals) > ncols and vals[0].kind == EMPTY:
        vals.pop(0)
    while len(vals) > ncols and vals[-1].kind == EMPTY:
        vals.pop()
    return vals


def _cell(tok: Token | None, confidence: float, inferred: bool = False, note: str = "") -> Cell:
    if tok is None:
        return Cell(None, "", None, confidence, inferred, note)
    value = tok.value if tok.kind == NUM else None
    return Cell(value, tok.text if tok.kind != EMPTY else "", (tok.start, tok.end), confidence, inferred, note)


class ColumnGrid:
    """Cell indices of the value columns in tab, pipe or grid rows that keep a sheet's grid:
    from the header cells that name the columns, else from where the values stand."""

    def __init__(self, rows: list[list[Token]], ncols: int, header: list[Token] = (), labels: tuple[str, ...] = ()):
        self.index = _header_grid(header, labels) if labels else None
        if self.index is None:
            cols = sorted({t.col for r in rows for t in r if t.col >= 0 and t.kind in (NUM, NULL)})
            self.index = {c: i for i, c in enumerate(cols)} if len(cols) == ncols else None

    def place(self, values: list[Token], ncols: int) -> list[Token | None] | None:
        if self.index is None:
            return None
        out: list[Token | None] = [None] * ncols
        for t in values:
            if t.col not in self.index:
                if t.kind in (NUM, NULL):
                    return None  # a value outside the grid: the grid does not describe this row
                continue
            i = self.index[t.col]
            held = out[i]
            if held is None or held.kind == EMPTY:
                out[i] = t if t.kind != EMPTY or held is None else held
            elif t.kind != EMPTY:
                return None  # two values for one column: not one row of this grid
        return out


def _header_grid(header: list[Token], labels: tuple[str, ...]) -> dict[int, int] | None:
    """Column index -> table column, when every column label stands in its own header cell."""
    cols: list[int] = []
    used: set[int] = set()
    for label in labels:
        match = next((t for t in header if t.col >= 0 and t.label == label and id(t) not in used), None)
        if match is None:
            return None
        used.add(id(match))
        cols.append(match.col)
    if len(set(cols)) != len(cols):
        return None
    return {c: i for i, c in enumerate(cols)}


def leaf_labels(columns) -> tuple[str, ...]:
    return tuple(normalize_label(c.short or c.label) for c in columns)


def _place_by_relation(spec: TableSpec, values: list[Token]) -> list[int] | None:
    """表三: place k < 7 values so that 总计 = the applicant columns, leftmost first."""
    if spec.id != "t3" or len(values) < 2 or any(t.kind == EMPTY for t in values):
        return None
    nums = [t.value if t.kind == NUM else 0 for t in values]
    *parts, total = nums
    if abs(sum(parts) - total) > 1e-9:
        return None
    return list(range(len(values) - 1)) + [T3_TOTAL_COLUMN]


def _one_per_line(values: list[Token]) -> bool:
    lines = [t.line for t in values]
    return len(set(lines)) == len(lines)


class _PositionsWhenAsked:
    """The ColumnPositions of rows, learnt when a row first asks where its values go: only a
    row with fewer values than columns does, and in most tables every row is full."""

    def __init__(self, rows: list[list[Token]], ncols: int):
        self._rows, self._ncols = rows, ncols
        self._learnt: ColumnPositions | None = None

    def placements(self, values: list[Token]) -> list[list[int]]:
        if self._learnt is None:
            self._learnt = ColumnPositions(self._rows, self._ncols)
        return self._learnt.placements(values)


@dataclass
class RowLayout:
    positions: ColumnPositions | _PositionsWhenAsked | None = None
    grid: ColumnGrid | None = None
    # Every short row has the same number of values: whole columns left blank, not random cells.
    blank_columns: bool = False
    # One cell a line: the spacing between rows that the full rows show (blank_lines.py); None
    # where the empty lines are not blank cells' (a full row has some between its values).
    spacing: Spacing | None = None


@dataclass
class BuiltRow:
    cells: list[Cell]
    numbers: list[Token] = field(default_factory=list)
    # Several placements the text's positions allow (columns.py): the row is not settled yet.
    options: list[list[int]] = field(default_factory=list)
    choice: Choice | None = None  # several placements the empty lines allow (blank_lines.py)


SHARED_CELL_NOTE = "原文一格内有几个数值，按本行列数推定为相邻几列的值"
SHARED_CELL_UNREAD_NOTE = "原文一格内有几个数值，看不出各属哪一列，此格留空"
SHARED_CELL_PLACED_NOTE = "本行有一格内有几个数值，看不出它占几列，本格所在列是推定的"


def _build_row(ncols: int, spec: TableSpec, hard: list[Token], soft: list[Token], layout: RowLayout,
               row: int | None = None, last_row: bool = False) -> BuiltRow:
    """The cells of one row from its value tokens (hard) and, for one-cell-per-line text, with
    empty lines kept as possible empty cells (soft)."""
    if any(t.shared_cell >= 0 for t in hard):
        return _row_with_shared_cells(ncols, spec, hard, soft, layout)
    if len(hard) == ncols:
        return BuiltRow([_cell(t, 1.0) for t in hard])
    if layout.grid is not None and hard and all(t.col >= 0 for t in hard):
        placed = layout.grid.place(hard, ncols)
        if placed is not None:
            return BuiltRow([_cell(t, 0.9) if t is not None else Cell(None, "", None, 0.9) for t in placed])
    own_line = _cells_of_first_line(hard)
    if len(own_line) == ncols:
        # The row's own line holds exactly its cells (the table's grid shifts between pages).
        return BuiltRow([_cell(t, 0.9) if t.kind != EMPTY else Cell(None, "", (t.start, t.end), 0.9) for t in own_line])
    vals = _trim(hard, ncols)
    if len(vals) == ncols:
        return BuiltRow([_cell(t, 0.95) for t in vals])
    numbers = [t for t in vals if t.kind in (NUM, NULL)]
    if len(numbers) == ncols:
        return BuiltRow([_cell(t, 0.85) for t in numbers])  # the empty cells were layout padding
    if len(vals) > ncols:
        return BuiltRow([_cell(t, 0.5, True, "数值多于列数，取前几个") for t in vals[:ncols]])
    if soft and layout.spacing is not None and numbers and _one_per_line(numbers) and row is not None:
        # One cell a line: the empty lines between the values bound the blank cells (blank_lines.py).
        placed = place_by_lines(spec, row, soft, layout.spacing, row_relations(spec, row), last_row)
        if placed is not None:
            return BuiltRow(placed.cells, choice=placed.choice)
    cells = [Cell(None, "", None, 0.3) for _ in range(ncols)]
    if not numbers:
        for c in cells:
            c.note = "该行未读到数值"
        return BuiltRow(cells)
    options = layout.positions.placements(numbers) if layout.positions else []
    if len(options) > 1:
        return BuiltRow(ambiguous_cells(ncols, numbers, options), numbers, options)
    cols = options[0] if options else None
    how, confidence = PLACED_NOTE, 0.6
    if cols is None and not layout.blank_columns and all(t.kind == NUM and t.value == 0 for t in numbers):
        return BuiltRow(_zeros_of_unknown_place(spec, ncols, numbers))
    if cols is None:
        cols = _place_by_relation(spec, numbers)
        how = "按本行合计关系推定所在列"
    if cols is None:
        cols = list(range(len(numbers)))
        how, confidence = "数值少于列数，按顺序填入", 0.2
    for tok, c in zip(numbers, cols):
        cells[c] = _cell(tok, confidence, inferred=True, note=how)
    for c in cells:
        if c.span is None:
            c.note, c.inferred = how + "；此格未见数值", True  # blank because the values were put elsewhere
    return BuiltRow(cells)


def _cells_of_first_line(hard: list[Token]) -> list[Token]:
    """The cells on the line of a tab or pipe row's first value, when they follow one another
    up to the line's end (no cell lost between them); else none."""
    if not hard or any(t.col < 0 for t in hard):
        return []
    line = [t for t in hard if t.line == hard[0].line]
    cols = [t.col for t in line]
    if cols != list(range(cols[0], cols[0] + len(cols))) or not any(t.kind in (NUM, NULL) for t in line):
        return []
    return line


def _row_with_shared_cells(ncols: int, spec: TableSpec, hard: list[Token], soft: list[Token], layout: RowLayout) -> BuiltRow:
    """A row where one cell held several numbers ("5<br>3", "5 3"): they are the
    values of adjacent columns when that makes the row's cell count right (marked inferred);
    otherwise that cell is left blank with a note, never read as one number."""
    vals = _trim(hard, ncols)
    numbers = [t for t in vals if t.kind in (NUM, NULL)]
    first_line = [t for t in numbers if t.line == numbers[0].line] if numbers else []
    # The row's cells, its numbers (the empty cells were layout padding), or the numbers of its
    # first line (the lines after it are another row's, printed before that row's label).
    for cells in (vals, numbers, first_line):
        if len(cells) == ncols:
            return BuiltRow([
                _cell(t, 0.6, True, SHARED_CELL_NOTE) if t.shared_cell >= 0 else _cell(t, 0.9) for t in cells
            ])
    merged: list[Token] = []
    blank_of: dict[int, Token] = {}  # shared cell -> the one empty cell that stands for it
    for t in hard:
        if t.shared_cell < 0:
            merged.append(t)
        elif t.shared_cell in blank_of:
            blank_of[t.shared_cell].end = t.end
        else:
            blank_of[t.shared_cell] = Token(EMPTY, "", t.start, t.end, t.line, structured=True)
            merged.append(blank_of[t.shared_cell])
    blanked = {(t.start, t.end) for t in blank_of.values()}
    built = _build_row(ncols, spec, merged, [], layout)
    for c in built.cells:
        if c.span in blanked:
            c.value, c.inferred, c.note = None, True, SHARED_CELL_UNREAD_NOTE
        elif c.value is not None and not c.inferred:
            # How many columns the shared cell spans is not known: nor is where the others stand.
            c.inferred, c.note = True, SHARED_CELL_PLACED_NOTE
    return built


def _zeros_of_unknown_place(spec: TableSpec, ncols: int, numbers: list[Token]) -> list[Cell]:
    """Fewer zeros than columns and nothing that tells where they stand: every placement fits.

    Each cell is 0 or blank and nothing tells which, so all show 0, marked inferred with a note
    (the sums are the same either way). Only the zeros that were read carry a span."""
    cols = _place_by_relation(spec, numbers) or list(range(len(numbers)))
    cells = [Cell(0, "", None, 0.2, True, AMBIGUOUS_ZEROS_NOTE) for _ in range(ncols)]
    for tok, c in zip(numbers, cols):
        cells[c] = Cell(0, tok.text, (tok.start, tok.end), 0.2, True, AMBIGUOUS_ZEROS_NOTE)
    return cells


@cache
def _other_headings(spec: TableSpec, row: int) -> tuple[str, ...]:
    """The headings of the items other than the row's own, where every row is under an item
    heading printed above its rows (表二); none elsewhere."""
    if not all(r.path for r in spec.rows):
        return ()
    own = spec.rows[row].path[0]
    return tuple(sorted({normalize_label(r.path[0]) for r in spec.rows if r.path[0] != own}))


def _before_other_heading(span_tokens: list[Token], spec: TableSpec, row: int) -> list[Token]:
    headings = _other_headings(spec, row)
    if not headings:
        return span_tokens
    for i, tok in enumerate(span_tokens):
        if tok.kind == TEXT and any(h in tok.label for h in headings):
            return span_tokens[:i]
    return span_tokens


def recognize_rows_table(tokens: list[Token], spec: TableSpec, notes: list[ParseNote],
                         choices: list[Choice] | None = None) -> Table | None:
    """表二 or 表三 from its tokens; None if no row of it is there. Rows the positions place in
    several ways are added to `choices` for the solver (their cells meanwhile show what every
    placement agrees on)."""
    hits = find_rows(tokens, spec)
    if not hits:
        return None
    if len(hits) * 2 < len(spec.rows) and not any(t.kind in (NUM, NULL) for t in tokens[hits[0].token :]):
        # A few labels and not one value after them: a sentence naming a row ('上年结转0件'
        # reads as text) above a table the converter dropped, not a table of blanks.
        return None
    hits = place_unlabeled_rows(tokens, spec, hits)
    table = Table.blank(spec)
    hard_values: dict[int, list[Token]] = {}
    soft_values: dict[int, list[Token]] = {}
    run_split_rows: set[int] = set()
    row_tokens: dict[int, list[Token]] = {}
    for k, hit in enumerate(hits):
        end = hits[k + 1].token if k + 1 < len(hits) else len(tokens)
        span_tokens = tokens[hit.token + (1 if hit.labeled else 0) : end]
        if k + 1 == len(hits):
            # The last row ends at the first sentence after its values (narrative after a table).
            span_tokens = before_narrative(span_tokens, lambda label: len(label) > 6)
        # A row ends at the heading of another item (表二's 第二十条第…项): what follows it is
        # that item's, whatever the order the converter printed the cells in.
        span_tokens = _before_other_heading(span_tokens, spec, hit.row)
        hard_values[hit.row] = [t for t in span_tokens if t.kind in _VALUE_KINDS and not t.soft]
        soft_values[hit.row] = [t for t in span_tokens if t.kind in _VALUE_KINDS]
        row_tokens[hit.row] = (tokens[hit.token : hit.token + 1] if hit.labeled else []) + span_tokens
    # Lines of values printed between labels go to the rows without values, in order.
    width = lambda row: len(spec.row_columns(row))  # noqa: E731
    lead = _lead(tokens, hits)
    moved = lines_to_rows(hits, row_tokens, hard_values, width, lead)
    for r, (line, _) in moved.items():
        hard_values[r] = soft_values[r] = line
    placed_rows = {r for r, (_, placed) in moved.items() if placed}
    shifted, doubtful = {}, set()
    if not moved:
        # A row's values printed before its label on the same line (flat text): nothing but
        # their order and count to go by.
        counted = {r: [t for t in v if t.kind in (NUM, NULL)] for r, v in hard_values.items()}
        shifted, doubtful = values_to_rows(hits, counted, width, lead)
        for r, values in shifted.items():
            hard_values[r] = soft_values[r] = values  # a row not found by its label is found so
    # One row's digits run together inside an otherwise spaced table (not a table flattened
    # whole, which label_runs.py reads).
    short = [r for r, v in hard_values.items() if sum(1 for t in v if t.kind in (NUM, NULL)) < len(spec.row_columns(r))]
    if len(short) * 2 < len(hard_values):
        for r in short:
            split = _digits_run_together(row_tokens[r], spec, r)
            if split:
                hard_values[r] = soft_values[r] = split
                run_split_rows.add(r)
    # Rows that share a column set share a layout (表二's groups, all of 表三).
    layouts: dict[tuple, RowLayout] = {}
    header = tokens[: hits[0].token]
    for r in hard_values:
        key = spec.row_columns(r)
        if key not in layouts:
            rows = [v for rr, v in hard_values.items() if spec.row_columns(rr) == key]
            labels = leaf_labels(key) if spec.id == "t3" else ()
            counts = [sum(1 for t in v if t.kind in (NUM, NULL)) for v in rows]
            short = [n for n in counts if n < len(key)]
            blank_columns = len(short) >= 3 and len(set(short)) == 1
            layouts[key] = RowLayout(
                _PositionsWhenAsked(rows, len(key)), ColumnGrid(rows, len(key), header, labels), blank_columns
            )
    if _empty_lines_only_separate(tokens[hits[0].token :]):
        soft_values = {r: [] for r in soft_values}
    elif any(t.soft for v in soft_values.values() for t in v):
        spacing = spacing_of([(v, len(spec.row_columns(rr))) for rr, v in soft_values.items()])
        for layout in layouts.values():
            layout.spacing = spacing
    unlabeled = {hit.row for hit in hits if not hit.labeled}
    last = hits[-1].row
    for r in hard_values:
        cols = spec.row_columns(r)
        built = _build_row(len(cols), spec, hard_values[r], soft_values[r], layouts[cols], r, r == last)
        table.cells[r] = built.cells
        choice = built.choice or (placement_choice(spec, r, built.numbers, built.options) if built.options else None)
        for cells in [built.cells] + (choice.options if choice else []):
            _mark_row(cells, r in run_split_rows, r in unlabeled)
            apart = LINE_BETWEEN_LABELS_NOTE if r in placed_rows else SHIFTED_NOTE if r in shifted else None
            _mark_row_moved(cells, apart or (DOUBTFUL_NOTE if r in doubtful else None))
        if choice is not None and choices is not None:
            choices.append(choice)
    for r in sorted(unlabeled):
        notes.append(ParseNote(
            "row_by_position", f"{spec.number}“{spec.rows[r].label}”一行：{UNLABELED_ROW_NOTE}", spec.id, r,
        ))
    found = {h.row for h in hits} | set(shifted)
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


def _empty_lines_only_separate(tokens: list[Token]) -> bool:
    """One cell a line with an empty line after every one (a text browser's dump): empty lines
    are spacing there, never two in a row, so they cannot stand for blank cells."""
    if not any(t.soft for t in tokens):
        return False
    kinds = "".join("E" if t.soft else ("V" if t.kind in (NUM, NULL) else "T") for t in tokens).strip("E")
    return "EE" not in kinds and "VV" not in kinds and kinds.count("VEV") >= 5


def _mark_row_moved(cells: list[Cell], note: str | None) -> None:
    """A row's values given to it by the rows' order (value_lines.py), or in doubt: marked."""
    for c in cells:
        if note and c.value is not None:
            c.inferred, c.confidence = True, min(c.confidence, 0.6)
            c.note = note + ("；" + c.note if c.note else "")


def _mark_row(cells: list[Cell], run_split: bool, unlabeled: bool) -> None:
    """A row's cells marked as its digits were split, or as placed without its label."""
    for c in cells:
        if run_split:
            c.inferred, c.confidence, c.note = True, min(c.confidence, 0.5), RUN_SPLIT_NOTE
        if unlabeled:
            c.inferred, c.confidence = True, min(c.confidence, 0.4)
            c.note = UNLABELED_ROW_NOTE + ("；" + c.note if c.note else "")


_T4_HEADER_CHARS = set(
    normalize_label("".join("".join(c.header_path) for c in T4.columns) + T4.title + T4.number + "()（）、")
)


def _is_t4_header(tok: Token) -> bool:
    return tok.kind == TEXT and bool(tok.label) and set(tok.label) <= _T4_HEADER_CHARS


# The characters of 表四's number, title and a section heading's numbering ('四、').
_T4_TITLE_CHARS = set(normalize_label(T4.number + T4.title + "一二三四五六、()（）"))


def _names_t4_column(tok: Token) -> bool:
    """A header token with more than 表四's title: a column's words, whole or one character a
    line as a PDF reader leaves vertical headers ('结', '果', …)."""
    return not set(tok.label) <= _T4_TITLE_CHARS


def recognize_t4(tokens: list[Token], notes: list[ParseNote], choices: list[Choice] | None = None) -> Table | None:
    """表四: the 15 values after its header (a row the positions place in several ways is
    added to `choices`, as in recognize_rows_table)."""
    ncols = len(T4.columns)
    seen_header = False
    values: list[Token] = []
    header_tokens: list[Token] = []
    for tok in tokens:
        if _is_t4_header(tok):
            if sum(1 for v in values if v.kind in (NUM, NULL)) >= ncols:
                break  # a header after a full row of values belongs to something else
            seen_header = True
            values = []
            header_tokens.append(tok)
        elif tok.kind in _VALUE_KINDS:
            if seen_header:
                values.append(tok)
        elif seen_header and any(v.kind in (NUM, NULL) for v in values):
            break
    if not seen_header:
        return None
    if not any(v.kind in (NUM, NULL) for v in values) and not any(_names_t4_column(t) for t in header_tokens):
        # Only the table's title (a converter left a placeholder such as '[TABLE]'): no table
        # is there to read, and fifteen blanks would claim one.
        return None
    table = Table.blank(T4)
    hard = [v for v in values if not v.soft]
    run_split = False
    if 0 < sum(1 for v in hard if v.kind in (NUM, NULL)) < ncols:
        split = _digits_run_together(hard, T4, 0)
        if split:
            hard = values = split
            run_split = True
    while values and values[0].soft:
        values.pop(0)  # blank lines between the header and the values
    layout = RowLayout(
        positions=_t4_positions(header_tokens, ncols),
        grid=ColumnGrid([], ncols, sorted(header_tokens, key=lambda t: t.col), leaf_labels(T4.columns)),
    )
    built = _build_row(ncols, T4, hard, values, layout, 0, True)
    table.cells[0] = built.cells
    choice = built.choice or (placement_choice(T4, 0, built.numbers, built.options) if built.options else None)
    for cells in [built.cells] + (choice.options if choice else []):
        _mark_row(cells, run_split, False)
    if choice is not None and choices is not None:
        choices.append(choice)
    got = sum(1 for c in table.cells[0] if c.span)
    if hard and got < ncols and any(c.inferred for c in table.cells[0]):
        notes.append(ParseNote("values_missing", f"表四只读到 {got} 个数值（应为 {ncols} 个）", "t4", 0))
    spans = [t.start for t in header_tokens] + [t.end for t in hard]
    table.span = (min(spans), max(spans)) if spans else None
    return table


def _t4_positions(header_tokens: list[Token], ncols: int) -> ColumnPositions | None:
    """Column centres from the last header line that names the five outcomes three times."""
    by_line: dict[int, list[Token]] = {}
    for t in header_tokens:
        if positional(t):
            by_line.setdefault(t.line, []).append(t)
    for line in sorted(by_line, reverse=True):
        toks = by_line[line]
        if len(toks) == ncols:
            return ColumnPositions([toks], ncols)
    return None
