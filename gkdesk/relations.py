"""The one evaluator of the schema's 勾稽关系, for the checks and for the recognizer alike.

A relation is `sum(lhs) == sum(rhs)` over cells (schema.Relation). Values come from any lookup
`addr -> number | None` (blank counts as 0), so the checks evaluate a report's current values
and the recognizer evaluates a candidate placement with the same code. `known` tells a partial
assignment's unknown cells apart from blank ones: a relation with an unknown cell is undecided.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from .schema import Relation, TableSpec, table_relations

CellAddr = tuple[str, int, int]
Lookup = Callable[[CellAddr], "int | float | None"]

EPS = 1e-9


@dataclass(frozen=True)
class RelationState:
    index: int  # position in the table's relations (schema.table_relations)
    relation: Relation
    lhs: int | float
    rhs: int | float
    lhs_blank: bool  # every cell on the left is blank
    rhs_blank: bool  # every cell on the right is blank

    @property
    def residual(self) -> int | float:
        return self.lhs - self.rhs

    @property
    def broken(self) -> bool:
        return abs(self.residual) > EPS


def lookup_of(values: Mapping[CellAddr, "int | float | None"]) -> Lookup:
    return values.get


def grid_lookup(table_id: str, grid) -> Lookup:
    """A lookup over a list of rows of values (None for blank or out of range)."""

    def get(addr: CellAddr):
        t, r, c = addr
        if t != table_id or r >= len(grid):
            return None
        row = grid[r]
        return row[c] if row is not None and c < len(row) else None

    return get


def _side(get: Lookup, cells) -> tuple[int | float, bool]:
    total = 0
    blank = True
    for addr in cells:
        v = get(addr)
        if v is not None:
            total += v
            blank = False
    return total, blank


def state(index: int, rel: Relation, get: Lookup) -> RelationState:
    lhs, lhs_blank = _side(get, rel.lhs)
    rhs, rhs_blank = _side(get, rel.rhs)
    return RelationState(index, rel, lhs, rhs, lhs_blank, rhs_blank)


def evaluate(spec: TableSpec, get: Lookup, relations: Iterable[Relation] | None = None) -> list[RelationState]:
    """Every relation of the table (or the given ones) on the values `get` gives, blank as 0."""
    rels = table_relations(spec) if relations is None else relations
    return [state(i, rel, get) for i, rel in enumerate(rels)]


def residual(rel: Relation, get: Lookup) -> int | float:
    lhs, _ = _side(get, rel.lhs)
    rhs, _ = _side(get, rel.rhs)
    return lhs - rhs


def decided(rel: Relation, known: Callable[[CellAddr], bool]) -> bool:
    """Whether every cell of the relation has been assigned (blank counts as assigned)."""
    return all(known(addr) for addr in rel.cells)


def violations(spec: TableSpec, get: Lookup, known: Callable[[CellAddr], bool] | None = None,
               relations: Iterable[Relation] | None = None) -> int:
    """How many relations break among those whose cells are all known (all, without `known`)."""
    rels = table_relations(spec) if relations is None else relations
    count = 0
    for rel in rels:
        if known is not None and not decided(rel, known):
            continue
        if abs(residual(rel, get)) > EPS:
            count += 1
    return count


def relations_touching(spec: TableSpec, rows: Iterable[int]) -> list[Relation]:
    """The table's relations with a cell in one of the rows."""
    wanted = set(rows)
    return [rel for rel in table_relations(spec) if any(r in wanted for _, r, _ in rel.cells)]


def residual_range(rel: Relation, low: Lookup, high: Lookup) -> tuple[int | float, int | float]:
    """The least and greatest residual the relation can take when each cell lies between what
    `low` and `high` give (blank as 0): a search over partial assignments prunes by it."""
    least = most = 0
    for addr in rel.lhs:
        least += low(addr) or 0
        most += high(addr) or 0
    for addr in rel.rhs:
        least -= high(addr) or 0
        most -= low(addr) or 0
    return least, most


def row_bounds_hold(spec: TableSpec, row: int, values) -> bool:
    """Whether one row's values keep the bounds its columns declare (schema.Column
    .decrease_at_most); a blank cell bounds nothing."""
    columns = spec.row_columns(row)
    for c, col in enumerate(columns):
        if not col.decrease_at_most or c >= len(values) or values[c] is None:
            continue
        held = next((k for k, other in enumerate(columns) if other.label == col.decrease_at_most), None)
        if held is not None and held < len(values) and values[held] is not None and values[c] < -values[held] - EPS:
            return False
    return True


class RowRanges:
    """residual_range of each relation kept up to date while a search gives whole rows of one
    table their values one at a time, each row taken from between its bounds.

    Giving row r the values v moves a relation's range by r's share alone (its cells' values
    in place of their bounds), so a search step costs the relations through r, not a sum over
    every cell of them. The shares are sums of the values as given: exact for whole numbers
    (counts), which is what `exact` tells the caller."""

    def __init__(self, rels: list[Relation], low: Lookup, high: Lookup, rows: Iterable[int]):
        self.least, self.most = [], []
        for rel in rels:
            least, most = residual_range(rel, low, high)
            self.least.append(least)
            self.most.append(most)
        # Per row: (relation, its cells in the row as (column, sign), the share's constant parts)
        self.terms: dict[int, list[tuple[int, tuple[tuple[int, int], ...], int | float, int | float]]] = {}
        bounds = []
        for r in rows:
            mine = []
            for i, rel in enumerate(rels):
                cells = [(addr, 1) for addr in rel.lhs if addr[1] == r] + [(addr, -1) for addr in rel.rhs if addr[1] == r]
                if not cells:
                    continue
                # the left side's least takes the low bound, the right side's the high one
                const_least = sum(-(low(a) or 0) if s > 0 else (high(a) or 0) for a, s in cells)
                const_most = sum(-(high(a) or 0) if s > 0 else (low(a) or 0) for a, s in cells)
                bounds += [low(a) for a, _ in cells] + [high(a) for a, _ in cells]
                mine.append((i, tuple((a[2], s) for a, s in cells), const_least, const_most))
            self.terms[r] = mine
        self.exact = all(isinstance(x, int) for x in self.least + self.most + bounds if x is not None)

    def moved(self, row: int, values: tuple) -> list[tuple[int, int | float, int | float]]:
        """(relation, least, most) of the relations through `row` once it holds `values` (the
        other rows as they stand); the caller keeps them while the row holds them."""
        out = []
        n = len(values)
        for i, cells, const_least, const_most in self.terms[row]:
            share = 0
            for c, s in cells:
                v = values[c] if c < n else None
                if v:
                    share += s * v
            out.append((i, self.least[i] + const_least + share, self.most[i] + const_most + share))
        return out


def row_residuals(rels: Iterable[Relation], table_id: str, row: int) -> Callable[[tuple], list]:
    """The residuals of relations lying within one row, as a function of that row's values:
    what `residual` gives on a grid holding only that row (the same cells, the same sums),
    with the cells looked up once instead of at every call."""
    sides = []
    for rel in rels:
        sides.append(tuple(tuple(c for t, r, c in group if t == table_id and r == row) for group in (rel.lhs, rel.rhs)))

    def residuals(values: tuple) -> list:
        n = len(values)
        out = []
        for lhs, rhs in sides:
            left = right = 0
            for c in lhs:
                v = values[c] if c < n else None
                if v is not None:
                    left += v
            for c in rhs:
                v = values[c] if c < n else None
                if v is not None:
                    right += v
            out.append(left - right)
        return out

    return residuals
