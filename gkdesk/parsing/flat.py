"""Tables from web pages archived as flat text: a table on one line, every separator lost.

A row then reads `一、本年新收政府信息公开申请数量640020470`: its label and its numbers run
together. The labels are found by the schema's anchors; the digits between two labels are
split into the row's cells. Numbers are written without leading zeros (a lone `0` is a
number), which already cuts most runs one way only; the table's own relations (总计 = the
applicant columns, （七）总计 = the results, 一+二 = （七）+四, 表四's totals) choose among the
rest. A value found this way is inferred and says so. When several splits still fit, the row
is left blank with a note that lists them: guessing would put a plausible wrong number in
front of the reviewer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from ..model import Cell, ParseNote, Table
from ..schema import TableSpec, ValueKind, normalize_label, normalized_anchors, squeeze, table_relations

_VALUE_CHARS = re.compile(r"[0-9,.\-/—－]+")
_NULLS = "/—－"
# A number as a cell holds it: no leading zeros, optional thousands commas.
_COUNT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")
_DECIMAL = re.compile(r"(?:0|[1-9]\d*)\.\d+")
_NUMBERING = re.compile(r"(\d+)[.、．]")
_MAX_SPLITS = 2_000  # per row: more than this and the row is not one table row
_MAX_CELL_CHARS = 14  # the longest cell text read as one number (1,234,567,890.12)
_MAX_COMBINATIONS = 20_000
_MAX_FAULTY_SPLITS = 5_000  # a row whose own relation fails and nothing else guides its split
# Search steps for one row's splits, and for all the rows of a table. The hardest real row
# takes under 10 000; a run of digits that fits no split (a long junk number) took minutes
# before the search was bounded (a step costs about 10 µs).
_MAX_STEPS = 50_000
_MAX_TABLE_STEPS = 150_000
_NOTE = "网页平铺文本中本行数字连写在一起，按数字写法和表格勾稽关系拆分"
_BLANK_NOTE = "本行数字少于格数（空白格在平铺文本中不留痕迹），按合计关系推定此格为空白"


@dataclass
class Piece:
    """One cell's text inside a run of digits: value None for a null mark."""

    value: int | float | None
    start: int  # offsets in the squeezed region
    end: int


@dataclass
class FlatRow:
    row: int
    chunks: list[tuple[int, str]]  # (squeezed offset, text) of the value runs after its label
    splits: list[list[Piece]]
    last: bool = False  # the table's last row: narrative digits may follow its own


def flat_rows(text: str, region: tuple[int, int], spec: TableSpec) -> list[FlatRow] | None:
    """The value runs after each row label, or None if the region does not read as flat text."""
    squeezed = _masked(text, region, spec)
    hits = _label_hits(squeezed, spec, _table_start(squeezed, spec))
    if len(hits) < max(2, len(spec.rows) // 2):
        return None
    rows = []
    for k, (r, start, end) in enumerate(hits):
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        segment_end = nxt[1] if nxt else len(squeezed)
        chunks = _value_chunks(squeezed, end, segment_end, nxt is None, spec.rows[nxt[0]].label if nxt else "")
        rows.append(FlatRow(r, chunks, [], last=nxt is None))
    if sum(1 for row in rows if row.chunks) < len(rows) // 2:
        return None
    return rows


def _masked(text: str, region: tuple[int, int], spec: TableSpec) -> str:
    """The squeezed region with the column headers blotted out (`本年增/减` holds no null mark)."""
    # A line break ends a run of digits (the narrative after a table may start with a year).
    squeezed, _ = squeeze(text[region[0] : region[1]].replace("\n", "↵"))
    names = {normalize_label(col.label) for r in range(len(spec.rows)) for col in spec.row_columns(r)}
    names |= {normalize_label(a) for r in range(len(spec.rows)) for col in spec.row_columns(r) for a in col.aliases}
    for name in sorted(names, key=len, reverse=True):
        if name and _VALUE_CHARS.search(name):
            squeezed = squeezed.replace(name, "□" * len(name))
    return squeezed


def _table_start(squeezed: str, spec: TableSpec) -> int:
    """Where the table's header begins: its most specific cue (narrative before it may repeat
    row labels, e.g. 上年结转1件)."""
    for cue in spec.cues:
        i = squeezed.find(normalize_label(cue))
        if i >= 0:
            return i
    return 0


def _label_hits(squeezed: str, spec: TableSpec, pos: int = 0) -> list[tuple[int, int, int]]:
    """(row, start, end) of each row's anchor in the squeezed text, in the schema's order."""
    hits = []
    for r, anchors in enumerate(normalized_anchors(spec)):
        best = None
        for anchor in anchors:
            i = squeezed.find(anchor, pos)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, i + len(anchor))
        if best is not None:
            hits.append((r, best[0], best[1]))
            pos = best[1]
    return hits


def _value_chunks(squeezed: str, start: int, end: int, last: bool, next_label: str) -> list[tuple[int, str]]:
    """Runs of value characters between a label and the next one, without the next label's
    numbering (`…00000002.其他` ends row 1 with 0000000 and starts row 2 with 2.)."""
    chunks = []
    for m in _VALUE_CHARS.finditer(squeezed, start, end):
        s, e = m.start(), m.end()
        run = squeezed[s:e]
        # a trailing '.' or a thousands comma with nothing after it is punctuation
        while run and run[-1] in ".,":
            run, e = run[:-1], e - 1
        if run:
            chunks.append((s, run))
        if last and chunks:
            break  # after the last row comes narrative
    numbering = _NUMBERING.match(next_label)
    if chunks and numbering:
        s, run = chunks[-1]
        after = squeezed[s + len(run) : s + len(run) + 1]
        if after in ".、．" and run.endswith(numbering.group(1)):
            run = run[: -len(numbering.group(1))]
            chunks[-1] = (s, run)
            if not run:
                chunks.pop()
    # a label's own numbering right after it (e.g. the "1" of "1.属于") is not a value
    return [(s, run) for s, run in chunks if run]


# ---------------------------------------------------------------- splitting ---------------

class SearchBudget:
    """Search steps left for one row, shared by every split tried for it."""

    def __init__(self, steps: int = _MAX_STEPS):
        self.left = steps


def split_run(
    run: str,
    offset: int,
    kinds: list[ValueKind],
    last_is_sum: bool = False,
    limit: int = _MAX_SPLITS,
    budget: SearchBudget | None = None,
) -> list[list[Piece]]:
    """Every way to read `run` as len(kinds) cells (at most _MAX_SPLITS of them); with
    `last_is_sum` only those whose last cell is the sum of the others (a row's 总计).
    A search that runs out of its budget proves nothing and gives no split."""
    n = len(kinds)
    out: list[list[Piece]] = []
    if len(run) > n * _MAX_CELL_CHARS:
        return out  # no table row is that long: not cells run together
    budget = budget or SearchBudget()

    def walk(pos: int, col: int, acc: list[Piece], total) -> None:
        budget.left -= 1
        if len(out) >= limit or budget.left < 0:
            return
        if col == n:
            if pos == len(run):
                out.append(list(acc))
            return
        if len(run) - pos < n - col:
            return
        if last_is_sum and col == n - 1:
            for value, end in _pieces_at(run, pos, kinds[col]):
                if end == len(run) and abs((value or 0) - total) <= 1e-6:
                    acc.append(Piece(value, offset + pos, offset + end))
                    out.append(list(acc))
                    acc.pop()
            return
        for value, end in _pieces_at(run, pos, kinds[col]):
            if last_is_sum and not _room_for(run, end, n - col - 1, total + (value or 0)):
                break  # longer pieces only grow the sum
            acc.append(Piece(value, offset + pos, offset + end))
            walk(end, col + 1, acc, total + (value or 0))
            acc.pop()

    walk(0, 0, [], 0)
    return out if budget.left >= 0 else []


def _room_for(run: str, pos: int, cells_left: int, partial: float) -> bool:
    """Can run[pos:] still hold cells_left cells whose last is >= partial (the sum so far)?"""
    longest_total = len(run) - pos - (cells_left - 1)
    if longest_total <= 0:
        return False
    digits = run[len(run) - longest_total :]
    if not digits.isdigit():
        return True  # signs or null marks: no cheap bound
    return int(digits) >= partial


def _pieces_at(run: str, pos: int, kind: ValueKind):
    """(value, end) of every cell text that can start at run[pos]."""
    ch = run[pos]
    if ch in _NULLS or (ch == "-" and kind != ValueKind.SIGNED_COUNT):
        yield None, pos + 1
        return
    sign, start = 1, pos
    if ch == "-":
        sign, start = -1, pos + 1
    seen = set()
    for pattern in (_COUNT, _DECIMAL) if kind == ValueKind.AMOUNT else (_COUNT,):
        for end in range(start + 1, min(len(run), start + _MAX_CELL_CHARS) + 1):
            text = run[start:end]
            if pattern.fullmatch(text) and end not in seen:
                seen.add(end)
                value = float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
                if sign < 0 and value == 0:
                    continue
                yield sign * value, end


def row_splits(row: FlatRow, spec: TableSpec, table_budget: SearchBudget | None = None) -> list[list[Piece]]:
    """The splits of one row's runs into its cells (chunks never merge into one cell)."""
    kinds = [col.kind for col in spec.row_columns(row.row)]
    if not row.chunks:
        return []
    budget = SearchBudget(min(_MAX_STEPS, table_budget.left) if table_budget else _MAX_STEPS)
    steps = budget.left
    try:
        return _row_splits(row, spec, kinds, budget)
    finally:
        if table_budget is not None:
            table_budget.left -= steps - max(budget.left, 0)


def _row_splits(row: FlatRow, spec: TableSpec, kinds: list[ValueKind], budget: SearchBudget) -> list[list[Piece]]:
    if len(row.chunks) == 1:
        s, run = row.chunks[0]
        if _has_row_total(spec):
            summed = split_run(run, s, kinds, last_is_sum=True, budget=budget)
            if not summed and row.last:
                # `…结转下年度继续办理0000022` + `2023年…`: the row ends somewhere in the run
                for end in range(len(kinds), min(len(run), len(kinds) * _MAX_CELL_CHARS)):
                    summed += split_run(run[:end], s, kinds, last_is_sum=True, budget=budget)
            if summed:
                return summed
            plain = split_run(run, s, kinds, budget=budget)
            if plain:
                return plain
            return _with_blanks(run, s, kinds, budget)
        return split_run(run, s, kinds, budget=budget)
    # Several runs (a stray character between them): share the columns out in order.
    out = []
    for sizes in _compositions(len(kinds), len(row.chunks)):
        col = 0
        per_chunk = []
        for (s, run), size in zip(row.chunks, sizes):
            per_chunk.append(split_run(run, s, kinds[col : col + size], budget=budget))
            col += size
        for combo in product(*per_chunk):
            out.append([p for part in combo for p in part])
            if len(out) >= _MAX_SPLITS:
                return out
    return out


def _with_blanks(run: str, offset: int, kinds: list[ValueKind], budget: SearchBudget) -> list[list[Piece | None]]:
    """Fewer numbers than cells (blank cells leave no trace in flat text): the numbers fill the
    first columns and the last one is the 总计, as in rows that leave some columns blank."""
    n = len(kinds)
    for k in range(n - 1, 1, -1):
        found = split_run(run, offset, kinds[: k - 1] + kinds[-1:], last_is_sum=True, budget=budget)
        if found:
            return [split[:-1] + [None] * (n - k) + split[-1:] for split in found]
    return []


def _has_row_total(spec: TableSpec) -> bool:
    """Each row's last cell is the sum of the others (表三's 总计 column)."""
    rels = [rel for rel in table_relations(spec) if rel.rule.endswith("row_total")]
    return bool(rels) and len(rels) == len(spec.rows)


def _compositions(total: int, parts: int):
    if parts == 1:
        yield (total,)
        return
    for first in range(1, total - parts + 2):
        for rest in _compositions(total - first, parts - 1):
            yield (first,) + rest


# ---------------------------------------------------------------- choosing by relations ----

def choose(spec: TableSpec, rows: list[FlatRow]):
    """Per row the split to use, by the relations; a row with several fitting splits gets None.

    A row's own relation (总计 = the applicant columns) is applied first. Relations across rows
    then decide the rows still open, one at a time, using the rows already decided; a row that
    fits no split of its own relation (a wrong figure in the document) is decided by them
    alone. Returns ({row: split or None}, {row: alternatives}, {rows whose own relation fails}).
    """
    relations = table_relations(spec)
    own: dict[int, list] = {}
    cross = []
    for rel in relations:
        rows_in = {r for _, r, _ in rel.cells}
        if len(rows_in) == 1:
            own.setdefault(next(iter(rows_in)), []).append(rel)
        else:
            cross.append(rel)
    kinds = {fr.row: [col.kind for col in spec.row_columns(fr.row)] for fr in rows}
    by_row = {fr.row: fr for fr in rows}
    candidates: dict[int, list[list[Piece]] | None] = {}  # None: any split (own relation fails)
    for fr in rows:
        fitting = [sp for sp in fr.splits if all(_holds(rel, {fr.row: sp}) for rel in own.get(fr.row, []))]
        candidates[fr.row] = fitting if fitting or not fr.splits else None
    chosen: dict[int, list[Piece] | None] = {r: c[0] for r, c in candidates.items() if c is not None and len(c) == 1}
    faulty = {r for r, c in candidates.items() if c is None}
    changed = True
    while changed:
        changed = False
        for r in sorted(candidates):
            if r in chosen:
                continue
            usable = [rel for rel in cross if _decided_but(rel, r, chosen, by_row)]
            if not usable:
                continue
            if candidates[r] is not None:
                pool = candidates[r]
            else:
                pool = _all_splits(by_row[r], kinds[r], _expected(usable, r, chosen))
            best, winners = -1, []
            for split in pool:
                trial = dict(chosen)
                trial[r] = split
                score = sum(1 for rel in usable if _holds(rel, trial))
                if score > best:
                    best, winners = score, [split]
                elif score == best:
                    winners.append(split)
            winners = _distinct(winners)
            if len(winners) == 1 and (r not in faulty or best > 0 or len(pool) == 1):
                chosen[r] = winners[0]
                changed = True
            elif winners and candidates[r] is not None and len(winners) < len(candidates[r]):
                candidates[r] = winners
                changed = True
    alternatives: dict[int, list[list[Piece]]] = {}
    open_rows = [r for r in candidates if r not in chosen and candidates[r]]
    if open_rows:
        combos = 1
        for r in open_rows:
            combos *= len(candidates[r])
        if cross and combos <= _MAX_COMBINATIONS:
            # Each relation as (sum over decided rows, [(open row index, column, sign)]).
            touched = []
            for rel in cross:
                base, parts = 0.0, []
                for sign, side in ((1, rel.lhs), (-1, rel.rhs)):
                    for _, r, c in side:
                        if r in open_rows:
                            parts.append((open_rows.index(r), c, sign))
                        else:
                            split = chosen.get(r)
                            piece = split[c] if split is not None and c < len(split) else None
                            base += sign * ((piece.value or 0) if piece is not None else 0)
                if parts:
                    touched.append((base, parts))
            scored = []
            for combo in product(*(candidates[r] for r in open_rows)):
                score = 0
                for base, parts in touched:
                    total = base
                    for i, c, sign in parts:
                        piece = combo[i][c]
                        total += sign * ((piece.value or 0) if piece is not None else 0)
                    score += abs(total) <= 1e-6
                scored.append((score, combo))
            best = max(sc for sc, _ in scored)
            winners = [combo for sc, combo in scored if sc == best]
            for i, r in enumerate(open_rows):
                options = _distinct([combo[i] for combo in winners])
                if len(options) == 1:
                    chosen[r] = options[0]
                else:
                    alternatives[r] = options
        else:
            for r in open_rows:
                alternatives[r] = _distinct(candidates[r])
    for r in faulty:
        if r not in chosen:
            every = _distinct(_all_splits(by_row[r], kinds[r], _expected([], r, chosen)))
            if len(every) == 1:
                chosen[r] = every[0]  # the digits can be read one way only
            else:
                alternatives.setdefault(r, every)  # all of them: the checks try each
    for r in by_row:
        chosen.setdefault(r, None)
    return chosen, alternatives, faulty


def _decided_but(rel, row: int, chosen: dict, by_row: dict) -> bool:
    """Relation `rel` passes through `row` and every other row it uses is decided (or absent)."""
    rows_in = {r for _, r, _ in rel.cells}
    return row in rows_in and all(r == row or r in chosen or r not in by_row for r in rows_in)


def _expected(relations, row: int, chosen: dict) -> dict[int, float]:
    """The value each relation through one cell of `row` asks for, given the decided rows."""
    out = {}
    for rel in relations:
        mine = [(sign, c) for sign, side in ((1, rel.lhs), (-1, rel.rhs)) for _, r, c in side if r == row]
        if len(mine) != 1:
            continue
        sign, col = mine[0]
        rest = 0.0
        for sgn, side in ((1, rel.lhs), (-1, rel.rhs)):
            for _, r, c in side:
                if r != row:
                    split = chosen.get(r)
                    piece = split[c] if split is not None and c < len(split) else None
                    rest += sgn * ((piece.value or 0) if piece is not None else 0)
        out[col] = -rest * sign
    return out


def _all_splits(fr: FlatRow, kinds: list[ValueKind], expected: dict[int, float] | None = None):
    """Splits of a row that fits none of its own relation: those that differ from what the
    other rows' relations ask for in one cell at most (every split if they ask nothing)."""
    if len(fr.chunks) != 1:
        return fr.splits
    s, run = fr.chunks[0]
    if not expected:
        return split_run(run, s, kinds, limit=_MAX_FAULTY_SPLITS)
    n = len(kinds)
    out: list[list[Piece]] = []
    if len(run) > n * _MAX_CELL_CHARS:
        return out

    def walk(pos: int, col: int, acc: list[Piece], errors: int) -> None:
        if len(out) >= _MAX_SPLITS:
            return
        if col == n:
            if pos == len(run):
                out.append(list(acc))
            return
        if len(run) - pos < n - col:
            return
        for value, end in _pieces_at(run, pos, kinds[col]):
            want = expected.get(col)
            miss = want is not None and abs((value or 0) - want) > 1e-6
            if errors + miss <= 1:
                acc.append(Piece(value, s + pos, s + end))
                walk(end, col + 1, acc, errors + miss)
                acc.pop()

    walk(0, 0, [], 0)
    return out


def _holds(rel, split_by_row: dict) -> bool:
    """The relation holds (cells of rows not given, or null cells, count 0)."""
    def amount(addr):
        _, r, c = addr
        split = split_by_row.get(r)
        if split is None or c >= len(split) or split[c] is None:
            return 0
        return split[c].value or 0

    lhs = sum(amount(a) for a in rel.lhs)
    rhs = sum(amount(a) for a in rel.rhs)
    return abs(lhs - rhs) <= 1e-6


def _distinct(splits: list[list[Piece]]) -> list[list[Piece]]:
    seen, out = set(), []
    for s in splits:
        key = tuple(None if p is None else p.value for p in s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# ---------------------------------------------------------------- tables ------------------

def solve_flat_table(text: str, region: tuple[int, int], spec: TableSpec):
    """(cells, notes) for 表二/表三 written as flat text, or None if it is not."""
    rows = flat_rows(text, region, spec)
    if rows is None:
        return None
    budget = SearchBudget(_MAX_TABLE_STEPS)
    for fr in rows:
        fr.splits = row_splits(fr, spec, budget)
    if sum(1 for fr in rows if fr.splits) < len(rows) // 2:
        return None
    chosen, alternatives, faulty = choose(spec, rows)
    _, index = squeeze(text[region[0] : region[1]].replace("\n", "↵"))
    cells = [[Cell(None) for _ in spec.row_columns(r)] for r in range(len(spec.rows))]
    notes = []
    for fr in rows:
        split = chosen.get(fr.row)
        if split is not None:
            cells[fr.row] = [
                _cell(text, region, index, p) if p is not None else Cell(None, "", None, 0.5, True, _BLANK_NOTE)
                for p in split
            ]
            if fr.row in faulty:
                for c in cells[fr.row]:
                    c.confidence = 0.5
                    c.note = _NOTE + "；本行自身合计不符，按其他行的勾稽关系拆分"
        elif fr.row in alternatives and alternatives[fr.row]:
            for c in cells[fr.row]:
                c.confidence, c.inferred = 0.0, True
                c.note = "数字连写，有多种拆分都符合勾稽关系，未填入"
            shown = "；".join("、".join(_show(p) for p in s) for s in alternatives[fr.row][:3])
            more = " 等" if len(alternatives[fr.row]) > 3 else ""
            notes.append(
                ParseNote(
                    "ambiguous_split",
                    f"{spec.number}“{spec.rows[fr.row].label}”一行的数字连写在一起（{''.join(r for _, r in fr.chunks)}），"
                    f"可拆为：{shown}{more}，无法确定，请对照原文填写",
                    spec.id,
                    fr.row,
                    candidates=tuple(tuple(p.value if p is not None else None for p in s) for s in alternatives[fr.row]),
                )
            )
        elif fr.chunks:
            for c in cells[fr.row]:
                c.confidence, c.inferred = 0.0, True
                c.note = "数字连写，无法按列拆分"
            notes.append(
                ParseNote(
                    "ambiguous_split",
                    f"{spec.number}“{spec.rows[fr.row].label}”一行的数字（{''.join(r for _, r in fr.chunks)}）无法拆分为 "
                    f"{len(spec.row_columns(fr.row))} 格，请对照原文填写",
                    spec.id,
                    fr.row,
                )
            )
    found = {fr.row for fr in rows}
    missing = [r for r in range(len(spec.rows)) if r not in found]
    how = "数字写法和勾稽关系" if table_relations(spec) else "数字写法（不以0开头）"
    notes.insert(
        0, ParseNote("flat_layout", f"{spec.number}为网页平铺文本（各格数字连写），已按{how}拆分，拆出的数值均标为推定", spec.id)
    )
    for r in missing:
        notes.append(ParseNote("row_missing", f"{spec.number}未找到“{spec.rows[r].label}”一行", spec.id, r))
    return cells, notes, missing


def solve_flat_t4(text: str, region: tuple[int, int], spec: TableSpec):
    """表四 written as flat text: the digits after its header, split by its three totals."""
    squeezed, index = squeeze(text[region[0] : region[1]].replace("\n", "↵"))
    # The header names 总计 once per group: the values follow the last of them in the header.
    header_end = _table_start(squeezed, spec)
    for _ in range(len(spec.columns) // 5):
        found = squeezed.find("总计", header_end)
        if found < 0:
            break
        header_end = found + 2
    if header_end <= 0:
        return None
    m = _VALUE_CHARS.search(squeezed, header_end)
    if not m:
        return None
    run = m.group(0).rstrip(".,")
    kinds = [col.kind for col in spec.columns]
    splits = split_run(run, m.start(), kinds)
    rels = table_relations(spec)
    fitting = [s for s in splits if all(_holds(rel, {0: s}) for rel in rels)]
    options = _distinct(fitting or splits)
    if len(options) != 1:
        if not options:
            return None
        shown = "；".join("、".join(_show(p) for p in s) for s in options[:3])
        note = ParseNote(
            "ambiguous_split",
            f"表四的数字连写在一起（{run}），可拆为：{shown}{' 等' if len(options) > 3 else ''}，无法确定，请对照原文填写",
            "t4",
            0,
        )
        blank = [Cell(None, "", None, 0.0, True, "数字连写，有多种拆分，未填入") for _ in kinds]
        return [blank], [note]
    cells = [[_cell(text, region, index, p) for p in options[0]]]
    confidence = 0.8 if fitting else 0.4
    for c in cells[0]:
        c.confidence = confidence
    return cells, [ParseNote("flat_layout", "表四为网页平铺文本（各格数字连写），已按数字写法和总计关系拆分，数值标为推定", "t4")]


def _cell(text: str, region: tuple[int, int], index: list[int], piece: Piece) -> Cell:
    start = region[0] + index[piece.start]
    end = region[0] + index[piece.end - 1] + 1
    return Cell(piece.value, text[start:end], (start, end), 0.8, True, _NOTE)


def _show(piece: Piece | None) -> str:
    return "空" if piece is None or piece.value is None else str(piece.value)


def recover_flat(text: str, region: tuple[int, int], spec: TableSpec, notes: list[ParseNote]) -> Table | None:
    """The table read as flat text, or None if the region does not hold it that way."""
    if spec.id == "t4":
        solved = solve_flat_t4(text, region, spec)
        missing: list[int] = []
        if solved is None:
            return None
        cells, new_notes = solved
    else:
        solved = solve_flat_table(text, region, spec)
        if solved is None:
            return None
        cells, new_notes, missing = solved
    spans = [c.span for row in cells for c in row if c.span]
    if not spans:
        return None
    notes.extend(new_notes)
    span = (min(s[0] for s in spans), max(s[1] for s in spans))
    return Table(spec, cells, span, complete=not missing, missing_rows=missing)
