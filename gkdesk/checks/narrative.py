"""Narrative claims against the tables' current values."""
from __future__ import annotations

from ..findings import ERROR, NARRATIVE, WARNING, Finding
from ..model import CellAddr, Report
from .claims import Claim
from .layout import total_parts
from .naming import cell_name, fmt_number

INCONSISTENT_TEXT = "narrative.inconsistent_text"


class Values:
    """Current values for comparing with the text; a blank total stands for the sum of its parts."""

    def __init__(self, report: Report, values: dict):
        self.report = report
        self.values = values

    def effective(self, addr: CellAddr):
        value = self.values.get(addr)
        if value is not None:
            return value
        table = self.report.tables.get(addr[0])
        if table is None:
            return None
        parts = total_parts(table.spec).get(addr)
        if not parts:
            return None
        known = [v for v in (self.values.get(p) for p in parts) if v is not None]
        return sum(known) if known else None

    def quantity(self, cells) -> int | float | None:
        """The sum of the cells, or None when none of them is known (table missing or blank)."""
        known = [v for v in (self.effective(a) for a in cells) if v is not None]
        return sum(known) if known else None


def _describe(report: Report, cells) -> str:
    """表三 一、…·总计, or 表三 一、…·总计 与 二、…·总计 之和 (the table named once)."""
    names = [cell_name(report, a) for a in cells]
    if len(names) == 1:
        return names[0]
    number = names[0].split(" ", 1)[0] + " "
    if all(n.startswith(number) for n in names):
        names = names[:1] + [n[len(number) :] for n in names[1:]]
    return "、".join(names[:-1]) + " 与 " + names[-1] + "之和"


def claim_findings(report: Report, claims: list[Claim], current: dict) -> list[Finding]:
    values = Values(report, current)
    out = []
    unknown: dict[tuple[CellAddr, ...], list[Claim]] = {}
    for claim in claims:
        if claim.zero and values.quantity(claim.cells) is None:
            unknown.setdefault(claim.cells, []).append(claim)
            continue
        if claim.zero:
            finding = _zero_finding(report, values, claim)
        else:
            readings = (claim.cells,) + claim.alternatives
            actual = [values.quantity(cells) for cells in readings]
            if actual[0] is None:
                unknown.setdefault(claim.cells, []).append(claim)
                continue
            finding = None if claim.stated in actual else _count_finding(report, claim, readings, actual)
        if finding is not None:
            out.append(finding)
    for cells, group in unknown.items():
        if len({c.stated for c in group}) > 1:
            out.append(_text_disagrees(report, cells, group))
    return out


def _zero_finding(report: Report, values: Values, claim: Claim) -> Finding | None:
    nonzero = [(a, v) for a in claim.cells if (v := values.effective(a))]
    if not nonzero:
        return None
    shown = "，".join(f"{cell_name(report, a)} 为 {fmt_number(v)}" for a, v in nonzero)
    cells = [a for a, _ in nonzero] + [a for a in claim.cells if a not in dict(nonzero)]
    return Finding(
        rule=claim.rule,
        kind=NARRATIVE,
        severity=ERROR,
        cells=cells,
        message=f"正文称“{claim.phrase}”，但{shown}",
        span=claim.span,
    )


def _count_finding(report: Report, claim: Claim, readings, actual) -> Finding:
    # An alternative reading is worth showing only when it gives another figure.
    shown_values: list = []
    parts = []
    for cells, v in zip(readings, actual):
        if v is None or v in shown_values:
            continue
        shown_values.append(v)
        parts.append(f"{_describe(report, cells)} 为 {fmt_number(v)}")
    shown = "；".join(parts)
    verdict = "均与正文不符" if len(parts) > 1 else "与正文不符"
    cells = list(dict.fromkeys(a for cells in readings for a in cells))
    return Finding(
        rule=claim.rule,
        kind=NARRATIVE,
        severity=ERROR,
        cells=cells,
        message=f"正文称“{claim.phrase}”（{fmt_number(claim.stated)}），但{shown}，{verdict}",
        span=claim.span,
    )


def _text_disagrees(report: Report, cells, group: list[Claim]) -> Finding:
    """Two sentences state different figures for a cell the tables do not give."""
    quotes = "；".join(f"“{c.phrase}”" for c in dict((c.stated, c) for c in group).values())
    return Finding(
        rule=INCONSISTENT_TEXT,
        kind=NARRATIVE,
        severity=WARNING,
        cells=list(cells),
        message=f"正文前后说法不一：{quotes}；表格中{_describe(report, cells)}未填写或未识别，无法判断哪一处正确",
        span=group[0].span,
    )
