"""Open a report with the reviewer's saved work: the one loading path of the CLI and the window.

`open_reviewed` reads and recognizes the file (gkdesk.reports.load_report) and restores its
sidecar: corrections, review status, decisions on findings and the opinion. Every export and
check starts here, so what the reviewer did in the window reaches every deliverable.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from .model import Report
from .sidecar import NONE, LoadResult, Sidecar


@dataclass
class Opened:
    path: str
    report: Report
    sidecar: Sidecar
    load_result: LoadResult
    ignored: int = 0  # corrections saved for the report but not applied (--ignore-corrections)

    @property
    def warning(self) -> str:
        """What the reviewer should know about the saved work ("" when all is well)."""
        if self.ignored:
            return f"已按要求忽略 {self.ignored} 处审核修改，使用识别值。"
        return self.load_result.message


def open_reviewed(path: str | Path, ignore_corrections: bool = False, move_corrupt: bool = False, load=None) -> Opened:
    """The report at `path` with its saved work (GkdeskError when it cannot be read).

    ignore_corrections: the values as recognized, without corrections, status or decisions.
    move_corrupt: put a damaged sidecar aside (the window does; a batch only looks).
    load: the reader (default gkdesk.reports.load_report).
    """
    if load is None:
        from .reports import load_report as load

    report = load(path)
    sidecar = Sidecar.for_report(path)
    if ignore_corrections:
        probe = copy.copy(report)  # load_into assigns the review fields: the report stays as read
        sidecar.load_into(probe, move_corrupt=False)
        ignored = len(probe.corrections)
        clear_review(report)
        return Opened(str(path), report, sidecar, LoadResult(NONE), ignored)
    result = sidecar.load_into(report, move_corrupt=move_corrupt)
    return Opened(str(path), report, sidecar, result)


def clear_review(report: Report) -> None:
    """Drop the reviewer's work from a report in memory (a workbook carries it too)."""
    report.corrections = {}
    report.history = []
    report.review_status = ""
    report.decisions = {}
    report.opinion = ""
    report.verified = {}


def review_json(report: Report) -> dict:
    """The reviewer's work in `gkdesk extract --json`: status, corrections, decisions, opinion,
    verifications and the state of each uncertain cell."""
    from .verification import states_json

    return {
        "status": report.review_status,
        "corrections": [
            {"cell": list(c.addr), "extracted": c.extracted, "value": c.value, "time": c.time, "user": c.user}
            for c in report.corrections.values()
        ],
        "decisions": [d.to_json() for d in report.decisions.values()],
        "opinion": report.opinion,
        "verified": [v.to_json() for v in report.verified.values()],
        # Per table, [row, column, state] of every cell not simply read in place:
        # inferred (not yet verified), verified by the reviewer, or corrected.
        "cell_states": states_json(report),
    }


def corrected_json(report: Report) -> dict:
    """The tables with the reviewer's corrections, in the truth-format shape (t2, t3, t4)."""
    from .schema import TABLE_IDS

    return {table_id: report.current_values(table_id) for table_id in TABLE_IDS}
