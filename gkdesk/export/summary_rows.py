"""What the batch summary needs of one report, and no more: its metadata, its current values and
what its checks found, small enough to keep thousands and to send from a batch worker.

A Report keeps its whole text, every cell's provenance and its history; a summary of 5,000
reports kept as Reports needed over 1 GB. A SummaryRow keeps the reviewed value of each cell,
the counts of the findings that count, and the rows of each table in a relation that does not
hold. It answers the questions the summary asks of a report (agency, year, format, tables with
their spec and version, value(addr), corrections, review_status), so the summary and the
district totals read either.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..decisions import counted
from ..findings import ARITHMETIC, ERROR, WARNING, Finding
from ..model import Report
from ..schema import FORMATS, TableSpec, table_spec


class SummaryTable:
    """One table of a SummaryRow: its spec and the current values, row by row."""

    __slots__ = ("spec", "values", "broken_rows")

    def __init__(self, spec: TableSpec, values: tuple, broken_rows: tuple[int, ...] = ()):
        self.spec = spec
        self.values = values  # per row, per column of the spec: the reviewed value
        self.broken_rows = broken_rows  # rows in an arithmetic error the reviewer did not dismiss

    @property
    def version(self) -> str:
        return self.spec.version

    # The spec is the schema's own object: it travels as its (version, table) name, not copied.
    def __getstate__(self):
        return _spec_name(self.spec), self.values, self.broken_rows

    def __setstate__(self, state):
        name, self.values, self.broken_rows = state
        self.spec = name if isinstance(name, TableSpec) else table_spec(*name)


def _spec_name(spec: TableSpec):
    for version in FORMATS:
        try:
            if table_spec(version, spec.id) == spec:
                return version, spec.id
        except KeyError:
            continue
    return spec  # not one of the schema's (never seen): sent whole


@dataclass
class SummaryRow:
    """One report as the summary sees it."""

    source_path: str
    agency: str
    year: int | None
    format: str | None
    review_status: str
    corrections: tuple  # the addresses of the cells the reviewer corrected
    counts: tuple[int, int] | None  # (errors, warnings) that count; None: not checked
    tables: dict[str, SummaryTable] = field(default_factory=dict)

    def value(self, addr):
        table = self.tables.get(addr[0])
        return None if table is None else table.values[addr[1]][addr[2]]


def summary_row(report: Report, live: list[Finding] | None, source: str | None = None) -> SummaryRow:
    """The SummaryRow of `report`; `live` its findings that count (None: not checked)."""
    broken: dict[str, set[int]] = {}
    for f in live or ():
        if f.kind == ARITHMETIC and f.severity == ERROR:
            for cell in f.cells:
                broken.setdefault(cell[0], set()).add(cell[1])
    tables = {}
    for table_id, table in report.tables.items():
        spec = table.spec
        values = tuple(
            tuple(report.value((table_id, r, c)) for c in range(len(spec.row_columns(r))))
            for r in range(len(spec.rows))
        )
        tables[table_id] = SummaryTable(spec, values, tuple(sorted(broken.get(table_id, ()))))
    counts = None
    if live is not None:
        counts = (sum(f.severity == ERROR for f in live), sum(f.severity == WARNING for f in live))
    return SummaryRow(
        source_path=report.source_path if source is None else source,
        agency=report.agency,
        year=report.year,
        format=report.format,
        review_status=report.review_status,
        corrections=tuple(report.corrections),
        counts=counts,
        tables=tables,
    )


def live_findings(report: Report, given: list[Finding] | None, checked_by_caller: bool) -> list[Finding] | None:
    """The findings of `report` that count (not dismissed); None for a report not checked.

    given: the caller's findings (None: run the checks, unless the caller had a list and none
    for this report — checked_by_caller)."""
    from .report_workbook import resolve_findings

    found, checked = resolve_findings(report, given)
    if checked_by_caller and given is None:
        checked = False
    return counted(report, found) if checked else None
