"""The reviewer's decisions on findings: confirmed (已核实) or dismissed (原文如此 / 不适用), with a note.

A decision is keyed by a fingerprint of the finding that does not depend on the run: its rule,
the cells it names and the sentence it quotes. It also keeps the numbers of those cells when
it was made; a later edit that changes them re-opens the finding (the decision no longer
applies), and undoing the edit brings it back, so undo/redo and the CLI agree.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from .findings import ERROR, WARNING, Finding
from .model import Report, _user_name

CONFIRMED, DISMISSED = "confirmed", "dismissed"
# The reasons a reviewer picks, in the form's words, and what each one does.
VERIFIED, AS_PRINTED, NOT_APPLICABLE = "已核实", "原文如此", "不适用"
REASONS = {VERIFIED: CONFIRMED, AS_PRINTED: DISMISSED, NOT_APPLICABLE: DISMISSED}

_SPACE = re.compile(r"\s+")


@dataclass
class Decision:
    fingerprint: str
    reason: str  # one of REASONS
    note: str = ""  # the reviewer's own words
    rule: str = ""
    cells: list = field(default_factory=list)  # [[table, row, col], ...]
    values: list = field(default_factory=list)  # the cells' numbers when decided
    message: str = ""  # the finding's message when decided (for lists and the workbook)
    severity: str = ""
    time: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    user: str = field(default_factory=_user_name)

    @property
    def action(self) -> str:
        return REASONS.get(self.reason, CONFIRMED)

    @property
    def dismissed(self) -> bool:
        return self.action == DISMISSED

    def to_json(self) -> dict:
        return {
            "fingerprint": self.fingerprint,
            "reason": self.reason,
            "note": self.note,
            "rule": self.rule,
            "cells": [list(c) for c in self.cells],
            "values": list(self.values),
            "message": self.message,
            "severity": self.severity,
            "time": self.time,
            "user": self.user,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Decision":
        """ValueError when `data` is not a decision this gkdesk wrote."""
        if not isinstance(data, dict) or not isinstance(data.get("fingerprint"), str):
            raise ValueError("bad decision")
        reason = data.get("reason")
        if reason not in REASONS:
            raise ValueError(f"bad decision reason {reason!r}")
        cells = data.get("cells", [])
        values = data.get("values", [])
        if not isinstance(cells, list) or not isinstance(values, list):
            raise ValueError("bad decision cells")
        for v in values:
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise ValueError("bad decision value")
        texts = {k: data.get(k, "") for k in ("note", "rule", "message", "severity", "time", "user")}
        if not all(isinstance(v, str) for v in texts.values()):
            raise ValueError("bad decision text")
        return cls(data["fingerprint"], reason, cells=[list(c) for c in cells], values=list(values), **texts)


def sentence_of(report: Report, finding: Finding) -> str:
    """The text the finding quotes, whitespace removed (how a converter spaced it does not matter)."""
    if not finding.span:
        return ""
    start, end = finding.span
    return _SPACE.sub("", report.text[start:end])


def fingerprint(report: Report, finding: Finding) -> str:
    """Stable across runs and edits elsewhere: rule, the cells named, the sentence quoted."""
    key = [finding.rule, sorted(list(c) for c in finding.cells), sentence_of(report, finding)]
    raw = json.dumps(key, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def numbers_of(report: Report, finding: Finding) -> list:
    """The current values of the cells the finding names, in its order."""
    return [report.value(tuple(c)) for c in finding.cells]


def decision_for(report: Report, finding: Finding) -> Decision | None:
    """The decision that applies to the finding now: same fingerprint and the same numbers."""
    decisions = report.decisions
    if not decisions:
        return None
    found = decisions.get(fingerprint(report, finding))
    if found is None or not _same_numbers(found.values, numbers_of(report, finding)):
        return None
    return found


def decide(report: Report, finding: Finding, reason: str, note: str = "", user: str | None = None) -> Decision:
    """Record the reviewer's decision on a finding (replacing an earlier one)."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    decision = Decision(
        fingerprint(report, finding),
        reason,
        note,
        finding.rule,
        [list(c) for c in finding.cells],
        numbers_of(report, finding),
        finding.message,
        finding.severity,
    )
    if user is not None:
        decision.user = user
    report.decisions[decision.fingerprint] = decision
    return decision


def undecide(report: Report, finding: Finding) -> Decision | None:
    """Withdraw the decision on a finding; the one withdrawn (or None)."""
    return report.decisions.pop(fingerprint(report, finding), None)


def decisions_of(report: Report, findings: Iterable[Finding]) -> list[Decision | None]:
    """Per finding, the decision that applies now (None: open)."""
    return [decision_for(report, f) for f in findings]


def counted(report: Report, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that count: every one not dismissed."""
    return [f for f in findings if not _is_dismissed(decision_for(report, f))]


def dismissed(report: Report, findings: Iterable[Finding]) -> list[tuple[Finding, Decision]]:
    out = []
    for f in findings:
        d = decision_for(report, f)
        if _is_dismissed(d):
            out.append((f, d))
    return out


def open_counts(report: Report, findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings) neither confirmed nor dismissed: what 已复核 asks about."""
    errors = warnings = 0
    for f in findings:
        if decision_for(report, f) is not None:
            continue
        errors += f.severity == ERROR
        warnings += f.severity == WARNING
    return errors, warnings


def _is_dismissed(decision: Decision | None) -> bool:
    return decision is not None and decision.dismissed


def _same_numbers(a: list, b: list) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x is None or y is None:
            if not (x is None and y is None):
                return False
        elif abs(float(x) - float(y)) > 1e-9:
            return False
    return True
