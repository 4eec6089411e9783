"""The recognized report: metadata, sections, tables with provenance, and corrections."""
from __future__ import annotations

import getpass
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Iterator

from .schema import TABLE_IDS, TableSpec, table_spec

Number = int | float
CellAddr = tuple[str, int, int]  # ("t3", row, column); 表四 uses row 0

# Review statuses (Report.review_status): "" not yet reviewed; set by the reviewer; an edit after it.
REVIEWED, CHANGED_AFTER_REVIEW = "reviewed", "changed_after_review"


@dataclass
class Cell:
    """One recognized value and where it came from. value None means blank (not zero)."""

    value: Number | None
    raw: str = ""  # the cell's text as the document has it ("2,759", "/", "")
    span: tuple[int, int] | None = None  # offsets in Report.text
    confidence: float = 1.0
    inferred: bool = False  # placed or split by the table's relations, not read directly
    note: str = ""  # why it is inferred or uncertain
    # Where the value stands on a scanned page: (page, x0, top, x1, bottom), 1-based page, PDF
    # points from the page's top left (readers/scan_provenance.py).
    region: tuple[int, float, float, float, float] | None = None

    @property
    def is_blank(self) -> bool:
        return self.value is None


@dataclass
class Table:
    spec: TableSpec
    cells: list[list[Cell]]  # per row, per column of the spec
    span: tuple[int, int] | None = None  # the table's region in Report.text
    complete: bool = True
    missing_rows: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> str:
        """"2021"/"2019"; "" for 表四, which both versions share."""
        return self.spec.version

    @classmethod
    def blank(cls, spec: TableSpec) -> "Table":
        return cls(spec, [[Cell(None) for _ in spec.row_columns(r)] for r in range(len(spec.rows))])

    def cell(self, row: int, col: int) -> Cell:
        return self.cells[row][col]

    def values(self) -> list[list[Number | None]]:
        return [[c.value for c in row] for row in self.cells]


@dataclass
class Section:
    number: str  # 一 … 六
    heading: str
    span: tuple[int, int]  # heading start to section end, in Report.text
    body_start: int


@dataclass
class Correction:
    """A reviewer's change to one cell; the audit trail keeps every one."""

    addr: CellAddr
    extracted: Number | None
    value: Number | None
    time: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    user: str = field(default_factory=lambda: _user_name())
    # Which entry of the audit trail this is: two entries alike in cell, value, second and user
    # are still two edits (a reviewer retyping a value, two sessions a second apart), and the
    # merge of two editors' trails tells them apart by it. "" for entries saved before it existed.
    id: str = field(default_factory=lambda: secrets.token_hex(8), compare=False)


@cache
def _user_name() -> str:
    """The login name, asked once per process: getpass.getuser() reads the environment and the
    user database each time (75 µs), and a paste of 70 cells made 70 corrections."""
    try:
        return getpass.getuser()
    except Exception:  # no user database on some locked-down PCs
        return ""


@dataclass
class ParseNote:
    """Something the recognizer could not do fully, in words for the reviewer."""

    code: str  # e.g. "table_missing", "row_missing", "ambiguous_split"
    message: str  # Chinese, for the reviewer
    table: str | None = None
    row: int | None = None
    span: tuple[int, int] | None = None
    # A row left open between alternative readings: the values of each, in column order
    # (the checks try a narrative claim against every one).
    candidates: tuple[tuple[Number | None, ...], ...] = ()


@dataclass
class Report:
    text: str
    source_path: str = ""
    encoding: str = "utf-8"
    format: str | None = None  # "2021" / "2019": the version of 表二 (else 表三)
    year: int | None = None
    title_year: int | None = None  # the year in the title
    period_year: int | None = None  # the year of the statistics period (统计期限)
    agency: str = ""
    title_span: tuple[int, int] | None = None
    sections: dict[str, Section] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    notes: list[ParseNote] = field(default_factory=list)
    corrections: dict[CellAddr, Correction] = field(default_factory=dict)
    history: list[Correction] = field(default_factory=list)  # every change, in order
    review_status: str = ""  # "", REVIEWED (set by the reviewer) or CHANGED_AFTER_REVIEW
    # The reviewer's decisions on findings, by fingerprint (gkdesk.decisions.Decision).
    decisions: dict = field(default_factory=dict)
    opinion: str = ""  # 审核意见: the reviewer's words to the agency
    # Uncertain values the reviewer confirmed, by cell (gkdesk.verification.Verification).
    verified: dict = field(default_factory=dict)

    # ------------------------------------------------------------ values
    def table(self, table_id: str) -> Table | None:
        return self.tables.get(table_id)

    def extracted(self, addr: CellAddr) -> Number | None:
        table = self.tables.get(addr[0])
        if table is None:
            return None
        return table.cells[addr[1]][addr[2]].value

    def value(self, addr: CellAddr) -> Number | None:
        """The current value: the reviewer's correction if any, else the recognized one."""
        corr = self.corrections.get(addr)
        if corr is not None:
            return corr.value
        return self.extracted(addr)

    def set_value(self, addr: CellAddr, value: Number | None, user: str | None = None) -> None:
        """Set a cell; setting it back to the recognized value drops the correction.

        An edit after 已复核 makes the report 修改后待复核: the review no longer covers it."""
        if addr[0] not in self.tables:
            raise KeyError(f"table {addr[0]} is not in this report")
        if self.review_status == REVIEWED:
            self.review_status = CHANGED_AFTER_REVIEW
        extracted = self.extracted(addr)
        corr = Correction(addr, extracted, value)
        if user is not None:
            corr.user = user
        self.history.append(corr)
        if _same(value, extracted):
            self.corrections.pop(addr, None)
        else:
            self.corrections[addr] = corr

    def addresses(self) -> Iterator[CellAddr]:
        for table_id in TABLE_IDS:
            table = self.tables.get(table_id)
            if table is not None:
                yield from table.spec.addresses()

    def spec_for(self, table_id: str) -> TableSpec | None:
        table = self.tables.get(table_id)
        if table is not None:
            return table.spec
        return table_spec(self.format, table_id) if self.format else None

    def current_values(self, table_id: str) -> list | None:
        table = self.tables.get(table_id)
        if table is None:
            return None
        rows = [[self.value((table_id, r, c)) for c in range(len(row))] for r, row in enumerate(table.cells)]
        return rows[0] if table_id == "t4" else rows

    # ------------------------------------------------------------ interchange
    def to_json(self, corrected: bool = False) -> dict:
        """The truth-format shape (spec/truth-format.md) plus provenance extras."""
        out: dict = {
            "format": self.format,
            "year": self.year,
            "agency": self.agency,
        }
        for table_id in TABLE_IDS:
            table = self.tables.get(table_id)
            if table is None:
                out[table_id] = None
            elif corrected:
                out[table_id] = self.current_values(table_id)
            else:
                vals = table.values()
                out[table_id] = vals[0] if table_id == "t4" else vals
        out["encoding"] = self.encoding
        out["table_versions"] = {k: t.version for k, t in self.tables.items()}
        out["provenance"] = {
            table_id: [
                [
                    {"span": list(c.span) if c.span else None, "raw": c.raw, "confidence": round(c.confidence, 2)}
                    | ({"inferred": True, "note": c.note} if c.inferred else {})
                    | ({"region": [c.region[0], *(round(v, 1) for v in c.region[1:])]} if c.region else {})
                    for c in row
                ]
                for row in table.cells
            ]
            for table_id, table in self.tables.items()
        }
        if self.notes:
            out["notes"] = [n.message for n in self.notes]
        return out


def _same(a: Number | None, b: Number | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9
