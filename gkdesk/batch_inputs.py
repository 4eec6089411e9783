"""The reports of a batch: folders expanded to the report files in them, and repeats found.

A folder stands for the report files inside it, sorted, recursively. Files gkdesk wrote itself
are left out: summaries, its cells CSV, sidecars, temporary files of its atomic writes, and a
report workbook it exported when the report it was exported from is in the batch too, so
exporting into the folder of the reports and then summarizing that folder counts each report
once. (A folder of workbooks alone, as agencies send them, is read as the reports they hold.)
A file named explicitly is always taken as given.
"""
from __future__ import annotations

from pathlib import Path

from .model import Report

_SIDECAR_MARK = ".gkdesk.json"


def expand_inputs(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the report files inside it that gkdesk did not write."""
    from .reports import REPORT_SUFFIXES

    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # A folder without reports (empty, or named like x.docx) is named, so it gets its
            # message instead of nothing.
            out.extend(_folder_reports(p, REPORT_SUFFIXES) or [raw])
        else:
            out.append(raw)
    return out


def _folder_reports(folder: Path, suffixes) -> list[str]:
    files = [q for q in _walk(folder) if q.suffix.lower() in suffixes and (q.is_file() or q.is_symlink())]
    files = [q for q in files if not written_by_gkdesk(q)]
    workbooks = {q for q in files if q.suffix.lower() == ".xlsx" and _workbook_kind(q) == "report"}
    originals = {q.name for q in files if q not in workbooks}
    if originals:
        workbooks = {q for q in workbooks if exported_from(q) in originals}
    else:
        workbooks = set()  # only workbooks: they are the reports
    return [str(q) for q in files if q not in workbooks]


def _walk(folder: Path) -> list[Path]:
    """Every file below `folder`, sorted; links to folders are not followed (a link to a folder
    above loops), a link named like a report is kept so that a broken or looping one is named."""
    import os

    found = []
    for top, _, names in os.walk(folder, followlinks=False):
        found.extend(Path(top) / name for name in names)
    return sorted(found)


def written_by_gkdesk(path: Path) -> bool:
    """A file gkdesk wrote that never is a report: a summary, its cells CSV, a sidecar, a temp file."""
    from .atomic import TEMP_PREFIX

    name = path.name
    if _SIDECAR_MARK in name or name.startswith(TEMP_PREFIX):
        return True
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _workbook_kind(path) == "summary"
    if suffix == ".csv":
        return _is_cells_csv(path)
    return False


def _workbook_kind(path: Path) -> str | None:
    from .export.importer import workbook_kind

    return workbook_kind(path)


def exported_from(workbook: Path) -> str | None:
    """The file name of the report a gkdesk report workbook was exported from (None if unreadable)."""
    from .errors import GkdeskError
    from .export.importer import import_workbook

    try:
        source = import_workbook(workbook).source_path
    except (GkdeskError, OSError):
        return None
    return Path(source).name if source else None


def _is_cells_csv(path: Path) -> bool:
    from .export.frames import CELL_COLUMNS

    header = ",".join(CELL_COLUMNS).encode("ascii")
    try:
        with open(path, "rb") as handle:
            first = handle.read(len(header) + 8)
    except OSError:
        return False
    return first.removeprefix(b"\xef\xbb\xbf").startswith(header)


# ---------------------------------------------------------------- one report per agency and year


def batch_key(report: Report) -> tuple[str, int] | None:
    """(agency, year) as a batch tells reports apart; None when either is not recognized."""
    from .schema import normalize_label

    agency = normalize_label(report.agency or "")
    if not agency or report.year is None:
        return None
    return agency, report.year


def _work(report: Report) -> tuple[int, int]:
    """How much review a report carries: reviewed first, then the number of corrections."""
    return (1 if report.review_status else 0, len(report.corrections))


def one_per_agency_year(reports: list[Report], sources: list[str]) -> tuple[list[int], list[str]]:
    """The indexes of the reports to count, and a Chinese warning per repeat naming both files.

    Of two reports of one agency and year the one with more review work is counted (the
    first on a tie)."""
    chosen: dict[tuple[str, int], int] = {}
    warnings: list[str] = []
    dropped: set[int] = set()
    for i, report in enumerate(reports):
        key = batch_key(report)
        if key is None:
            continue
        if key not in chosen:
            chosen[key] = i
            continue
        kept = chosen[key]
        if _work(report) > _work(reports[kept]):
            chosen[key], kept, other = i, i, kept
        else:
            other = i
        dropped.add(other)
        warnings.append(
            f"“{sources[kept]}”与“{sources[other]}”是同一单位同一年度的报告"
            f"（{report.agency} {report.year}年），只计入“{sources[kept]}”。"
        )
    return [i for i in range(len(reports)) if i not in dropped], warnings


def repeats(reports: list[Report], sources: list[str]) -> list[str]:
    """The warnings of one_per_agency_year, for commands that keep every report (check, export)."""
    seen: dict[tuple[str, int], str] = {}
    out = []
    for report, source in zip(reports, sources):
        key = batch_key(report)
        if key is None:
            continue
        if key in seen:
            out.append(f"“{seen[key]}”与“{source}”是同一单位同一年度的报告（{report.agency} {report.year}年）。")
        else:
            seen[key] = source
    return out
