"""勾稽关系: the schema's relations evaluated on current values, and value-kind rules."""
from __future__ import annotations

from .. import relations
from ..findings import ARITHMETIC, ERROR, WARNING, Finding
from ..messages import Word, joined, say
from ..relations import RelationState
from ..model import CellAddr, Number, Report, Table
from ..schema import Relation, ValueKind
from .layout import addresses_and_kinds, relations_of
from .naming import cell_ref, relation_basis, relation_parts, row_ref

def evaluate(values: dict[CellAddr, Number | None], table: Table) -> list[RelationState]:
    """Every relation of the table on the given current values, blank counted as 0."""
    return relations.evaluate(table.spec, values.get, relations_of(table.spec))


def _span_of(report: Report, table: Table, cells) -> tuple[int, int] | None:
    for table_id, r, c in cells:
        span = report.tables[table_id].cells[r][c].span
        if span is not None:
            return span
    return table.span


def relation_finding(report: Report, table: Table, state: RelationState) -> Finding:
    """The finding for one broken relation, naming every cell of it."""
    rel = state.relation
    cells = list(rel.cells)
    severity = ERROR
    expected = None
    if len(rel.lhs) == 1:
        name = cell_ref(report, rel.lhs[0])
        basis = Word(relation_basis(rel.description))
        if state.lhs_blank:
            severity = WARNING  # the total was left out, not contradicted
            message = say("arith.total_blank", cell=name, basis=basis, expected=state.rhs)
        elif state.rhs_blank:
            severity = WARNING
            message = say("arith.parts_blank", cell=name, value=state.lhs, parts=Word(relation_parts(rel.description)))
        else:
            message = say("arith.should_be", cell=name, value=state.lhs, basis=basis, expected=state.rhs)
        expected = state.rhs
    else:
        if state.lhs_blank or state.rhs_blank:
            severity = WARNING
        message = say(
            "arith.sides_differ",
            group=_group_prefix(table, rel),
            lhs_terms=_terms(report, table, rel.lhs),
            lhs=state.lhs,
            rhs_terms=_terms(report, table, rel.rhs),
            rhs=state.rhs,
            relation=Word(rel.description),
        )
    return Finding(
        rule=rel.rule,
        kind=ARITHMETIC,
        severity=severity,
        cells=cells,
        message=message,
        span=_span_of(report, table, rel.lhs),
        expected=expected,
    )


def _same_column(cells) -> bool:
    return len({c for _, _, c in cells}) == 1


def _group_prefix(table: Table, rel: Relation):
    spec = table.spec
    if _same_column(rel.cells):
        _, r, c = rel.cells[0]
        return say("arith.column_group", table=Word(spec.number), column=Word(spec.row_columns(r)[c].label))
    return Word(spec.number)


def _terms(report: Report, table: Table, cells):
    """加-joined terms with their values; row labels when the relation stays in one column."""
    spec = table.spec
    parts = []
    for addr in cells:
        _, r, c = addr
        label = row_ref(spec, r) if _same_column(cells) and spec.rows[r].label else cell_ref(report, addr)
        parts.append(say("arith.term", name=label, value=report.value(addr)))
    return joined("sep.plus", parts)


def value_findings(report: Report, table: Table, values: dict[CellAddr, Number | None]) -> list[Finding]:
    """Counts are whole and >= 0; signed counts (2019 本年增/减) whole; amounts >= 0."""
    out = []
    rule = f"{table.spec.id}.nonneg"
    for addr, kind in addresses_and_kinds(table.spec):
        v = values.get(addr)
        if v is None:
            continue
        whole = float(v).is_integer()
        if kind == ValueKind.COUNT and (v < 0 or not whole):
            problem = say("value.count")
        elif kind == ValueKind.SIGNED_COUNT and not whole:
            problem = say("value.signed")
        elif kind == ValueKind.AMOUNT and v < 0:
            problem = say("value.amount")
        else:
            continue
        cell = table.cells[addr[1]][addr[2]]
        # A value the recognizer placed by inference (not read in place, not the reviewer's) that
        # is no count at all says the placement is wrong, not the document: the reviewer looks.
        guessed = cell.inferred and addr not in report.corrections
        finding = Finding(
            rule=rule,
            kind=ARITHMETIC,
            severity=WARNING if guessed else ERROR,
            cells=[addr],
            message=say("value.bad", cell=cell_ref(report, addr), value=v, problem=problem),
            span=cell.span,
        )
        if guessed:
            finding.add_note(say("narrative.guessed"))
        out.append(finding)
    return out
