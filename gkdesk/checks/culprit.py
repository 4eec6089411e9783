"""Which single cell, changed, would make every broken relation of a table hold?

A relation says sum(lhs) == sum(rhs). Changing cell x by d moves the residual of each
relation x is in by +d (x on the left) or -d (on the right). A single-cell repair must
therefore lie in every broken relation, imply the same d for all of them, and lie in no
relation that holds (d != 0 would break it). The new value must also be a valid count.
"""
from __future__ import annotations

from ..findings import Culprit
from ..model import Table
from ..schema import ValueKind
from ..relations import RelationState
from .layout import relations_by_cell

_EPS = 1e-9


def single_cell_repairs(values: dict, table: Table, states: list[RelationState]) -> list[Culprit]:
    """Every single-cell change that repairs all broken relations of the table and breaks none."""
    broken = [s for s in states if s.broken]
    if not broken:
        return []
    by_cell = relations_by_cell(table.spec)
    broken_ids = {s.index for s in broken}
    residual = {s.index: s.residual for s in states}
    repairs = []
    for addr in broken[0].relation.cells:
        memberships = by_cell.get(addr, ())
        if {i for i, _ in memberships} != broken_ids:
            continue  # misses a broken relation, or is in one that holds
        deltas = {-residual[i] * sign for i, sign in memberships}
        delta = next(iter(deltas))
        if any(abs(d - delta) > _EPS for d in deltas):
            continue
        new_value = (values.get(addr) or 0) + delta
        if not _valid(table, addr, new_value):
            continue
        if isinstance(new_value, float) and new_value.is_integer():
            new_value = int(new_value)
        repairs.append(Culprit(addr, new_value))
    return repairs


def _valid(table: Table, addr, value) -> bool:
    kind = table.spec.row_columns(addr[1])[addr[2]].kind
    if kind in (ValueKind.COUNT, ValueKind.SIGNED_COUNT) and not float(value).is_integer():
        return False
    if kind in (ValueKind.COUNT, ValueKind.AMOUNT) and value < 0:
        return False
    return True
