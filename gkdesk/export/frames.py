"""Reports as pandas tables: the data of many agencies for scripts and statistics.

`cells_frame` is the long ("tidy") form, one row per report and official cell, which is
what groupby/pivot_table want; `wide_frame` pivots it to one row per report. The CSV
written by `gkdesk export --csv` is the long form. pandas is imported only when called.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..model import Report
from ..schema import TABLE_IDS, format_spec, row_display

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Text columns a spreadsheet could read as formulas (agency and file names come from outside).
TEXT_COLUMNS = ("source", "agency", "format", "table", "row_label", "column_label", "cell")

# Columns of the long frame, in order. English names: scripts key on them.
CELL_COLUMNS = (
    "source", "agency", "year", "format", "table", "row", "col",
    "row_label", "column_label", "cell", "value", "extracted", "corrected",
    "inferred", "span_start", "span_end",
)
VALUE_COLUMNS = ("value", "extracted")


def _records(report: Report, source: str):
    for table_id in TABLE_IDS:
        table = report.tables.get(table_id)
        if table is None:
            continue
        spec = table.spec
        names = format_spec(spec.version or report.format or "2021")
        for _, r, c in spec.addresses():
            addr = (table_id, r, c)
            cell = table.cells[r][c]
            row = spec.rows[r]
            column = spec.row_columns(r)[c]
            yield (
                source, report.agency, report.year, report.format, spec.number, r, c,
                row_display(row) if row.label else "", "·".join(column.header_path),
                names.cell_name(addr), report.value(addr), cell.value, addr in report.corrections,
                cell.inferred, cell.span[0] if cell.span else None, cell.span[1] if cell.span else None,
            )


def _numeric(series: "pd.Series") -> "pd.Series":
    """Int64 when every value is whole, else Float64; blanks stay <NA>, never 0."""
    import pandas as pd

    floats = pd.to_numeric(series, errors="coerce").astype("Float64")
    whole = floats.dropna()
    if (whole == whole.round()).all():
        return floats.astype("Int64")
    return floats


def cells_frame(reports: Sequence[Report], sources: Sequence[str] | None = None) -> "pd.DataFrame":
    """One row per (report, official cell): reviewed value, recognized value and provenance."""
    import pandas as pd

    sources = list(sources) if sources is not None else [r.source_path for r in reports]
    rows = [rec for report, source in zip(reports, sources) for rec in _records(report, source)]
    frame = pd.DataFrame.from_records(rows, columns=list(CELL_COLUMNS))
    for name in VALUE_COLUMNS:
        frame[name] = _numeric(frame[name])
    for name in ("year", "span_start", "span_end"):
        frame[name] = frame[name].astype("Int64")
    for name in ("corrected", "inferred"):
        frame[name] = frame[name].astype(bool)
    _inert(frame, TEXT_COLUMNS)
    return frame


def _inert(frame: "pd.DataFrame", columns) -> None:
    """No live formulas: every text of these columns neutralized (gkdesk.export.cells.inert_text)."""
    from ..file_names import printable
    from .cells import inert_text

    for name in columns:  # (a file name UTF-8 cannot hold is written readably)
        frame[name] = frame[name].map(lambda v: inert_text(printable(v)) if isinstance(v, str) else v)


def wide_frame(reports: Sequence[Report], sources: Sequence[str] | None = None) -> "pd.DataFrame":
    """One row per report, a column per official cell name (reviewed values)."""
    import pandas as pd

    long = cells_frame(reports, sources)
    sources = list(sources) if sources is not None else [r.source_path for r in reports]
    rows = [{"source": s, "agency": r.agency, "year": r.year} for r, s in zip(reports, sources)]
    # Every report's cells are consecutive in the long frame, in report order.
    sizes = [sum(1 for _ in _addresses(r)) for r in reports]
    start = 0
    for row, size in zip(rows, sizes):
        part = long.iloc[start:start + size]
        row.update(zip(part["cell"], part["value"]))
        start += size
    wide = pd.DataFrame(rows)
    for name in wide.columns[3:]:
        wide[name] = _numeric(wide[name])
    wide["year"] = wide["year"].astype("Int64")
    _inert(wide, ("source", "agency"))
    return wide


def _addresses(report: Report):
    for table_id in TABLE_IDS:
        table = report.tables.get(table_id)
        if table is not None:
            yield from table.spec.addresses()


def is_gkdesk_csv(path: Path) -> bool:
    """Whether `path` is a cells CSV gkdesk wrote (its header), read without blocking on a FIFO."""
    from ..sidecar import read_regular_file

    try:
        head = read_regular_file(Path(path))[: 4096]
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").startswith(",".join(CELL_COLUMNS).encode("ascii"))


def write_cells_csv(reports: Sequence[Report], path: str | Path, sources: Sequence[str] | None = None) -> Path:
    """The long frame as CSV (UTF-8 with BOM so that Excel and WPS read the Chinese), atomically."""
    from ..atomic import write_atomically

    frame = cells_frame(reports, sources)

    def write(handle) -> None:
        frame.to_csv(handle, index=False, encoding="utf-8-sig", lineterminator="\r\n")

    return write_atomically(path, write)
