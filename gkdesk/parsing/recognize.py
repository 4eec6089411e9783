"""From decoded text, or a document a reader made, to a Report: sections, format version, the
three tables, metadata.

Each table region goes one way: the generators (candidates.py) read it, the solver (solver.py)
scores their readings alike and keeps the best, its notes with it. A document read from its
original file (readers/document.py SourceDocument) brings its tables' cells, which the region
reads as cells (source_cells.py)."""
from __future__ import annotations

from functools import cache

from ..limits import MAX_TABLE_REGION_CHARS
from ..model import ParseNote, Report
from ..schema import (
    FORMATS,
    T4,
    TableSpec,
    expected_format_for_year,
    normalize_label,
    table_spec,
)
from .candidates import Region, rows_table_generators, t4_generators
from .continuations import claimed_spans, without
from .metadata import read_metadata
from .narrative_splits import settle_by_narrative
from .sections import find_sections, table_printed_after, table_region
from .solver import solve
from .tables import fitting_version


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
    squeezed = normalize_label(text[region[0] : region[1]])  # squeeze's text, without its offsets
    # Each cue counts once: a group heading printed on every row of its group (（六）其他处理,
    # the 2019 form's row and the 2021 form's heading over three) must not outweigh the rows.
    scores = {v: sum(w in squeezed for w in cues) for v, cues in _distinctive(table_id).items()}
    best = max(scores.values())
    if best == 0:
        return None
    winners = [v for v, s in scores.items() if s == best]
    return winners[0] if len(winners) == 1 else None


def parse_text(text: str, encoding: str = "utf-8", source_path: str = "") -> Report:
    """Recognize a report in decoded text. Never raises for odd input: notes say what is missing."""
    return _recognize(text, (), encoding, source_path)


def parse_document(document, source_path: str = "") -> Report:
    """Recognize a report a reader made (readers/document.py SourceDocument): its rendered text,
    and its tables read cell by cell as the reader found them."""
    return _recognize(document.text, document.tables, document.encoding, source_path)


def _recognize(text: str, tables, encoding: str, source_path: str) -> Report:
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
    region_notes: dict[str, list[ParseNote]] = {}
    bounds: dict[str, tuple[int, int] | None] = {}
    for table_id in _TABLES:
        probe = _probe(table_id)
        region_notes[table_id] = []
        bounds[table_id] = _bounded(table_region(text, report.sections, probe), probe, region_notes[table_id])
    regions: dict[str, Region] = {}  # made once for the text as it stands
    claimed: list[tuple[int, int]] = []  # values a table took from past its region (continuations.py)

    def region_of(table_id: str) -> Region:
        if table_id not in regions:
            following = next((t for t in _TABLES[_TABLES.index(table_id) + 1 :] if bounds[t] is not None), None)
            after = None
            if following:
                nxt = region_of(following)
                after = (nxt, _NUMBER[following], lambda: _cells_of(nxt, following, year_version))
            regions[table_id] = Region(without(text, claimed), bounds[table_id], tables, after)
        return regions[table_id]

    def read(table_id: str):
        region = region_of(table_id)
        if table_id == "t4":
            return solve(t4_generators(region), len(T4.columns))
        version = _version_of(region, table_id, year_version)
        other = "2019" if version == "2021" else "2021"
        specs = table_spec(version, table_id), table_spec(other, table_id)
        ncells = max(s.cell_count() for s in specs)
        return solve(rows_table_generators(region, *specs), ncells)

    for table_id in _TABLES:
        report.notes.extend(region_notes[table_id])
        if bounds[table_id] is None:
            continue
        chosen = read(table_id)
        if chosen is None:
            # Not in its section (the cue found there, if any, a sentence's word: 其中自然人申请
            # 35件): the table may stand after the sections (sections.table_printed_after).
            apart = table_printed_after(text, report.sections, _probe(table_id))
            if apart is not None and apart != bounds[table_id]:
                bounds[table_id] = _bounded(apart, _probe(table_id), report.notes)
                regions.clear()
                chosen = read(table_id)
        if chosen is None:
            continue
        report.tables[table_id] = chosen.table
        report.notes.extend(chosen.notes)
        if table_id != "t4":
            versions[table_id] = chosen.table.spec.version
        taken = claimed_spans(chosen.table, region_of(table_id).bounds)
        if taken:  # the later tables are read without them
            claimed.extend(taken)
            regions.clear()
    report.format = versions.get("t2") or versions.get("t3") or (year_version if report.tables else None)
    settle_by_narrative(report)  # rows of run-together digits the relations leave open
    for table_id, spec in (("t2", "表二"), ("t3", "表三"), ("t4", "表四")):
        if table_id not in report.tables:
            report.notes.append(ParseNote("table_missing", f"未找到{spec}", table_id))
    return report


_TABLES = ("t2", "t3", "t4")
_NUMBER = {"t2": "表二", "t3": "表三", "t4": "表四"}


def _probe(table_id: str) -> TableSpec:
    """The spec whose cues find a table's region (the 2021 one: both versions' cues alike)."""
    return T4 if table_id == "t4" else table_spec("2021", table_id)


def _version_of(region: Region, table_id: str, year_version: str | None) -> str:
    """The format version of a table region: by its labels, else the year's."""
    version = detect_version(region.text, region.bounds, table_id) or year_version or "2021"
    # The other version if only its rows are all there (row_alignment.py).
    return fitting_version(region.label_tokens, table_id, version)


def _cells_of(region: Region, table_id: str, year_version: str | None) -> int:
    """How many cells the table of a region has (its version's)."""
    return T4.cell_count() if table_id == "t4" else table_spec(_version_of(region, table_id, year_version), table_id).cell_count()


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
