"""Tables whose reading order the converter changed: pdftotext's default mode, pdfminer's columns.

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
blocks already placed in those columns. This module reads the blocks from the tokens and
builds the tables; block_search.py searches the placement that satisfies the table's own
relations (schema.table_relations), tolerating one wrong cell, since a value must be read
as the document states it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Callable

from .. import relations as rel_eval
from ..model import Cell, ParseNote, Table
from ..schema import Column, TableSpec, normalize_label, table_relations
from .block_search import GridRelation, Run, SearchResult, StackingSearch, find_bands
from .recent import remember_recent
from .solver import Choice, merged_cells
from .tokens import NULL, NUM, TEXT, Token, before_narrative, form_feeds, is_page_number, page_number_ends

# ---------------------------------------------------------------- reading the stream ------

@dataclass
class StreamRun:
    """A run of value tokens with the header words that came just before it."""

    tokens: list[Token]
    page: int
    header: tuple[str, ...]  # normalized header words printed just before the run (same text block)


def value_runs(text: str, tokens: list[Token], by_page_numbers: bool = False) -> list[StreamRun]:
    """Runs of stand-alone values, split where pdftotext started a new block.

    A value counts only if no words share its line (numbers inside sentences are narrative).
    A new block starts at a blank line, at words, and at a page break: a form feed, or with
    `by_page_numbers` (a text without form feeds) the end of a page-number line.

    The readings of a region ask for the runs of its tokens many times (the label reading,
    each reading by order, each continuation stretch): they are found once (the runs shared,
    the list the caller's own).
    """
    return list(_value_runs(text, tokens, by_page_numbers))


@remember_recent(8)
def _value_runs(text: str, tokens: list[Token], by_page_numbers: bool) -> list[StreamRun]:
    by_line: dict[int, bool] = {}
    for tok in tokens:
        if tok.kind == TEXT:
            by_line[tok.line] = True
        elif tok.kind in (NUM, NULL) and tok.line not in by_line and _on_page_number_line(text, tok):
            by_line[tok.line] = True  # a page number ('— 2 —') printed among the values is no value
    breaks = page_number_ends(text) if by_page_numbers else form_feeds(text)
    # A blank line after every line (pdfminer with line_margin=0 boxes each line alone): the
    # header words before a value still name its column, whatever blank line stands between.
    spaced = _every_line_spaced(tokens)
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
            if (gap and not spaced) or page != last_page or not _is_header_like(tok.label):
                header_parts.clear()
            if _is_header_like(tok.label):
                header_parts.append(tok.label)
        elif tok.kind in (NUM, NULL) and not by_line.get(tok.line):
            if current and (gap or page != last_page):
                close()
            current.append(tok)
        else:  # an empty line (a soft empty token) ends a block
            close()
            if not spaced:
                header_parts.clear()
        last_line = tok.line
        last_page = page
    close()
    return runs


def _every_line_spaced(tokens: list[Token]) -> bool:
    """Whether the region's lines of text and values (a dozen at least) stand each alone,
    one blank line between every two."""
    lines = sorted({t.line for t in tokens if t.kind in (TEXT, NUM, NULL)})
    if len(lines) < _SPACED_LINES:
        return False
    steps = [b - a for a, b in zip(lines, lines[1:])]
    return sum(1 for d in steps if d == 2) >= _SPACED_SHARE * len(steps) and 1 not in steps


_SPACED_LINES = 12
_SPACED_SHARE = 0.9


def table_value_runs(text: str, tokens: list[Token]) -> list[StreamRun]:
    """The value runs of a table region up to the first sentence after its values (the
    numbers of a narrative after the table are not the table's)."""
    return list(_table_value_runs(text, tokens))


@remember_recent(4)
def _table_value_runs(text: str, tokens: list[Token]) -> list[StreamRun]:
    return value_runs(text, before_narrative(tokens, _ends_table))


def _on_page_number_line(text: str, tok: Token) -> bool:
    start = text.rfind("\n", 0, tok.start) + 1
    end = text.find("\n", tok.end)
    return is_page_number(text[start : end if end >= 0 else len(text)].strip(" \t\f\r"))


_HEADER_EXTRA = set("()（）、·:：")


def _is_header_like(label: str) -> bool:
    return bool(label) and not any(ch.isdigit() for ch in label) and len(label) <= _HEADER_WORDS_MAX


# The form's longest column label (本年收费金额（单位：万元）) fits; a sentence is longer (_ends_table).
_HEADER_WORDS_MAX = 16


def header_columns(parts: tuple[str, ...], columns: tuple[Column, ...], in_order: bool = False) -> tuple[int, ...]:
    """Columns whose header words appear in `parts` (other words and group words ignored),
    left to right, or in the order the words name them (in_order)."""
    if not parts:
        return ()
    return _header_columns(parts, columns, in_order)


@lru_cache(maxsize=1024)
def _header_columns(parts: tuple[str, ...], columns: tuple[Column, ...], in_order: bool) -> tuple[int, ...]:
    """header_columns, remembered: every search of a region asks it of the same blocks' words."""
    groups = {normalize_label(g) for col in columns for g in col.path}
    names = [normalize_label(col.short or col.label) for col in columns]
    allowed = set("".join(groups)) | set("".join(names)) | _HEADER_EXTRA
    header = "".join(p for p in parts if set(p) <= allowed)
    for g in sorted(groups, key=len, reverse=True):
        header = header.replace(g, "")
    keys = _unique_prefixes(names)
    found = [c for c, key in enumerate(keys) if key in header]
    if in_order:
        return tuple(sorted(found, key=lambda c: header.find(keys[c])))
    return tuple(sorted(found))


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
            out.append(GridRelation(lhs, rhs, True, rel.rule, rel, index))
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
    text: str, tokens: list[Token], spec: TableSpec, node_limit: int = 10_000, borrowed: list[StreamRun] = ()
) -> tuple[list[list[Cell]], list[ParseNote]] | None:
    """Cells of a scrambled 表三-like table (shared columns), or None if the values do not fit:
    the first of the arrangements that fit alike (fitting_arrangements). `borrowed`: blocks
    printed after the region, read after its own (continuations.py)."""
    found = fitting_arrangements(text, tokens, spec, node_limit, borrowed)
    return None if found is None else found[0][:2]


def fitting_arrangements(
    text: str, tokens: list[Token], spec: TableSpec, node_limit: int = 10_000, borrowed: list[StreamRun] = ()
) -> list[tuple[list[list[Cell]], list[ParseNote], tuple[int, ...]]] | None:
    """The arrangements of a scrambled 表三-like table that fit alike, each as its cells, its
    notes and the columns holding values (all of them unless whole columns print nothing), the
    likeliest first; None if the values do not fit.

    When whole columns print nothing, which columns are blank is a choice: every set of columns
    of as many values a row is tried (the sets whose relations have one shape, as when the
    applicant columns are alike, by one search), and every set whose arrangement breaks as few
    relations and as little of the reading order as the best is returned, for the solver to
    decide by the relations of the whole table or leave open."""
    found = _fitting_arrangements(value_runs(text, tokens) + list(borrowed), spec, node_limit)
    if found is None and not form_feeds(text) and page_number_ends(text):
        # No form feed tells the pages (pdftotext -nopgbrk): the page numbers may, if they
        # stand at the pages' feet (printed elsewhere among the values, they mislead: first
        # the text is read as one page).
        found = _fitting_arrangements(value_runs(text, tokens, by_page_numbers=True) + list(borrowed), spec,
                                      node_limit)
    return found


def _fitting_arrangements(runs: list[StreamRun], spec: TableSpec, node_limit: int):
    """fitting_arrangements of these runs."""
    nrows, ncols = len(spec.rows), len(spec.columns)
    total = sum(len(r.tokens) for r in runs)
    if total == 0:
        return None
    if total == nrows * ncols:
        choices = [list(range(ncols))]
    elif total < nrows * ncols and total % nrows == 0:
        choices = _column_choices(ncols, total // nrows, ncols - 1)
    elif total < nrows * ncols and all(t.kind == NUM and t.value == 0 for r in runs for t in r.tokens):
        if total < _MIN_SHARE_READ * nrows * ncols:
            return [(*_too_few_values(spec, total), ())]
        return [(*_zeros_with_unplaced_blanks(spec, total), ())]
    else:
        return None
    hints = [header_columns(run.header, spec.columns) for run in runs]
    # Sets leaving out a column some block's header words name are tried last.
    named = {c for run, hint in zip(runs, hints) if len(hint) <= len(run.tokens) for c in hint}
    choices.sort(key=lambda cols: len(named - set(cols)))
    found = []  # (key, active, result, search, runs) per set of columns that fits
    by_shape: dict[tuple, tuple | None] = {}  # one search per shape of the relations on the grid
    budget = node_limit
    searches = 0
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
        relations = grid_relations(spec, active)
        # Column sets whose relations look alike on the grid (and whose blocks the header
        # words name alike) give the same search: it is run once.
        shape = (len(active), total_col, tuple((tuple(g.lhs), tuple(g.rhs)) for g in relations),
                 tuple(run.hint for run in search_runs))
        if shape not in by_shape:
            if searches >= _MAX_COLUMN_CHOICES or budget <= 0:
                continue  # the searches allowed are spent: sets of another shape are not tried
            searches += 1
            by_shape[shape], spent = _arrange(spec, nrows, active, search_runs, relations, bands, total_col,
                                              budget, node_limit)
            budget -= spent
        got = by_shape[shape]
        if got is not None:
            key, result, search = got
            # Blocks placed in none of the columns their header words name: a blank column's
            # header may still be printed, and the set leaving it out is then the likelier.
            misses = _header_misses(result.best, active, hints, runs)
            found.append(((*key[:2], misses, *key[2:]), active, result, search, runs))
            found.sort(key=lambda f: f[0])
    if not found:
        return None
    best = found[0][0][:3]  # as few relations broken, order breaks and header words missed
    return [
        (*_build_cells(spec, runs, active, result, search), tuple(active))
        for key, active, result, search, runs in found if key[:3] == best
    ]


def _header_misses(arrangement, active: list[int], hints: list[tuple[int, ...]], runs: list[StreamRun]) -> int:
    """Blocks placed in none of the table columns the header words just before them name (a
    header naming more columns than the block has values is the table's whole header: it
    tells nothing)."""
    placed: dict[int, set[int]] = {}
    for row in arrangement.cells:
        for g, at in enumerate(row):
            if at is not None:
                placed.setdefault(at[0], set()).add(active[g])
    return sum(1 for d, (run, hint) in enumerate(zip(runs, hints))
               if hint and len(hint) <= len(run.tokens) and not placed.get(d, set()) & set(hint))


def _arrange(spec, nrows, active, search_runs, relations, bands, total_col, budget, node_limit):
    """The best arrangement of the blocks in the columns `active` (its key, result and search),
    or None; and the nodes the side-by-side search spent of the shared budget.

    Blocks are expected side by side (pdftotext), or one under the other (pdfminer's column
    after column), which gets a budget of its own; the arrangement breaking fewer relations,
    then fewer breaks of its order, then leaving fewer cells ambiguous, is kept. Each order is
    first probed: its search must find a first arrangement within _PROBE_NODES_PER_CELL nodes
    per cell of the grid, and one that does runs on as its budget allows. An order that finds none in its probe is searched in
    full only if no order found one: a stream read in the other order spends the whole budget
    of a search in this one without an arrangement (measured on the corpus: a first
    arrangement takes at most ~1.5 nodes per cell in the order the stream follows: each block
    placed about once). Column order lets a
    block of two narrow columns be read right to left (a PDF library orders the words of one
    line of a text box as it found them); when neither order finds an arrangement in its probe,
    pdftotext's order is probed once more reading such blocks right to left first (a library
    that sorts its text boxes by position gives pdftotext's kind of order with such boxes;
    which way a box was read shows only in its columns' sums, at the table's foot, too deep
    for the search to come back to it), before the full searches."""
    spent = 0
    best = None
    probe_nodes = _PROBE_NODES_PER_CELL * nrows * len(active)
    if node_limit <= 2 * probe_nodes:
        probe_nodes = node_limit  # a budget this small is searched whole: a probe would save little
    found_bands = find_bands(search_runs, len(active)) if total_col is not None else []
    orders = (False, True) if bands is not None else (False,)  # column order is read per page band

    def search_order(down: bool, first_within: int | None, charged: int, reversed_width: int = 0):
        """(result, search, nodes, probed out): the search in one order, given the nodes of the
        shared budget spent by others (`charged`); probed out: stopped by first_within. Blocks
        up to `reversed_width` columns wide are read right to left first, then left to right
        (column order: either way, left to right first)."""
        limit = budget - charged if not down else node_limit
        nodes = 0
        # Bands only narrow the search; a coincidence of small numbers can fake one, so the
        # search is run again without them if it finds nothing.
        for band_hint in ([found_bands, []] if found_bands and not down else [[]]):
            search = StackingSearch(
                nrows,
                len(active),
                search_runs,
                relations,
                bands,
                node_limit=limit // 2 if band_hint else limit,
                bands=band_hint,
                total_col=total_col,
                max_reversed_width=_REVERSED_WIDTH if down else reversed_width,
                prefer_reversed=bool(reversed_width) and not down,
                prefer_down=down,
                first_within=first_within,
            )
            result = search.run()
            limit -= result.nodes
            nodes += result.nodes
            if result.best is not None:
                break
        probed_out = result.best is None and not result.complete and search.first_within < search.node_limit
        return result, search, nodes, probed_out

    def keep(result, search) -> bool:
        """Keep the better arrangement; True once it can be bettered by none."""
        nonlocal best
        key = (len(result.best.violated), result.best.breaks, len(result.ambiguous), result.best.null_mix)
        if best is None or key < best[0]:
            best = (key, result, search)
        return key[:2] == (0, 0) and not key[2]

    def found_reversed_probe(charged: int) -> bool:
        """pdftotext's order probed with right-to-left blocks; True if it found an arrangement
        (a probe that finds none is not charged: the full searches keep their budget)."""
        nonlocal spent
        result, search, nodes, _ = search_order(False, probe_nodes, charged, _REVERSED_WIDTH)
        if result.best is None:
            return False
        spent += nodes
        keep(result, search)
        return True

    probed_out = []
    for down in orders:
        result, search, nodes, stopped_early = search_order(down, probe_nodes, spent)
        if not down:
            spent += nodes
        if result.best is not None:
            if keep(result, search):
                return best, spent
        elif stopped_early:
            probed_out.append((down, nodes))
    if best is None and not found_reversed_probe(spent):
        for down, probe_spent in probed_out:
            # the full search replaces its probe, in the budget too
            charged = spent - probe_spent if not down else spent
            result, search, nodes, _ = search_order(down, None, charged)
            if not down:
                spent = charged + nodes
            if result.best is not None and keep(result, search):
                break
    return best, spent


# Nodes per cell of the grid within which a reading order must find a first arrangement, or be
# given up when another order found one: twice the most a first arrangement took on the corpus
# (254 nodes for 175 cells; a node is a cell placed, so a search that places each block once
# takes one per cell).
_PROBE_NODES_PER_CELL = 3
_MAX_COLUMN_CHOICES = 12
# Blocks up to this many columns wide may have been read right to left within a line (a text
# box holding two narrow columns): in column order always, in pdftotext's when nothing else fits.
_REVERSED_WIDTH = 2


def _build_cells(spec, runs, active, result: SearchResult, search: StackingSearch):
    nrows, ncols = len(spec.rows), len(spec.columns)
    arrangement = result.best
    violated = [search.rels[i] for i in arrangement.violated]
    sure = not result.ambiguous and result.complete
    suspect = _mixed_marks(runs, arrangement, len(active))
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
            elif (r, active.index(c)) in suspect:
                row.append(Cell(value, tok.text, (tok.start, tok.end), 0.4, True, _MIXED_MARK_CELL))
            else:
                row.append(Cell(value, tok.text, (tok.start, tok.end), 0.9 if sure else 0.85, False, ""))
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
    mixed = suspect - result.ambiguous
    if mixed:
        msg = f"{spec.number}有 {len(mixed)} 格所在的列既有空白标记又有数值，勾稽关系分不出空白与 0，其位置是推定的，已标为推定，请对照原文核对"
        notes.append(ParseNote("ambiguous_layout", msg, spec.id))
    return cells, notes


_AMBIGUOUS_CELL = "文本顺序错乱，另有排列同样符合勾稽关系，此格位置不能确定"
_MIXED_MARK_CELL = "文本顺序错乱，此列既有空白标记又有数值，勾稽关系分不出空白与 0，此格位置是推定的"


def _mixed_marks(runs, arrangement, ncols: int) -> set[tuple[int, int]]:
    """Cells of the rarer kind in columns holding both null marks and numbers. A null mark
    counts 0 in every sum, so no relation tells a blank from a 0 that traded places with it:
    where a column mixes them, the position of the odd ones out is not established."""
    out: set[tuple[int, int]] = set()
    for c in range(ncols):
        kinds: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
        for r, row in enumerate(arrangement.cells):
            at = row[c]
            if at is not None:
                kinds[runs[at[0]].tokens[at[1]].kind == NULL].append((r, c))
        if kinds[True] and kinds[False]:
            out.update(min(kinds.values(), key=len))
    return out


# Every value read is 0 and some cells are blank: the table is then shown as zeros, most of
# them read, the rest inferred (0 or blank, which no sum tells apart). That claim needs the
# values read to be the table's body: at least half of its cells. With fewer, most of what would
# be shown is invented, and a text that lost most of a table's values (cut off, the figures in
# an image, a stray 0 from a header or page number) is likelier than a table mostly left
# blank, so the table is reported incomplete instead of filled. (A table whose blanks are whole
# columns is read by the column choices above, whatever its share.)
_MIN_SHARE_READ = 0.5


def _too_few_values(spec: TableSpec, found: int):
    """Too few values (all 0) to be the table: nothing is placed; the reviewer is told."""
    nrows, ncols = len(spec.rows), len(spec.columns)
    note = "文本顺序错乱且读到的数值过少，此格未能读出"
    cells = [[Cell(None, "", None, 0.1, True, note) for _ in range(ncols)] for _ in range(nrows)]
    msg = (
        f"{spec.number}的文本顺序错乱（PDF 转换所致），只读到 {found} 个数值（表格共 {nrows * ncols} 格，"
        f"不到一半），均为 0，无法确定它们的位置，也不能推定其余各格；本表未填入，请对照原文填写"
    )
    return cells, [ParseNote(_INCOMPLETE, msg, spec.id)]


_INCOMPLETE = "values_missing"  # a note that leaves the table incomplete


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
    if not result.ambiguous and not blank_columns:
        # The search for other arrangements is bounded: say how far the check went.
        msg += "；未发现同样符合关系的其他排列" if result.complete else "；在限定的搜索范围内未发现同样符合关系的其他排列"
    return msg


# ---------------------------------------------------------------- entry points --------------

def reads_out_of_order(table: Table) -> bool:
    """Most found rows got no value at all: labels and numbers were printed apart."""
    rows = [row for r, row in enumerate(table.cells) if r not in table.missing_rows]
    if not rows:
        return False
    empty = sum(1 for row in rows if all(c.span is None for c in row))
    return empty >= _SCRAMBLED_SHARE * len(rows)


_SCRAMBLED_SHARE = 0.3


def rows_left_empty(table: Table) -> bool:
    """Some found row got no value at all (its values may stand elsewhere); a blank inferred
    from empty lines is no value."""
    return any(all(c.span is None or c.value is None for c in row)
               for r, row in enumerate(table.cells) if r not in table.missing_rows)


def values_left_out(tokens: list[Token], runs: Callable[[], list[StreamRun]], table: Table) -> int:
    """How many of the region's stand-alone values (`runs()`, reading_order.value_runs) the
    reading `table` placed nowhere (a row given more values than its columns keeps the first).
    The runs are not looked for where the reading placed every number not among words."""
    placed = {c.span for row in table.cells for c in row if c.span}
    worded = {t.line for t in tokens if t.kind == TEXT}  # a number among words is no stand-alone value
    if all((t.start, t.end) in placed or t.line in worded for t in tokens if t.kind in (NUM, NULL)):
        return 0
    return sum(1 for run in runs() for tok in run.tokens if (tok.start, tok.end) not in placed)


def _values_not_read_in_place(text: str, tokens: list[Token], table: Table) -> bool:
    """Some stand-alone values were not read in place by the label reading: left unplaced, or
    placed only by inference (a group of labels printed before its rows' values gives one row
    several rows' values, or fewer than its columns). The solver then weighs the reading by
    order against the label reading. A table whose rows are simply blank in the document, its
    few values each read in its row, does not qualify."""
    found = sum(len(run.tokens) for run in value_runs(text, tokens))
    in_place = {c.span for row in table.cells for c in row if c.span and not c.inferred}
    return found > len(in_place)


def read_reordered(
    text: str, tokens: list[Token], table: Table, borrowed: list[StreamRun] = (), node_limit: int = 10_000
) -> tuple[Table, list[ParseNote], list[Choice]] | None:
    """The table re-read from values printed apart from its labels, with its own notes and the
    choices it leaves to the solver (which columns are blank, where whole columns print
    nothing and several sets fit alike); None if the label reading `table` read every row it
    found in place, or the values cannot be placed.
    `borrowed`: blocks printed after the region, read after its own (continuations.py).

    Tried where the label reading left a row empty and did not read every stand-alone value in
    place; the solver weighs the two readings by score."""
    if not rows_left_empty(table) or not _values_not_read_in_place(text, tokens, table):
        return None
    spec = table.spec
    if spec.id == "t3":
        found = fitting_arrangements(text, tokens, spec, node_limit, borrowed)
    elif spec.id == "t2":
        solved = solve_groups_table(text, tokens, spec, borrowed)
        found = None if solved is None else [(*solved, ())]
    else:
        found = None
    if found is None:
        return None
    cells, notes, _ = found[0]
    complete = not any(n.code == _INCOMPLETE for n in notes)
    out = Table(spec, cells, table.span, complete=complete)
    spans = [c.span for row in cells for c in row if c.span]
    if spans:
        lo = min(s[0] for s in spans)
        hi = max(s[1] for s in spans)
        out.span = (min(lo, table.span[0]) if table.span else lo, max(hi, table.span[1]) if table.span else hi)
    if len(found) == 1:
        return out, notes, []
    return out, [], [_blank_columns_choice(spec, found)]


_OPEN_CELL = "文本顺序错乱，且看不出哪几列为空白，此格的数值不能确定，未填入，请对照原文填写"
_OPEN_ZERO = "文本顺序错乱，且看不出哪几列为空白，此格是0还是空白不能确定；已按0显示，请对照原件核对"


def _blank_columns_choice(spec: TableSpec, found) -> Choice:
    """Which columns print nothing, as a choice among the fitting sets for the solver: each
    option the whole table as that set places it; options left tied are merged cell by cell
    (solver.merged_cells) with one note naming the column sets."""
    at = [(r, c) for r in range(len(spec.rows)) for c in range(len(spec.columns))]
    options = [[cells[r][c] for r, c in at] for cells, _, _ in found]

    def merge(kept: list[int]) -> tuple[list[Cell], ParseNote]:
        merged = merged_cells([options[i] for i in kept], _OPEN_CELL, _OPEN_ZERO)
        ncols = len(spec.columns)
        held = sorted(found[i][2] for i in kept)
        # Named by the fewer: the columns holding values, or the blank ones.
        sets = held if 2 * len(held[0]) <= ncols else sorted(tuple(c for c in range(ncols) if c not in h) for h in held)
        listed = "；".join("、".join(spec.columns[c].short or spec.columns[c].label for c in cols) for cols in sets[:6])
        listed += f" 等 {len(sets)} 种" if len(sets) > 6 else ""
        which = "有数值的列" if sets is held else "空白的列"
        unfilled = sum(1 for c in merged if c.note == _OPEN_CELL)
        zeros = sum(1 for c in merged if c.note == _OPEN_ZERO)
        outcome = [f"{unfilled} 格不能确定，未填入"] if unfilled else []
        outcome += [f"{zeros} 格只可能是0或空白，已按0显示"] if zeros else []
        said = "；" + "，".join(outcome) if outcome else ""
        msg = (
            f"{spec.number}的文本顺序错乱（PDF 转换所致），且整列空白的列在文本中没有任何内容，看不出是哪几列："
            f"{which}可能是（{listed}），各种可能同样符合文本顺序和勾稽关系{said}，请对照原文核对"
        )
        return merged, ParseNote("ambiguous_layout", msg, spec.id)

    return Choice(at, options, merge, [notes for _, notes, _ in found])


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


def solve_groups_table(text: str, tokens: list[Token], spec: TableSpec, borrowed: list[StreamRun] = ()):
    """表二 whose values were printed after all its labels: each item's values follow its
    第二十条 heading, row by row (or in column runs named by the header words before them).
    `borrowed`: blocks printed after the region, placed by the room left (continuations.py)."""
    groups = _groups(spec)
    if any(not g.heading for g in groups):
        return None
    runs = value_runs(text, tokens)
    by_headers = _place_by_column_headers(spec, table_value_runs(text, tokens), borrowed)
    if by_headers is not None:
        return by_headers
    owner = _run_groups(tokens, runs, groups)
    if owner is None:
        return None
    loose: list[StreamRun] = list(borrowed)
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
            if confident and not loose:
                cells[group.rows[r]][c] = Cell(value, tok.text, (tok.start, tok.end), 0.85)
            elif confident:
                # Some block did not fit after its own heading: the headings' order is not the
                # values' order, so no block's place is sure.
                unsure += 1
                cells[group.rows[r]][c] = Cell(value, tok.text, (tok.start, tok.end), 0.5, True, _ORDER_CONTRADICTED)
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
_ORDER_CONTRADICTED = "文本顺序错乱，且各项标题与数值的先后不一致，此值的位置是推定的"


def _place_by_column_headers(spec: TableSpec, runs: list[StreamRun], borrowed: list[StreamRun] = ()):
    """表二 printed column by column (pdfminer's order): each block follows the header words
    of one column, wherever the 第二十条 headings fell. Blocks naming the same column fill its
    cells top to bottom, item after item, since of two blocks in one column the upper is
    printed first; a block without header words goes on down the column before it. A block
    that cannot (its column full), and the `borrowed` blocks (printed past the region), go to
    the one column left with room for them, marked inferred. Cells and notes, or None unless
    every block finds its column and every cell gets one value."""
    names: list[Column] = []  # the table's distinct columns, by label
    cells_of: list[list[tuple[int, int]]] = []  # their cells, top to bottom
    for r in range(len(spec.rows)):
        for c, col in enumerate(spec.row_columns(r)):
            k = next((i for i, n in enumerate(names) if normalize_label(n.label) == normalize_label(col.label)), None)
            if k is None:
                names.append(col)
                cells_of.append([])
                k = len(names) - 1
            cells_of[k].append((r, c))
    filled = [0] * len(names)
    placed: dict[tuple[int, int], tuple[Token, bool]] = {}  # cell -> (token, placed by the room left)

    def put(run: StreamRun, column: int, by_room: bool) -> None:
        for tok in run.tokens:
            placed[cells_of[column][filled[column]]] = (tok, by_room)
            filled[column] += 1

    column = None
    left: list[StreamRun] = []
    for run in runs:
        named = header_columns(run.header, tuple(names))
        if len(named) > 1:
            return None  # several columns named: the header words of a row, not of one column
        if named:
            column = named[0]
        if column is None or filled[column] + len(run.tokens) > len(cells_of[column]):
            if named:
                return None  # more values than the column named has cells
            left.append(run)
            continue
        put(run, column, False)
    for run in left + list(borrowed):
        room = [k for k in range(len(names)) if filled[k] + len(run.tokens) <= len(cells_of[k])]
        if len(room) != 1 or any(filled[k] < len(cells_of[k]) for k in range(len(names)) if k != room[0]):
            return None  # no column, or several, could take it
        put(run, room[0], True)
    if len(placed) != spec.cell_count():
        return None
    cells = [[Cell(None) for _ in spec.row_columns(r)] for r in range(len(spec.rows))]
    for (r, c), (tok, by_room) in placed.items():
        value = tok.value if tok.kind == NUM else None
        if by_room:
            cells[r][c] = Cell(value, tok.text, (tok.start, tok.end), 0.5, True, _COLUMN_ROOM)
        else:
            cells[r][c] = Cell(value, tok.text, (tok.start, tok.end), 0.85)
    msg = f"{spec.number}的文本顺序错乱（PDF 转换所致），已按各列表头后的数值还原（同一列的数值自上而下依次填入）"
    notes = [ParseNote("scrambled_layout", msg, spec.id)]
    unsure = sum(1 for _, by_room in placed.values() if by_room)
    if unsure:
        notes.append(
            ParseNote("ambiguous_layout", f"{spec.number}有 {unsure} 格的数值前没有表头，其位置是按表中唯一剩余的空格推定的，请对照原文核对", spec.id)
        )
    return cells, notes


_COLUMN_ROOM = "文本顺序错乱，此值前没有表头，其位置按表中唯一剩余的空格推定"


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
    """A sentence or a heading after the table: its numbers are not the table's. The table's
    column labels kept on one line (本年制发件数 本年废止件数 现行有效件数) are neither."""
    if any(p in label for p in "。；，"):
        return True
    return len(label) > _HEADER_WORDS_MAX and not _column_labels().fullmatch(label)


@lru_cache(maxsize=1)
def _column_labels():
    """Any run of the form's column labels (both versions, every table), normalized."""
    from ..schema import FORMATS, format_spec

    words = {
        normalize_label(w)
        for version in FORMATS
        for spec in format_spec(version).tables.values()
        for r in range(len(spec.rows))
        for col in spec.row_columns(r)
        for w in (col.label, col.short, *col.header_path)
        if w
    }
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")+")


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

def read_t4_stream(text: str, tokens: list[Token], table: Table) -> tuple[Table, list[ParseNote]] | None:
    """表四 whose header words were printed between its values: the values in stream order.

    pdftotext keeps a one-row table's cells left to right even when it splits them into
    blocks, so when exactly fifteen stand-alone values follow the header they are taken in
    order, except where the header words printed just before a block name as many free
    columns of its group as it has values (pdfminer prints each cell's header, then its
    value, in an order of its own); the three 总计 relations say how sure that is. Where that
    order breaks them, the blocks are put in the order that keeps them (pdftotext may print a
    later group's block first), the cells the relations and the order leave open marked; when
    no order keeps them, the figures stand as printed (the document's own error). None if
    that is not the case.
    """
    ncols = len(table.spec.columns)
    runs = table_value_runs(text, tokens)  # the region's tokens (tokens.tokenize)
    if sum(len(run.tokens) for run in runs) != ncols:
        return None
    values = _t4_in_columns(runs, table.spec.columns)
    msg = "表四的表头与数值在文本中交错（PDF 转换所致），已按数值出现的顺序填入各列"
    ambiguous: set[int] = set()
    if _t4_holds(table.spec, values):
        confidence = 0.85
    else:
        orders = _t4_block_orders(text, runs, table.spec)
        if orders:
            values = orders[0]
            ambiguous = {c for c in range(ncols) if len({_t4_key(o[c]) for o in orders}) > 1}
            msg = "表四的表头与数值在文本中交错（PDF 转换所致），按数值出现的顺序总计关系不成立，已按总计关系重排各数值块"
            if ambiguous:
                msg += f"；其中 {len(ambiguous)} 格另有排列同样符合关系，已标为推定，请对照原文核对"
            confidence = 0.8
        else:  # no order keeps them: the document's own figures, as printed
            msg += "；按此顺序总计关系不成立，请对照原文核对"
            confidence = 0.6
    cells = [[
        Cell(t.value if t.kind == NUM else None, t.text, (t.start, t.end), 0.4, True, _AMBIGUOUS_CELL) if c in ambiguous
        else Cell(t.value if t.kind == NUM else None, t.text, (t.start, t.end), confidence)
        for c, t in enumerate(values)
    ]]
    starts = [t.start for t in values]
    out = Table(table.spec, cells, (min(*starts, *(table.span or (starts[0],))), max(t.end for t in values)))
    return out, [ParseNote("scrambled_layout", msg, table.spec.id)]


# Orders of a 表四's blocks tried before giving up (blocks of single values can be many).
_T4_ORDER_NODES = 20_000


def _t4_key(tok: Token):
    return tok.value if tok.kind == NUM else None


def _t4_holds(spec: TableSpec, values: list[Token]) -> bool:
    """Whether the relations whose cells `values` fill (from the first column on) all hold."""
    n = len(values)
    get = rel_eval.grid_lookup(spec.id, [[t.value if t.kind == NUM else 0 for t in values]])
    return not rel_eval.violations(spec, get, known=lambda addr: addr[2] < n)


def _t4_block_orders(text: str, runs: list[StreamRun], spec: TableSpec) -> list[list[Token]]:
    """The tables (tokens in column order, one per distinct table) that the blocks give placed
    whole, left to right, in an order that keeps all the relations and departs least from the
    stream's (fewest pairs of blocks the other way round: the groups' relations have one shape,
    so only the order tells which group a block is); none if there is none or too many orders
    to try. A block is the values between two pieces of other text (pdftotext prints a block's
    cells one per line)."""
    ncols = len(spec.columns)
    blocks: list[list[Token]] = []
    for run in runs:
        if blocks and not text[blocks[-1][-1].end : run.tokens[0].start].strip():
            blocks[-1] += run.tokens
        else:
            blocks.append(list(run.tokens))
    used = [False] * len(blocks)
    row: list[Token] = []
    sequence: list[int] = []
    found: dict[tuple, tuple[int, list[Token]]] = {}  # table -> (inversions, tokens)
    nodes = 0

    def walk() -> None:
        nonlocal nodes
        if len(row) == ncols:
            inversions = sum(1 for a, b in combinations(sequence, 2) if a > b)
            key = tuple(_t4_key(t) for t in row)
            if key not in found or inversions < found[key][0]:
                found[key] = (inversions, list(row))
            return
        tried = set()
        for i, block in enumerate(blocks):
            shown = tuple(_t4_key(t) for t in block)
            if used[i] or shown in tried or len(row) + len(block) > ncols:
                continue
            tried.add(shown)  # an identical block here gives the same tables
            nodes += 1
            if nodes > _T4_ORDER_NODES:
                raise _TooManyOrders
            used[i] = True
            row.extend(block)
            sequence.append(i)
            if _t4_holds(spec, row):
                walk()
            sequence.pop()
            del row[len(row) - len(block):]
            used[i] = False

    try:
        walk()
    except _TooManyOrders:
        return []
    least = min((inv for inv, _ in found.values()), default=0)
    return [tokens for inv, tokens in found.values() if inv == least]


class _TooManyOrders(Exception):
    pass


def _t4_in_columns(runs: list[StreamRun], columns: tuple[Column, ...]) -> list[Token]:
    """The fifteen values in column order: in stream order, group by group, a block whose
    header words name as many free columns of the current group as it has values going there,
    in the order the words name them."""
    groups: list[list[int]] = []
    for c, col in enumerate(columns):
        if groups and columns[groups[-1][0]].path == col.path:
            groups[-1].append(c)
        else:
            groups.append([c])
    placed: list[Token | None] = [None] * len(columns)
    for run in runs:
        group = next((g for g in groups if any(placed[c] is None for c in g)), None)
        named = []
        if group is not None and run.header:
            hint = header_columns(run.header, tuple(columns[c] for c in group), in_order=True)
            named = [group[i] for i in hint if placed[group[i]] is None]
        targets = named if len(named) == len(run.tokens) else None
        for k, tok in enumerate(run.tokens):
            c = targets[k] if targets else placed.index(None)
            placed[c] = tok
    return [tok for tok in placed if tok is not None]
