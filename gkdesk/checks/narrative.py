"""Narrative claims against the tables' current values."""
from __future__ import annotations

from ..findings import ERROR, NARRATIVE, WARNING, Finding
from ..messages import Quote, joined, say
from ..model import CellAddr, Report
from .claims import Claim
from .layout import total_parts
from .naming import cell_ref

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


def _describe(report: Report, cells):
    """表三 一、…·总计, or 表三 一、…·总计 与 二、…·总计 之和 (the table named once)."""
    if len(cells) == 1:
        return cell_ref(report, cells[0])
    one_table = len({a[0] for a in cells}) == 1
    names = [cell_ref(report, a, table=i == 0 or not one_table) for i, a in enumerate(cells)]
    return say("narrative.sum", cells=joined("sep.enum", names[:-1]), last=names[-1])


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
    shown = joined("sep.comma", (say("is", name=cell_ref(report, a), value=v) for a, v in nonzero))
    cells = [a for a, _ in nonzero] + [a for a in claim.cells if a not in dict(nonzero)]
    return Finding(
        rule=claim.rule,
        kind=NARRATIVE,
        severity=ERROR,
        cells=cells,
        message=say("narrative.zero", phrase=Quote(claim.phrase), shown=shown),
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
        parts.append(say("is", name=_describe(report, cells), value=v))
    verdict = say("narrative.differs_all" if len(parts) > 1 else "narrative.differs")
    cells = list(dict.fromkeys(a for cells in readings for a in cells))
    return Finding(
        rule=claim.rule,
        kind=NARRATIVE,
        severity=ERROR,
        cells=cells,
        message=say(
            "narrative.count",
            phrase=Quote(claim.phrase),
            stated=claim.stated,
            shown=joined("sep.semicolon", parts),
            verdict=verdict,
        ),
        span=claim.span,
    )


def _text_disagrees(report: Report, cells, group: list[Claim]) -> Finding:
    """Two sentences state different figures for a cell the tables do not give."""
    stated = dict((c.stated, c) for c in group).values()
    quotes = joined("sep.semicolon", (say("quote", text=Quote(c.phrase)) for c in stated))
    return Finding(
        rule=INCONSISTENT_TEXT,
        kind=NARRATIVE,
        severity=WARNING,
        cells=list(cells),
        message=say("narrative.inconsistent", quotes=quotes, cells=_describe(report, cells)),
        span=group[0].span,
    )
