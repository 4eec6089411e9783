"""The reviewer's work queue: which reports, and where each one stands (no Qt).

`scan_reports` is the core work behind "open folder": it reads and checks every report
(with its saved corrections) and reports progress through a plain callback, so the window
can run it off the GUI thread.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import GkdeskError
from ..model import CHANGED_AFTER_REVIEW, REVIEWED

# Statuses, in the reviewer's words.
UNCHECKED = "未复核"  # not read yet
ERRORS = "有错误"
WARNINGS = "有警告"
PASSED = "已通过"  # checked, no finding
REVIEWED_STATUS = "已复核"  # set by the reviewer
CHANGED_STATUS = "修改后待复核"  # edited after 已复核
UNREADABLE = "无法打开"
STATUSES = (UNCHECKED, ERRORS, WARNINGS, PASSED, REVIEWED_STATUS, CHANGED_STATUS, UNREADABLE)


def status_of(review_status: str, errors: int, warnings: int) -> str:
    if review_status == REVIEWED:
        return REVIEWED_STATUS
    if review_status == CHANGED_AFTER_REVIEW:
        return CHANGED_STATUS
    if errors:
        return ERRORS
    if warnings:
        return WARNINGS
    return PASSED


@dataclass
class Entry:
    path: str
    status: str = UNCHECKED
    errors: int = 0
    warnings: int = 0
    edits: int = 0
    agency: str = ""
    year: int | None = None
    message: str = ""  # why it cannot be opened

    @property
    def name(self) -> str:
        return os.path.basename(self.path)  # (pathlib parsed the path each time the list asked)


def report_files(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the report files inside it (sorted, recursive)."""
    from ..batch_inputs import expand_inputs

    seen: dict[str, None] = {}
    for path in expand_inputs([str(p) for p in paths]):
        if Path(path).is_dir():
            # A folder without reports (empty, or named like x.txt): the CLI names it to give
            # it an error line; the window says "no report files" instead of listing it.
            continue
        seen.setdefault(str(Path(path).resolve()), None)
    return list(seen)


def summarize(path: str) -> Entry:
    """Read, restore saved corrections (read-only), check: the entry for one report."""
    from ..isolated_reading import load_report
    from ..opening import open_reviewed
    from .review import Review

    entry = Entry(path)
    try:
        # Saved work restored read-only; a PDF read in a child (a crash there is its error).
        report = open_reviewed(path, load=load_report).report
    except GkdeskError as exc:
        entry.status, entry.message = UNREADABLE, str(exc)
        return entry
    except OSError as exc:
        entry.status, entry.message = UNREADABLE, f"无法读取文件（{exc.strerror or exc}）"
        return entry
    try:
        review = Review(report)
    except Exception as exc:  # one odd report must not stop a folder of them
        entry.status, entry.message = UNREADABLE, f"检查时出错：{exc!r}"
        return entry
    entry.errors, entry.warnings = review.counts()
    entry.edits = review.edit_count()
    entry.status = status_of(report.review_status, entry.errors, entry.warnings)
    entry.agency, entry.year = report.agency, report.year
    return entry


def _summarized_apart(path: str) -> Entry:
    """summarize(path), in a batch's worker process (gkdesk.batch_pool.ordered_map)."""
    return summarize(path)


def _preload() -> None:
    # Imported once before the workers are forked (they share it), and never first in a child
    # forked while another of the window's threads was importing it (its import lock would be
    # held there for good).
    import gkdesk.checks  # noqa: F401
    import gkdesk.opening  # noqa: F401
    from .. import isolated_reading
    from . import review  # noqa: F401

    isolated_reading._preload()


def _unreadable(path: str, error) -> Entry:
    return Entry(path, UNREADABLE, message=str(error))


_summarized_apart.preload = _preload
_summarized_apart.crashed = _unreadable  # its process died, or hung past its time limit
_summarized_apart.isolate = lambda path: True  # on one core: every file in one forked child


# A folder of at least this many reports is read in worker processes (fewer: on the calling
# thread; a worker costs a fork, or about a second of imports where it is spawned).
PROCESS_SCAN_FILES = 16


def scan_reports(paths: list[str], progress: Callable[[int, int, str], None] | None = None, jobs: int | None = None) -> list[Entry]:
    """Summarize every report under `paths`; progress(done, total, file name) after each.

    A folder of PROCESS_SCAN_FILES reports or more is summarized by the batches' mechanism
    (gkdesk.batch_pool.ordered_map) in `jobs` worker processes (default: one core fewer than
    the machine has, at least one), in order: several in a pool, one as one forked child
    (isolated_job, no pool). The window calls this on a background thread; reading reports
    there shared the interpreter lock with the window's thread, which then waited for it
    (measured under load: up to 130 ms at a time), while a process shares nothing and the
    thread here only waits for results. Forked where the platform forks (the window's threads
    are not what the child uses: what it runs is imported first, the locks it needs are made
    anew, gkdesk.isolated_job and isolated_reading). A file whose worker dies or hangs past
    its time limit is UNREADABLE with the message. `progress` raising (the window's cancel)
    ends the scan once the workers are stopped: the files under way finish, the rest are
    dropped, and no worker outlives the call."""
    from ..batch_pool import default_jobs, ordered_map

    files = report_files(paths)
    out: list[Entry] = []
    if len(files) < PROCESS_SCAN_FILES:
        for path in files:
            if progress is not None:
                progress(len(out), len(files), Path(path).name)
            out.append(summarize(path))
    else:
        jobs = max(1, default_jobs() - 1) if jobs is None else max(1, jobs)
        results = ordered_map(_summarized_apart, files, jobs=jobs, quiet=True)
        try:
            for entry in results:
                if progress is not None:
                    progress(len(out), len(files), Path(files[len(out)]).name)
                out.append(entry)
        finally:
            results.close()  # its workers stopped and joined, here, before anything is raised
    if progress is not None:
        progress(len(files), len(files), "")
    return out
