"""The values a reviewer should look at before trusting them, and the record that one was.

A value is *uncertain* when the recognizer did not read it in place: it was inferred (placed or
split by the table's relations), its confidence is low (a runner-up reading came close, an OCR
digit was unsure), or it was left blank while the recognizer listed alternatives for its row.
Confirming one (校验无误) records who verified which value when, in the audit trail beside the
corrections; a value the reviewer typed is *corrected*, not verified. The four states of a cell
— read, inferred, verified, corrected — are what the window, the workbook and the JSON show.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .model import CellAddr, Number, Report, _user_name

# A value read in place but with less confidence than this is shown as uncertain.
LOW_CONFIDENCE = 0.8

READ, INFERRED, VERIFIED, CORRECTED = "read", "inferred", "verified", "corrected"
STATE_LABELS = {READ: "识别", INFERRED: "推定", VERIFIED: "已核对", CORRECTED: "已修改"}


@dataclass(frozen=True)
class Verification:
    """The reviewer confirmed the value shown in a cell as the document's own."""

    addr: CellAddr
    value: Number | None
    time: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    user: str = field(default_factory=_user_name)

    def to_json(self) -> dict:
        return {"cell": list(self.addr), "value": self.value, "time": self.time, "user": self.user}

    @classmethod
    def from_json(cls, d: dict) -> "Verification":
        t, r, c = d["cell"]
        if not (isinstance(t, str) and type(r) is int and type(c) is int):
            raise ValueError("bad verified cell")
        value = d.get("value")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise ValueError("bad verified value")
        return cls((t, r, c), value, str(d.get("time", "")), str(d.get("user", "")))


@dataclass(frozen=True)
class Uncertain:
    addr: CellAddr
    why: str  # in the reviewer's words (Chinese)
    alternatives: tuple[Number | None, ...] = ()


def alternatives(report: Report, addr: CellAddr) -> tuple[Number | None, ...]:
    """The values the recognizer's notes offer for this cell (rows left open between splits)."""
    table_id, row, col = addr
    found: list[Number | None] = []
    for note in report.notes:
        if note.table != table_id or note.row != row or not note.candidates:
            continue
        for cand in note.candidates:
            if col < len(cand) and cand[col] not in found:
                found.append(cand[col])
    return tuple(found)


def _reason(report: Report, addr: CellAddr) -> tuple[str, tuple] | None:
    cell = report.tables[addr[0]].cells[addr[1]][addr[2]]
    alts = alternatives(report, addr)
    if cell.value is None and len(alts) > 1:
        return "有几种读法，未填入", alts
    if cell.inferred:
        return cell.note or "由勾稽关系推定，不是在原文该处读出", alts
    if cell.value is not None and cell.confidence < LOW_CONFIDENCE:
        return cell.note or f"识别把握不大（{cell.confidence:.0%}）", alts
    return None


def is_verified(report: Report, addr: CellAddr) -> bool:
    v = report.verified.get(addr)
    return v is not None and _same(v.value, report.value(addr)) and addr not in report.corrections


def uncertain_cells(report: Report) -> list[Uncertain]:
    """Every uncertain value not yet verified or corrected, table by table in the form's order."""
    out = []
    for addr in report.addresses():
        if addr in report.corrections or is_verified(report, addr):
            continue
        reason = _reason(report, addr)
        if reason is not None:
            out.append(Uncertain(addr, reason[0], reason[1]))
    return out


def verify(report: Report, addr: CellAddr, user: str | None = None) -> Verification:
    """Record that the reviewer checked the value now shown in `addr` against the original."""
    if addr[0] not in report.tables:
        raise KeyError(f"table {addr[0]} is not in this report")
    v = Verification(addr, report.value(addr))
    if user is not None:
        v = Verification(addr, v.value, v.time, user)
    report.verified[addr] = v
    return v


def unverify(report: Report, addr: CellAddr) -> None:
    report.verified.pop(addr, None)


def cell_state(report: Report, addr: CellAddr) -> str:
    if addr in report.corrections:
        return CORRECTED
    if is_verified(report, addr):
        return VERIFIED
    if _reason(report, addr) is not None:
        return INFERRED
    return READ


def states_json(report: Report) -> dict:
    """Per table, the state of each cell that is not simply read (for `extract --json`)."""
    out: dict = {}
    for addr in report.addresses():
        state = cell_state(report, addr)
        if state != READ:
            out.setdefault(addr[0], []).append([addr[1], addr[2], state])
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9
