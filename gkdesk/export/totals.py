"""Adding many reports' tables up into one, by the official rows they share.

Two cells are the same official cell when their row's label path and their column's header
path are equal, so a 2019-format 表三 adds into a 2021-format one row by row, and the
rows one version lacks are reported instead of guessed. Values are the reviewed ones
(with corrections). Blank counts as 0 in a sum, but a cell every report left blank stays
blank. Amounts are added as decimals, so 0.1 + 0.2 is 0.3.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Report
from ..schema import FORMATS, TableSpec, row_display, table_spec

CellKey = tuple[tuple[str, ...], tuple[str, ...]]  # (row label path, column header path)


def cell_key(spec: TableSpec, r: int, c: int) -> CellKey:
    row = spec.rows[r]
    return (row.label_path if row.label else (), spec.row_columns(r)[c].header_path)


def spec_keys(spec: TableSpec) -> dict[CellKey, tuple[str, int, int]]:
    return {cell_key(spec, r, c): (spec.id, r, c) for _, r, c in spec.addresses()}


@dataclass
class TableTotal:
    """The sum of one table over the reports counted in it, in the layout of `spec`."""

    spec: TableSpec
    values: dict[tuple[str, int, int], int | float | None]
    counted: list[int] = field(default_factory=list)  # reports added (indices)
    without_table: list[int] = field(default_factory=list)  # reports with no such table recognized
    other_version: list[int] = field(default_factory=list)  # added to another block (表二 of the other version)
    left_out: dict[int, list[int]] = field(default_factory=dict)  # row of spec -> reports without that row
    unplaced: dict[int, list[str]] = field(default_factory=dict)  # report -> its rows this layout lacks

    def value(self, addr):
        return self.values.get(tuple(addr))


def _majority_version(versions: list[str]) -> str:
    counts = Counter(versions)
    if not counts:
        return FORMATS[0]
    best = max(counts.values())
    return next(v for v in FORMATS if counts.get(v) == best)


def _add(spec: TableSpec, reports: list[Report], indices: list[int]) -> TableTotal:
    table_id = spec.id
    target = spec_keys(spec)
    # Whole numbers are added as ints (exact, and far cheaper than Decimal), the rest as decimals.
    whole: dict[tuple[str, int, int], int] = {}
    fractional: dict[tuple[str, int, int], Decimal] = {}
    total = TableTotal(spec, {}, counted=list(indices))
    plans: dict[int, tuple] = {}  # id(a report's spec) -> how its cells add into `spec`
    for i in indices:
        report = reports[i]
        source = report.tables[table_id].spec
        plan = plans.get(id(source))
        if plan is None:
            plan = plans[id(source)] = _plan(source, spec, target)
        placed, lacking, left_out = plan
        for r, c, addr in placed:
            value = report.value((table_id, r, c))
            if value is None:
                continue
            if type(value) is int:
                whole[addr] = whole.get(addr, 0) + value
            else:
                fractional[addr] = fractional.get(addr, Decimal(0)) + Decimal(str(value))
        for r in left_out:
            total.left_out.setdefault(r, []).append(i)
        if lacking:
            total.unplaced[i] = list(lacking)
    for addr in target.values():
        if addr not in whole and addr not in fractional:
            total.values[addr] = None
            continue
        s = Decimal(whole.get(addr, 0)) + fractional.get(addr, Decimal(0))
        total.values[addr] = int(s) if s == s.to_integral_value() else float(s)
    return total


def _plan(source: TableSpec, spec: TableSpec, target: dict) -> tuple[list, list[str], list[int]]:
    """How the cells of a `source` table add into `spec`'s: (r, c, the address they add to),
    the labels of source rows `spec` lacks, the rows of `spec` source lacks."""
    placed, lacking, seen_rows = [], [], set()
    for _, r, c in source.addresses():
        addr = target.get(cell_key(source, r, c))
        if addr is None:
            label = row_display(source.rows[r])
            if label not in lacking:
                lacking.append(label)
            continue
        seen_rows.add(addr[1])
        placed.append((r, c, addr))
    return placed, lacking, [r for r in range(len(spec.rows)) if r not in seen_rows]


def table_totals(reports: list[Report], table_id: str) -> list[TableTotal]:
    """The district total of one table: one block for 表三/表四, one per version for 表二.

    表二's rows differ between the versions (other columns), so each version is added up
    on its own; 表三 is added into the layout most reports use.
    """
    having = [i for i, r in enumerate(reports) if table_id in r.tables]
    without = [i for i, r in enumerate(reports) if table_id not in r.tables]
    versions = [reports[i].tables[table_id].version for i in having]
    if table_id == "t2":
        present = [v for v in FORMATS if v in versions] or [_majority_version([r.format for r in reports if r.format])]
        blocks = []
        for version in present:
            mine = [i for i in having if reports[i].tables[table_id].version == version]
            block = _add(table_spec(version, table_id), reports, mine)
            block.other_version = [i for i in having if i not in mine]
            blocks.append(block)
        blocks[0].without_table = without
        return blocks
    version = _majority_version([v for v in versions if v] or [r.format for r in reports if r.format])
    block = _add(table_spec(version, table_id), reports, having)
    block.without_table = without
    return [block]
