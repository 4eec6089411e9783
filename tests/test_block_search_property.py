"""The block search's shortcuts change how much it explores, never what it finds."""
from hypothesis import given, settings, strategies as st

from gkdesk.parsing.block_search import Arrangement, GridRelation, Run, StackingSearch


class _WithoutTailCut(StackingSearch):
    """The search walking every permutation of look-alike trailing blocks."""

    def _uniform_suffix(self):
        return len(self.runs), {}


def _relations(nrows: int, ncols: int) -> list[GridRelation]:
    """Last column the sum of each row, last row the sum of each column (as 总计 rows and columns)."""
    rows = [GridRelation([(r, ncols - 1)], [(r, c) for c in range(ncols - 1)]) for r in range(nrows)]
    cols = [GridRelation([(nrows - 1, c)], [(r, c) for r in range(nrows - 1)]) for c in range(ncols)]
    return rows + cols


@st.composite
def _tables_in_blocks(draw):
    """A table keeping its sums (mostly zeros, so look-alike blocks abound), printed row by row
    in blocks of whole cells; now and then one figure is wrong, and some blocks are null marks."""
    nrows, ncols = draw(st.integers(2, 4)), draw(st.integers(2, 4))
    body = [[draw(st.sampled_from([0, 0, 0, 0, 1, 2, 5])) for _ in range(ncols - 1)] for _ in range(nrows - 1)]
    grid = [row + [sum(row)] for row in body]
    grid.append([sum(col) for col in zip(*grid)])
    if draw(st.booleans()):
        r, c = draw(st.integers(0, nrows - 1)), draw(st.integers(0, ncols - 1))
        grid[r][c] += draw(st.integers(1, 3))
    runs = []
    for row in grid:
        c = 0
        while c < ncols:
            w = draw(st.integers(1, ncols - c))
            values = row[c : c + w]
            null = not any(values) and draw(st.integers(0, 4)) == 0
            runs.append(Run(list(values), [null] * w))
            c += w
    return nrows, ncols, runs


def _shown(search: StackingSearch, arrangement) -> tuple:
    return tuple(search._shown(at) for row in arrangement.cells for at in row)


@settings(max_examples=150, deadline=None)
@given(case=_tables_in_blocks(), down=st.booleans())
def test_the_look_alike_tail_cut_finds_the_same_arrangements(case, down):
    nrows, ncols, runs = case
    found = []
    for kind in (StackingSearch, _WithoutTailCut):
        search = kind(nrows, ncols, runs, _relations(nrows, ncols), node_limit=10**6, extra_nodes=10**6, tie_window=10**6,
                      prefer_down=down, max_reversed_width=2 if down else 0)
        result = search.run()
        assert result.complete
        found.append((search, result))
    (cut, cut_result), (full, full_result) = found
    assert [_shown(cut, s) for s in cut.solutions] == [_shown(full, s) for s in full.solutions]
    assert [(s.violated, s.breaks, s.null_mix) for s in cut.solutions] == \
        [(s.violated, s.breaks, s.null_mix) for s in full.solutions]
    assert cut_result.ambiguous == full_result.ambiguous
    if full_result.best is not None:
        assert cut_result.best.cells == full_result.best.cells
    assert cut_result.nodes <= full_result.nodes


def test_the_cut_spares_the_permutations_of_trailing_zeros():
    # A 4 x 3 table whose last two rows are zeros, printed a cell at a time: without the cut the
    # search tries every order of the six trailing zero cells after each arrangement.
    grid = [[1, 2, 3], [2, 1, 3], [0, 0, 0], [0, 0, 0]]
    runs = [Run([v], [False]) for row in grid for v in row]
    rels = [GridRelation([(r, 2)], [(r, 0), (r, 1)]) for r in range(4)]
    results = [kind(4, 3, runs, rels, node_limit=10**6, extra_nodes=10**6, tie_window=10**6).run()
               for kind in (StackingSearch, _WithoutTailCut)]
    assert all(r.complete and r.best is not None for r in results)
    assert results[0].ambiguous == results[1].ambiguous
    assert results[0].nodes < results[1].nodes


class _NotingArrangements(StackingSearch):
    """The search, noting each new arrangement it finds: the nodes spent and the table shown."""

    def _record(self):
        before = len(self.seen)
        super()._record()
        if len(self.seen) > before:
            self.found = getattr(self, "found", []) + [(self.nodes, tuple(self.shown_at))]


@settings(max_examples=150, deadline=None)
@given(case=_tables_in_blocks(), down=st.booleans(), window=st.integers(1, 40))
def test_the_search_for_alternatives_goes_on_once_one_is_found(case, down, window):
    # Past its first arrangement the search looks for others for `window` nodes; once a second
    # turns up, for as long as extra_nodes allows (here: to the end, as the unbounded search).
    nrows, ncols, runs = case
    kw = dict(node_limit=10**6, extra_nodes=10**6, prefer_down=down, max_reversed_width=2 if down else 0)
    full = _NotingArrangements(nrows, ncols, runs, _relations(nrows, ncols), tie_window=10**6, **kw)
    cut = _NotingArrangements(nrows, ncols, runs, _relations(nrows, ncols), tie_window=window, **kw)
    full_result, cut_result = full.run(), cut.run()
    assert full_result.complete
    if full_result.best is None:
        assert cut_result.best is None
        return
    first = full.found[0][0]
    if len(cut.found) > 1:
        assert cut.found[1][0] <= first + window + nrows * ncols  # the second, within the window
        assert cut.found == full.found
        assert [_shown(cut, s) for s in cut.solutions] == [_shown(full, s) for s in full.solutions]
        assert cut_result.ambiguous == full_result.ambiguous
    else:
        assert cut.found == full.found[:1]
        # stopped within the window (its last placement may run past it by the block's cells)
        assert not cut_result.complete or len(full.found) == 1
        assert cut_result.nodes <= first + window + nrows * ncols
        # the unbounded search found its second arrangement past the window
        assert len(full.found) == 1 or full.found[1][0] > first + window


class _ReplayingEverySwap(StackingSearch):
    """Column swaps replayed from scratch, every run's cells looked up anew (the plain reading
    of _add_swapped_columns, without its shared block shapes)."""

    def _add_swapped_columns(self):
        order_key = min((len(s.violated), s.breaks) for s in self.solutions)
        swappable = [c for c in range(self.C) if c != self.total_col]
        extra = []
        for sol in [s for s in self.solutions if (len(s.violated), s.breaks) == order_key]:
            for a in swappable:
                for b in swappable:
                    if b <= a:
                        continue
                    cells = [list(row) for row in sol.cells]
                    for row in cells:
                        row[a], row[b] = row[b], row[a]
                    shown = tuple(self._shown(at) for row in cells for at in row)
                    if shown in self.seen:
                        continue
                    breaks = _breaks_by_replay(self, cells)
                    if breaks is None:
                        continue
                    self.seen.add(shown)
                    extra.append(Arrangement(cells, self._violated(cells), self._null_mix(cells), breaks))
        self.solutions.extend(extra)


def _breaks_by_replay(search: StackingSearch, cells) -> int | None:
    """The order breaks of an arrangement, replayed run by run against the stream."""
    where: dict[int, list[tuple[int, int, int]]] = {}
    for r, row in enumerate(cells):
        for c, at in enumerate(row):
            if at is not None:
                where.setdefault(at[0], []).append((at[1], r, c))
    rows_of = search.page_rows or {}
    heights = {k: [rows_of[k][0] if k in rows_of else 0] * search.C for k in search.heights_of}
    breaks = 0
    for d, run in enumerate(search.runs):
        placed = sorted(where.get(d, []))
        if len(placed) != len(run):
            return None
        top = min(r for _, r, _ in placed)
        c0 = min(c for _, _, c in placed)
        w = len({c for _, _, c in placed})
        forward = all((r, c) == (top + i // w, c0 + i % w) for i, r, c in placed)
        backward = 1 < w <= search.max_reversed_width and all(
            (r, c) == (top + i // w, c0 + w - 1 - i % w) for i, r, c in placed)
        h = heights[search.run_pool[d]]
        if not (forward or backward) or any(h[c0 + i] != top for i in range(w)):
            return None
        band = rows_of.get(run.page)
        hi = band[1] if band else search.R
        goes_on = next(((hh, c) for c, hh in enumerate(h) if hh < hi), None)
        breaks += (top, c0) != goes_on
        height = -(-len(run) // w)
        k = len(run) - w * (height - 1)
        for i in range(w):
            h[c0 + i] = top + height - (0 if i < k else 1)
    return breaks


@settings(max_examples=150, deadline=None)
@given(case=_tables_in_blocks(), seed=st.randoms(use_true_random=False))
def test_column_swaps_are_replayed_as_the_stream_reads_them(case, seed):
    nrows, ncols, runs = case
    found = []
    for kind in (StackingSearch, _ReplayingEverySwap):
        search = kind(nrows, ncols, runs, _relations(nrows, ncols), node_limit=10**6, extra_nodes=10**6, tie_window=10**6,
                      prefer_down=True, max_reversed_width=2)
        found.append((search, search.run()))
    (fast, fast_result), (plain, plain_result) = found
    assert [(_shown(fast, s), s.violated, s.breaks, s.null_mix) for s in fast.solutions] == \
        [(_shown(plain, s), s.violated, s.breaks, s.null_mix) for s in plain.solutions]
    assert fast_result.ambiguous == plain_result.ambiguous
    # Any arrangement at all, a reading of the stream or not: the same breaks, or None alike.
    cells = [at for sol in fast.solutions[:1] for row in sol.cells for at in row]
    if cells:
        seed.shuffle(cells)
        shuffled = [cells[r * ncols:(r + 1) * ncols] for r in range(nrows)]
        assert fast._replayed_breaks(shuffled) == _breaks_by_replay(fast, shuffled)
        best = fast.solutions[0].cells
        assert fast._replayed_breaks(best) == _breaks_by_replay(fast, best) is not None
