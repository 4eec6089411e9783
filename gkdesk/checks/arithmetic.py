"""勾稽关系: the schema's relations evaluated on current values, and value-kind rules."""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import ARITHMETIC, ERROR, WARNING, Finding
from ..model import CellAddr, Number, Report, Table
from ..schema import Relation, ValueKind, row_display
from .layout import addresses_and_kinds, relations_of
from .naming import cell_name, fmt_number

_EPS = 1e-9


@dataclass
class RelationState:
    index: int  # position in the table's relations (schema.table_relations)
    relation: Relation
    lhs: int | float
    rhs: int | float
    lhs_blank: bool  # every cell on the left is blank
    rhs_blank: bool  # every cell on the right is blank

    @property
    def residual(self) -> int | float:
        return self.lhs - self.rhs

    @property
    def broken(self) -> bool:
        return abs(self.residual) > _EPS


def _side(values: dict[CellAddr, Number | None], cells) -> tuple[int | float, bool]:
    total = 0
    blank = True
    for addr in cells:
        v = values.get(addr)
        if v is not None:
            total += v
            blank = False
    return total, blank


def evaluate(values: dict[CellAddr, Number | None], table: Table) -> list[RelationState]:
    """Every relation of the table on the given current values, blank counted as 0."""
    states = []
    for i, rel in enumerate(relations_of(table.spec)):
        lhs, lhs_blank = _side(values, rel.lhs)
        rhs, rhs_blank = _side(values, rel.rhs)
        states.append(RelationState(i, rel, lhs, rhs, lhs_blank, rhs_blank))
    return states


def _basis(description: str) -> str:
    """The right side of a relation's description, as a phrase: 结果维持、结果纠正…之和."""
    rhs = description.split("=", 1)[-1].strip()
    rhs = rhs.replace(" + ", "、")
    return rhs if rhs.endswith("之和") else rhs + "之和"


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
        name = cell_name(report, rel.lhs[0])
        basis = _basis(rel.description)
        if state.lhs_blank:
            severity = WARNING  # the total was left out, not contradicted
            message = f"{name} 未填写（空白，按 0 计），按{basis}应为 {fmt_number(state.rhs)}"
        elif state.rhs_blank:
            severity = WARNING
            message = f"{name} 为 {fmt_number(state.lhs)}，但构成它的各单元格（{basis[:-2]}）均为空白"
        else:
            message = f"{name} 为 {fmt_number(state.lhs)}，按{basis}应为 {fmt_number(state.rhs)}"
        expected = state.rhs
    else:
        if state.lhs_blank or state.rhs_blank:
            severity = WARNING
        message = (
            f"{_group_prefix(table, rel)}：{_terms(report, table, rel.lhs)}之和为 {fmt_number(state.lhs)}，"
            f"{_terms(report, table, rel.rhs)}之和为 {fmt_number(state.rhs)}，两者应相等（{rel.description}）"
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


def _group_prefix(table: Table, rel: Relation) -> str:
    spec = table.spec
    if _same_column(rel.cells):
        _, r, c = rel.cells[0]
        return f"{spec.number} {spec.row_columns(r)[c].label}列"
    return spec.number


def _terms(report: Report, table: Table, cells) -> str:
    """加-joined terms with their values; row labels when the relation stays in one column."""
    spec = table.spec
    parts = []
    for addr in cells:
        _, r, c = addr
        label = row_display(spec.rows[r]) if _same_column(cells) and spec.rows[r].label else cell_name(report, addr)
        parts.append(f"{label}（{fmt_number(report.value(addr))}）")
    return "加".join(parts)


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
            problem = "应为不小于 0 的整数"
        elif kind == ValueKind.SIGNED_COUNT and not whole:
            problem = "应为整数"
        elif kind == ValueKind.AMOUNT and v < 0:
            problem = "金额不应为负数"
        else:
            continue
        out.append(
            Finding(
                rule=rule,
                kind=ARITHMETIC,
                severity=ERROR,
                cells=[addr],
                message=f"{cell_name(report, addr)} 为 {fmt_number(v)}，{problem}",
                span=table.cells[addr[1]][addr[2]].span,
            )
        )
    return out
