"""Checks against the same agency's previous-year report."""
from __future__ import annotations

from ..findings import ARITHMETIC, WARNING, Finding
from ..messages import Message, Word, say
from ..model import Report
from ..schema import ValueKind
from .layout import t3_layout
from .naming import cell_ref, row_ref

CARRY = "across.t3_carry"
T2_EFFECTIVE = "across.t2_effective"
T2_ITEMS = "across.t2_items"


def previous_year_findings(report: Report, previous: Report | None) -> list[Finding]:
    if previous is None:
        return []
    if report.year is not None and previous.year is not None and previous.year != report.year - 1:
        return []
    out = _carry(report, previous)
    out += _t2_effective(report, previous)
    out += _t2_items(report, previous)
    return out


def _prev_label(previous: Report) -> Message:
    return say("across.previous_year", year=previous.year) if previous.year else say("across.previous")


def _carry(report: Report, previous: Report) -> list[Finding]:
    """This year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column."""
    this, last = report.tables.get("t3"), previous.tables.get("t3")
    if this is None or last is None:
        return []
    now, before = t3_layout(this.spec), t3_layout(last.spec)
    out = []
    for c in range(len(this.spec.columns)):
        addr = ("t3", now.carried_in, c)
        prev_addr = ("t3", before.carried_over, c)
        v, pv = report.value(addr), previous.value(prev_addr)
        if v is None or pv is None or v == pv:
            continue
        col = last.spec.columns[c]
        out.append(
            Finding(
                rule=CARRY,
                kind=ARITHMETIC,
                severity=WARNING,
                cells=[addr],
                message=say(
                    "across.carry",
                    cell=cell_ref(report, addr),
                    value=v,
                    previous=_prev_label(previous),
                    row=row_ref(last.spec, before.carried_over),
                    column=Word(col.short or col.label),
                    previous_value=pv,
                ),
                span=this.cells[now.carried_in][c].span,
                expected=pv,
            )
        )
    return out


def _t2_effective(report: Report, previous: Report) -> list[Finding]:
    """2021 表二（一）: 现行有效 can grow at most by 本年制发 and shrinks by 本年废止.

    现行有效(N) = 现行有效(N−1) + new rules − 本年废止, where new rules <= 本年制发 (制发 also
    counts amendments), so 现行有效(N−1) − 废止 <= 现行有效(N) <= 现行有效(N−1) + 制发 − 废止.
    """
    this, last = report.tables.get("t2"), previous.tables.get("t2")
    if this is None or last is None or this.spec.version != "2021" or last.spec.version != "2021":
        return []
    out = []
    for r, row in enumerate(this.spec.rows):
        cols = this.spec.row_columns(r)
        roles = {_role(col.label): c for c, col in enumerate(cols)}
        if set(roles) != {"issued", "repealed", "effective"}:
            continue
        issued = report.value(("t2", r, roles["issued"]))
        repealed = report.value(("t2", r, roles["repealed"]))
        effective = report.value(("t2", r, roles["effective"]))
        before = previous.value(("t2", r, roles["effective"]))
        if None in (issued, repealed, effective, before):
            continue
        low, high = before - repealed, before + issued - repealed
        if low <= effective <= high:
            continue
        addr = ("t2", r, roles["effective"])
        bound = say("across.at_most", limit=high) if effective > high else say("across.at_least", limit=low)
        out.append(
            Finding(
                rule=T2_EFFECTIVE,
                kind=ARITHMETIC,
                severity=WARNING,
                cells=[addr, ("t2", r, roles["issued"]), ("t2", r, roles["repealed"])],
                message=say(
                    "across.effective",
                    cell=cell_ref(report, addr),
                    value=effective,
                    previous=_prev_label(previous),
                    before=before,
                    issued=issued,
                    repealed=repealed,
                    bound=bound,
                ),
                span=this.cells[r][roles["effective"]].span,
            )
        )
    return out


def _role(label: str) -> str:
    for word, role in (("制发", "issued"), ("废止", "repealed"), ("现行有效", "effective")):
        if word in label:
            return role
    return label


def _t2_items(report: Report, previous: Report) -> list[Finding]:
    """2019 表二: 上一年项目数量(N) = 上一年项目数量(N−1) + 本年增/减(N−1)."""
    this, last = report.tables.get("t2"), previous.tables.get("t2")
    if this is None or last is None or this.spec.version != "2019" or last.spec.version != "2019":
        return []
    out = []
    for r in range(len(this.spec.rows)):
        cols = this.spec.row_columns(r)
        change = next((c for c, col in enumerate(cols) if col.kind == ValueKind.SIGNED_COUNT), None)
        if change is None or change == 0:
            continue
        base = change - 1  # 上一年项目数量 stands just before 本年增/减
        addr = ("t2", r, base)
        v = report.value(addr)
        pv, pchange = previous.value(addr), previous.value(("t2", r, change))
        if None in (v, pv, pchange) or v == pv + pchange:
            continue
        out.append(
            Finding(
                rule=T2_ITEMS,
                kind=ARITHMETIC,
                severity=WARNING,
                cells=[addr],
                message=say(
                    "across.items",
                    cell=cell_ref(report, addr),
                    value=v,
                    previous=_prev_label(previous),
                    base=Word(cols[base].label),
                    previous_value=pv,
                    change=Word(cols[change].label),
                    previous_change=pchange,
                    expected=pv + pchange,
                ),
                span=this.cells[r][base].span,
                expected=pv + pchange,
            )
        )
    return out
