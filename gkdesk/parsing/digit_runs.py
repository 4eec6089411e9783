"""Cells written without separators (`一、本年新收…713000074`): the splits of every row's run of
digits, chosen for the whole table at once by its relations.

Numbers are written without leading zeros (a lone `0` is a number), which cuts most runs one
way only. Each row's run gives its candidate splits (`split_run`); the table's relations
(gkdesk/relations.py: 表三's row 总计, （七）= the 办理结果 rows, 一+二 =（七）+四, 表四's group
totals) then choose the splits of all rows jointly, by a branch-and-bound search for the
assignments breaking the fewest relations. The relations are soft: real reports break theirs,
so a row whose digits can be read one way only stands even when it breaks one, and the search
never needs every relation to hold. A cell all best assignments agree on is read (inferred,
with a note); its confidence is the margin over the best other split of its row. Cells the
best assignments disagree on stay blank, with a note listing the alternatives (ParseNote
.candidates) — the report's own narrative may decide them later (narrative_splits.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from .. import relations
from ..model import Cell, ParseNote, Table
from ..schema import TableSpec, ValueKind, squeeze, table_relations
from .column_placements import AMBIGUOUS_ZEROS_NOTE

_NULLS = "/—－"
# A number as a cell holds it: no leading zeros, optional thousands commas.
_COUNT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")
_DECIMAL = re.compile(r"(?:0|[1-9]\d*)\.\d+")
_MAX_SPLITS = 2_000  # per row: more than this and the row is not one table row
_MAX_CELL_CHARS = 14  # the longest cell text read as one number (1,234,567,890.12)
# Search steps for one row's splits, and for all the rows of a table. The hardest real row
# takes under 10 000; a run of digits that fits no split (a long junk number) took minutes
# before the search was bounded (a step costs about 10 µs).
_MAX_STEPS = 50_000
_MAX_TABLE_STEPS = 150_000
# Nodes of the joint search over the rows of one table (a node costs about 0.1 ms), and the
# best assignments kept to tell which cells they agree on.
_MAX_NODES = 20_000
_MAX_BEST = 256
_MAX_DEFERRED_ROWS = 3  # rows breaking their own total: more and the table is not read by them
_MAX_DEFERRED_BASES = 16  # best assignments a row holding the document's error is fitted to
_MAX_NEAR_STEPS = 10_000  # a walk guided by the values the relations ask (one cell may differ)
_MAX_SHOWN = 3  # alternatives spelled out in a note

NOTE = "网页平铺文本中本行数字连写在一起，按数字写法和表格勾稽关系拆分"
DIGITS_NOTE = "网页平铺文本中本行数字连写在一起，按数字写法拆分（只有一种拆法）"
BLANK_NOTE = "本行数字少于格数（空白格在平铺文本中不留痕迹），按合计关系推定空白格的位置，请对照原文核对"
ZERO_OR_BLANK_NOTE = "本行数字少于格数（空白格在平铺文本中不留痕迹），此格是0还是空白看不出；已按0显示，请对照原文核对"
BOUND_NOTE = "网页平铺文本中本行数字连写在一起，其他拆法的本年减少多于上一年项目数量，已排除，请对照原文核对"
BLANK_OR_ERROR_NOTE = "本行数字按每格一个数拆分时合计不符，留出空白格的拆法则合计相符，不能确定是原文有误还是有空白格，请对照原文核对"
UNSURE_NOTE = "本表勾稽关系不符，本行数字另有拆法，所选拆法不能由勾稽关系确定，请对照原文核对"
OPEN_NOTE = "数字连写，有多种拆分都符合勾稽关系，未填入"
AGREED_NOTE = "数字连写，本行有多种拆分都符合勾稽关系，各种拆分此格都是这个值，请对照原文核对"
UNSPLIT_NOTE = "数字连写，无法按列拆分"
# A cell at or below this confidence is marked for the reviewer (not read with certainty).
UNSURE = 0.5


@dataclass
class Piece:
    """One cell's text inside a run of digits: value None for a null mark."""

    value: int | float | None
    start: int  # offsets in the squeezed region
    end: int


Split = list  # one Piece (or None: a blank cell) per column


class _Found(list):
    """A split as split_run finds it: its values, asked for again and again while the rows are
    weighed, are worked out once."""

    __slots__ = ("values",)


# ---------------------------------------------------------------- splitting one run ------

class SearchBudget:
    """Search steps left, shared by every split tried for a row (or a table)."""

    def __init__(self, steps: int = _MAX_STEPS):
        self.left = steps


def split_run(
    run: str,
    offset: int,
    kinds: list[ValueKind],
    last_is_sum: bool = False,
    limit: int = _MAX_SPLITS,
    budget: SearchBudget | None = None,
    check=None,
) -> list[list[Piece]]:
    """Every way to read `run` as len(kinds) cells (at most `limit` of them); with
    `last_is_sum` only those whose last cell is the sum of the others (a row's 总计).
    `check(col, pieces)`, if given, prunes a partial split once its cell `col` is placed.
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
                out.append(_Found(acc))
            return
        if len(run) - pos < n - col:
            return
        if last_is_sum and col == n - 1:
            for value, end in _pieces_at(run, pos, kinds[col]):
                if end == len(run) and abs((value or 0) - total) <= 1e-6:
                    acc.append(Piece(value, offset + pos, offset + end))
                    out.append(_Found(acc))
                    acc.pop()
            return
        for value, end in _pieces_at(run, pos, kinds[col]):
            if last_is_sum and not _room_for(run, end, n - col - 1, total + (value or 0)):
                break  # longer pieces only grow the sum
            acc.append(Piece(value, offset + pos, offset + end))
            if check is None or check(col, acc):
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


def _pieces_at(run: str, pos: int, kind: ValueKind) -> tuple[tuple[int | float | None, int], ...]:
    """(value, end) of every cell text that can start at run[pos] (remembered for runs of a
    table row's length: a split's search comes back to the same places of a run again and again)."""
    if len(run) > _REMEMBERED_RUN:
        return tuple(_each_piece_at(run, pos, kind))
    return _remembered_pieces(run, pos, kind)


_REMEMBERED_RUN = 512  # characters


@lru_cache(maxsize=1 << 14)
def _remembered_pieces(run: str, pos: int, kind: ValueKind) -> tuple[tuple[int | float | None, int], ...]:
    return tuple(_each_piece_at(run, pos, kind))


def _each_piece_at(run: str, pos: int, kind: ValueKind):
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


# ---------------------------------------------------------------- a row's candidates -----

@dataclass
class RowRuns:
    """The runs of value characters after one row's label."""

    row: int
    chunks: list[tuple[int, str]]  # (squeezed offset, text); chunks never merge into one cell
    last: bool = False  # the table's last row: narrative digits may follow its own
    # Squeezed offsets where white space stood inside a run ('230 000023'): a cell ends there.
    breaks: frozenset[int] = frozenset()


@dataclass
class RowCandidates:
    row: int
    splits: list[Split]
    own_fits: bool  # some split keeps the row's own relations (总计 = the other cells), if any
    by_digits_only: bool  # the digits allow this one split whatever the relations say
    runs: RowRuns | None = None
    blanks_placed: bool = False  # fewer numbers than cells: where the blanks stand is a guess
    keeping: int = 0  # the first `keeping` splits keep the row's own relations
    # False: only the splits keeping the row's own relations are listed (the others are listed
    # when a margin needs them: complete_splits).
    complete: bool = True
    chunks_used: list = field(default_factory=list)
    # No split of every cell keeps the row's total, but one leaving cells blank does: the
    # document's error, or blanks flat text leaves no trace of — the row cannot tell.
    blank_readings: list = field(default_factory=list)
    bounded: bool = False  # splits were ruled out by the bounds the columns declare


def row_candidates(runs: RowRuns, spec: TableSpec, budget: SearchBudget) -> RowCandidates:
    """Every split of a row's runs into its cells, the ones keeping its own relations first.

    White space inside a run is taken as a cell boundary when some split allows it (a web
    page's cells may keep a space between them, never inside a number)."""
    kinds = [col.kind for col in spec.row_columns(runs.row)]
    if not runs.chunks:
        return RowCandidates(runs.row, [], False, False)
    chunks = _cut_at_breaks(runs)
    tries = []
    if len(chunks) > len(runs.chunks):
        tries.append(chunks)
        if runs.last:  # the narrative after the table may follow the last row past a space
            tries += [chunks[:k] for k in range(len(chunks) - 1, 0, -1)]
    tries.append(runs.chunks)
    found = None
    for attempt in tries:
        result = _splits(attempt, runs, spec, kinds, budget)
        if result[0] and result[1]:
            found = result + (attempt,)
            break
        if result[0] and found is None:
            found = result + (attempt,)
    splits, own_fits, complete, used = found or ([], False, True, runs.chunks)
    every = _distinct(splits)
    # The bounds the row's columns declare (a decrease cannot exceed what the row held) rule out
    # splits, unless they rule out every one (then the document breaks them: all stay).
    bounded = [sp for sp in every if relations.row_bounds_hold(spec, runs.row, _values(sp))]
    by_digits = len(every) == 1
    ruled_out = bool(bounded) and len(bounded) < len(every)
    if bounded:
        every = bounded
    keeping = sum(1 for sp in every if _keeps(spec, runs.row, sp)) if own_fits else 0
    blanks = any(p is None for sp in every for p in sp)
    blank_readings = []
    if every and not own_fits and not blanks and len(used) == 1 and _last_is_sum(spec, runs.row):
        s, run = used[0]
        blank_readings = [sp for sp in _with_blanks(run, s, kinds, budget) if _keeps(spec, runs.row, sp)]
    return RowCandidates(runs.row, every, own_fits, by_digits and complete and not blanks, runs, blanks,
                         keeping, complete, used, blank_readings, ruled_out)


def complete_splits(cand: RowCandidates, spec: TableSpec) -> None:
    """List every split of the row, not only those keeping its own relations."""
    if cand.complete or cand.runs is None:
        return
    kinds = [col.kind for col in spec.row_columns(cand.row)]
    splits, _, _ = _splits(cand.chunks_used, cand.runs, spec, kinds, SearchBudget(), full=True)
    known = {_values(sp) for sp in cand.splits}
    cand.splits.extend(sp for sp in _distinct(splits) if _values(sp) not in known)
    cand.complete = True


def _cut_at_breaks(runs: RowRuns) -> list[tuple[int, str]]:
    out = []
    for s, run in runs.chunks:
        cuts = [b - s for b in sorted(runs.breaks) if s < b < s + len(run)]
        prev = 0
        for cut in cuts + [len(run)]:
            out.append((s + prev, run[prev:cut]))
            prev = cut
    return out


def _splits(chunks, runs: RowRuns, spec: TableSpec, kinds, budget, full: bool = False) -> tuple[list[Split], bool, bool]:
    """(splits, whether they keep the row's own relation, whether every split is listed):
    those keeping it first. Unless `full`, a row some split of which keeps its 总计 lists
    only those (the others are only needed for a margin when the table breaks relations)."""
    own = row_relations(spec, runs.row)
    if len(chunks) > len(kinds):
        return [], False, True
    if len(chunks) == 1:
        s, run = chunks[0]
        if own:
            summed = split_run(run, s, kinds, last_is_sum=True, budget=budget) if _last_is_sum(spec, runs.row) else []
            from_prefixes = not summed and runs.last and _last_is_sum(spec, runs.row)
            if from_prefixes:
                # `…结转下年度继续办理0000022` + `2023年…`: the row ends somewhere in the run
                for end in range(len(kinds), min(len(run), len(kinds) * _MAX_CELL_CHARS)):
                    summed += split_run(run[:end], s, kinds, last_is_sum=True, budget=budget)
            if not _last_is_sum(spec, runs.row):
                summed = split_run(run, s, kinds, budget=budget, check=_own_check(spec, runs.row))
            if summed and not full:
                more = len(split_run(run, s, kinds, limit=len(summed) + 1, budget=budget)) > len(summed)
                return _distinct(summed), True, not (more or from_prefixes)
            plain = split_run(run, s, kinds, budget=budget)
            keeps = [_keeps(spec, runs.row, p) for p in plain]
            kept = _distinct(summed + [p for p, k in zip(plain, keeps) if k])
            if kept or plain:
                return kept + [p for p, k in zip(plain, keeps) if not k], bool(kept), True
            blanks = _with_blanks(run, s, kinds, budget) if _last_is_sum(spec, runs.row) else []
            return blanks, bool(blanks), True
        return split_run(run, s, kinds, budget=budget), True, True
    # Several runs (a stray character or a space between them): share the columns out in order.
    out = []
    for sizes in _compositions(len(kinds), len(chunks)):
        col = 0
        per_chunk = []
        for (s, run), size in zip(chunks, sizes):
            per_chunk.append(split_run(run, s, kinds[col : col + size], budget=budget))
            col += size
        for combo in product(*per_chunk):
            out.append([p for part in combo for p in part])
            if len(out) >= _MAX_SPLITS:
                break
        if len(out) >= _MAX_SPLITS:
            break
    keeps = [_keeps(spec, runs.row, sp) for sp in out]
    kept = [sp for sp, k in zip(out, keeps) if k]
    return kept + [sp for sp, k in zip(out, keeps) if not k], bool(kept), True


def _with_blanks(run: str, offset: int, kinds: list[ValueKind], budget: SearchBudget) -> list[Split]:
    """Fewer numbers than cells (blank cells leave no trace in flat text): the numbers fill the
    first columns and the last one is the 总计, as in rows that leave some columns blank."""
    n = len(kinds)
    for k in range(n - 1, 1, -1):
        found = split_run(run, offset, kinds[: k - 1] + kinds[-1:], last_is_sum=True, budget=budget)
        if found:
            return [split[:-1] + [None] * (n - k) + split[-1:] for split in found]
    return []


def row_relations(spec: TableSpec, row: int) -> tuple:
    """The relations that lie within one row (表三's 总计, 表四's group totals)."""
    key = (spec.id, spec.version, len(spec.rows), row)  # hashing a whole TableSpec is slow
    found = _ROW_RELATIONS.get(key)
    if found is None:
        found = _ROW_RELATIONS[key] = tuple(
            rel for rel in table_relations(spec) if all(r == row for _, r, _ in rel.cells)
        )
    return found


_ROW_RELATIONS: dict[tuple, tuple] = {}


def _last_is_sum(spec: TableSpec, row: int) -> bool:
    """The row's last cell is the sum of all the others (表三's 总计 column)."""
    n = len(spec.row_columns(row))
    return any(
        [c for _, _, c in rel.lhs] == [n - 1] and sorted(c for _, _, c in rel.rhs) == list(range(n - 1))
        for rel in row_relations(spec, row)
    )


def _own_check(spec: TableSpec, row: int):
    """A pruning test for split_run: the row's own relations whose last cell has just been
    placed must hold (表四's group totals close at every fifth cell)."""
    closing: dict[int, list] = {}
    for rel in row_relations(spec, row):
        closing.setdefault(max(c for _, _, c in rel.cells), []).append(rel)
    residuals = {col: relations.row_residuals(rels, spec.id, row) for col, rels in closing.items()}
    eps = relations.EPS

    def check(col: int, pieces: list) -> bool:
        of = residuals.get(col)
        if of is None:
            return True
        return not any(abs(x) > eps for x in of(tuple([None if p is None else p.value for p in pieces])))

    return check


def _keeps(spec: TableSpec, row: int, split: Split) -> bool:
    """Whether the split keeps every relation within its row."""
    key = (spec.id, spec.version, len(spec.rows), row)
    of = _ROW_RESIDUALS.get(key)
    if of is None:
        own = row_relations(spec, row)
        of = _ROW_RESIDUALS[key] = relations.row_residuals(own, spec.id, row) if own else None
    if of is None:
        return True
    eps = relations.EPS
    return all(abs(x) <= eps for x in of(_values(split)))


_ROW_RESIDUALS: dict[tuple, object] = {}


def _values(split: Split) -> tuple:
    if type(split) is _Found:
        try:
            return split.values
        except AttributeError:
            split.values = tuple([None if p is None else p.value for p in split])
            return split.values
    return tuple([None if p is None else p.value for p in split])


def _compositions(total: int, parts: int):
    if parts == 1:
        yield (total,)
        return
    for first in range(1, total - parts + 2):
        for rest in _compositions(total - first, parts - 1):
            yield (first,) + rest


def _distinct(splits: list[Split]) -> list[Split]:
    seen, out = set(), []
    for s in splits:
        key = _values(s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# ---------------------------------------------------------------- the joint search -------

@dataclass
class RowOutcome:
    split: Split | None  # the split every best assignment agrees on, else None
    cells: list  # per column: the value all best assignments agree on, or the marker _OPEN
    confidence: float
    alternatives: list[Split] = field(default_factory=list)  # the best assignments' splits of it
    faulty: bool = False  # no split keeps the row's own relation


_OPEN = object()


def solve_rows(spec: TableSpec, rows: dict[int, RowCandidates], fixed: dict[int, tuple] | None = None,
               nodes: int = _MAX_NODES) -> dict[int, RowOutcome]:
    """The splits of all rows chosen jointly: the assignments breaking the fewest relations.

    `fixed` gives rows read otherwise (their values as they stand). Rows absent from both are
    unknown: a relation through them is not used."""
    fixed = dict(fixed or {})
    open_rows = [r for r, c in rows.items() if c.splits]
    known_rows = set(fixed) | set(open_rows)
    rels = [rel for rel in table_relations(spec) if all(r in known_rows for _, r, _ in rel.cells)]
    out: dict[int, RowOutcome] = {}
    for comp in _components(open_rows, rels):
        comp_rels = [rel for rel in rels if any(r in comp for _, r, _ in rel.cells)]
        out.update(_solve_component(spec, comp, rows, fixed, comp_rels, nodes))
    return out


def _components(open_rows: list[int], rels) -> list[list[int]]:
    """Rows linked by relations (a relation's cells in several open rows join them)."""
    parent = {r: r for r in open_rows}

    def find(r):
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    for rel in rels:
        mine = [r for _, r, _ in rel.cells if r in parent]
        for a in mine[1:]:
            parent[find(a)] = find(mine[0])
    groups: dict[int, list[int]] = {}
    for r in open_rows:
        groups.setdefault(find(r), []).append(r)
    return list(groups.values())


class _Search:
    """Branch and bound over the open rows of one component, each taking one of its splits.

    A relation counts as broken once the rows assigned so far break it whatever the others
    take (their splits' least and greatest values bound it), which prunes early."""

    def __init__(self, spec, rels, values: dict[int, tuple], choices: dict[int, list[tuple]], nodes: int):
        self.spec, self.rels, self.nodes = spec, rels, nodes
        self.values = dict(values)
        self.choices = choices
        self.order = sorted(choices, key=lambda r: len(choices[r]))
        self.low = {r: [min((v[c] or 0) for v in ch) for c in range(len(ch[0]))] for r, ch in choices.items()}
        self.high = {r: [max((v[c] or 0) for v in ch) for c in range(len(ch[0]))] for r, ch in choices.items()}
        self.touching = {r: [i for i, rel in enumerate(rels) if any(rr == r for _, rr, _ in rel.cells)] for r in self.order}
        self.best_cost: int | None = None
        self.best: list[dict[int, tuple]] = []
        self.complete = True
        self.ranges: relations.RowRanges | None = None

    def _get(self, extreme):
        values = self.values

        def get(addr):
            _, r, c = addr
            v = values.get(r)
            if v is None:
                v = extreme.get(r)
            return v[c] if v is not None and c < len(v) else None

        return get

    def broken(self, i: int) -> bool:
        least, most = relations.residual_range(self.rels[i], self._get(self.low), self._get(self.high))
        return least > relations.EPS or most < -relations.EPS

    def run(self, limit: int | None = None, first: bool = False) -> None:
        """Find the assignments of least cost (at most `limit`; stop at the first if `first`)."""
        self.best_cost, self.first = limit, first
        status = [self.broken(i) for i in range(len(self.rels))]
        # The relations' ranges kept up to date row by row (relations.RowRanges) where that is
        # exact: whole numbers, and no open row among the values already given.
        ranges = relations.RowRanges(self.rels, self._get(self.low), self._get(self.high), self.order)
        values = list(v for ch in self.choices.values() for choice in ch for v in choice)
        if ranges.exact and not set(self.order) & set(self.values) and all(v is None or isinstance(v, int) for v in values):
            self.ranges = ranges
        self._walk(0, status)

    def _walk(self, k: int, status: list[bool]) -> bool:
        self.nodes -= 1
        if self.nodes < 0:
            self.complete = False
            return True
        cost = sum(status)
        if self.best_cost is not None and cost > self.best_cost:
            return False
        if k == len(self.order):
            if self.best_cost is None or cost < self.best_cost or not self.best:
                self.best_cost, self.best = cost, []
            if len(self.best) < _MAX_BEST:
                self.best.append({r: self.values[r] for r in self.order})
            else:
                self.complete = False
                return True
            return self.first
        r = self.order[k]
        stop = False
        ranges = self.ranges
        if ranges is not None:
            least, most = ranges.least, ranges.most
            saved = [(i, least[i], most[i]) for i in self.touching[r]]
        eps = relations.EPS
        for choice in self.choices[r]:
            self.values[r] = choice
            new = list(status)
            if ranges is not None:
                for i, lo, hi in ranges.moved(r, choice):
                    least[i], most[i] = lo, hi
                    new[i] = lo > eps or hi < -eps
                walked = self._walk(k + 1, new)
                for i, lo, hi in saved:
                    least[i], most[i] = lo, hi
            else:
                for i in self.touching[r]:
                    new[i] = self.broken(i)
                walked = self._walk(k + 1, new)
            if walked:
                stop = True
                break
        del self.values[r]
        return stop


def _cost(spec, rels, values: dict[int, tuple]) -> int:
    get = relations.grid_lookup(spec.id, _as_grid(values))
    return relations.violations(spec, get, relations=rels)


def _row_breaks(spec, rels, values: dict[int, tuple], row: int):
    """A counter of the relations through `row` that its values break, the other rows fixed:
    each relation's residual over the other rows is taken once from the evaluator."""
    others = relations.grid_lookup(spec.id, _as_grid({**values, row: None}))
    parts = []
    for rel in rels:
        mine = [(1, c) for _, r, c in rel.lhs if r == row] + [(-1, c) for _, r, c in rel.rhs if r == row]
        if mine:
            parts.append((relations.residual(rel, others), mine))

    eps = relations.EPS

    def count(v: tuple) -> int:
        broken = 0
        for rest, mine in parts:
            share = 0
            for sign, c in mine:
                x = v[c]
                if x:
                    share += sign * x
            if abs(rest + share) > eps:
                broken += 1
        return broken

    return count


def _as_grid(values: dict[int, tuple]) -> list:
    n = max(values) + 1 if values else 0
    return [values.get(r) for r in range(n)]


def _solve_component(spec, comp, rows, fixed, rels, nodes) -> dict[int, RowOutcome]:
    """The rows of one component: a row whose split keeps its own relations takes one of those
    (the most local evidence); the others any of theirs. The best assignments tell which cells
    are determined; a row none of them varies is checked for another split of the same cost."""
    every = {r: [_values(s) for s in rows[r].splits] for r in comp}
    usable = {r: every[r][: rows[r].keeping] or every[r] for r in comp}
    # A row no split of which keeps its own relation holds the document's error (or a misread):
    # the other rows are chosen first, then its split is the one they fit best.
    deferred = [r for r in comp if not rows[r].own_fits and len(every[r]) > 1]
    values = dict(fixed)
    values.update({r: usable[r][0] for r in comp if len(usable[r]) == 1 and r not in deferred})
    open_ = {r: usable[r] for r in comp if len(usable[r]) > 1 and r not in deferred}
    by_values = {r: {_values(s): s for s in rows[r].splits} for r in comp}
    budget = [nodes]

    main_rels = [rel for rel in rels if not any(r in deferred for _, r, _ in rel.cells)]

    def search(choices, limit=None, first=False) -> _Search:
        found = _Search(spec, main_rels, values, choices, budget[0])
        found.run(limit, first)
        budget[0] = max(found.nodes, 0)
        return found

    main = search(open_)
    if deferred and main.best_cost is not None and main.nodes >= 0:
        main = _with_deferred(spec, rels, values, main, deferred, rows, open_)
        open_.update({r: every[r] for r in deferred})
        by_values.update({r: {_values(sp): sp for sp in rows[r].splits} for r in deferred})
    out: dict[int, RowOutcome] = {}
    if main.best_cost is None or main.nodes < 0:
        # The search did not finish: only the rows whose candidates allow one split are read.
        for r in comp:
            cand = rows[r]
            if len(usable[r]) == 1 and r not in deferred:
                out[r] = RowOutcome(by_values[r][usable[r][0]], list(usable[r][0]), 0.8 if r not in open_ else UNSURE,
                                    faulty=not cand.own_fits)
            else:
                out[r] = RowOutcome(None, [_OPEN] * len(spec.row_columns(r)), 0.0, [by_values[r][v] for v in usable[r]],
                                    not cand.own_fits)
        return out
    best_cost = main.best_cost
    base = {**values, **main.best[0]}
    seen = {r: {a[r] for a in main.best} for r in open_}
    if not main.complete:
        # Too many best assignments to keep: whether a row could take another split at the same
        # cost is asked of the search directly.
        for r, vals in seen.items():
            if len(vals) == 1:
                (v,) = vals
                rest = {rr: ([v2 for v2 in ch if v2 != v] if rr == r else ch) for rr, ch in open_.items()}
                if rest[r]:
                    other = search(rest, best_cost, first=True)
                    if other.best or not other.complete:
                        seen[r] = vals | {a[r] for a in other.best} | ({None} if not other.best else set())
    for r in comp:
        cand = rows[r]
        ncols = len(spec.row_columns(r))
        if r not in open_ and len(every[r]) == 1 and cand.complete:  # the digits allow one split only
            out[r] = RowOutcome(cand.splits[0], list(every[r][0]), 0.8, faulty=not cand.own_fits)
            continue
        if r in open_ and len(seen[r]) > 1:
            known = [v for v in seen[r] if v is not None]
            cells = [known[0][c] if None not in seen[r] and len({v[c] for v in known}) == 1 else _OPEN for c in range(ncols)]
            alternatives = [by_values[r][v] for v in sorted(known, key=_sort_key)]
            out[r] = RowOutcome(None, cells, 0.0, alternatives, not cand.own_fits)
            continue
        chosen = base[r]
        if best_cost > 0 and not cand.complete:
            complete_splits(cand, spec)
            every[r] = [_values(sp) for sp in cand.splits]
            by_values[r].update({_values(sp): sp for sp in cand.splits})
        # The margin: how many more relations the best other split of this row breaks.
        # (With no relation broken, a split not keeping the row's own relation is one behind.)
        if r in deferred:
            near = _near_splits(cand, spec, _expected(spec, rels, base, r))
            for sp in near:
                by_values[r].setdefault(_values(sp), sp)
            pool = [_values(sp) for sp in near]
        else:
            pool = every[r]
        others = [v for v in pool if v != chosen][:_MAX_SPLITS]
        broken_with = _row_breaks(spec, rels, base, r)
        mine = broken_with(chosen)
        costs = {v: best_cost + broken_with(v) - mine for v in others}
        runner = min(costs.values(), default=None)
        margin = (runner - best_cost) if runner is not None else 99
        confidence = 0.8 if margin >= 2 or (margin == 1 and best_cost == 0) else 0.4
        alts = [by_values[r][v] for v in others if costs[v] <= best_cost + 1][:_MAX_SHOWN]
        out[r] = RowOutcome(by_values[r][chosen], list(chosen), confidence,
                            alts if confidence <= UNSURE else [], not cand.own_fits)
    return out


def _with_deferred(spec, rels, values, main: _Search, deferred: list[int], rows, open_) -> _Search:
    """The best assignments of `main` extended by the deferred rows, each taking the splits
    closest to what the relations through it ask given the rest (at most one cell differing)."""
    extended: list[dict[int, tuple]] = []
    best_cost = None
    if len(main.best) > _MAX_DEFERRED_BASES or len(deferred) > _MAX_DEFERRED_ROWS:
        main.nodes = -1  # too many ways to read the rest: the deferred rows stay open
        return main
    for assignment in main.best:
        current = {**values, **assignment}
        ties: list[dict[int, tuple]] = []
        for r in deferred:
            expected = _expected(spec, rels, current, r)
            near = _near_splits(rows[r], spec, expected)
            known = {_values(sp) for sp in rows[r].splits}
            rows[r].splits.extend(sp for sp in _distinct(near) if _values(sp) not in known)
            options = [_values(sp) for sp in near] or [_values(rows[r].splits[0])]
            breaks = _row_breaks(spec, rels, current, r)
            costs = {v: breaks(v) for v in options}
            least = min(costs.values())
            picks = [v for v, c in costs.items() if c == least]
            current[r] = picks[0]
            for v in picks[1:]:
                ties.append({**{rr: current[rr] for rr in assignment}, **{d: current[d] for d in deferred if d in current}, r: v})
        total = _cost(spec, rels, current)
        record = {rr: current[rr] for rr in list(assignment) + deferred}
        if best_cost is None or total < best_cost:
            best_cost, extended = total, [record]
        elif total == best_cost:
            extended.append(record)
        for tie in ties:  # another split of a deferred row as good: another best assignment
            if all(d in tie for d in deferred) and _cost(spec, rels, {**values, **tie}) == best_cost:
                extended.append(tie)
    main.best_cost = best_cost
    main.best = extended[:_MAX_BEST]
    main.order = list(main.order) + deferred
    return main


def _expected(spec, rels, values: dict[int, tuple], row: int) -> dict[int, float]:
    """Per column of `row`, the value a relation through that one cell of it asks, the others known."""
    out: dict[int, float] = {}
    for rel in rels:
        mine = [(side, c) for side, cells in ((1, rel.lhs), (-1, rel.rhs)) for _, r, c in cells if r == row]
        if len(mine) != 1 or not all(r == row or r in values for _, r, _ in rel.cells):
            continue
        side, col = mine[0]
        grid = _as_grid({**values, row: tuple(0 for _ in spec.row_columns(row))})
        rest = relations.residual(rel, relations.grid_lookup(spec.id, grid))
        out.setdefault(col, -rest * side)
    return out


def _near_splits(cand: RowCandidates, spec: TableSpec, expected: dict[int, float]) -> list[Split]:
    """The row's splits that differ from the expected values in one cell at most (a walk over
    its run guided by them: the row's splits may be too many to list)."""
    kinds = [col.kind for col in spec.row_columns(cand.row)]

    def miss(piece, c) -> bool:
        want = expected.get(c)
        return want is not None and abs(((piece.value if piece is not None else 0) or 0) - want) > 1e-6

    if cand.runs is None or len(cand.runs.chunks) != 1:
        return [sp for sp in cand.splits if sum(miss(p, c) for c, p in enumerate(sp)) <= 1]
    s, run = cand.runs.chunks[0]
    n = len(kinds)
    out: list[Split] = []
    budget = SearchBudget(_MAX_NEAR_STEPS)

    def walk(pos: int, col: int, acc: list, errors: int) -> None:
        budget.left -= 1
        if len(out) >= _MAX_SPLITS or budget.left < 0:
            return
        if col == n:
            if pos == len(run):
                out.append(_Found(acc))
            return
        if len(run) - pos < n - col:
            return
        for value, end in _pieces_at(run, pos, kinds[col]):
            piece = Piece(value, s + pos, s + end)
            wrong = miss(piece, col)
            if errors + wrong <= 1:
                acc.append(piece)
                walk(end, col + 1, acc, errors + wrong)
                acc.pop()

    if len(run) <= n * _MAX_CELL_CHARS:
        walk(0, 0, [], 0)
    return out


def _sort_key(values: tuple):
    return tuple(-1 if v is None else v for v in values)


# ---------------------------------------------------------------- tables ------------------

def solve_flat_table(text: str, region: tuple[int, int], spec: TableSpec):
    """(cells, notes, missing rows) for 表二/表三 written as flat text, or None if it is not."""
    from .label_runs import flat_rows  # the rows' labels in flat text (row finding)

    found = flat_rows(text, region, spec)
    if found is None:
        return None
    squeezed_region = text[region[0] : region[1]].replace("\n", "↵")
    _, index = squeeze(squeezed_region)
    breaks = _white_space_breaks(squeezed_region, index)
    budget = SearchBudget(_MAX_TABLE_STEPS)
    runs = [RowRuns(fr.row, fr.chunks, fr.last, breaks) for fr in found]
    candidates = {}
    for rr in runs:
        row_budget = SearchBudget(min(_MAX_STEPS, max(budget.left, 0)))
        start = row_budget.left
        candidates[rr.row] = row_candidates(rr, spec, row_budget)
        budget.left -= start - max(row_budget.left, 0)
    if sum(1 for c in candidates.values() if c.splits) < len(runs) // 2:
        return None
    if not any(len(_cut_at_breaks(rr)) < len(spec.row_columns(rr.row)) for rr in runs if rr.chunks):
        return None  # every row's cells stand apart: nothing is run together
    outcomes = solve_rows(spec, candidates)
    cells = [[Cell(None) for _ in spec.row_columns(r)] for r in range(len(spec.rows))]
    notes = []
    for rr in runs:
        outcome = outcomes.get(rr.row)
        shown = "".join(r for _, r in rr.chunks)
        if outcome is not None:
            cells[rr.row], note = row_cells(text, region, index, spec, rr.row, outcome, candidates[rr.row], shown)
            if note is not None:
                notes.append(note)
        elif rr.chunks:
            cells[rr.row] = [Cell(None, "", None, 0.0, True, UNSPLIT_NOTE) for _ in spec.row_columns(rr.row)]
            notes.append(ParseNote(
                "ambiguous_split",
                f"{_row_name(spec, rr.row)}的数字（{shown}）无法拆分为 "
                f"{len(spec.row_columns(rr.row))} 格，请对照原文填写",
                spec.id, rr.row,
            ))
    seen = {rr.row for rr in runs}
    missing = [r for r in range(len(spec.rows)) if r not in seen]
    how = "数字写法和勾稽关系" if table_relations(spec) else "数字写法（不以0开头）"
    notes.insert(0, ParseNote("flat_layout", f"{spec.number}为网页平铺文本（各格数字连写），已按{how}拆分，拆出的数值均标为推定", spec.id))
    for r in missing:
        notes.append(ParseNote("row_missing", f"{spec.number}未找到“{spec.rows[r].label}”一行", spec.id, r))
    return cells, notes, missing


def _white_space_breaks(region_text: str, index: list[int]) -> frozenset[int]:
    """Squeezed offsets whose character had white space right before it in the text."""
    return frozenset(i for i in range(1, len(index)) if index[i] - index[i - 1] > 1
                     and region_text[index[i - 1] + 1 : index[i]].isspace())


def row_cells(text, region, index, spec: TableSpec, row: int, outcome: RowOutcome, cand: RowCandidates,
              shown: str) -> tuple[list[Cell], ParseNote | None]:
    """The cells of one row from its outcome, and the note a row left open (or unsure) needs."""
    if outcome.split is not None:
        note_text = DIGITS_NOTE if cand.by_digits_only else NOTE
        if outcome.faulty and not cand.by_digits_only:
            note_text = NOTE + "；本行自身合计不符，按其他行的勾稽关系拆分"
        confidence = outcome.confidence if not (outcome.faulty and not cand.by_digits_only) else min(outcome.confidence, UNSURE)
        if cand.blanks_placed:
            confidence, note_text = min(confidence, UNSURE), BLANK_NOTE
        elif cand.bounded:  # a plausibility, not the document's arithmetic: marked
            confidence, note_text = min(confidence, UNSURE), BOUND_NOTE
        elif confidence <= UNSURE:
            note_text = UNSURE_NOTE
        cells = [
            _cell(text, region, index, p, confidence, note_text) if p is not None
            else Cell(None, "", None, min(confidence, UNSURE), True, BLANK_NOTE)
            for p in outcome.split
        ]
        if cand.blanks_placed:
            _zeros_or_blanks(cells, outcome.split)
        note = None
        if cand.blank_readings:
            for cell in cells:
                cell.confidence, cell.note = min(cell.confidence, UNSURE), BLANK_OR_ERROR_NOTE
            alternatives = [outcome.split] + cand.blank_readings
            return cells, _open_note(spec, row, shown, alternatives, "本行合计不符；若本行有空白格（平铺文本中不留痕迹），",
                                     _run_span(text, region, index, alternatives))
        if confidence <= UNSURE and outcome.alternatives:
            alternatives = [outcome.split] + outcome.alternatives
            note = _open_note(spec, row, shown, alternatives, "所选拆法不能由勾稽关系确定（本表勾稽关系不符），",
                              _run_span(text, region, index, alternatives))
        return cells, note
    cells = []
    for c, value in enumerate(outcome.cells):
        if value is _OPEN:
            cells.append(Cell(None, "", None, 0.0, True, OPEN_NOTE))
        else:  # every best split agrees on this cell: read it, marked
            piece = outcome.alternatives[0][c]
            cells.append(_cell(text, region, index, piece, UNSURE, AGREED_NOTE) if piece is not None
                         else Cell(None, "", None, UNSURE, True, AGREED_NOTE))
    return cells, _open_note(spec, row, shown, outcome.alternatives, "", _run_span(text, region, index, outcome.alternatives))


def _zeros_or_blanks(cells: list[Cell], split: Split) -> None:
    """A row with fewer numbers than cells, some of them 0: a 0 and a blank cell trade places
    without changing any sum, so nothing tells which of those cells is the blank. Each is shown
    as 0 (a blank counts 0 in every sum), marked; the numbers other than 0 stay where placed."""
    zeros = [c for c, p in enumerate(split) if p is not None and p.value == 0]
    if not zeros:
        return
    note = AMBIGUOUS_ZEROS_NOTE if all(p is None or p.value == 0 for p in split) else ZERO_OR_BLANK_NOTE
    for c, p in enumerate(split):
        if p is None:
            cells[c] = Cell(0, "", None, 0.2, True, note)
        elif p.value == 0:
            cells[c].confidence, cells[c].note = min(cells[c].confidence, 0.2), note


def _run_span(text, region, index, alternatives: list[Split]) -> tuple[int, int] | None:
    """Where the row's run stands in the text (the pieces of its splits cover it)."""
    pieces = [p for s in alternatives for p in s if p is not None]
    if not pieces:
        return None
    return region[0] + index[min(p.start for p in pieces)], region[0] + index[max(p.end for p in pieces) - 1] + 1


def _row_name(spec: TableSpec, row: int) -> str:
    label = spec.rows[row].label
    return f"{spec.number}“{label}”一行" if label else spec.number


def _open_note(spec: TableSpec, row: int, shown: str, alternatives: list[Split], why: str,
               span: tuple[int, int] | None = None) -> ParseNote:
    listed = "；".join("、".join(_show(p) for p in s) for s in alternatives[:_MAX_SHOWN])
    more = " 等" if len(alternatives) > _MAX_SHOWN else ""
    return ParseNote(
        "ambiguous_split",
        f"{_row_name(spec, row)}的数字连写在一起（{shown}），{why}可拆为：{listed}{more}，"
        "无法确定，请对照原文填写",
        spec.id,
        row,
        span=span,
        candidates=tuple(_values(s) for s in alternatives),
    )


def solve_flat_t4(text: str, region: tuple[int, int], spec: TableSpec):
    """表四 written as flat text: the digits after its header, split by its three totals."""
    from .label_runs import _VALUE_CHARS, _table_start

    region_text = text[region[0] : region[1]].replace("\n", "↵")
    squeezed, index = squeeze(region_text)
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
    runs = RowRuns(0, [(m.start(), run)], True, _white_space_breaks(region_text, index))
    cand = row_candidates(runs, spec, SearchBudget())
    if not cand.splits:
        return None
    outcome = solve_rows(spec, {0: cand})[0]
    cells, note = row_cells(text, region, index, spec, 0, outcome, cand, run)
    if outcome.split is None:
        return [cells], [note]
    notes = [ParseNote("flat_layout", "表四为网页平铺文本（各格数字连写），已按数字写法和总计关系拆分，数值标为推定", "t4")]
    return [cells], notes + ([note] if note else [])


def _cell(text: str, region: tuple[int, int], index: list[int], piece: Piece, confidence: float, note: str) -> Cell:
    start = region[0] + index[piece.start]
    end = region[0] + index[piece.end - 1] + 1
    return Cell(piece.value, text[start:end], (start, end), confidence, True, note)


def _show(piece: Piece | None) -> str:
    return "空" if piece is None or piece.value is None else str(piece.value)


def may_hold_runs(table: Table) -> bool:
    """Whether a reading of the table by its labels left cells of found rows unread: digits
    run together would read so (a generator of digit-run readings is worth trying)."""
    return any(c.span is None for r, row in enumerate(table.cells) if r not in table.missing_rows for c in row)


def recover_flat(text: str, region: tuple[int, int], spec: TableSpec, notes: list[ParseNote]) -> Table | None:
    """The table read as digit runs, or None if the region does not hold it that way. The
    entry point for the recognizer: a candidate Table and its notes (added to `notes`)."""
    if region is None:
        return None
    from .continuations import without
    from .tokens import page_furniture

    text = without(text, page_furniture(text, *region))  # digits the tokens have not either
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
    if not spans and not any(n.code == "ambiguous_split" for n in new_notes):
        return None
    notes.extend(new_notes)
    span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else region
    return Table(spec, cells, span, complete=not missing, missing_rows=missing)
