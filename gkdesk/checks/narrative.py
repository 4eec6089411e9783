"""Narrative claims against the tables' current values.

A claim holds when any of its readings gives a value its words allow (40余件: 41–49). A row
the recognizer left open between alternative splits is tried in each of them: when none
agrees, that is a contradiction whatever the split. A contradiction is an error only when
the words' subject is unambiguous and the values compared were read in place (not
inferred by the recognizer); otherwise it is a warning for the reviewer to look at.
Statements that could not be tied to cells are listed as information ("未核对的表述").
"""
from __future__ import annotations

from itertools import islice

from ..findings import ERROR, INFO, NARRATIVE, WARNING, Finding
from ..messages import Quote, joined, say
from ..model import CellAddr, Report
from .claims import UNCHECKED, Claim
from .layout import total_parts
from .naming import cell_ref

INCONSISTENT_TEXT = "narrative.inconsistent_text"
_MAX_SUMS = 4096  # distinct sums kept when open rows are combined


class Values:
    """Current values for comparing with the text; a blank total stands for the sum of its parts,
    a blank cell of a row left open stands for each of the row's candidate values."""

    def __init__(self, report: Report, values: dict):
        self.report = report
        self.values = values
        self.open_rows: dict[tuple[str, int], tuple[tuple, ...]] = {}
        for note in report.notes:
            if note.candidates and note.table is not None and note.row is not None:
                self.open_rows[(note.table, note.row)] = tuple(note.candidates)

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

    def possible(self, cells) -> tuple[set | None, bool]:
        """(the values the cells' sum may have, whether a recognizer's guess decides it).

        None when nothing is known of them."""
        fixed, known, guessed = 0, False, False
        open_cells: dict[tuple[str, int], list[int]] = {}
        for addr in cells:
            v = self.effective(addr)
            if v is None and (addr[0], addr[1]) in self.open_rows:
                open_cells.setdefault((addr[0], addr[1]), []).append(addr[2])
                continue
            if v is not None:
                fixed += v
                known = True
                guessed = guessed or self._inferred(addr)
        sums = {fixed}
        for key, cols in open_cells.items():
            row_sums = set()
            for cand in self.open_rows[key]:
                parts = [cand[c] for c in cols if c < len(cand) and cand[c] is not None]
                row_sums.add(sum(parts))
            sums = set(islice((a + b for a in sums for b in row_sums), _MAX_SUMS))
            known = True
        return (sums if known else None), guessed

    def _inferred(self, addr: CellAddr) -> bool:
        if addr in self.report.corrections:
            return False
        table = self.report.tables.get(addr[0])
        if table is None:
            return False
        cell = table.cells[addr[1]][addr[2]]
        return cell.inferred or (cell.value is None and bool(total_parts(table.spec).get(addr)))


def _describe(report: Report, cells):
    """表三 一、…·总计, or 表三 一、…·总计 与 二、…·总计 之和 (the table named once)."""
    if len(cells) == 1:
        return cell_ref(report, cells[0])
    if len(cells) > 4:  # 办结 without 其他处理: the result rows, named by the first two
        names = [cell_ref(report, a, table=i == 0) for i, a in enumerate(cells[:2])]
        return say("narrative.sum_many", cells=joined("sep.enum", names), count=len(cells))
    one_table = len({a[0] for a in cells}) == 1
    names = [cell_ref(report, a, table=i == 0 or not one_table) for i, a in enumerate(cells)]
    return say("narrative.sum", cells=joined("sep.enum", names[:-1]), last=names[-1])


def claim_findings(report: Report, claims: list[Claim], current: dict) -> list[Finding]:
    return ClaimFindings(report, claims)(current)


_UNKNOWN = object()  # the outcome of a claim whose cells the tables do not give


class ClaimFindings:
    """claim_findings of one report's claims, again and again as its cells change.

    A claim's outcome (holds, a finding, or the tables do not give it) depends on nothing but
    the values of its readings' cells and of the parts that stand for a blank total among them
    (the report's text, open rows and recognized cells do not change in review). Each claim's
    outcome is kept; a later check works out again only the claims that read a cell whose value
    changed. A file of many reports had 2,352 claims: re-checking all of them after
    every edit took 25-60 ms of the window's thread."""

    def __init__(self, report: Report, claims: list[Claim]):
        self.report = report
        self.claims = claims
        self._readers: dict[CellAddr, list[int]] = {}  # per cell, the claims that read it
        for i, claim in enumerate(claims):
            for addr in _cells_read(report, claim):
                self._readers.setdefault(addr, []).append(i)
        self._outcomes: list = []  # per claim, as of the values last checked
        self._checked: dict = {}  # those values, (type, value) per cell

    def __call__(self, current: dict) -> list[Finding]:
        values = Values(self.report, current)
        seen = {addr: (type(v), v) for addr, v in current.items()}
        if not self._outcomes:
            redo = range(len(self.claims))
            self._outcomes = [None] * len(self.claims)
        else:
            old = self._checked
            changed = [a for a, v in seen.items() if old.get(a) != v] + [a for a in old if a not in seen]
            redo = sorted({i for a in changed for i in self._readers.get(a, ())})
        for i in redo:
            self._outcomes[i] = _outcome(self.report, values, self.claims[i])
        self._checked = seen
        out = []
        unknown: dict[tuple[CellAddr, ...], list[Claim]] = {}
        for claim, outcome in zip(self.claims, self._outcomes):
            if outcome is _UNKNOWN:  # other sentences may disagree
                unknown.setdefault(claim.cells, []).append(claim)
            elif outcome is not None:
                out.append(outcome)
        for cells, group in unknown.items():
            if len({c.stated for c in group}) > 1:
                out.append(_text_disagrees(self.report, cells, group))
        return out


def _cells_read(report: Report, claim: Claim) -> tuple[CellAddr, ...]:
    """The cells whose values decide a claim: its readings' cells and their parts (a blank
    total stands for the sum of its parts: Values.effective)."""
    cells: dict[CellAddr, None] = {}
    if not claim.checked:
        return ()
    for reading in (claim.cells,) + claim.alternatives:
        for addr in reading:
            cells[addr] = None
            table = report.tables.get(addr[0])
            if table is not None:
                cells.update(dict.fromkeys(total_parts(table.spec).get(addr, ())))
    return tuple(cells)


def _outcome(report: Report, values: Values, claim: Claim):
    """None when the claim holds, _UNKNOWN when the tables do not give its cells, else its finding."""
    if not claim.checked:
        return _unchecked(claim)
    readings = (claim.cells,) + claim.alternatives
    possible = [values.possible(cells) for cells in readings]
    if possible[0][0] is None:
        return _UNKNOWN
    if any(p is not None and any(claim.allows(v) for v in p) for p, _ in possible):
        return None
    guessed = any(g for p, g in possible if p is not None)
    severity = ERROR if claim.firm and not guessed else WARNING
    if claim.zero:
        finding = _zero_finding(report, values, claim, severity)
    else:
        finding = _count_finding(report, values, claim, readings, severity)
    if finding is not None and severity == WARNING:
        finding.add_note(say("narrative.guessed" if guessed else "narrative.loose"))
    return finding


def _unchecked(claim: Claim) -> Finding:
    return Finding(
        rule=UNCHECKED,
        kind=NARRATIVE,
        severity=INFO,
        cells=[],
        message=say("narrative.unchecked", phrase=Quote(claim.phrase)),
        span=claim.span,
    )


def _zero_finding(report: Report, values: Values, claim: Claim, severity: str) -> Finding | None:
    nonzero = [(a, v) for a in claim.cells if (v := values.effective(a))]
    if nonzero:
        shown = joined("sep.comma", (say("is", name=cell_ref(report, a), value=v) for a, v in nonzero))
    else:  # an open row: no split of it gives 0
        shown = say("narrative.open_rows", cells=_describe(report, claim.cells))
    cells = [a for a, _ in nonzero] + [a for a in claim.cells if a not in dict(nonzero)]
    return Finding(
        rule=claim.rule,
        kind=NARRATIVE,
        severity=severity,
        cells=cells,
        message=say("narrative.zero", phrase=Quote(claim.phrase), shown=shown),
        span=claim.span,
    )


def _count_finding(report: Report, values: Values, claim: Claim, readings, severity: str) -> Finding:
    # An alternative reading is worth showing only when it gives another figure.
    shown_values: list = []
    parts = []
    for cells in readings:
        v = values.quantity(cells)
        if v is None:
            sums, _ = values.possible(cells)
            if sums:
                parts.append(say("narrative.open_rows", cells=_describe(report, cells)))
            continue
        if v in shown_values:
            continue
        shown_values.append(v)
        parts.append(say("is", name=_describe(report, cells), value=v))
    several = len(parts) > 1 or any(values.quantity(c) is None for c in readings)
    verdict = say("narrative.differs_all" if several else "narrative.differs")
    cells = list(dict.fromkeys(a for cells in readings for a in cells))
    shown = joined("sep.semicolon", parts)
    exact = claim.low is None or claim.low == claim.high
    if exact:
        message = say("narrative.count", phrase=Quote(claim.phrase), stated=claim.stated, shown=shown, verdict=verdict)
    else:  # 40余件: the figure the words give is a range, shown as written
        message = say("narrative.count_about", phrase=Quote(claim.phrase), shown=shown, verdict=verdict)
    return Finding(rule=claim.rule, kind=NARRATIVE, severity=severity, cells=cells, message=message, span=claim.span)


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
