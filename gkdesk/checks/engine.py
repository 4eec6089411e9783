"""The checks engine: every rule over one report, and a cheap re-check after each edit."""
from __future__ import annotations

from ..findings import ERROR, STRUCTURE, WARNING, Culprit, Finding
from ..limits import MAX_FINDINGS_PER_RULE, MAX_NARRATIVE_CHARS
from ..messages import Message, Word, joined, say
from ..model import Report
from .across_years import previous_year_findings
from .arithmetic import evaluate, relation_finding, value_findings
from .claims import Claim, extract_claims, narrative_end
from .culprit import single_cell_repairs
from .layout import relations_of
from .narrative import ClaimFindings
from .naming import cell_ref
from .structure import static_findings, value_structure_findings
from .values import current_values


class Checker:
    """Checks one report; the text-bound work (claims, structure) is done once.

    `recheck()` re-reads only cell values (report.value, corrections included), so it can
    run after every edit the reviewer makes.
    """

    def __init__(self, report: Report, previous: Report | None = None):
        self.report = report
        self.previous = previous
        self._claims = extract_claims(report)
        self._claim_findings = ClaimFindings(report, self._claims)
        self._static = static_findings(report) + _narrative_cut(report)
        self.findings: list[Finding] = []
        self.recheck()

    @property
    def claims(self) -> list[Claim]:
        """The narrative claims found in the text (for display and tests)."""
        return list(self._claims)

    def recheck(self) -> list[Finding]:
        report = self.report
        values = current_values(report)
        out: list[Finding] = []
        for table in report.tables.values():
            if relations_of(table.spec):
                out += _relation_findings(report, table, values)
        for table in report.tables.values():
            out += value_findings(report, table, values)
        out += self._claim_findings(values)  # only the claims whose cells changed worked out again
        out += previous_year_findings(report, self.previous)
        out += self._static
        out += value_structure_findings(report, values)
        # Errors first; within a severity the order above (arithmetic, narrative, structure).
        out.sort(key=lambda f: f.severity != ERROR)
        self.findings = capped_per_rule(out)
        return self.findings


def check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    """All findings for a report; `previous` is the same agency's previous-year report."""
    return Checker(report, previous).findings


def capped_per_rule(findings: list[Finding], limit: int = MAX_FINDINGS_PER_RULE) -> list[Finding]:
    """At most `limit` findings of each rule, in order; the rest of a rule become one finding
    that counts them ("另有 N 条"), as severe as the worst of them, so that a file repeating one
    sentence a million times gives a list a reviewer can read (and memory a PC has)."""
    seen: dict[str, int] = {}
    rest: dict[str, list[Finding]] = {}
    out: list[Finding] = []
    for f in findings:
        seen[f.rule] = seen.get(f.rule, 0) + 1
        if seen[f.rule] <= limit:
            out.append(f)
        else:
            rest.setdefault(f.rule, []).append(f)
    for rule, dropped in rest.items():
        worst = ERROR if any(f.severity == ERROR for f in dropped) else WARNING
        out.append(Finding(rule, dropped[0].kind, worst, [], f"另有 {len(dropped)} 条同类问题未逐条列出（已列出前 {limit} 条）"))
    return out


def _narrative_cut(report: Report) -> list[Finding]:
    if narrative_end(report) >= len(report.text):
        return []
    return [Finding("structure.narrative_cut", STRUCTURE, WARNING, [],
                    f"正文过长，只核对了第一部分起的前 {MAX_NARRATIVE_CHARS} 个字符中的表述，其余部分未核对")]


def _relation_findings(report: Report, table, values) -> list[Finding]:
    states = evaluate(values, table)
    broken = [s for s in states if s.broken]
    if not broken:
        return []
    findings = [relation_finding(report, table, s) for s in broken]
    guessed = inferred_cells(report, table)
    for f in findings:
        if guessed.intersection(f.cells):
            # A value the recognizer inferred (OCR unsure of a figure, a blank read as 0) may
            # be the wrong one: the report is not shown to be wrong until it is confirmed.
            f.severity = WARNING
            f.add_note(say("arith.inferred"))
    unread = unread_cells(table, values)
    if unread:
        # A row the recognizer could not find reads as blank and breaks every sum it is in:
        # the report is not shown to be wrong, and no single-cell repair can be trusted.
        suspect = [f for f in findings if unread.intersection(f.cells)]
        for f in suspect:
            f.severity = WARNING
            f.add_note(say("arith.unread"))
        if suspect:
            return findings
    repairs = single_cell_repairs(values, table, states)
    if len(repairs) == 1:
        note = say("arith.culprit", repair=_repair(report, repairs[0]))
        for f in findings:
            f.culprit = repairs[0]
            f.add_note(note)
    elif repairs:
        note = say(
            "arith.repairs",
            count=len(repairs),
            table=Word(table.spec.number),
            repairs=joined("sep.semicolon", (_repair(report, r) for r in repairs)),
        )
        for f in findings:
            f.ambiguous_culprits = list(repairs)
            f.add_note(note)
    return findings


def inferred_cells(report: Report, table) -> set:
    """Cells whose value the recognizer inferred rather than read in place, and the reviewer
    has not confirmed or corrected since."""
    return {
        (table.spec.id, r, c)
        for r, row in enumerate(table.cells)
        for c, cell in enumerate(row)
        if cell.inferred and (table.spec.id, r, c) not in report.corrections
    }


def unread_cells(table, values) -> set:
    """Cells still blank that the recognizer did not read: rows it could not find, and every
    blank of a table it read only in part."""
    spec = table.spec
    rows = set(table.missing_rows) if table.complete else set(range(len(spec.rows)))
    return {addr for addr in spec.addresses() if addr[1] in rows and values.get(addr) is None}


def _repair(report: Report, repair: Culprit) -> Message:
    return say("arith.repair", cell=cell_ref(report, repair.cell), value=repair.value)


def findings_to_json(findings: list[Finding], report: Report | None = None) -> list[dict]:
    """Findings in the `gkdesk check --json` shape, with the ambiguous repairs when there are several.

    Given the report, a finding the reviewer decided on carries the decision ("decision") and
    its fingerprint."""
    from ..decisions import decision_for, fingerprint

    out = []
    for f in findings:
        obj = f.to_json()
        if f.ambiguous_culprits:
            obj["ambiguous_culprits"] = [{"cell": list(c.cell), "value": c.value} for c in f.ambiguous_culprits]
        if report is not None:
            obj["fingerprint"] = fingerprint(report, f)
            decision = decision_for(report, f)
            if decision is not None:
                obj["decision"] = {"action": decision.action, "reason": decision.reason, "note": decision.note,
                                   "time": decision.time, "user": decision.user}
        out.append(obj)
    return out
