"""Every cell's current value at once (corrections applied), read once per re-check."""
from __future__ import annotations

from ..model import CellAddr, Number, Report


def current_values(report: Report) -> dict[CellAddr, Number | None]:
    """{(table, row, col): value}: what report.value(addr) gives, for every cell of every table."""
    values: dict[CellAddr, Number | None] = {}
    for table_id, table in report.tables.items():
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                values[(table_id, r, c)] = cell.value
    for addr, correction in report.corrections.items():
        if addr in values:
            values[addr] = correction.value
    return values
