"""Tables whose reading order was scrambled by `pdftotext` (default mode).

pdftotext groups the words of a page into blocks and prints block after block, one cell per
line. For a table this gives the row labels first and then the numbers in fragments: a run
down one column for a band of rows, a run along a row, a small rectangle read row by row,
interleaved with header words and page numbers. Two properties of its reading order hold
whatever the page looks like:

* a block is a rectangle of cells read row by row (a single cell, a vertical or horizontal
  run, or a block of whole rows whose last row may be cut short);
* of two blocks that share a column, the upper one is printed first, and a later page
  comes after an earlier one.

So if each block is given a column (and a width), its rows follow: it is stacked below the
blocks already placed in those columns. The search below walks the blocks in stream order,
tries columns and widths (most plausible first), and checks the table's own relations
(schema.table_relations) as soon as their cells are filled. It tolerates one wrong cell
(whose relations break) because the value must be read as the document states it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import combinations

from ..model import Cell, ParseNote, Table
from ..schema import Column, TableSpec, normalize_label, table_relations
from .flat import solve_flat_t4, solve_flat_table
from .tokens import NULL, NUM, TEXT, Token, tokenize

_EPS = 1e-6
_MAX_SOLUTIONS = 50


@dataclass
class Run:
    """One block of values as pdftotext printed it, in stream order."""

    amounts: list[float | int]  # values for sums (a null mark counts 0)
    nulls: list[bool]  # the value is a null mark (/, —)
    page: int = 0
    hint: tuple[int, ...] = ()  # columns the header words just before the block name

    def __len__(self) -> int:
        return len(self.amounts)


@dataclass
class GridRelation:
    """sum(lhs cells) == sum(rhs cells); cells as (row, column) of the search grid."""

    lhs: list[tuple[int, int]]
    rhs: list[tuple[int, int]]
    nonneg: bool = True  # all its cells hold counts >= 0, so a partial sum bounds the rest
    name: str = ""


@dataclass
class Band:
    """Runs down the columns of one band of rows: `total` is the sum of the others, row by row."""

    total: int
    members: tuple[int, ...]  # run indices, the total included
    widths: dict[int, int] = field(default_factory=dict)  # columns each member spans


@dataclass
class Arrangement:
    """Where each value went: cells[r][c] = (run, offset) or None (no value there)."""

    cells: list[list[tuple[int, int] | None]]
    violated: list[int]  # indices of the relations that do not hold
    null_mix: int  # columns mixing null marks and numbers (a layout oddity; lower is likelier)


@dataclass
class SearchResult:
    best: Arrangement | None
    # Cells that hold another value in an alternative arrangement that fits as well.
    ambiguous: set[tuple[int, int]] = field(default_factory=set)
    nodes: int = 0
    complete: bool = True  # the search space was exhausted (False: stopped at the node limit)


class StackingSearch:
    """Assign runs to a grid by stacking them in stream order; see the module docstring."""

    def __init__(
        self,
        nrows: int,
        ncols: int,
        runs: list[Run],
        relations: list[GridRelation],
        page_rows: dict[int, tuple[int, int]] | None = None,
        max_violations: int = 3,
        node_limit: int = 3_000,
        extra_nodes: int = 400,
        bands: list[Band] | None = None,
        total_col: int | None = None,
    ):
        self.R, self.C = nrows, ncols
        self.runs = runs
        self.rels = relations
        self.page_rows = page_rows
        self.max_violations = max_violations
        self.node_limit = node_limit
        self.extra_nodes = extra_nodes
        n = nrows * ncols
        self.run_at: list[int] = [-1] * n  # run index per cell
        self.off_at: list[int] = [-1] * n
        # Per page band (one band if the pages' rows are unknown): the next free row of each
        # column, and the runs stacked in it (bit per run).
        keys = {self._pool_key_of_page(run.page) for run in runs} | {0}
        self.heights_of = {k: [page_rows[k][0] if page_rows and k in page_rows else 0] * ncols for k in keys}
        self.colmask_of = {k: [0] * ncols for k in keys}
        # relation bookkeeping
        m = len(relations)
        self.rel_cells: list[list[int]] = []
        self.cell_rels: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        self.rel_size = [[0, 0] for _ in range(m)]
        self.rel_cellmask = [0] * m
        for i, rel in enumerate(relations):
            cells = []
            for side, group in ((0, rel.lhs), (1, rel.rhs)):
                for r, c in group:
                    k = r * ncols + c
                    cells.append(k)
                    self.cell_rels[k].append((i, side))
                    self.rel_size[i][side] += 1
                    self.rel_cellmask[i] |= 1 << k
            self.rel_cells.append(cells)
        self.filled = [[0, 0] for _ in range(m)]
        self.sums = [[0.0, 0.0] for _ in range(m)]
        self.rel_runs = [0] * m  # runs that put a value into the relation (bit per run)
        self.violated = [False] * m
        self.viol_mask = [0] * m  # the runs a violation depends on
        self.n_violated = 0
        self.culprit = -1  # cells every violated relation passes through (bit mask)
        # pools of unplaced values per page band (or one pool if bands are unknown)
        self.pools: dict[int, dict] = {}
        for run in runs:
            pool = self.pools.setdefault(self._pool_key_of_page(run.page), {})
            for a, is_null in zip(run.amounts, run.nulls):
                key = _amount_key(0 if is_null else a)
                pool[key] = pool.get(key, 0) + 1
        self.initial_pools = {k: dict(v) for k, v in self.pools.items()}
        self.run_pool = [self._pool_key_of_page(run.page) for run in runs]
        self.run_keys = [[_amount_key(0 if n else a) for a, n in zip(run.amounts, run.nulls)] for run in runs]
        self.row_pool = [self._pool_key_of_row(r) for r in range(nrows)]
        self.consumers: dict[tuple[int, object], int] = {}
        self.page_mask: dict[int, int] = {}  # runs placed so far, per pool
        self.bands = bands or []
        self.total_col = total_col
        self.band_of: dict[int, tuple[int, bool]] = {}
        for g, band in enumerate(self.bands):
            for d in band.members:
                self.band_of[d] = (g, d == band.total)
        self.band_top = [-1] * len(self.bands)
        self.band_mask = [0] * len(self.bands)  # placed members (bit per run)
        self.band_left = [sum(b.widths.get(m, 1) for m in b.members) for b in self.bands]  # columns
        self.seen: set = set()
        self.placed: list[tuple[int, int, int] | None] = [None] * len(runs)  # (column, width, top)
        self.after: list[tuple[int, int] | None] = [None] * len(runs)  # reading position after it
        self.twin_of_previous = [
            d > 0
            and runs[d].amounts == runs[d - 1].amounts
            and runs[d].nulls == runs[d - 1].nulls
            and runs[d].page == runs[d - 1].page
            and d not in self.band_of
            and d - 1 not in self.band_of
            for d in range(len(runs))
        ]
        self.trail: list[tuple] = []
        self.nodes = 0
        self.solutions: list[Arrangement] = []
        self.first_found_at: int | None = None
        self.stopped = False

    # ------------------------------------------------------------ pools and pages
    def _pool_key_of_page(self, page: int) -> int:
        return page if self.page_rows is not None else 0

    def _pool_key_of_row(self, row: int) -> int:
        if self.page_rows is None:
            return 0
        for page, (a, b) in self.page_rows.items():
            if a <= row < b:
                return page
        return 0

    def _set(self, arr, idx, value) -> None:
        self.trail.append((arr, idx, arr[idx]))
        arr[idx] = value

    def _undo_to(self, mark: int) -> None:
        trail = self.trail
        while len(trail) > mark:
            arr, idx, old = trail.pop()
            if arr is self:
                setattr(self, idx, old)
            else:
                arr[idx] = old

    def _set_attr(self, name: str, value) -> None:
        self.trail.append((self, name, getattr(self, name)))
        setattr(self, name, value)

    # ------------------------------------------------------------ shapes
    def _options(self, d: int) -> tuple[list[tuple[int, int, list[int]]], int]:
        """(column, width, cells) where run d can go, and the runs that ruled the others out."""
        run = self.runs[d]
        L = len(run)
        C = self.C
        band = self.page_rows.get(run.page) if self.page_rows is not None else None
        limit = band[1] if band else self.R
        out = []
        blocked = 0
        member = self.band_of.get(d)
        heights = self.heights_of[self._pool_key_of_page(run.page)]
        col_mask = self.colmask_of[self._pool_key_of_page(run.page)]
        # Two identical runs in a row placed either way round give the same table: keep one.
        twin = self.placed[d - 1] if d and self.twin_of_previous[d] else None
        for c in range(C):
            top = heights[c]
            if member is not None:
                g, is_total = member
                if self.total_col is not None and (c == self.total_col) != is_total:
                    continue
                if self.band_top[g] >= 0 and self.band_top[g] != top:
                    blocked |= col_mask[c] | self.band_mask[g]
                    continue
            widths = range(1, min(L, C - c) + 1)
            if member is not None:
                w_band = self.bands[member[0]].widths.get(d, 1)
                widths = range(w_band, w_band + 1) if c + w_band <= C else range(0)
            for w in widths:
                if twin is not None and w == twin[1] and (top, c) < (twin[2], twin[0]):
                    blocked |= 1 << (d - 1)  # the same table with the twins the other way round
                    continue
                uneven = [c + i for i in range(1, w) if heights[c + i] != top]
                if uneven:
                    blocked |= col_mask[c] | col_mask[uneven[0]]
                    break
                h = -(-L // w)
                k = L - w * (h - 1)  # cells in the last row
                if k != w and w != C:
                    continue  # a cut-short last row only for blocks of whole table rows
                if top + h > limit:
                    blocked |= col_mask[c]
                    continue
                cells = [(top + i // w) * C + c + i % w for i in range(L)]
                out.append((c, w, cells))
        return out, blocked

    # ------------------------------------------------------------ placing
    def _place(self, d: int, c: int, w: int, cells: list[int]) -> int:
        """Put run d into cells; return 0 if fine, else the conflict (runs to blame) as a bit mask."""
        run = self.runs[d]
        bit = 1 << d
        C = self.C
        L = len(run)
        h = -(-L // w)
        k = L - w * (h - 1)
        pkey = self.run_pool[d]
        heights = self.heights_of[pkey]
        col_mask = self.colmask_of[pkey]
        top = heights[c]
        for i in range(w):
            self._set(heights, c + i, top + (h if i < k else h - 1))
            self._set(col_mask, c + i, col_mask[c + i] | bit)
        self._set(self.placed, d, (c, w, top))
        self._set(self.after, d, (top + h - 1, c + k) if k < w else (top, c + w))
        member = self.band_of.get(d)
        if member is not None:
            g = member[0]
            self._set(self.band_top, g, top)
            self._set(self.band_mask, g, self.band_mask[g] | bit)
            self._set(self.band_left, g, self.band_left[g] - w)
        for g, t in enumerate(self.band_top):
            if t >= 0 and self.band_left[g]:
                pk = self._pool_key_of_page(self.runs[self.bands[g].total].page)
                lost = [col for col in range(C) if self.heights_of[pk][col] > t]
                if C - len(lost) < self.band_left[g]:
                    blame = self.band_mask[g]
                    for col in lost:
                        blame |= self.colmask_of[pk][col]
                    return blame
        trail = self.trail
        trail.append((self.page_mask, pkey, self.page_mask.get(pkey, 0)))
        self.page_mask[pkey] = self.page_mask.get(pkey, 0) | bit
        touched = set()
        pool = self.pools[pkey]
        consumers = self.consumers
        run_at, off_at, rel_runs = self.run_at, self.off_at, self.rel_runs
        keys = self.run_keys[d]
        for off, cell in enumerate(cells):
            trail.append((run_at, cell, -1))
            run_at[cell] = d
            trail.append((off_at, cell, -1))
            off_at[cell] = off
            akey = keys[off]
            amount = akey
            trail.append((pool, akey, pool[akey]))
            pool[akey] -= 1
            ck = (pkey, akey)
            old = consumers.get(ck, 0)
            trail.append((consumers, ck, old))
            consumers[ck] = old | bit
            for i, side in self.cell_rels[cell]:
                f = self.filled[i]
                sm = self.sums[i]
                trail.append((f, side, f[side]))
                f[side] += 1
                trail.append((sm, side, sm[side]))
                sm[side] += amount
                if not rel_runs[i] & bit:
                    trail.append((rel_runs, i, rel_runs[i]))
                    rel_runs[i] |= bit
                touched.add(i)
        conflict = 0
        for i in touched:
            if self.violated[i]:
                continue
            blame = self._check(i)
            if blame is None:
                continue
            self._set(self.violated, i, True)
            self._set(self.viol_mask, i, blame)
            self._set_attr("n_violated", self.n_violated + 1)
            self._set_attr("culprit", self.culprit & self.rel_cellmask[i])
        if self.n_violated > self.max_violations or (self.n_violated and not self.culprit):
            for i, v in enumerate(self.violated):
                if v:
                    conflict |= self.viol_mask[i]
            return conflict or bit
        return 0

    def _check(self, i: int) -> int | None:
        """None if relation i can still hold, else the runs its failure depends on."""
        (fl, fr), (nl, nr) = self.filled[i], self.rel_size[i]
        sl, sr = self.sums[i]
        rel = self.rels[i]
        missing = nl - fl + nr - fr
        if missing == 0:
            return None if abs(sl - sr) <= _EPS else self.rel_runs[i]
        if rel.nonneg:
            if fl == nl and sr > sl + _EPS:
                return self.rel_runs[i]
            if fr == nr and sl > sr + _EPS:
                return self.rel_runs[i]
        if missing == 1:
            need = sr - sl if fl < nl else sl - sr
            if rel.nonneg and need < -_EPS:
                return self.rel_runs[i]
            cell = next(k for k in self.rel_cells[i] if self.run_at[k] < 0)
            pkey = self.row_pool[cell // self.C]
            akey = _amount_key(need)
            if self.pools.get(pkey, {}).get(akey, 0) <= 0:
                return self.rel_runs[i] | self.consumers.get((pkey, akey), 0)
        elif missing == 2 and rel.nonneg:
            return self._check_pair(i, sr - sl)
        elif rel.nonneg:
            # A side with one empty cell can grow by at most the largest value still unplaced.
            for side, other_sum, own_sum in ((0, sr, sl), (1, sl, sr)):
                if self.rel_size[i][side] - self.filled[i][side] == 1 and other_sum > own_sum + _EPS:
                    blame = self._short_of(i, side, other_sum - own_sum)
                    if blame is not None:
                        return blame
        return None

    def _short_of(self, i: int, side: int, need: float) -> int | None:
        """None if some unplaced value >= need can fill relation i's one empty cell on `side`."""
        nl = self.rel_size[i][0]
        cells = self.rel_cells[i][:nl] if side == 0 else self.rel_cells[i][nl:]
        cell = next(k for k in cells if self.run_at[k] < 0)
        pkey = self.row_pool[cell // self.C]
        pool = self.pools.get(pkey, {})
        blame = self.rel_runs[i]
        for value, n0 in self.initial_pools.get(pkey, {}).items():
            if value >= need - _EPS:
                if pool.get(value, 0) > 0:
                    return None
                blame |= self.consumers.get((pkey, value), 0)
        return blame

    def _check_pair(self, i: int, gap: float) -> int | None:
        """Two cells of relation i are empty: is there a pair of unplaced values that closes it?"""
        holes = []
        nl = self.rel_size[i][0]
        for pos, k in enumerate(self.rel_cells[i]):
            if self.run_at[k] < 0:
                holes.append((k, 1 if pos < nl else -1))
        (k1, s1), (k2, s2) = holes
        p1 = self.row_pool[k1 // self.C]
        p2 = self.row_pool[k2 // self.C]
        pool1, pool2 = self.pools.get(p1, {}), self.pools.get(p2, {})
        # s1*x + s2*y == gap; blame the runs that took the values of pairs that would have fit
        blame = self.rel_runs[i]
        orig1, orig2 = self.initial_pools.get(p1, {}), self.initial_pools.get(p2, {})
        for x, n0 in orig1.items():
            y = (gap - s1 * x) / s2
            if y < -_EPS:
                continue
            key = _amount_key(y)
            same = p1 == p2 and key == x
            if orig2.get(key, 0) - same <= 0:
                continue
            if pool1.get(x, 0) > 0 and pool2.get(key, 0) - same > 0:
                return None
            blame |= self.consumers.get((p1, x), 0) | self.consumers.get((p2, key), 0)
        return blame

    # ------------------------------------------------------------ preference
    def _preference(self, d: int, c: int, w: int) -> tuple:
        run = self.runs[d]
        L = len(run)
        heights = self.heights_of[self._pool_key_of_page(run.page)]
        top = heights[c]
        if run.hint:
            lo, n = min(run.hint), len(run.hint)
            hint_miss = 0 if (c == lo and w == min(n, L)) else (1 if c in run.hint else 2)
        else:
            hint_miss = 0
        flat = min(heights) == max(heights)
        if L >= self.C and flat and c == 0:
            shape = 0 if w == self.C else 1  # a block of whole rows, as under a header
        else:
            shape = 0 if w == 1 else 1  # otherwise runs down a column are the common case
        # pdftotext reads a group of blocks like a line of text: the next one is usually
        # right after the previous one, else it starts a new line (the highest free cell).
        after = self.after[d - 1] if d and self.runs[d - 1].page == run.page else None
        follow = 0 if after == (top, c) else 1
        if follow == 0 and w > 1 and L % w == 0:
            # Blocks side by side in one line of blocks usually share their height.
            pw = self.placed[d - 1][1]
            if -(-len(self.runs[d - 1]) // pw) == L // w:
                shape = 0
        return (hint_miss, follow, top, c, shape, -w)

    # ------------------------------------------------------------ search
    def _dfs(self, d: int) -> int:
        """Place runs d, d+1, ...; on failure return the runs to blame (bit mask; -1: all)."""
        if self.stopped:
            return -1
        if d == len(self.runs):
            self._record()
            return -1  # after a solution every earlier choice may matter
        options, conflict = self._options(d)
        options.sort(key=lambda o: self._preference(d, o[0], o[1]))
        bit = 1 << d
        before = self.n_violated
        # Placements that break no further relation first, the others after them.
        queue = [(o, False) for o in options]
        i = 0
        while i < len(queue):
            option, may_break = queue[i]
            i += 1
            if self._over_limit():
                self.stopped = True
                return -1
            self.nodes += 1
            c, w, cells = option
            mark = len(self.trail)
            blame = self._place(d, c, w, cells)
            if blame:
                conflict |= blame
                self._undo_to(mark)
                continue
            if not may_break and self.n_violated > before:
                self._undo_to(mark)
                queue.append((option, True))
                continue
            sub = self._dfs(d + 1)
            self._undo_to(mark)
            if not sub & bit:
                return sub  # this run's placement is not to blame: jump back over it
            conflict |= sub
        conflict &= ~bit
        if not conflict & (bit - 1):
            conflict = bit - 1  # no recorded reason: blame every earlier run
        return conflict

    def _over_limit(self) -> bool:
        if self.first_found_at is not None:
            return self.nodes > self.first_found_at + self.extra_nodes or self.nodes > self.node_limit * 2
        return self.nodes > self.node_limit

    def _record(self) -> None:
        cells = [[None] * self.C for _ in range(self.R)]
        for k, d in enumerate(self.run_at):
            if d >= 0:
                cells[k // self.C][k % self.C] = (d, self.off_at[k])
        violated = [i for i, v in enumerate(self.violated) if v]
        shown = tuple(self._shown(at) for row in cells for at in row)
        if shown in self.seen:
            return
        self.seen.add(shown)
        sol = Arrangement(cells, violated, self._null_mix(cells))
        if self.first_found_at is None:
            self.first_found_at = self.nodes
        if self.solutions and len(violated) < len(self.solutions[0].violated):
            self.solutions = []
        if len(self.solutions) >= _MAX_SOLUTIONS:
            return
        self.solutions.append(sol)
        # Look only for arrangements at least as good from now on.
        self.max_violations = len(violated)

    def _null_mix(self, cells) -> int:
        mixed = 0
        for c in range(self.C):
            kinds = set()
            for r in range(self.R):
                at = cells[r][c]
                if at is not None:
                    kinds.add(self.runs[at[0]].nulls[at[1]])
            mixed += len(kinds) > 1
        return mixed

    def run(self) -> SearchResult:
        self._dfs(0)
        if not self.solutions:
            return SearchResult(None, nodes=self.nodes, complete=not self.stopped)
        best = min(self.solutions, key=lambda s: (len(s.violated), s.null_mix))
        ambiguous: set[tuple[int, int]] = set()
        for other in self.solutions:
            if other is best or len(other.violated) != len(best.violated):
                continue
            for r in range(self.R):
                for c in range(self.C):
                    if self._shown(best.cells[r][c]) != self._shown(other.cells[r][c]):
                        ambiguous.add((r, c))
        return SearchResult(best, ambiguous, self.nodes, not self.stopped)

    def _shown(self, at):
        if at is None:
            return None
        run = self.runs[at[0]]
        return ("null",) if run.nulls[at[1]] else _amount_key(run.amounts[at[1]])


def _amount_key(amount) -> object:
    """Pool key of an amount: integral floats fold into ints."""
    if isinstance(amount, float):
        if abs(amount - round(amount)) <= _EPS:
            return int(round(amount))
        return round(amount, 6)
    return amount


def find_bands(runs: list[Run], ncols: int) -> list[Band]:
    """Bands of rows printed block by block, found by the row-total relation.

    A run down a column that equals, row by row, the sum of other runs of the same page (a run
    of h values, or a block of h rows read row by row) is the 总计 column of their band. Runs
    of zeros fit any band, so only non-zero runs are grouped, and only when exactly one set of
    runs adds up. One row may disagree (a wrong figure in the document), never more.
    """
    bands: list[Band] = []
    for t, total_run in enumerate(runs):
        h = len(total_run)
        target = _vector(total_run)
        if h < 2 or sum(1 for x in target if x) < 2:
            continue  # one non-zero row: a coincidence of small numbers, not evidence
        items = {}
        for i, run in enumerate(runs):
            if i == t or run.page != total_run.page or len(run) % h or len(run) // h > ncols - 1:
                continue
            if abs(i - t) > _BAND_REACH * ncols:
                continue  # a band's blocks are printed near each other
            w = len(run) // h
            vec = _vector(run)
            summed = [sum(vec[r * w : (r + 1) * w]) for r in range(h)]
            if any(summed):
                items[i] = (summed, w)
        found = _subsets_summing(items, target, ncols - 1, skip=None)
        if not found:
            for skip in range(h):
                kept = [x for r, x in enumerate(target) if r != skip]
                if sum(1 for x in kept if x) < 2:
                    continue
                found += _subsets_summing(items, target, ncols - 1, skip=skip)
        if len(found) == 1 and all(items[m][0] != target for m in found[0]):
            members = sorted(found[0] + [t])
            bands.append(Band(t, tuple(members), {m: items[m][1] for m in found[0]} | {t: 1}))
    claimed: dict[int, int] = {}
    for band in bands:
        for m in band.members:
            claimed[m] = claimed.get(m, 0) + 1
    return [b for b in bands if all(claimed[m] == 1 for m in b.members)]


_BAND_REACH = 3  # how far apart (in columns' worth of blocks) a band's blocks may be printed
_BAND_STEPS = 400  # subsets tried per candidate total


def _vector(run: Run) -> list:
    return [0 if is_null else a for a, is_null in zip(run.amounts, run.nulls)]


def _subsets_summing(items, target: list, width: int, skip: int | None) -> list[list[int]]:
    """Sets of runs, at most `width` columns in all, adding up to target row by row (row
    `skip` excepted); at most two are looked for."""
    found: list[list[int]] = []
    pool = sorted(items)
    rows = [r for r in range(len(target)) if r != skip]
    steps = [0]

    def walk(start: int, chosen: list[int], rest: list, room: int) -> None:
        steps[0] += 1
        if steps[0] > _BAND_STEPS:
            found.extend([[], []])  # too many ways to try: claim nothing
        if len(found) > 1:
            return
        if all(abs(rest[r]) <= _EPS for r in rows):
            if len(chosen) >= 2:
                found.append(list(chosen))
            return
        for j in range(start, len(pool)):
            vec, w = items[pool[j]]
            if w <= room and all(vec[r] <= rest[r] + _EPS for r in rows):
                chosen.append(pool[j])
                walk(j + 1, chosen, [b - a for a, b in zip(vec, rest)], room - w)
                chosen.pop()

    walk(0, [], list(target), width)
    return found


# ---------------------------------------------------------------- reading the stream ------

@dataclass
class StreamRun:
    """A run of value tokens with the header words that came just before it."""

    tokens: list[Token]
    page: int
    header: tuple[str, ...]  # normalized header words printed just before the run (same text block)


def value_runs(text: str, tokens: list[Token]) -> list[StreamRun]:
    """Runs of stand-alone values, split where pdftotext started a new block.

    A value counts only if no words share its line (numbers inside sentences are narrative).
    A new block starts at a blank line, at words, and at a page break.
    """
    by_line: dict[int, bool] = {}
    for tok in tokens:
        if tok.kind == TEXT:
            by_line[tok.line] = True
    breaks = [i for i, ch in enumerate(text) if ch == "\f"]
    runs: list[StreamRun] = []
    current: list[Token] = []
    header_parts: list[str] = []  # words of the current text block
    last_line = None
    last_page = 0

    def close() -> None:
        nonlocal current
        if current:
            runs.append(StreamRun(current, last_page, tuple(header_parts)))
            current = []
            header_parts.clear()

    for tok in tokens:
        page = bisect_right(breaks, tok.start)
        gap = last_line is not None and tok.line - last_line > 1
        if tok.kind == TEXT:
            close()
            if gap or page != last_page or not _is_header_like(tok.label):
                header_parts.clear()
            if _is_header_like(tok.label):
                header_parts.append(tok.label)
        elif tok.kind in (NUM, NULL) and not by_line.get(tok.line):
            if current and (gap or page != last_page):
                close()
            current.append(tok)
        else:  # an empty line (a soft empty token) ends a block
            close()
            header_parts.clear()
        last_line = tok.line
        last_page = page
    close()
    return runs


_HEADER_EXTRA = set("()（）、·:：")


def _is_header_like(label: str) -> bool:
    return bool(label) and not any(ch.isdigit() for ch in label) and len(label) <= 12


def header_columns(parts: tuple[str, ...], columns: tuple[Column, ...]) -> tuple[int, ...]:
    """Columns whose header words appear in `parts` (other words and group words ignored)."""
    if not parts:
        return ()
    groups = {normalize_label(g) for col in columns for g in col.path}
    names = [normalize_label(col.short or col.label) for col in columns]
    allowed = set("".join(groups)) | set("".join(names)) | _HEADER_EXTRA
    header = "".join(p for p in parts if set(p) <= allowed)
    for g in sorted(groups, key=len, reverse=True):
        header = header.replace(g, "")
    keys = _unique_prefixes(names)
    return tuple(sorted(c for c, key in enumerate(keys) if key in header))


def _unique_prefixes(names: list[str]) -> list[str]:
    out = []
    for name in names:
        n = min(2, len(name))
        while n < len(name) and sum(other.startswith(name[:n]) for other in names) > 1:
            n += 1
        out.append(name[:n])
    return out


# ---------------------------------------------------------------- 表三 ----------------------

def grid_relations(spec: TableSpec, active: list[int]) -> list[GridRelation]:
    """The table's relations on the search grid (active columns only; a blank column is 0)."""
    index = {c: i for i, c in enumerate(active)}
    out = []
    for rel in table_relations(spec):
        lhs = [(r, index[c]) for _, r, c in rel.lhs if c in index]
        rhs = [(r, index[c]) for _, r, c in rel.rhs if c in index]
        if lhs and rhs:
            out.append(GridRelation(lhs, rhs, True, rel.rule))
    return out


def _column_choices(ncols: int, k: int, total_col: int) -> list[list[int]]:
    """Which k columns hold values when whole columns are blank, likeliest first."""
    combos = [list(c) for c in combinations(range(ncols), k)]
    combos.sort(key=lambda cols: (total_col not in cols, sum(cols)))
    return combos


def _page_bands(runs: list[StreamRun], width: int, nrows: int) -> dict[int, tuple[int, int]] | None:
    counts: dict[int, int] = {}
    for run in runs:
        counts[run.page] = counts.get(run.page, 0) + len(run.tokens)
    bands = {}
    row = 0
    for page in sorted(counts):
        if counts[page] % width:
            return None
        bands[page] = (row, row + counts[page] // width)
        row += counts[page] // width
    return bands if row == nrows else None


def solve_rows_table(
    text: str, tokens: list[Token], spec: TableSpec, node_limit: int = 3_000
) -> tuple[list[list[Cell]], list[ParseNote]] | None:
    """Cells of a scrambled 表三-like table (shared columns), or None if the values do not fit."""
    runs = value_runs(text, tokens)
    nrows, ncols = len(spec.rows), len(spec.columns)
    total = sum(len(r.tokens) for r in runs)
    if total == 0:
        return None
    if total == nrows * ncols:
        choices = [list(range(ncols))]
    elif total < nrows * ncols and total % nrows == 0:
        choices = _column_choices(ncols, total // nrows, ncols - 1)[:_MAX_COLUMN_CHOICES]
    elif total < nrows * ncols and all(t.kind == NUM and t.value == 0 for r in runs for t in r.tokens):
        return _zeros_with_unplaced_blanks(spec, total)
    else:
        return None
    hints = [header_columns(run.header, spec.columns) for run in runs]
    best = None
    budget = node_limit
    for active in choices:
        bands = _page_bands(runs, len(active), nrows)
        if bands:
            # Pages are independent once their rows are known; the last one holds （七）总计 and
            # 四, whose values bound every column above, so it is placed first.
            order = sorted(range(len(runs)), key=lambda i: (-runs[i].page, i))
            runs = [runs[i] for i in order]
            hints = [hints[i] for i in order]
        index = {c: i for i, c in enumerate(active)}
        search_runs = [
            Run(
                [t.value if t.kind == NUM else 0 for t in run.tokens],
                [t.kind == NULL for t in run.tokens],
                run.page,
                tuple(index[c] for c in hint if c in index),
            )
            for run, hint in zip(runs, hints)
        ]
        total_col = index.get(ncols - 1)
        found_bands = find_bands(search_runs, len(active)) if total_col is not None else []
        # Bands only narrow the search; a coincidence of small numbers can fake one, so the
        # search is run again without them if it finds nothing.
        for band_hint in ([found_bands, []] if found_bands else [[]]):
            search = StackingSearch(
                nrows,
                len(active),
                search_runs,
                grid_relations(spec, active),
                bands,
                node_limit=budget // 2 if band_hint else budget,
                bands=band_hint,
                total_col=total_col,
            )
            result = search.run()
            budget -= result.nodes
            if result.best is not None:
                break
        if result.best is not None:
            key = (len(result.best.violated), result.best.null_mix)
            if best is None or key < best[0]:
                best = (key, active, result, search, runs)
            if key[0] == 0:
                break
        if budget <= 0:
            break
    if best is None:
        return None
    _, active, result, search, runs = best
    return _build_cells(spec, runs, active, result, search)


_MAX_COLUMN_CHOICES = 12


def _build_cells(spec, runs, active, result: SearchResult, search: StackingSearch):
    nrows, ncols = len(spec.rows), len(spec.columns)
    arrangement = result.best
    violated = [search.rels[i] for i in arrangement.violated]
    sure = not result.ambiguous and result.complete
    cells: list[list[Cell]] = []
    for r in range(nrows):
        row = []
        for c in range(ncols):
            if c not in active:
                row.append(Cell(None, "", None, 0.5, True, "文本中的数值少于表格格数，推定此列为空白"))
                continue
            d, off = arrangement.cells[r][active.index(c)]
            tok = runs[d].tokens[off]
            value = tok.value if tok.kind == NUM else None
            if (r, active.index(c)) in result.ambiguous:
                row.append(Cell(value, tok.text, (tok.start, tok.end), 0.4, True, _AMBIGUOUS_CELL))
            else:
                row.append(Cell(value, tok.text, (tok.start, tok.end), 0.9 if sure else 0.7, False, ""))
        cells.append(row)
    notes = [ParseNote("scrambled_layout", _layout_message(spec, result, violated, len(active) < ncols), spec.id)]
    if result.ambiguous:
        notes.append(
            ParseNote(
                "ambiguous_layout",
                f"{spec.number}有 {len(result.ambiguous)} 格的位置不能唯一确定（另有排列同样符合勾稽关系），已标为推定，请对照原文核对",
                spec.id,
            )
        )
    return cells, notes


_AMBIGUOUS_CELL = "文本顺序错乱，另有排列同样符合勾稽关系，此格位置不能确定"


def _zeros_with_unplaced_blanks(spec: TableSpec, found: int):
    """Every value is 0 but some cells are blank, and the scrambled order hides which.

    Each cell is then 0 or blank, and a blank counts 0 in every sum, so the cells are shown as
    0 and marked: the reviewer is told that some of them are blank in the document.
    """
    nrows, ncols = len(spec.rows), len(spec.columns)
    blanks = nrows * ncols - found
    note = f"文本顺序错乱且有 {blanks} 格空白，无法确定哪些格为空白；本表读到的数值均为 0，此格按 0 填入"
    cells = [[Cell(0, "", None, 0.2, True, note) for _ in range(ncols)] for _ in range(nrows)]
    msg = (
        f"{spec.number}的文本顺序错乱（PDF 转换所致），且只读到 {found} 个数值（表格共 {nrows * ncols} 格）；"
        f"读到的数值均为 0，空白格的位置无法确定，各格暂按 0 填入并标为推定，请对照原文标出空白格"
    )
    return cells, [ParseNote("ambiguous_layout", msg, spec.id)]


def _layout_message(spec, result: SearchResult, violated, blank_columns: bool) -> str:
    msg = f"{spec.number}的文本顺序错乱（PDF 转换所致），已按表格自身的勾稽关系还原各数值的位置"
    if violated:
        msg += f"；最佳排列下仍有 {len(violated)} 条勾稽关系不成立"
    if blank_columns:
        msg += "；文本中的数值少于格数，推定部分列为空白"
    if not result.complete:
        msg += "；搜索未穷尽，结果可能不是唯一解"
    return msg


# ---------------------------------------------------------------- entry points --------------

def looks_scrambled(table: Table) -> bool:
    """Most found rows got no value at all: labels and numbers were printed apart."""
    rows = [row for r, row in enumerate(table.cells) if r not in table.missing_rows]
    if not rows:
        return False
    empty = sum(1 for row in rows if all(c.span is None for c in row))
    return empty >= _SCRAMBLED_SHARE * len(rows)


_SCRAMBLED_SHARE = 0.3


def recover_table(text: str, region: tuple[int, int], table: Table, notes: list[ParseNote]) -> Table:
    """The table re-read from its scrambled values, or `table` itself if it does not look scrambled
    or the values cannot be placed."""
    if not looks_scrambled(table) or any(n.table == table.spec.id and n.code == "flat_layout" for n in notes):
        return table
    tokens = tokenize(text, *region)
    spec = table.spec
    missing: list[int] = []
    if spec.id == "t3":
        solved = solve_rows_table(text, tokens, spec)
    elif spec.id == "t2":
        solved = solve_groups_table(text, tokens, spec)
    else:
        solved = None
    if solved is None:
        # No stand-alone values: perhaps a web page archived as flat text (digits run together).
        flat = solve_flat_table(text, region, spec)
        if flat is None:
            return table
        *solved, missing = flat
    cells, new_notes = solved
    out = Table(spec, cells, table.span, complete=not missing, missing_rows=missing)
    spans = [c.span for row in cells for c in row if c.span]
    if spans:
        lo = min(s[0] for s in spans)
        hi = max(s[1] for s in spans)
        out.span = (min(lo, table.span[0]) if table.span else lo, max(hi, table.span[1]) if table.span else hi)
    # The row-by-row reading's complaints no longer apply: its values were placed here.
    notes[:] = [n for n in notes if not (n.table == spec.id and n.code in _SUPERSEDED)]
    notes.extend(new_notes)
    return out


_SUPERSEDED = {"row_missing", "values_missing"}


# ---------------------------------------------------------------- 表二 ----------------------

@dataclass
class _Group:
    """One 第二十条 item of 表二: its rows share columns, and its values follow its heading."""

    heading: str  # normalized, e.g. 第二十条第(一)项
    rows: list[int]
    columns: tuple[Column, ...]
    runs: list[StreamRun] = field(default_factory=list)
    stragglers: list[StreamRun] = field(default_factory=list)  # placed by free space, not order

    @property
    def capacity(self) -> int:
        return len(self.rows) * len(self.columns)

    def filled(self) -> int:
        return sum(len(r.tokens) for r in self.runs + self.stragglers)


def _groups(spec: TableSpec) -> list[_Group]:
    groups: list[_Group] = []
    for r, row in enumerate(spec.rows):
        heading = normalize_label(row.path[0]) if row.path else ""
        if groups and groups[-1].heading == heading:
            groups[-1].rows.append(r)
        else:
            groups.append(_Group(heading, [r], spec.row_columns(r)))
    return groups


def solve_groups_table(text: str, tokens: list[Token], spec: TableSpec):
    """表二 whose values were printed after all its labels: each item's values follow its
    第二十条 heading, row by row (or in column runs named by the header words before them)."""
    groups = _groups(spec)
    if any(not g.heading for g in groups):
        return None
    runs = value_runs(text, tokens)
    owner = _run_groups(tokens, runs, groups)
    if owner is None:
        return None
    loose: list[StreamRun] = []
    for run, g in zip(runs, owner):
        if g is None:
            continue
        group = groups[g]
        if group.filled() + len(run.tokens) <= group.capacity:
            group.runs.append(run)
        else:
            loose.append(run)  # more values than the item has cells: they belong elsewhere
    for run in loose:
        for group in groups:
            if group.filled() + len(run.tokens) <= group.capacity:
                group.stragglers.append(run)
                break
        else:
            return None
    if sum(g.filled() for g in groups) != sum(g.capacity for g in groups):
        return None
    cells = [[Cell(None) for _ in spec.row_columns(r)] for r in range(len(spec.rows))]
    unsure = 0
    for group in groups:
        placed = _place_group(text, group)
        if placed is None:
            return None
        for (r, c), (tok, confident) in placed.items():
            value = tok.value if tok.kind == NUM else None
            if confident:
                cells[group.rows[r]][c] = Cell(value, tok.text, (tok.start, tok.end), 0.85)
            else:
                unsure += 1
                cells[group.rows[r]][c] = Cell(value, tok.text, (tok.start, tok.end), 0.4, True, _GROUP_GUESS)
    msg = f"{spec.number}的文本顺序错乱（PDF 转换所致），已按各项标题（第二十条第…项）后的数值顺序还原"
    notes = [ParseNote("scrambled_layout", msg, spec.id)]
    if unsure:
        notes.append(
            ParseNote("ambiguous_layout", f"{spec.number}有 {unsure} 格的位置是按剩余空格推定的，请对照原文核对", spec.id)
        )
    return cells, notes


_GROUP_GUESS = "文本顺序错乱，此值的位置按该项剩余的空格推定"


def _run_groups(tokens: list[Token], runs: list[StreamRun], groups: list[_Group]) -> list[int | None] | None:
    """For each run, the group whose heading came last before it (None before any heading)."""
    first_token = {id(run.tokens[0]): i for i, run in enumerate(runs)}
    owner: list[int | None] = [None] * len(runs)
    current = None
    seen = set()
    for tok in tokens:
        if tok.kind == TEXT:
            for g, group in enumerate(groups):
                if group.heading in tok.label:
                    current = g
                    seen.add(g)
            if current is not None and _ends_table(tok.label):
                break
        i = first_token.get(id(tok))
        if i is not None:
            owner[i] = current
    return owner if len(seen) == len(groups) else None


def _ends_table(label: str) -> bool:
    """A sentence or a heading after the table: its numbers are not the table's."""
    return len(label) > 16 or any(p in label for p in "。；，")


def _place_group(text: str, group: _Group) -> dict[tuple[int, int], tuple[Token, bool]] | None:
    runs = group.runs + group.stragglers
    search_runs = [
        Run(
            [t.value if t.kind == NUM else 0 for t in run.tokens],
            [t.kind != NUM for t in run.tokens],
            0,
            header_columns(run.header, group.columns),
        )
        for run in runs
    ]
    search = StackingSearch(len(group.rows), len(group.columns), search_runs, [], None, node_limit=2_000, extra_nodes=200)
    result = search.run()
    if result.best is None:
        return None
    out = {}
    n_own = len(group.runs)
    for r, row in enumerate(result.best.cells):
        for c, at in enumerate(row):
            d, off = at
            confident = d < n_own and (r, c) not in result.ambiguous
            out[(r, c)] = (runs[d].tokens[off], confident)
    return out


# ---------------------------------------------------------------- 表四 ----------------------

def recover_t4(text: str, region: tuple[int, int], table: Table, notes: list[ParseNote]) -> Table:
    """表四 whose header words were printed between its values: the values in stream order.

    pdftotext keeps a one-row table's cells left to right even when it splits them into
    blocks, so when exactly fifteen stand-alone values follow the header they are taken in
    order; the three 总计 relations say how sure that is.
    """
    ncols = len(table.spec.columns)
    if sum(1 for c in table.cells[0] if c.span) >= ncols:
        return table
    values: list[Token] = []
    for run in value_runs(text, _until_sentence(tokenize(text, *region))):
        values.extend(run.tokens)
    if not values:
        flat = solve_flat_t4(text, region, table.spec)
        if flat is None:
            return table
        cells, new_notes = flat
        notes[:] = [n for n in notes if not (n.table == table.spec.id and n.code in _SUPERSEDED)]
        notes.extend(new_notes)
        return Table(table.spec, cells, table.span)
    if len(values) != ncols:
        return table
    amounts = [t.value if t.kind == NUM else 0 for t in values]
    holds = all(
        abs(sum(amounts[c] for _, _, c in rel.lhs) - sum(amounts[c] for _, _, c in rel.rhs)) <= _EPS
        for rel in table_relations(table.spec)
    )
    confidence = 0.85 if holds else 0.6
    cells = [[Cell(t.value if t.kind == NUM else None, t.text, (t.start, t.end), confidence) for t in values]]
    out = Table(table.spec, cells, (min(values[0].start, *(table.span or (values[0].start,))), values[-1].end))
    notes[:] = [n for n in notes if not (n.table == table.spec.id and n.code in _SUPERSEDED)]
    msg = "表四的表头与数值在文本中交错（PDF 转换所致），已按数值出现的顺序填入各列"
    if not holds:
        msg += "；按此顺序总计关系不成立，请对照原文核对"
    notes.append(ParseNote("scrambled_layout", msg, table.spec.id))
    return out


def _until_sentence(tokens: list[Token]) -> list[Token]:
    """Tokens up to the first sentence after some values (narrative after the table)."""
    seen_value = False
    for i, tok in enumerate(tokens):
        if tok.kind in (NUM, NULL):
            seen_value = True
        elif tok.kind == TEXT and seen_value and _ends_table(tok.label):
            return tokens[:i]
    return tokens
