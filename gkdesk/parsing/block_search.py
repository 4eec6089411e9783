"""Place blocks of values into a table grid: the search behind the scrambled-table reader.

Each block (a run of values as pdftotext printed it) is given a column and a width; its rows
follow, because pdftotext prints, of two blocks that share a column, the upper one first: a
block is stacked below the blocks already placed in its columns. The search walks the blocks
in stream order (a later page first when the pages' rows are known: the last page holds the
totals that bound every column), tries placements in order of plausibility, and checks the
table's relations as soon as their cells fill: partial sums against a known total, and the
one or two values still missing must be among those not yet placed. It tolerates relations
broken by one wrong cell (every broken relation passes through it), since a document's
figures are read as stated. Failures name the blocks to blame, so the search jumps back over
placements that are not (conflict-directed backjumping); it is bounded by a node budget.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations, compress

from .. import relations as rel_eval
from ..schema import Relation

_EPS = 1e-6
_NO_SLOTS: dict = {}  # the slots of a page band no run is on
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
    """A schema relation on the search grid: its cells as (row, column) of the grid, for the
    search's partial-sum bounds; whether a finished arrangement keeps it is decided by the one
    evaluator (gkdesk/relations.py) on `relation` itself."""

    lhs: list[tuple[int, int]]
    rhs: list[tuple[int, int]]
    nonneg: bool = True  # all its cells hold counts >= 0, so a partial sum bounds the rest
    name: str = ""
    relation: Relation | None = None
    grid_column: dict[int, int] = field(default_factory=dict)  # table column -> grid column


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
    breaks: int = 0  # column order: blocks not where the reading order continues (lower is likelier)


class _Frame:
    """One run being placed in the depth-first search: its placements in order, the next to try,
    the trail mark under the current one, and the runs blamed so far."""

    __slots__ = ("d", "queue", "conflict", "before", "goes_on", "bit", "i", "mark")

    def __init__(self, d: int, queue: list, conflict: int, before: int, goes_on):
        self.d, self.queue, self.conflict, self.before, self.goes_on = d, queue, conflict, before, goes_on
        self.bit = 1 << d
        self.i = 0
        self.mark = 0


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
        node_limit: int = 10_000,
        extra_nodes: int = 1_500,
        tie_window: int = 300,
        bands: list[Band] | None = None,
        total_col: int | None = None,
        max_reversed_width: int = 0,
        prefer_reversed: bool = False,
        prefer_down: bool = False,
        first_within: int | None = None,
    ):
        self.R, self.C = nrows, ncols
        self.max_reversed_width = max_reversed_width  # blocks this narrow may be read right to left
        self.prefer_reversed = prefer_reversed  # and are tried that way first
        self.prefer_down = prefer_down  # a page's second block is expected under its first (column order)
        self.breaks = 0  # column order: blocks placed elsewhere than where the order goes on
        self.runs = runs
        self.rels = relations
        self.page_rows = page_rows
        self.max_violations = max_violations
        self.node_limit = node_limit
        # The nodes within which the first arrangement must be found (at most node_limit);
        # once one is, the search goes on as its node_limit allows.
        self.first_within = node_limit if first_within is None else min(first_within, node_limit)
        self.extra_nodes = extra_nodes
        self.tie_window = min(tie_window, extra_nodes)
        n = nrows * ncols
        self.run_at: list[int] = [-1] * n  # run index per cell
        self.off_at: list[int] = [-1] * n
        # Per page band (one band if the pages' rows are unknown): the next free row of each
        # column, and the runs stacked in it (bit per run).
        keys = {self._pool_key_of_page(run.page) for run in runs} | {0}
        self.heights_of = {k: [page_rows[k][0] if page_rows and k in page_rows else 0] * ncols for k in keys}
        self.colmask_of = {k: [0] * ncols for k in keys}
        # relation bookkeeping. Per relation i, its counts and sums are kept flat, lhs at 2*i and
        # rhs at 2*i + 1 (locals index one list in the per-cell loop, not a list of pairs).
        m = len(relations)
        self.rel_cells: list[tuple[int, ...]] = []
        cell_rels: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        # Cells no relation passes through twice: a value placed there touches each of its
        # relations once (_place's one-value path).
        self.cell_once = [True] * n
        rel_size = [[0, 0] for _ in range(m)]
        self.rel_cellmask = [0] * m
        for i, rel in enumerate(relations):
            cells = []
            for side, group in ((0, rel.lhs), (1, rel.rhs)):
                for r, c in group:
                    k = r * ncols + c
                    cells.append(k)
                    if cell_rels[k] and cell_rels[k][-1][0] == i:
                        self.cell_once[k] = False  # (a relation's entries of a cell come one after another)
                    cell_rels[k].append((i, 2 * i + side))
                    rel_size[i][side] += 1
                    self.rel_cellmask[i] |= 1 << k
            self.rel_cells.append(tuple(cells))
        self.cell_rels: list[tuple[tuple[int, int], ...]] = [tuple(rels) for rels in cell_rels]  # (i, 2*i + side)
        self.rel_nl = tuple(size[0] for size in rel_size)
        self.rel_nr = tuple(size[1] for size in rel_size)
        self.rel_nonneg = tuple(rel.nonneg for rel in relations)
        self.filled = [0] * (2 * m)
        self.sums = [0.0] * (2 * m)
        self.rel_runs = [0] * m  # runs that put a value into the relation (bit per run)
        self.violated = [False] * m
        self.viol_mask = [0] * m  # the runs a violation depends on
        self.n_violated = 0
        self.culprit = -1  # cells every violated relation passes through (bit mask)
        # The unplaced values per page band (one band if bands are unknown): each distinct value
        # of a band has a slot, numbered in the order the runs first show it; per slot, the
        # values left and the runs that took one (bit per run). Flat lists, so placing a value
        # is two list updates.
        self.run_pool = [self._pool_key_of_page(run.page) for run in runs]
        self.run_keys = [[_amount_key(0 if null else a) for a, null in zip(run.amounts, run.nulls)] for run in runs]
        self.slot_of: dict[int, dict] = {}  # band -> value -> slot
        self.unplaced: list[int] = []
        self.takers: list[int] = []
        self.run_slots: list[list[int]] = []  # per run, the slot of each value
        for pkey, keys in zip(self.run_pool, self.run_keys):
            slots = self.slot_of.setdefault(pkey, {})
            own = []
            for key in keys:
                slot = slots.get(key)
                if slot is None:
                    slot = slots[key] = len(self.unplaced)
                    self.unplaced.append(0)
                    self.takers.append(0)
                self.unplaced[slot] += 1
                own.append(slot)
            self.run_slots.append(own)
        self.initial_count = tuple(self.unplaced)
        # Per band: its (value, slot) pairs in slot order, and largest value first (_short_of).
        self.slots_in_order = {k: tuple(slots.items()) for k, slots in self.slot_of.items()}
        self.slots_down = {k: sorted(slots.items(), key=lambda vs: vs[0], reverse=True)
                           for k, slots in self.slot_of.items()}
        # What each cell shows (the table a reviewer would see), kept as runs are placed, so a
        # solution found again (its values in the same cells by other runs) costs one copy.
        # (A number's pool key is what it shows.)
        self.shown_keys = [[("null",) if null else key for key, null in zip(keys, run.nulls)]
                           for keys, run in zip(self.run_keys, runs)]
        self.shown_at: list = [None] * n
        # Per run: its length, the last row its page band allows, and per width its height
        # and the cells of its last row.
        # (Runs of one length share their shapes.)
        self.run_shape = []
        shapes_of: dict[int, dict] = {}
        for run in runs:
            L = len(run)
            band = page_rows.get(run.page) if page_rows is not None else None
            shapes = shapes_of.get(L)
            if shapes is None:
                shapes = shapes_of[L] = {w: (-(-L // w), L - w * (-(-L // w) - 1)) for w in range(1, ncols + 1)}
            self.run_shape.append((L, band[1] if band else nrows, shapes))
        self.row_pool = [self._pool_key_of_row(r) for r in range(nrows)]
        # Per relation, and per side of one (2*i + side): the page band of its cells if they
        # are all in one (else None, and the band is that of the empty cell looked at).
        if page_rows is None:
            self.rel_band, self.side_band = [0] * m, [0] * (2 * m)  # one band: every row's pool is 0
        else:
            cell_band = [self.row_pool[k // ncols] for k in range(n)]
            self.rel_band, self.side_band = [], []
            for i, cells in enumerate(self.rel_cells):
                lhs = {cell_band[k] for k in cells[: self.rel_nl[i]]}
                rhs = {cell_band[k] for k in cells[self.rel_nl[i] :]}
                self.side_band += [_only(lhs), _only(rhs)]
                self.rel_band.append(_only(lhs | rhs))
        # Placements as _options gives them, made once: per cell for one-value runs, else per
        # (length, top, column, width).
        self._single_options: list = [None] * n
        self._option_memo: dict[tuple, tuple] = {}
        self.bands = bands or []
        self.total_col = total_col
        self.band_of: dict[int, tuple[int, bool]] = {}
        for g, band in enumerate(self.bands):
            for d in band.members:
                self.band_of[d] = (g, d == band.total)
        self.band_top = [-1] * len(self.bands)
        self.band_mask = [0] * len(self.bands)  # placed members (bit per run)
        self.band_left = [sum(b.widths.get(m, 1) for m in b.members) for b in self.bands]  # columns
        self.band_pool = [self._pool_key_of_page(runs[b.total].page) for b in self.bands]
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
        self.trail: list[list] = []  # one entry per placement, _place's record
        self.same_page_as_previous = [d > 0 and runs[d - 1].page == runs[d].page for d in range(len(runs))]
        self.uniform_from, self.rest_shown = self._uniform_suffix()
        self._relation_places: list[list | None] = [None] * m
        self._broken_memo: list[dict] = [{} for _ in range(m)]
        self.nodes = 0
        self.solutions: list[Arrangement] = []
        self.first_found_at: int | None = None
        self.node_cap = self.first_within  # the search stops past this many nodes (see _record)
        self.stopped = False
        # Column order: the fewest breaks of the order among arrangements breaking no relation.
        # Breaks only grow as blocks are placed, so a partial arrangement with more can neither
        # beat nor tie that one (arrangements are ranked by relations broken, then breaks).
        self.break_bound: int | None = None

    def _uniform_suffix(self) -> tuple[int, dict]:
        """The first run from which every page band's runs left show one value alike (zeros,
        say), and that value per band; len(runs) if there is none.

        From there on every completion shows the same table (the blocks fill every free cell,
        each with its band's one value), so a subtree there adds at most one arrangement: the
        search takes its first completion, or none if that table was found before, and moves
        on (the rest only permutes look-alike blocks)."""
        runs = self.runs
        if sum(len(run) for run in runs) != self.R * self.C:
            return len(runs), {}  # blocks that leave cells free: completions differ in which
        shown_of: dict[int, object] = {}
        for d in range(len(runs) - 1, -1, -1):
            pkey = self.run_pool[d]
            keys = set(self.shown_keys[d])
            if pkey in shown_of:
                keys.add(shown_of[pkey])
            if len(keys) > 1:
                return d + 1, shown_of
            shown_of[pkey] = keys.pop()
        return 0, shown_of

    def _completion_shown(self) -> tuple | None:
        """The table every completion shows from uniform_from on, or None if some free cell's
        band has no value left for it."""
        C, rest, row_pool = self.C, self.rest_shown, self.row_pool
        out = list(self.shown_at)
        for k, at in enumerate(out):
            if at is None:
                pkey = row_pool[k // C]
                if pkey not in rest:
                    return None
                out[k] = rest[pkey]
        return tuple(out)

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

    def _undo_to(self, mark: int) -> None:
        trail = self.trail
        while len(trail) > mark:
            self._unplace(trail.pop())

    def _unplace(self, record: list) -> None:
        """Undo a placement (_place's trail entry): its columns' heights and runs, its place, the
        order's breaks, its band's bookkeeping, the violations it found and their count; then
        its cells, if it got that far: the relations' counts and sums as saved, the rest the
        inverse of placing run d (no value of d was anywhere before, so its bit is simply
        cleared)."""
        d, c, w, old_heights, old_masks, placed, after, breaks, cells, touched, n_violated, culprit, band, newly = record
        pkey = self.run_pool[d]
        if w == 1:
            self.heights_of[pkey][c] = old_heights
            self.colmask_of[pkey][c] = old_masks
        else:
            self.heights_of[pkey][c : c + w] = old_heights
            self.colmask_of[pkey][c : c + w] = old_masks
        self.placed[d] = placed
        self.after[d] = after
        self.breaks = breaks
        self.n_violated = n_violated
        self.culprit = culprit
        if band is not None:
            g, self.band_top[g], self.band_mask[g], self.band_left[g] = band
        if newly is not None:
            violated, viol_mask = self.violated, self.viol_mask
            for i, old_mask in newly:
                violated[i] = False
                viol_mask[i] = old_mask
        if cells is None:
            return
        keep = ~(1 << d)
        unplaced, takers = self.unplaced, self.takers
        if len(cells) == 1:
            cell = cells[0]
            self.run_at[cell] = -1
            self.off_at[cell] = -1
            self.shown_at[cell] = None
            slot = self.run_slots[d][0]
            unplaced[slot] += 1
            takers[slot] &= keep
        else:
            run_at, off_at, shown_at = self.run_at, self.off_at, self.shown_at
            for cell in cells:
                run_at[cell] = -1
                off_at[cell] = -1
                shown_at[cell] = None
            for slot in self.run_slots[d]:
                unplaced[slot] += 1
                takers[slot] &= keep
        filled, sums, rel_runs = self.filled, self.sums, self.rel_runs
        for i, f0, f1, s0, s1 in touched:
            i2 = i + i
            filled[i2] = f0
            filled[i2 + 1] = f1
            sums[i2] = s0
            sums[i2 + 1] = s1
            rel_runs[i] &= keep

    # ------------------------------------------------------------ shapes
    def _options(self, d: int) -> tuple[list[tuple[int, int, list[int], bool]], int]:
        """(column, width, cells, reversed) where run d can go, and the runs that ruled the
        others out (the order and the blame are those of trying every column and width)."""
        L, limit, shapes = self.run_shape[d]
        C = self.C
        out = []
        blocked = 0
        member = self.band_of.get(d)
        pkey = self.run_pool[d]
        heights = self.heights_of[pkey]
        col_mask = self.colmask_of[pkey]
        max_rev = self.max_reversed_width
        down = self.prefer_down
        # Two identical runs in a row placed either way round give the same table: keep one.
        twin = self.placed[d - 1] if d and self.twin_of_previous[d] else None
        if twin is not None:
            # (top, column) or, in column order, (column, top) as one number: B exceeds any top
            # (at most R) and any column
            B = self.R + self.C + 1
            twin_w, twin_key = twin[1], (twin[0] * B + twin[2] if down else twin[2] * B + twin[0])
        if L == 1 and member is None:
            single = self._single_options
            # Most runs are one value: one width, one cell per column (the loop below, with
            # w == 1 and shapes[1] == (1, 1): the same tests in the same order).
            twin_first = twin is not None and twin_w == 1
            for c in range(C):
                top = heights[c]
                if twin_first and (c * B + top if down else top * B + c) < twin_key:
                    blocked |= 1 << (d - 1)  # the same table with the twins the other way round
                    continue
                if top >= limit:
                    blocked |= col_mask[c]
                    continue
                option = single[top * C + c]
                if option is None:
                    option = single[top * C + c] = (c, 1, [top * C + c], False)
                out.append(option)
            return out, blocked
        memo = self._option_memo
        for c in range(C):
            top = heights[c]
            if member is not None:
                g, is_total = member
                if self.total_col is not None and (c == self.total_col) != is_total:
                    continue
                if self.band_top[g] >= 0 and self.band_top[g] != top:
                    blocked |= col_mask[c] | self.band_mask[g]
                    continue
                w_band = self.bands[g].widths.get(d, 1)
                widths = range(w_band, w_band + 1) if c + w_band <= C else range(0)
            else:
                widths = range(1, min(L, C - c) + 1)
            even = 1  # columns c .. c+even-1 all stand at `top`
            for w in widths:
                if twin is not None and w == twin_w and (c * B + top if down else top * B + c) < twin_key:
                    blocked |= 1 << (d - 1)  # the same table with the twins the other way round
                    continue
                while even < w and heights[c + even] == top:
                    even += 1
                if even < w:
                    blocked |= col_mask[c] | col_mask[c + even]
                    break
                h, k = shapes[w]
                if k != w and w != C:
                    continue  # a cut-short last row only for blocks of whole table rows
                if top + h > limit:
                    blocked |= col_mask[c]
                    continue
                made = memo.get((L, top, c, w))
                if made is None:
                    if w == 1:
                        cells = list(range(top * C + c, (top + L) * C + c, C))
                    else:
                        cells = [(top + i // w) * C + c + i % w for i in range(L)]
                    made = ((c, w, cells, False),)
                    if 1 < w <= max_rev and k == w:
                        # A block whose rows were read right to left (a PDF library that orders
                        # the words of one line of a text box by where it found them).
                        made += ((c, w, [(top + i // w) * C + c + w - 1 - i % w for i in range(L)], True),)
                    memo[(L, top, c, w)] = made
                out += made
        return out, blocked

    def _before(self, top: int, c: int, twin_top: int, twin_c: int) -> bool:
        """Whether a cell comes before a twin's in the reading order searched (the second of
        two identical runs goes after the first): row by row, or column by column."""
        if self.prefer_down:
            return (c, top) < (twin_c, twin_top)
        return (top, c) < (twin_top, twin_c)

    # ------------------------------------------------------------ placing
    def _place(self, d: int, c: int, w: int, cells: list[int], goes_on=None) -> int:
        """Put run d into cells; return 0 if fine, else the conflict (runs to blame) as a bit mask."""
        h, k = self.run_shape[d][2][w]
        bit = 1 << d
        pkey = self.run_pool[d]
        heights = self.heights_of[pkey]
        col_mask = self.colmask_of[pkey]
        top = heights[c]
        # In column order a page's first block starts the order too (at the top of its leftmost
        # column): else two whole columns swapped on a page cost no break and tie with the truth.
        if self.prefer_down:
            breaks_order = (top, c) != goes_on
        elif self.same_page_as_previous[d]:
            # pdftotext: right after the previous block, or a new line (the highest free cell)
            breaks_order = (top, c) != self.after[d - 1] and not (top == min(heights) and c == heights.index(top))
        else:
            breaks_order = False
        # One trail entry undoes the placement; _unplace reads it. Its columns, its place, the
        # order's breaks and the violation count as they were; once filled in below: its cells
        # (8), the relations it touched with their counts and sums as they were (9), its band's
        # bookkeeping as it was (12), the relations it broke with their old blame (13).
        # (A placement one column wide keeps its column's height and runs as ints, not lists.)
        touched: list[tuple] = []
        if w == 1:
            record = [d, c, 1, top, col_mask[c], self.placed[d], self.after[d], self.breaks,
                      None, touched, self.n_violated, self.culprit, None, None]
            heights[c] = top + h
            col_mask[c] |= bit
        else:
            record = [d, c, w, heights[c : c + w], col_mask[c : c + w], self.placed[d], self.after[d], self.breaks,
                      None, touched, self.n_violated, self.culprit, None, None]
            for i in range(w):
                heights[c + i] = top + (h if i < k else h - 1)
                col_mask[c + i] |= bit
        self.trail.append(record)
        self.placed[d] = (c, w, top)
        self.after[d] = (top + h - 1, c + k) if k < w else (top, c + w)
        if breaks_order:
            self.breaks += 1
            if self.break_bound is not None and self.breaks > self.break_bound:
                return (bit << 1) - 1  # what broke the order earlier is not known: blame all
        if self.bands:
            C = self.C
            band_top, band_mask, band_left = self.band_top, self.band_mask, self.band_left
            member = self.band_of.get(d)
            if member is not None:
                g = member[0]
                record[12] = (g, band_top[g], band_mask[g], band_left[g])
                band_top[g] = top
                band_mask[g] |= bit
                band_left[g] -= w
            for g, t in enumerate(band_top):
                if t >= 0 and band_left[g]:
                    pk = self.band_pool[g]
                    band_heights = self.heights_of[pk]
                    if C - sum(1 for hh in band_heights if hh > t) < band_left[g]:
                        blame = band_mask[g]
                        for col in range(C):
                            if band_heights[col] > t:
                                blame |= self.colmask_of[pk][col]
                        return blame
        # locals: this loop runs per cell placed, its inner one per relation through the cell
        run_at, off_at, rel_runs = self.run_at, self.off_at, self.rel_runs
        filled, sums, cell_rels = self.filled, self.sums, self.cell_rels
        unplaced, takers = self.unplaced, self.takers
        keys, slots = self.run_keys[d], self.run_slots[d]
        shown_at, shown = self.shown_at, self.shown_keys[d]
        record[8] = cells
        if len(cells) == 1 and self.cell_once[cells[0]]:
            # One value (most placements): the loop below for one cell, whose relations are
            # each touched for the first time.
            cell = cells[0]
            run_at[cell] = d
            off_at[cell] = 0
            shown_at[cell] = shown[0]
            slot = slots[0]
            unplaced[slot] -= 1
            takers[slot] |= bit
            amount = keys[0]
            for i, j in cell_rels[cell]:
                i2 = i + i
                touched.append((i, filled[i2], filled[i2 + 1], sums[i2], sums[i2 + 1]))
                rel_runs[i] |= bit
                filled[j] += 1
                sums[j] += amount
        else:
            seen = 0  # relations touched so far (bit per relation)
            for off, cell in enumerate(cells):
                run_at[cell] = d
                off_at[cell] = off
                shown_at[cell] = shown[off]
                slot = slots[off]
                unplaced[slot] -= 1
                takers[slot] |= bit
                amount = keys[off]
                for i, j in cell_rels[cell]:
                    if not seen >> i & 1:
                        seen |= 1 << i
                        i2 = i + i
                        touched.append((i, filled[i2], filled[i2 + 1], sums[i2], sums[i2 + 1]))
                        rel_runs[i] |= bit
                    filled[j] += 1
                    sums[j] += amount
        violated = self.violated
        newly = None
        check = self._check
        for t in touched:
            i = t[0]
            if violated[i]:
                continue
            blame = check(i)
            if blame is None:
                continue
            if newly is None:
                newly = record[13] = []
            newly.append((i, self.viol_mask[i]))
            violated[i] = True
            self.viol_mask[i] = blame
            self.n_violated += 1
            self.culprit &= self.rel_cellmask[i]
        if self.n_violated > self.max_violations or (self.n_violated and not self.culprit):
            conflict = 0
            for blame in compress(self.viol_mask, violated):
                conflict |= blame
            return conflict or bit
        return 0

    def _check(self, i: int) -> int | None:
        """None if relation i can still hold, else the runs its failure depends on."""
        i2 = i + i
        filled, sums = self.filled, self.sums
        fl, fr, sl, sr = filled[i2], filled[i2 + 1], sums[i2], sums[i2 + 1]
        nl, nr = self.rel_nl[i], self.rel_nr[i]
        missing = nl - fl + nr - fr
        if missing == 0:
            return None if abs(sl - sr) <= _EPS else self.rel_runs[i]
        nonneg = self.rel_nonneg[i]
        if nonneg:
            if fl == nl and sr > sl + _EPS:
                return self.rel_runs[i]
            if fr == nr and sl > sr + _EPS:
                return self.rel_runs[i]
        if missing == 1:
            need = sr - sl if fl < nl else sl - sr
            if nonneg and need < -_EPS:
                return self.rel_runs[i]
            pkey = self.rel_band[i]
            if pkey is None:
                run_at = self.run_at
                for cell in self.rel_cells[i]:
                    if run_at[cell] < 0:
                        break
                pkey = self.row_pool[cell // self.C]
            near = round(need)  # _amount_key(need), inline: need is a float
            slot = self.slot_of.get(pkey, _NO_SLOTS).get(near if abs(need - near) <= _EPS else round(need, 6))
            if slot is None:
                return self.rel_runs[i]  # a value no run has
            if self.unplaced[slot] <= 0:
                return self.rel_runs[i] | self.takers[slot]
        elif missing == 2 and nonneg:
            return self._check_pair(i, sr - sl)
        elif nonneg:
            # A side with one empty cell can grow by at most the largest value still unplaced.
            if nl - fl == 1 and sr > sl + _EPS:
                blame = self._short_of(i, 0, sr - sl)
                if blame is not None:
                    return blame
            if nr - fr == 1 and sl > sr + _EPS:
                blame = self._short_of(i, 1, sl - sr)
                if blame is not None:
                    return blame
        return None

    def _short_of(self, i: int, side: int, need: float) -> int | None:
        """None if some unplaced value >= need can fill relation i's one empty cell on `side`."""
        pkey = self.side_band[i + i + side]
        if pkey is None:
            nl, run_at = self.rel_nl[i], self.run_at
            for cell in (self.rel_cells[i][:nl] if side == 0 else self.rel_cells[i][nl:]):
                if run_at[cell] < 0:
                    break
            pkey = self.row_pool[cell // self.C]
        unplaced, takers = self.unplaced, self.takers
        blame = self.rel_runs[i]
        least = need - _EPS
        for value, slot in self.slots_down.get(pkey, ()):  # largest first: the values >= need are a prefix
            if value < least:
                break
            if unplaced[slot] > 0:
                return None
            blame |= takers[slot]
        return blame

    def _check_pair(self, i: int, gap: float) -> int | None:
        """Two cells of relation i are empty: is there a pair of unplaced values that closes it?"""
        run_at, nl = self.run_at, self.rel_nl[i]
        k1 = -1
        for pos, k in enumerate(self.rel_cells[i]):
            if run_at[k] < 0:
                if k1 < 0:
                    k1, s1 = k, (1 if pos < nl else -1)
                else:
                    k2, s2 = k, (1 if pos < nl else -1)
                    break
        p1 = self.row_pool[k1 // self.C]
        p2 = self.row_pool[k2 // self.C]
        slot_of2 = self.slot_of.get(p2, _NO_SLOTS)
        # s1*x + s2*y == gap; blame the runs that took the values of pairs that would have fit
        blame = self.rel_runs[i]
        unplaced, takers, initial = self.unplaced, self.takers, self.initial_count
        one_pool = p1 == p2
        for x, slot1 in self.slots_in_order.get(p1, ()):
            y = (gap - s1 * x) / s2
            if y < -_EPS:
                continue
            near = round(y)  # _amount_key(y), inline: y is a float
            key = near if abs(y - near) <= _EPS else round(y, 6)
            slot2 = slot_of2.get(key)
            if slot2 is None:
                continue  # no run has the value
            same = one_pool and key == x
            if initial[slot2] - same <= 0:
                continue
            if unplaced[slot1] > 0 and unplaced[slot2] - same > 0:
                return None
            blame |= takers[slot1] | takers[slot2]
        return blame

    # ------------------------------------------------------------ preference
    def _queue_of(self, d: int, options: list, goes_on) -> list[tuple]:
        """Run d's placements as its frame will try them: (option, may break a relation, rank),
        in order of preference, lower first: header hint missed, order not followed, top, column,
        shape, width, reading direction (the options' order among equals). The rank is the
        first two as one number (hint_miss * 3 + follow) for _step's reordering. What does not
        depend on the placement is worked out once per run; goes_on is where column order
        goes on (prefer_down)."""
        run = self.runs[d]
        L = len(run)
        C = self.C
        heights = self.heights_of[self.run_pool[d]]
        # In column order a header naming more columns than the block has values is the
        # table's whole header printed before its first column, not this block's columns.
        hinted = bool(run.hint) and not (self.prefer_down and len(run.hint) > L)
        if hinted:
            lo, n_hint, hint = min(run.hint), min(len(run.hint), L), run.hint
        whole_rows = L >= C and min(heights) == max(heights)
        # pdftotext reads a group of blocks like a line of text: the next one is usually
        # right after the previous one, else it starts a new line (the highest free cell).
        # pdfminer reads column after column instead: the next block is usually right under the
        # previous one (prefer_down: the search is run once each way).
        same_page = d and self.runs[d - 1].page == run.page
        after = self.after[d - 1] if same_page else None
        down = self.prefer_down
        ahead = goes_on if down and same_page else None
        prev_height = None
        if same_page and self.placed[d - 1] is not None:
            prev_height = -(-len(self.runs[d - 1]) // self.placed[d - 1][1])
        first_reversed = self.prefer_reversed
        keyed = []
        for n, option in enumerate(options):
            c, w, _, reversed_ = option
            top = heights[c]
            if hinted:
                hint_miss = 0 if (c == lo and w == n_hint) else (1 if c in hint else 2)
            else:
                hint_miss = 0
            if down:
                follow = 0 if ahead == (top, c) else (1 if after == (top, c) else 2)
                # Column order: a block is one column's run unless it cannot be.
                keyed.append((hint_miss * 3 + follow, top, c, 0 if w == 1 else 1, w, reversed_ != first_reversed, n))
                continue
            if whole_rows and c == 0:
                shape = 0 if w == C else 1  # a block of whole rows, as under a header
            else:
                shape = 0 if w == 1 else 1  # otherwise runs down a column are the common case
            follow = 0 if after == (top, c) else 1
            if follow == 0 and w > 1 and L % w == 0 and prev_height == L // w:
                shape = 0  # blocks side by side in one line of blocks usually share their height
            keyed.append((hint_miss * 3 + follow, top, c, shape, -w, reversed_ != first_reversed, n))
        keyed.sort()  # n last: equals keep the options' order, as a stable sort by the rest would
        # Placements that break no further relation first, the others after them (see _step).
        # In column order the order itself is the stronger evidence: a placement where the
        # order goes on that breaks a relation (one wrong figure of the document) is tried
        # before placements off the order, only after those that go on as well.
        return [(options[key[-1]], False, key[0]) for key in keyed]

    # ------------------------------------------------------------ search
    def _dfs(self, d: int) -> int:
        """Place runs d, d+1, ...; on failure return the runs to blame (bit mask; -1: all).

        Depth-first with an explicit stack of frames, one per run being placed, instead of
        recursion: a recursion about a hundred runs deep that keeps returning and descending
        across the interpreter's frame-stack chunk boundary had each step map and unmap memory
        (measured: a third of such a search's CPU time was system time)."""
        frames: list[_Frame] = []
        child = self._open(d)
        uniform = self.uniform_from
        while True:
            if type(child) is int:  # a finished subtree: its frame's result, to the frame above
                if child == -1 and frames and frames[-1].d >= uniform:
                    # In the look-alike tail the rest of the subtree can only find this table
                    # again: leave it from its root.
                    while frames and frames[-1].d >= uniform:
                        frames.pop()
                if not frames:
                    return child
                out = self._resume(frames[-1], child)
            else:
                frames.append(child)
                out = self._step(child)
            while out is not None:  # the frame on top is finished: its result goes up
                frames.pop()
                if not frames:
                    return out
                out = self._resume(frames[-1], out)
            child = self._open(frames[-1].d + 1)

    def _open(self, d: int):
        """The frame that places run d, or the result of a subtree that needs none."""
        if self.stopped:
            return -1
        if d == len(self.runs):
            self._record()
            return -1  # after a solution every earlier choice may matter
        if d == self.uniform_from and self.seen:
            shown = self._completion_shown()
            if shown is not None and shown in self.seen:
                return -1  # every completion shows a table found before
        options, conflict = self._options(d)
        goes_on = self._column_continuation(d) if self.prefer_down else None
        return _Frame(d, self._queue_of(d, options, goes_on), conflict, self.n_violated, goes_on)

    def _resume(self, frame: "_Frame", sub: int) -> int | None:
        """Frame goes on after the subtree under its current placement gave `sub`."""
        self._undo_to(frame.mark)
        if not sub & frame.bit:
            return sub  # this run's placement is not to blame: jump back over it
        frame.conflict |= sub
        return self._step(frame)

    def _step(self, frame: "_Frame") -> int | None:
        """Try frame's placements in turn: None once one is in place (its subtree comes next),
        else the frame's result."""
        d, queue, bit, before, goes_on = frame.d, frame.queue, frame.bit, frame.before, frame.goes_on
        i = frame.i
        # locals: this loop runs per placement tried
        trail, place, unplace, node_cap = self.trail, self._place, self._unplace, self.node_cap
        while i < len(queue):
            option, may_break, rank = queue[i]
            i += 1
            if self.nodes > node_cap:
                self.stopped = True
                return -1
            c, w, cells, _ = option
            self.nodes += len(cells)  # the work of a placement grows with its cells
            mark = len(trail)
            blame = place(d, c, w, cells, goes_on)
            if blame:
                frame.conflict |= blame
                unplace(trail.pop())  # _place leaves one trail entry
                continue
            if not may_break and self.n_violated > before:
                unplace(trail.pop())
                if self.prefer_down:
                    # after the placements as good in (header hint missed, order not followed)
                    j, n = i, len(queue)
                    while j < n and queue[j][2] <= rank:
                        j += 1
                    queue.insert(j, (option, True, rank))
                else:
                    queue.append((option, True, rank))
                continue
            frame.i, frame.mark = i, mark
            return None
        conflict = frame.conflict & ~bit
        if not conflict & (bit - 1):
            conflict = bit - 1  # no recorded reason: blame every earlier run
        return conflict

    def _record(self) -> None:
        shown = tuple(self.shown_at)
        if shown in self.seen:
            return
        self.seen.add(shown)
        cells = [[None] * self.C for _ in range(self.R)]
        for k, d in enumerate(self.run_at):
            if d >= 0:
                cells[k // self.C][k % self.C] = (d, self.off_at[k])
        violated = self._violated(cells)
        sol = Arrangement(cells, violated, self._null_mix(cells), self.breaks)
        if self.first_found_at is None:
            self.first_found_at = self.nodes
            # Once an arrangement is found, the search looks for others alike: for tie_window
            # more nodes, and for extra_nodes more once a second one turns up (within twice its
            # node_limit). The alternatives a stream allows are permutations of look-alike blocks
            # found by going back over the last blocks placed: on the corpus the first turns up
            # within 60 nodes where there are any, and then more follow, up to ~1,450 nodes on.
            self.node_cap = min(self.nodes + self.tie_window, self.node_limit * 2)
        elif len(self.seen) == 2:
            self.node_cap = min(self.first_found_at + self.extra_nodes, self.node_limit * 2)
        if self.prefer_down and not violated and (self.break_bound is None or self.breaks < self.break_bound):
            self.break_bound = self.breaks
        if self.solutions and len(violated) < len(self.solutions[0].violated):
            self.solutions = []
        if len(self.solutions) >= _MAX_SOLUTIONS:
            return
        self.solutions.append(sol)
        # Look only for arrangements at least as good from now on.
        self.max_violations = len(violated)

    def _violated(self, cells) -> list[int]:
        """The relations a finished arrangement breaks, by the one evaluator where the schema
        relation is known (the search's own bookkeeping otherwise)."""
        out = []
        for i, rel in enumerate(self.rels):
            if rel.relation is None:
                if self.violated[i]:
                    out.append(i)
                continue
            # Arrangements found one after another differ in a few cells: a relation whose cells
            # hold the same values as in one evaluated before is not evaluated again.
            # (The key leaves out the places outside the grid: they hold None in every one.)
            places = self._relation_places[i]
            if places is None:
                places = [(addr[1], rel.grid_column.get(addr[2])) for addr in rel.relation.lhs + rel.relation.rhs]
                places = self._relation_places[i] = [(r, c) for r, c in places if c is not None and r < self.R]
            key = tuple([cells[r][c] for r, c in places])
            known = self._broken_memo[i].get(key)
            if known is not None:
                if known:
                    out.append(i)
                continue

            def get(addr, rel=rel):
                c = rel.grid_column.get(addr[2])
                at = cells[addr[1]][c] if c is not None and addr[1] < self.R else None
                if at is None:
                    return None
                run = self.runs[at[0]]
                return None if run.nulls[at[1]] else run.amounts[at[1]]

            broken = abs(rel_eval.residual(rel.relation, get)) > rel_eval.EPS
            self._broken_memo[i][key] = broken
            if broken:
                out.append(i)
        return out

    def _column_continuation(self, d: int) -> tuple[int, int] | None:
        """Where column order goes on: the first free cell of the leftmost column of the page
        band not yet full (a block printed out of that order, such as a text box of two
        narrow columns' top cells, leaves the order where it was)."""
        band = self.page_rows.get(self.runs[d].page) if self.page_rows is not None else None
        hi = band[1] if band else self.R
        heights = self.heights_of[self._pool_key_of_page(self.runs[d].page)]
        for c, h in enumerate(heights):
            if h < hi:
                return (h, c)
        return None

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
        if self.max_reversed_width > 1:
            self._add_flipped_boxes()
        if self.prefer_down:
            self._add_swapped_columns()
        # In column order the order itself tells arrangements apart (two whole columns swapped
        # keep every relation); pdftotext's blocks break its order too often to say as much.
        order = (lambda s: s.breaks) if self.prefer_down else (lambda s: 0)
        best = min(self.solutions, key=lambda s: (len(s.violated), order(s), s.null_mix))
        ambiguous: set[tuple[int, int]] = set()
        for other in self.solutions:
            if other is best or (len(other.violated), order(other)) != (len(best.violated), order(best)):
                continue
            for r in range(self.R):
                for c in range(self.C):
                    if self._shown(best.cells[r][c]) != self._shown(other.cells[r][c]):
                        ambiguous.add((r, c))
        return SearchResult(best, ambiguous, self.nodes, not self.stopped)

    def _add_flipped_boxes(self) -> None:
        """Each solution's narrow blocks of whole rows read the other way within their lines.

        Which way a text box of two narrow columns was read is tried early in the search, so
        the other way is seldom reached within the node budget; yet it keeps the same relations
        whenever the box's columns are alike (a blank column beside zeros). Flipping each box
        of a solution found gives those arrangements, so they compete and tie like any other."""
        flipped = []
        order = (lambda s: s.breaks) if self.prefer_down else (lambda s: 0)
        least = min((len(s.violated), order(s)) for s in self.solutions)
        for sol in [s for s in self.solutions if (len(s.violated), order(s)) == least]:
            boxes: dict[int, dict[int, list[int]]] = {}
            for r, row in enumerate(sol.cells):
                for c, at in enumerate(row):
                    if at is not None:
                        boxes.setdefault(at[0], {}).setdefault(r, []).append(c)
            for d, rows in boxes.items():
                widths = {len(cols) for cols in rows.values()}
                if len(rows) < 1 or len(widths) != 1 or not 1 < widths.pop() <= self.max_reversed_width:
                    continue
                if all(len({self._shown(sol.cells[r][c]) for c in cols}) == 1 for r, cols in rows.items()):
                    continue  # alike in every line: read either way, the same table
                cells = [list(row) for row in sol.cells]
                for r, cols in rows.items():
                    cols = sorted(cols)
                    for a, b in zip(cols, reversed(cols)):
                        cells[r][a] = sol.cells[r][b]
                shown = tuple(self._shown(at) for row in cells for at in row)
                if shown in self.seen:
                    continue
                self.seen.add(shown)
                flipped.append(Arrangement(cells, self._violated(cells), self._null_mix(cells), sol.breaks))
        self.solutions.extend(flipped)

    def _add_swapped_columns(self) -> None:
        """The best solutions with two whole columns swapped, where that is still a reading of
        the stream, scored by the order they keep.

        Two columns swapped keep every relation (row totals add them alike, each has its own
        column relations), so only the order tells them apart, and the search may well reach
        the swapped arrangement first (a text box of two narrow columns read the wrong way
        round, then each column's rest under the other) and stop before the right one. Each
        swap is replayed against the stream: its blocks must still be blocks stacked in stream
        order, and its order breaks are counted as the search counts them."""
        order_key = min((len(s.violated), s.breaks) for s in self.solutions)
        swappable = [c for c in range(self.C) if c != self.total_col]
        C = self.C
        extra = []
        for sol in [s for s in self.solutions if (len(s.violated), s.breaks) == order_key]:
            positions = self._run_positions(sol.cells)
            if positions is None:
                continue  # some run not wholly placed: no swap of it is a reading either
            blocks = [self._block_of(p) for p in positions]
            touching: dict[int, list[int]] = {c: [] for c in swappable}
            for d, p in enumerate(positions):
                for c in {c for _, c in p}:
                    if c in touching:
                        touching[c].append(d)
            shown_flat = [self._shown(at) for row in sol.cells for at in row]
            for a, b in combinations(swappable, 2):
                shown = list(shown_flat)
                for r in range(self.R):
                    shown[r * C + a], shown[r * C + b] = shown[r * C + b], shown[r * C + a]
                shown = tuple(shown)
                if shown in self.seen:
                    continue
                # Only the runs in the two columns change shape; the rest keep their blocks.
                swapped = list(blocks)
                for d in set(touching[a]) | set(touching[b]):
                    swapped[d] = self._block_of([(r, b if c == a else a if c == b else c) for r, c in positions[d]])
                breaks = self._stacked_breaks(swapped)
                if breaks is None:
                    continue
                self.seen.add(shown)
                cells = [list(row) for row in sol.cells]
                for row in cells:
                    row[a], row[b] = row[b], row[a]
                extra.append(Arrangement(cells, self._violated(cells), self._null_mix(cells), breaks))
        self.solutions.extend(extra)

    def _replayed_breaks(self, cells) -> int | None:
        """The order breaks of an arrangement read in stream order, or None if some run is not a
        block stacked under the blocks before it (then the stream cannot give it)."""
        positions = self._run_positions(cells)
        if positions is None:
            return None
        return self._stacked_breaks([self._block_of(p) for p in positions])

    def _run_positions(self, cells) -> list[list[tuple[int, int]]] | None:
        """Each run's cells (row, column) in the order of its values, or None if some value of
        a run is in no cell."""
        positions: list[list] = [[None] * len(run) for run in self.runs]
        for r, row in enumerate(cells):
            for c, at in enumerate(row):
                if at is not None:
                    positions[at[0]][at[1]] = (r, c)
        for p in positions:
            if None in p:
                return None
        return positions

    def _block_of(self, cells: list[tuple[int, int]]) -> tuple[int, int, int] | None:
        """(top row, first column, width) of a run's cells (in the order of its values) if they
        are a block read row by row, left to right (right to left if narrow enough), else None."""
        if len(cells) == 1:
            return cells[0][0], cells[0][1], 1  # what the test below finds for one cell
        top = min(r for r, _ in cells)
        c0 = min(c for _, c in cells)
        w = len({c for _, c in cells})
        if all((r, c) == (top + i // w, c0 + i % w) for i, (r, c) in enumerate(cells)):
            return top, c0, w
        if 1 < w <= self.max_reversed_width and all(
            (r, c) == (top + i // w, c0 + w - 1 - i % w) for i, (r, c) in enumerate(cells)
        ):
            return top, c0, w
        return None

    def _stacked_breaks(self, blocks: list[tuple[int, int, int] | None]) -> int | None:
        """The order breaks of the runs' blocks placed in stream order, as the search counts
        them in column order, or None if some block is none or does not sit on the blocks
        before it."""
        rows_of = self.page_rows or {}
        heights = {k: [rows_of[k][0] if k in rows_of else 0] * self.C for k in self.heights_of}
        breaks = 0
        run_pool, run_shape = self.run_pool, self.run_shape
        for d, block in enumerate(blocks):
            if block is None:
                return None
            top, c0, w = block
            h = heights[run_pool[d]]
            if w == 1:
                if h[c0] != top:
                    return None
            else:
                for i in range(w):
                    if h[c0 + i] != top:
                        return None
            # column order: every block counts, a page's first too (as _place counts them)
            L, hi, _ = run_shape[d]
            for c, hh in enumerate(h):
                if hh < hi:
                    breaks += top != hh or c0 != c
                    break
            else:
                breaks += 1  # no column left to go on in: wherever it is, it is off the order
            if w == 1:
                h[c0] = top + L  # the loop below for one column: height L, k 1
                continue
            height = -(-L // w)
            k = L - w * (height - 1)
            for i in range(w):
                h[c0 + i] = top + height - (0 if i < k else 1)
        return breaks

    def _shown(self, at):
        return None if at is None else self.shown_keys[at[0]][at[1]]


def _only(items: set):
    """The one item of a set, or None if it has none or more."""
    return next(iter(items)) if len(items) == 1 else None


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
