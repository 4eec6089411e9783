"""Columns of space-aligned text (pdftotext -layout, pandoc plain): where a partial row's values stand.

A row with a value in every column says where the columns are; a row with blanks is placed by
those positions. pdftotext -layout lays columns out per page, and sometimes shifts a block of
rows by a few characters inside a page, so the positions are not one system for the whole
table: each run of consecutive full rows that agree is one system, and a partial row is placed
by the systems of the full rows around it, on its own page first. When the systems around a
row place it differently and each of them fits its values, the text does not tell which is
right: the caller gets every fitting placement instead of a guess.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from .tokens import EMPTY, Token, display_width

# A value fits a column when its centre is this close to the column's centre (characters).
# Numbers in one column differ in width: right-aligned "1234" and "0" have centres 1.5 apart,
# so a column's values spread that much around the centre a full row gives; a value further
# off than that belongs to no column of the system.
FIT = 2.0


def mid(tok: Token, metric: str) -> float:
    """The token's centre under a metric: "x" counts characters, "xd" display columns."""
    if metric == "x":
        return tok.x + len(tok.text) / 2
    return tok.xd + display_width(tok.text) / 2


def positional(tok: Token) -> bool:
    return tok.x >= 0 and not tok.structured and tok.kind != EMPTY


@dataclass
class ColumnSystem:
    """Column centres that hold for a run of rows: from first_line to last_line of one page
    (page None: the whole table, when no row was full and the centres were clustered)."""

    page: int | None
    first_line: int
    last_line: int
    centres: list[float]


@dataclass
class _Fit:
    columns: list[int]
    worst: float  # the largest distance of a value from its column's centre
    distance: int  # lines between the row and the system


def assign(values: list[Token], centres: list[float], metric: str) -> tuple[list[int], float] | None:
    """Order-preserving columns for the values, minimising the total distance to the centres
    (small DP: n <= m <= 15), and the largest distance of one value; None if more values than columns."""
    n, m = len(values), len(centres)
    if n > m or n == 0:
        return None
    mids = [mid(t, metric) for t in values]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[-1] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        cost[0][j] = 0.0
    for i in range(1, n + 1):
        best, arg = inf, -1
        for j in range(i, m + 1):
            # best over k in [i-1, j-1] of cost[i-1][k], kept as j grows
            if cost[i - 1][j - 1] < best:
                best, arg = cost[i - 1][j - 1], j - 1
            if best < inf:
                cost[i][j] = best + abs(mids[i - 1] - centres[j - 1])
                back[i][j] = arg
    j = min(range(n, m + 1), key=lambda jj: cost[n][jj])
    cols = []
    for i in range(n, 0, -1):
        cols.append(j - 1)
        j = back[i][j]
    cols.reverse()
    worst = max(abs(x - centres[c]) for x, c in zip(mids, cols))
    return cols, worst


def _clusters(mids: list[float], ncols: int) -> list[float] | None:
    """Centres of ncols groups of positions (each seen at least twice), or None."""
    groups: list[list[float]] = []
    for m in sorted(mids):
        if groups and m - groups[-1][-1] <= 2.5:
            groups[-1].append(m)
        else:
            groups.append([m])
    if len(groups) == ncols and all(len(g) >= 2 for g in groups):
        return [sum(g) / len(g) for g in groups]
    return None


def _systems_of_full_rows(full: list[list[Token]], metric: str) -> list[ColumnSystem]:
    """Runs of consecutive full rows on one page whose columns agree, each with its median centres."""
    systems: list[ColumnSystem] = []
    members: list[list[list[float]]] = []
    for row in sorted(full, key=lambda r: r[0].line):
        centres = [mid(t, metric) for t in row]
        line, page = row[0].line, row[0].page
        last = systems[-1] if systems else None
        if (
            last is not None
            and last.page == page
            # A full row continues the system when each of its values fits the system's column.
            and max(abs(a - b) for a, b in zip(last.centres, centres)) <= FIT
        ):
            members[-1].append(centres)
            last.last_line = line
            last.centres = [statistics.median(col) for col in zip(*members[-1])]
        else:
            systems.append(ColumnSystem(page, line, line, centres))
            members.append([centres])
    return systems


class ColumnPositions:
    """Column systems of a space-aligned table, learnt from its own rows.

    pdftotext aligns columns by character index, pandoc and web renderers by display width
    (a CJK character is two columns): both are tried and the tighter one kept."""

    def __init__(self, rows: list[list[Token]], ncols: int):
        self.ncols = ncols
        self.metric = "x"
        self.systems: list[ColumnSystem] = []
        rows = [[t for t in r if t.kind != EMPTY] for r in rows]
        if not _spaced_into_columns(rows):
            return
        full = [r for r in rows if len(r) == ncols and all(positional(t) for t in r)]
        rows = [p for p in ([t for t in r if positional(t)] for r in rows) if p]
        values = [t for r in rows for t in r]
        if full:
            best = None
            for metric in ("x", "xd"):
                self.metric = metric
                self.systems = _systems_of_full_rows(full, metric)
                self.systems += self._page_clusters(rows, metric, {s.page for s in self.systems})
                # Under the right metric every value, of full and partial rows, sits on a column
                # of a system around it, and the full rows agree with each other (few systems):
                # under the wrong one, labels of different widths scatter them.
                spread = sum(self._distance_to_columns(r) for r in rows) / max(1, len(values))
                key = (spread > 1.5, len(self.systems), spread)
                if best is None or key < best[0]:
                    best = (key, metric, self.systems)
            (unaligned, _, _), self.metric, self.systems = best
            if unaligned:
                self.systems = []  # values do not stand in columns: not aligned text
            return
        for metric in ("x", "xd"):
            centres = _clusters([mid(t, metric) for t in values], ncols)
            if centres is not None:
                self.metric = metric
                lines = [t.line for t in values]
                self.systems = [ColumnSystem(None, min(lines), max(lines), centres)]
                return

    def _page_clusters(self, rows: list[list[Token]], metric: str, covered: set) -> list[ColumnSystem]:
        """For a page without a full row: its own values, when they stand in exactly ncols columns."""
        by_page: dict[int, list[Token]] = {}
        for r in rows:
            for t in r:
                if t.page not in covered:
                    by_page.setdefault(t.page, []).append(t)
        out = []
        for page, toks in by_page.items():
            centres = _clusters([mid(t, metric) for t in toks], self.ncols)
            if centres is not None:
                lines = [t.line for t in toks]
                out.append(ColumnSystem(page, min(lines), max(lines), centres))
        return out

    def _distance_to_columns(self, toks: list[Token]) -> float:
        """Sum of the distances of a row's values (positional, at least one) to the nearest
        column of the systems around it."""
        centres = [c for s in self._around(toks[0].line, toks[0].page) for c in s.centres]
        return sum(min(abs(x - c) for c in centres) for x in (mid(t, self.metric) for t in toks))

    def _around(self, line: int, page: int) -> list[ColumnSystem]:
        """The systems a row may belong to: the one holding its line, else the nearest before
        and after it on its page, else (a page with no system of its own) the nearest before and
        after it anywhere."""
        whole = [s for s in self.systems if s.page is None]
        if whole:
            return whole
        own = [s for s in self.systems if s.page == page] or self.systems
        holding = [s for s in own if s.first_line <= line <= s.last_line]
        if holding:
            return holding[:1]
        before = [s for s in own if s.last_line < line]
        after = [s for s in own if s.first_line > line]
        out = []
        if before:
            out.append(max(before, key=lambda s: s.last_line))
        if after:
            out.append(min(after, key=lambda s: s.first_line))
        return out

    def placements(self, values: list[Token]) -> list[list[int]]:
        """Columns for the values, in order: [] if unknown, one placement, or several when the
        systems around the row place it differently and each fits (the text cannot tell)."""
        if not self.systems or not values or not all(positional(t) for t in values):
            return []
        line, page = values[0].line, values[0].page
        fits: list[_Fit] = []
        for system in self._around(line, page):
            got = assign(values, system.centres, self.metric)
            if got is None:
                continue
            distance = 0 if system.first_line <= line <= system.last_line else min(
                abs(system.first_line - line), abs(system.last_line - line)
            )
            fits.append(_Fit(got[0], got[1], distance))
        if not fits:
            return []
        fitting = [f for f in fits if f.worst <= FIT]
        distinct: list[list[int]] = []
        for f in sorted(fitting, key=lambda f: (f.distance, f.worst)):
            if f.columns not in distinct:
                distinct.append(f.columns)
        if distinct:
            return distinct
        # No system fits well: the nearest one still says the most (placed cells are marked inferred).
        return [min(fits, key=lambda f: (f.distance, f.worst)).columns]


def _spaced_into_columns(rows: list[list[Token]]) -> bool:
    """Aligned text pads values apart; text that only separates them by one space
    (pdftotext -raw, pdfplumber) has positions that say nothing about columns."""
    gaps = []
    for r in rows:
        for a, b in zip(r, r[1:]):
            if positional(a) and positional(b) and a.line == b.line:
                gaps.append(b.x - (a.x + len(a.text)))
    return bool(gaps) and statistics.median(gaps) > 1
