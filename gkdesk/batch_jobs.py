"""The per-file work of the batch commands, as jobs for gkdesk.batch_pool.

Each job returns the text the command prints for its file (what goes to stdout and to stderr),
so that the parent prints it in input order; reports travel between processes pickled once
(bytes pass through the parent untouched where it does not need the report itself).
"""
from __future__ import annotations

import json
import pickle
from dataclasses import dataclass

from .errors import GkdeskError

_PICKLE = pickle.HIGHEST_PROTOCOL


@dataclass
class Printed:
    """What a command prints for one file, and how the file ended."""

    out: str = ""
    err: str = ""
    status: int = 0  # 0 ok, 2 the file could not be read


def _open(path: str, ignore_corrections: bool, load=None):
    """(report, the stderr note of the loading) — gkdesk.opening's one loading path (`load`:
    its reader, see open_reviewed)."""
    from .opening import open_reviewed

    opened = open_reviewed(path, ignore_corrections=ignore_corrections, load=load)
    note = f"{path}: 注意：{opened.warning}\n" if opened.warning else ""
    return opened, note


def json_line(obj: dict) -> str:
    from .file_names import json_text  # a file name UTF-8 lacks stays the string given

    return json_text(obj) + "\n"


def extract_job(task: tuple[str, bool, bool]) -> Printed:
    """`gkdesk extract` of one file: (path, --json, --ignore-corrections)."""
    path, as_json, ignore = task
    try:
        opened, note = _open(path, ignore)
    except GkdeskError as exc:
        return _extract_failed(task, exc)
    report = opened.report
    if as_json:
        from .opening import corrected_json, review_json

        # The truth-format keys stay as recognized; the reviewer's values are beside them.
        line = {"file": path} | report.to_json() | {"corrected": corrected_json(report), "review": review_json(report)}
        return Printed(json_line(line), note)
    from .textview import format_tables

    return Printed(format_tables(report) + "\n", note)


def _extract_failed(task, exc: GkdeskError) -> Printed:
    path, as_json, _ignore = task
    if as_json:
        return Printed(json_line({"file": path, "error": str(exc)}), "", 2)
    return Printed("", f"{path}: 错误：{exc}\n", 2)


@dataclass
class Loaded:
    """One file of a batch loaded in a worker: the pickled report, or the error."""

    path: str
    blob: bytes | None
    error: str | None
    note: str
    ignored: int = 0  # corrections saved but not applied (gkdesk.opening.Opened.ignored)

    def report(self):
        return pickle.loads(self.blob) if self.blob is not None else None


def load_job(task: tuple[str, bool]) -> Loaded:
    """Open one file (path, --ignore-corrections) for a command that needs the whole batch."""
    path, ignore = task
    try:
        opened, note = _open(path, ignore)
    except GkdeskError as exc:
        return Loaded(path, None, str(exc), "")
    return Loaded(path, pickle.dumps(opened.report, _PICKLE), None, note, opened.ignored)


@dataclass
class Summarized:
    """One file of a summary, read and checked in a worker: what the summary needs of it
    (gkdesk.export.summary_rows.SummaryRow, a few KB), not the report."""

    path: str
    row: object | None  # SummaryRow; None when the file could not be read
    error: str | None
    note: str


def summary_job(task: tuple[str, bool]) -> Summarized:
    """Open and check one file (path, --ignore-corrections) for `export --summary`."""
    return summarized(*task)


def summarized(path: str, ignore: bool, load=None) -> Summarized:
    """summary_job's work, with the reader `load` (the window's reads PDFs in a child)."""
    from .export.summary_rows import live_findings, summary_row

    try:
        opened, note = _open(path, ignore, load)
    except GkdeskError as exc:
        return Summarized(path, None, str(exc), "")
    report = opened.report
    return Summarized(path, summary_row(report, live_findings(report, None, False)), None, note)


@dataclass
class Checked:
    out: str = ""
    err: str = ""
    unreadable: bool = False
    has_error: bool = False


def check_job(task: tuple[str, bytes, bytes | None, bool]) -> Checked:
    """`gkdesk check` of one loaded report: (path, report, previous year's report, --json)."""
    path, blob, previous_blob, as_json = task
    previous = pickle.loads(previous_blob) if previous_blob is not None else None
    return _checked(path, pickle.loads(blob), previous, as_json)


@dataclass
class ReadChecked:
    """One file of `gkdesk check` read and checked in a worker, on its own (no previous year).

    The report comes back pickled, with its agency and year, only for the few the batch pairs
    with the same agency's previous-year report (checked again, with it); the rest is printed
    as it is: no report crosses between processes twice."""

    path: str
    blob: bytes | None  # None: the file could not be read (error)
    error: str | None
    note: str
    agency: str = ""
    year: int | None = None
    checked: Checked | None = None


def read_check_job(task: tuple[str, bool, bool]) -> ReadChecked:
    """Open and check one file: (path, --ignore-corrections, --json)."""
    path, ignore, as_json = task
    try:
        opened, note = _open(path, ignore)
    except GkdeskError as exc:
        return ReadChecked(path, None, str(exc), "")
    report = opened.report
    blob = pickle.dumps(report, _PICKLE)
    return ReadChecked(path, blob, None, note, report.agency, report.year, _checked(path, report, None, as_json))


def _checked(path: str, report, previous, as_json: bool) -> Checked:
    from .checks import check_report, findings_to_json
    from .checks.render import format_findings
    from .decisions import counted
    from .findings import ERROR

    try:
        findings = check_report(report, previous)
    except (MemoryError, RecursionError) as exc:  # this file's error; the batch goes on
        from .errors import exhaustion_error

        error = exhaustion_error(exc)
        if as_json:
            return Checked(json_line({"file": path, "error": str(error)}), "", True)
        return Checked("", f"{path}: 错误：{error}\n", True)
    # A finding the reviewer dismissed (原文如此 / 不适用) does not count.
    has_error = any(f.severity == ERROR for f in counted(report, findings))
    if as_json:
        return Checked(json_line({"file": path, "findings": findings_to_json(findings, report)}), "", False, has_error)
    return Checked(format_findings(report, findings, path) + "\n\n", "", False, has_error)


def _reads_natively(task) -> bool:
    """Whether the task's file (its first field) is read by native code (PDFium)."""
    from .readers import reads_natively

    return reads_natively(task[0])


def _check_failed(task, exc: GkdeskError) -> Checked:
    path, _blob, _previous, as_json = task
    if as_json:
        return Checked(json_line({"file": path, "error": str(exc)}), "", True)
    return Checked("", f"{path}: 错误：{exc}\n", True)


def _preload() -> None:
    """The modules every job imports, imported in the parent before the workers fork."""
    import gkdesk.checks  # noqa: F401
    import gkdesk.export.summary_rows  # noqa: F401
    import gkdesk.opening  # noqa: F401
    import gkdesk.reports  # noqa: F401
    import gkdesk.textview  # noqa: F401
    from .readers import preload_pdf_reader

    preload_pdf_reader()


for _job in (extract_job, load_job, summary_job, check_job, read_check_job):
    _job.preload = _preload
# What stands for a file whose process died reading it (gkdesk.isolated_job), and which files
# are read in a child process of their own when the batch runs in one process.
extract_job.crashed = _extract_failed
load_job.crashed = lambda task, exc: Loaded(task[0], None, str(exc), "")
summary_job.crashed = lambda task, exc: Summarized(task[0], None, str(exc), "")
read_check_job.crashed = lambda task, exc: ReadChecked(task[0], None, str(exc), "")
check_job.crashed = _check_failed  # reads no file: only a pool worker's death reaches it
for _job in (extract_job, load_job, summary_job, read_check_job):
    _job.isolate = _reads_natively
