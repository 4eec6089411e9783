"""Pasting a block copied from Excel/WPS (tab-separated) onto a form grid."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..form_layout import VALUE, FormLayout
from .cell_input import parse_input
from .i18n import translate


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text: tabs between cells, one row per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows = [line.split("\t") for line in text.split("\n")]
    return [[_unquote(c) for c in row] for row in rows]


def _unquote(cell: str) -> str:
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        cell = cell[1:-1].replace('""', '"')
    return cell


@dataclass
class PastePlan:
    changes: dict = field(default_factory=dict)  # {addr: value}
    skipped: int = 0  # non-empty cells that fell outside the table's number cells
    error: str = ""  # why nothing is pasted (Chinese), or ""


def plan_paste(layout: FormLayout, start: tuple[int, int], block: list[list[str]], kind_of, name_of) -> PastePlan:
    """Where each pasted cell goes, starting at grid position `start`; all or nothing.

    `kind_of(addr)` gives a cell's ValueKind, `name_of(addr)` its name for messages.
    """
    plan = PastePlan()
    r0, c0 = start
    for i, row in enumerate(block):
        for j, text in enumerate(row):
            cell = layout.at(r0 + i, c0 + j)
            target = cell is not None and cell.kind == VALUE and (cell.row, cell.col) == (r0 + i, c0 + j)
            if not target:
                if text.strip():
                    plan.skipped += 1
                continue
            parsed = parse_input(text, kind_of(cell.addr))
            if not parsed.ok:
                return PastePlan(error=translate("Paste", "未粘贴：%1 %2").replace("%1", name_of(cell.addr)).replace("%2", parsed.error))
            plan.changes[cell.addr] = parsed.value
    return plan
