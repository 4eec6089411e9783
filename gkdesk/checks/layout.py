"""The roles of 表三 and 表四 rows and columns, read off the schema's relations.

The narrative and across-year checks need to know which row holds 一、本年新收, which the
（七）总计 and so on. Rather than naming rows a second time, they are taken from the
relations the schema already declares (t3.balance: 一 + 二 = （七）总计 + 四).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, TypeVar

from ..model import CellAddr
from ..schema import Relation, TableSpec, ValueKind, table_relations

T = TypeVar("T")


def per_spec(fn: Callable[[TableSpec], T]) -> Callable[[TableSpec], T]:
    """Cache by the spec object itself: hashing a whole TableSpec on every keystroke costs more
    than the re-check. The specs are a handful of module constants, so the cache stays tiny."""
    store: dict[int, tuple[TableSpec, T]] = {}

    def cached(spec: TableSpec) -> T:
        hit = store.get(id(spec))
        if hit is not None and hit[0] is spec:
            return hit[1]
        value = fn(spec)
        store[id(spec)] = (spec, value)
        return value

    cached.__doc__ = fn.__doc__
    return cached


@per_spec
def relations_of(spec: TableSpec) -> tuple[Relation, ...]:
    """schema.table_relations(spec), looked up without hashing the spec."""
    return table_relations(spec)


@per_spec
def addresses_and_kinds(spec: TableSpec) -> tuple[tuple[CellAddr, ValueKind], ...]:
    return tuple((addr, spec.row_columns(addr[1])[addr[2]].kind) for addr in spec.addresses())


@dataclass(frozen=True)
class T3Layout:
    received: int  # 一、本年新收
    carried_in: int  # 二、上年结转
    results_total: int  # （七）总计
    carried_over: int  # 四、结转下年度继续办理
    total_col: int  # 总计
    applicant_cols: tuple[int, ...]  # the six applicant columns
    person_cols: tuple[int, ...]  # 自然人
    org_cols: tuple[int, ...]  # 法人或其他组织 ...
    person_label: str
    org_label: str


@per_spec
def t3_layout(spec: TableSpec) -> T3Layout:
    relations = relations_of(spec)
    balance = next(r for r in relations if r.rule == "t3.balance")
    row_total = next(r for r in relations if r.rule == "t3.row_total")
    total_col = row_total.lhs[0][2]
    applicant_cols = tuple(c for _, _, c in row_total.rhs)
    org_cols = tuple(c for c in applicant_cols if len(spec.columns[c].path) > 1)
    person_cols = tuple(c for c in applicant_cols if c not in org_cols)
    org_label = spec.columns[org_cols[0]].path[-1] if org_cols else ""
    person_label = spec.columns[person_cols[0]].label if person_cols else ""
    return T3Layout(
        received=balance.lhs[0][1],
        carried_in=balance.lhs[1][1],
        results_total=balance.rhs[0][1],
        carried_over=balance.rhs[1][1],
        total_col=total_col,
        applicant_cols=applicant_cols,
        person_cols=person_cols,
        org_cols=org_cols,
        person_label=person_label,
        org_label=org_label,
    )


@dataclass(frozen=True)
class T4Layout:
    # Group name (the first header path word: 行政复议 / 行政诉讼) -> the 总计 cells of its groups.
    totals: dict[str, tuple[CellAddr, ...]]


@per_spec
def t4_layout(spec: TableSpec) -> T4Layout:
    totals: dict[str, list[CellAddr]] = {}
    for rel in relations_of(spec):
        (addr,) = rel.lhs
        group = spec.columns[addr[2]].path[0]
        totals.setdefault(group, []).append(addr)
    return T4Layout({k: tuple(v) for k, v in totals.items()})


@per_spec
def total_parts(spec: TableSpec) -> dict[CellAddr, tuple[CellAddr, ...]]:
    """Cells that are the sum of others (a relation with one cell on its left)."""
    out: dict[CellAddr, tuple[CellAddr, ...]] = {}
    for rel in relations_of(spec):
        if len(rel.lhs) == 1 and rel.lhs[0] not in out:
            out[rel.lhs[0]] = rel.rhs
    return out


@per_spec
def relations_by_cell(spec: TableSpec) -> dict[CellAddr, tuple[tuple[int, int], ...]]:
    """For each cell, (relation index, +1 on the left / -1 on the right) of the relations it is in."""
    out: dict[CellAddr, list[tuple[int, int]]] = {}
    for i, rel in enumerate(relations_of(spec)):
        for addr in rel.lhs:
            out.setdefault(addr, []).append((i, 1))
        for addr in rel.rhs:
            out.setdefault(addr, []).append((i, -1))
    return {k: tuple(v) for k, v in out.items()}


def claimable_t2_columns(spec: TableSpec, row: int) -> tuple[int, ...]:
    """表二 columns a narrative count may mean, the one the text most likely means first.

    The first is this year's figure (本年制发件数, 本年新制作数量, 处理决定数量); the others
    are count columns that a plain "规章 5 项" could also mean (现行有效件数 …). Rows without
    such a column (fees, purchases) give ().
    """
    cols = spec.row_columns(row)
    counts = [c for c, col in enumerate(cols) if col.kind == ValueKind.COUNT and "废止" not in col.label]
    primary = [c for c in counts if "本年" in cols[c].label or "处理决定" in cols[c].label]
    if not primary:
        return ()
    return (primary[0],) + tuple(c for c in counts if c != primary[0])
