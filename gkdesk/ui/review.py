"""One report under review: its findings and what each cell shows because of them (no Qt).

The window's models read this; edits go through `apply`, which sets the values with the
core setter, re-checks, and says which cells must be repainted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..decisions import Decision, decide, decision_for, open_counts, undecide
from ..findings import ERROR, WARNING, Finding
from ..model import CellAddr, Number, Report

_RANK = {None: 0, WARNING: 1, ERROR: 2}


@dataclass(frozen=True)
class CellMarks:
    """What a cell shows because of the findings that name it."""

    severity: str | None = None  # the worst finding's severity
    culprit: bool = False  # a finding names this cell as the likely mistake
    suggested: Number | None = None  # the value the culprit finding implies
    ambiguous: bool = False  # one of several single-cell repairs
    findings: tuple[Finding, ...] = ()  # every finding naming it (the window words their messages)


NO_MARKS = CellMarks()


def cell_marks(findings: Iterable[Finding]) -> dict[CellAddr, CellMarks]:
    """Per cell, the marks of the findings that name it (cells, culprit, ambiguous culprits)."""
    acc: dict[CellAddr, dict] = {}

    def entry(addr) -> dict:
        return acc.setdefault(tuple(addr), {"severity": None, "culprit": False, "suggested": None, "ambiguous": False, "findings": []})

    for f in findings:
        named = [tuple(c) for c in f.cells]
        if f.culprit is not None:
            named.append(tuple(f.culprit.cell))
        named.extend(tuple(c.cell) for c in f.ambiguous_culprits)
        for addr in dict.fromkeys(named):
            e = entry(addr)
            if _RANK[f.severity] > _RANK[e["severity"]]:
                e["severity"] = f.severity
            e["findings"].append(f)
        if f.culprit is not None:
            e = entry(f.culprit.cell)
            e["culprit"] = True
            e["suggested"] = f.culprit.value
        for amb in f.ambiguous_culprits:
            entry(amb.cell)["ambiguous"] = True
    return {
        addr: CellMarks(e["severity"], e["culprit"], e["suggested"], e["ambiguous"], tuple(e["findings"]))
        for addr, e in acc.items()
    }


def counts(findings: Iterable[Finding]) -> tuple[int, int]:
    errors = warnings = 0
    for f in findings:
        if f.severity == ERROR:
            errors += 1
        elif f.severity == WARNING:
            warnings += 1
    return errors, warnings


def _make_checker(report: Report):
    from ..checks import Checker  # the checks engine (gkdesk/checks)

    return Checker(report)


class Review:
    """A report, its checker and its findings, kept current as cells change."""

    def __init__(self, report: Report, checker=None):
        self.report = report
        self.checker = checker if checker is not None else _make_checker(report)
        self.findings: list[Finding] = []
        self.decisions: list[Decision | None] = []
        self.marks: dict[CellAddr, CellMarks] = {}
        self.recheck()

    def recheck(self) -> set[CellAddr]:
        """Run the checks again; the cells whose marks changed.

        Every finding is recomputed; a dismissed one (its decision still applies: same
        numbers) marks no cell."""
        self.findings = list(self.checker.recheck())
        self.decisions = [decision_for(self.report, f) for f in self.findings]
        live = [f for f, d in zip(self.findings, self.decisions) if d is None or not d.dismissed]
        old, self.marks = self.marks, cell_marks(live)
        return {a for a in old.keys() | self.marks.keys() if old.get(a) != self.marks.get(a)}

    # ------------------------------------------------------------ decisions
    def decision_of(self, finding: Finding) -> Decision | None:
        for f, d in zip(self.findings, self.decisions):
            if f is finding:
                return d
        return decision_for(self.report, finding)

    def is_dismissed(self, finding: Finding) -> bool:
        d = self.decision_of(finding)
        return d is not None and d.dismissed

    def decide(self, finding: Finding, reason: str, note: str = "") -> set[CellAddr]:
        """Confirm or dismiss a finding (gkdesk.decisions); the cells to repaint."""
        decide(self.report, finding, reason, note)
        return self.recheck()

    def undecide(self, finding: Finding) -> set[CellAddr]:
        undecide(self.report, finding)
        return self.recheck()

    def open_counts(self) -> tuple[int, int]:
        """(errors, warnings) neither confirmed nor dismissed."""
        return open_counts(self.report, self.findings)

    def apply(self, changes: dict[CellAddr, Number | None]) -> set[CellAddr]:
        """Set cells (through Report.set_value, which keeps the audit trail) and re-check.

        Returns every cell to repaint: the edited ones and those whose marks changed.
        """
        for addr, value in changes.items():
            self.report.set_value(addr, value)
        return set(changes) | self.recheck()

    def marks_of(self, addr: CellAddr) -> CellMarks:
        return self.marks.get(addr, NO_MARKS)

    def is_edited(self, addr: CellAddr) -> bool:
        return addr in self.report.corrections

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) that count: the dismissed ones do not."""
        return counts(f for f, d in zip(self.findings, self.decisions) if d is None or not d.dismissed)

    def edit_count(self) -> int:
        return len(self.report.corrections)
