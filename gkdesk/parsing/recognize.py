"""From decoded text to a Report: sections, format version, the three tables, metadata."""
from __future__ import annotations

from functools import cache

from ..limits import MAX_TABLE_REGION_CHARS
from ..model import ParseNote, Report, Table
from ..schema import (
    FORMATS,
    T4,
    TableSpec,
    expected_format_for_year,
    normalize_label,
    squeeze,
    table_spec,
)
from .metadata import read_metadata
from .flat import recover_flat
from .scrambled import recover_t4, recover_table
from .sections import find_sections, table_region
from .tables import recognize_rows_table, recognize_t4
from .tokens import tokenize


@cache
def _distinctive(table_id: str) -> dict[str, tuple[str, ...]]:
    """Per version, the labels and anchors of a table that the other version does not have."""
    words: dict[str, set[str]] = {}
    for version in FORMATS:
        spec = table_spec(version, table_id)
        found: set[str] = set()
        for r, row in enumerate(spec.rows):
            found.add(normalize_label(row.label))
            found.update(normalize_label(a) for a in row.anchors)
            for col in spec.row_columns(r):
                found.add(normalize_label(col.label))
        words[version] = {w for w in found if w}
    out = {}
    for version in FORMATS:
        others = set().union(*(words[v] for v in FORMATS if v != version))
        out[version] = tuple(sorted(w for w in words[version] if not any(w in o for o in others)))
    return out


def detect_version(text: str, region: tuple[int, int], table_id: str) -> str | None:
    """The format version a table's own labels show, or None if they do not tell."""
    squeezed, _ = squeeze(text[region[0] : region[1]])
    scores = {v: sum(squeezed.count(w) for w in cues) for v, cues in _distinctive(table_id).items()}
    best = max(scores.values())
    if best == 0:
        return None
    winners = [v for v, s in scores.items() if s == best]
    return winners[0] if len(winners) == 1 else None


def parse_text(text: str, encoding: str = "utf-8", source_path: str = "") -> Report:
    """Recognize a report in decoded text. Never raises for odd input: notes say what is missing."""
    report = Report(text=text, source_path=source_path, encoding=encoding)
    meta = read_metadata(text)
    report.agency = meta.agency
    report.title_year = meta.title_year
    report.period_year = meta.period_year
    report.year = meta.year
    report.title_span = meta.title_span
    report.sections = find_sections(text)

    year_version = expected_format_for_year(report.year)
    versions: dict[str, str] = {}
    for table_id in ("t2", "t3"):
        probe = table_spec("2021", table_id)
        region = _bounded(table_region(text, report.sections, probe), probe, report.notes)
        if region is None:
            continue
        version = detect_version(text, region, table_id) or year_version or "2021"
        table = _recognize_rows(text, region, table_spec(version, table_id), report.notes)
        if table is None:
            # The labels may belong to the other version after all.
            other = "2019" if version == "2021" else "2021"
            table = _recognize_rows(text, region, table_spec(other, table_id), report.notes)
            version = other
        if table is None:  # a web page archived as flat text: labels and digits run together
            version = detect_version(text, region, table_id) or year_version or "2021"
            table = recover_flat(text, region, table_spec(version, table_id), report.notes)
        if table is not None:
            table = recover_table(text, region, table, report.notes)  # pdftotext's scrambled order
            report.tables[table_id] = table
            versions[table_id] = version
    region = _bounded(table_region(text, report.sections, T4), T4, report.notes)
    if region is not None:
        table = recognize_t4(tokenize(text, *region), report.notes)
        if table is None:
            table = recover_flat(text, region, T4, report.notes)
        if table is not None:
            report.tables["t4"] = recover_t4(text, region, table, report.notes)
    report.format = versions.get("t2") or versions.get("t3") or (year_version if report.tables else None)
    for table_id, spec in (("t2", "表二"), ("t3", "表三"), ("t4", "表四")):
        if table_id not in report.tables:
            report.notes.append(ParseNote("table_missing", f"未找到{spec}", table_id))
    return report


def _bounded(region: tuple[int, int] | None, spec: TableSpec, notes: list[ParseNote]) -> tuple[int, int] | None:
    """The region cut to MAX_TABLE_REGION_CHARS: a table is never that long, a broken file can be."""
    if region is None or region[1] - region[0] <= MAX_TABLE_REGION_CHARS:
        return region
    start = region[0]
    notes.append(
        ParseNote(
            "region_truncated",
            f"{spec.number}所在部分过长（{region[1] - start} 字），只在其前 {MAX_TABLE_REGION_CHARS} 字中识别表格",
            spec.id,
            span=(start, start + MAX_TABLE_REGION_CHARS),
        )
    )
    return start, start + MAX_TABLE_REGION_CHARS


def _recognize_rows(text: str, region: tuple[int, int], spec: TableSpec, notes: list[ParseNote]) -> Table | None:
    tokens = tokenize(text, *region)
    local: list[ParseNote] = []
    table = recognize_rows_table(tokens, spec, local)
    if table is not None:
        notes.extend(local)
    return table
