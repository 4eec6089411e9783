"""How findings name cells and numbers: as the official form does (表三 （七）总计·自然人)."""
from __future__ import annotations

from ..model import CellAddr, Report
from ..schema import FORMATS, format_spec, row_display


def cell_name(report: Report, addr: CellAddr) -> str:
    """The official name of a cell, taken from the format version of its own table."""
    table = report.tables.get(addr[0])
    version = (table.spec.version if table is not None else "") or report.format or FORMATS[0]
    return format_spec(version).cell_name(addr)


def row_name(report: Report, table_id: str, row: int) -> str:
    spec = report.tables[table_id].spec
    return f"{spec.number} {row_display(spec.rows[row])}"


def column_name(report: Report, table_id: str, row: int, col: int) -> str:
    col_spec = report.tables[table_id].spec.row_columns(row)[col]
    return col_spec.short or col_spec.label


def fmt_number(value) -> str:
    """A value as a reviewer reads it: 1120, 3.5, 空白."""
    if value is None:
        return "空白"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:g}"
    return str(value)


def join_names(names: list[str], limit: int = 6) -> str:
    """At most `limit` names, then how many more."""
    if len(names) <= limit:
        return "、".join(names)
    return "、".join(names[:limit]) + f" 等 {len(names)} 格"
