"""Structure: missing sections, tables and rows; format version and year; blank and non-numeric cells."""
from __future__ import annotations

from ..findings import STRUCTURE, WARNING, Finding
from ..messages import Message, Quote, Word, joined, say
from ..model import Report, Table
from ..parsing.tokens import TEXT, classify
from ..schema import SECTIONS, TABLE_IDS, expected_format_for_year, format_spec, table_spec
from .layout import addresses_and_kinds
from .naming import cell_ref, row_ref


def _format_name(version: str) -> Message:
    spec = format_spec(version)
    return say("structure.format_name", name=Word(spec.name), notice=Word(spec.notice))


def static_findings(report: Report) -> list[Finding]:
    """Findings that depend only on the document, not on cell values (computed once)."""
    out: list[Finding] = []
    out += _missing_sections(report)
    out += _missing_tables(report)
    out += _format_and_year(report)
    return out


def _missing_sections(report: Report) -> list[Finding]:
    missing = [Word(s.heading) for s in SECTIONS if s.number not in report.sections]
    if not missing:
        return []
    return [
        Finding(
            rule="structure.section_missing",
            kind=STRUCTURE,
            severity=WARNING,
            cells=[],
            message=say("structure.sections_missing", sections=joined("sep.semicolon", missing)),
        )
    ]


def _missing_tables(report: Report) -> list[Finding]:
    out = []
    version = report.format or "2021"
    for table_id in TABLE_IDS:
        if table_id in report.tables:
            continue
        spec = table_spec(version, table_id)
        out.append(
            Finding(
                rule="structure.table_missing",
                kind=STRUCTURE,
                # Usually lost in conversion (a [TABLE] placeholder) rather than left out.
                severity=WARNING,
                cells=[],
                message=say("structure.table_missing", table=Word(spec.number), title=Word(spec.title)),
            )
        )
    return out


def _missing_rows(report: Report, table: Table, values: dict) -> Finding | None:
    """The rows the recognizer did not find that the reviewer has not filled in yet."""
    spec = table.spec
    unfilled = [
        r for r in table.missing_rows
        if any(values.get((spec.id, r, c)) is None for c in range(len(spec.row_columns(r))))
    ]
    if not unfilled:
        return None
    rows = [row_ref(spec, r) for r in unfilled]
    cells = [(spec.id, r, c) for r in unfilled for c in range(len(spec.row_columns(r)))]
    return Finding(
        rule="structure.row_missing",
        kind=STRUCTURE,
        severity=WARNING,
        cells=cells,
        message=say("structure.rows_missing", table=Word(spec.number), rows=joined("sep.semicolon", rows)),
        span=table.span,
    )


def _format_and_year(report: Report) -> list[Finding]:
    out = []
    expected = expected_format_for_year(report.year)
    versions = {tid: t.version for tid, t in report.tables.items() if t.version}
    if report.year is None:
        out.append(
            Finding(
                rule="structure.year_unknown",
                kind=STRUCTURE,
                severity=WARNING,
                cells=[],
                message=say("structure.year_unknown"),
            )
        )
    if expected is not None:
        for table_id, version in versions.items():
            if version == expected:
                continue
            table = report.tables[table_id]
            out.append(
                Finding(
                    rule="structure.format_version",
                    kind=STRUCTURE,
                    severity=WARNING,
                    cells=[],
                    message=say(
                        "structure.format_for_year",
                        year=report.year,
                        expected=_format_name(expected),
                        table=Word(table.spec.number),
                        actual=_format_name(version),
                    ),
                    span=table.span,
                )
            )
    elif len(set(versions.values())) > 1:
        t2, t3 = report.tables["t2"], report.tables["t3"]
        out.append(
            Finding(
                rule="structure.format_version",
                kind=STRUCTURE,
                severity=WARNING,
                cells=[],
                message=say(
                    "structure.formats_differ",
                    t2=Word(t2.spec.number),
                    v2=_format_name(t2.version),
                    t3=Word(t3.spec.number),
                    v3=_format_name(t3.version),
                ),
                span=t3.span,
            )
        )
    if report.title_year and report.period_year and report.title_year != report.period_year:
        out.append(
            Finding(
                rule="structure.title_year",
                kind=STRUCTURE,
                severity=WARNING,
                cells=[],
                message=say("structure.title_year", title_year=report.title_year, period_year=report.period_year),
                span=report.title_span,
            )
        )
    return out


def value_structure_findings(report: Report, values: dict) -> list[Finding]:
    """Rows not found, blank and non-numeric cells, as they are now (a correction can fill them)."""
    out = []
    for table_id in TABLE_IDS:
        table = report.tables.get(table_id)
        if table is None:
            continue
        if table.missing_rows:
            rows_finding = _missing_rows(report, table, values)
            if rows_finding is not None:
                out.append(rows_finding)
        missing = set(table.missing_rows)
        blank = []
        for addr, _ in addresses_and_kinds(table.spec):
            if values.get(addr) is not None or addr[1] in missing:
                continue
            cell = table.cells[addr[1]][addr[2]]
            if addr not in report.corrections and cell.raw and classify(cell.raw)[0] == TEXT:
                out.append(_non_numeric(report, addr, cell.raw, cell.span))
            else:
                blank.append(addr)
        if blank:
            out.append(_blank(report, table, blank))
    return out


def _non_numeric(report: Report, addr, raw: str, span) -> Finding:
    return Finding(
        rule="structure.non_numeric",
        kind=STRUCTURE,
        severity=WARNING,
        cells=[addr],
        message=say("structure.non_numeric", cell=cell_ref(report, addr), raw=Quote(raw)),
        span=span,
    )


def _blank(report: Report, table: Table, cells) -> Finding:
    first_span = next((table.cells[r][c].span for _, r, c in cells if table.cells[r][c].span), None)
    return Finding(
        rule="structure.blank",
        kind=STRUCTURE,
        severity=WARNING,
        cells=list(cells),
        message=say("structure.blank", table=Word(table.spec.number), count=len(cells), cells=_cells_by_row(table, cells)),
        span=first_span or table.span,
    )


def _cells_by_row(table: Table, cells, max_rows: int = 4):
    """一、本年新收…（商业企业、科研机构）；二、…（…） — a few rows, then how many more."""
    spec = table.spec
    rows: dict[int, list] = {}
    for _, r, c in cells:
        col = spec.row_columns(r)[c]
        if spec.id == "t4":
            name = joined("sep.dot", map(Word, col.header_path))
        else:
            name = Word(col.short or col.label)
        rows.setdefault(r, []).append(name)
    parts = []
    for r, names in list(rows.items())[:max_rows]:
        columns = joined("sep.enum", names)
        parts.append(say("structure.row_cells", row=row_ref(spec, r), columns=columns) if spec.rows[r].label else columns)
    listed = joined("sep.semicolon", parts)
    return say("structure.more_rows", rows=listed, count=len(rows)) if len(rows) > max_rows else listed
