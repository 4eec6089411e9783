"""The reviewer's work on a report, kept beside it: corrections, audit trail, review status.

A report `X.txt` gets `X.txt.gkdesk.json`. It is rewritten atomically after every edit, so
killing the program loses nothing. It records a hash of the report text: if the report
changed since, the saved corrections are not applied silently but kept as a pending set the
reviewer can apply or put aside; they stay in the file either way. A file that cannot be read
is moved aside (`.corrupt-TIMESTAMP`) and the report opens without it.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterator

from .atomic import AtomicWriteError, write_atomically
from .errors import SidecarWriteError
from .decisions import Decision
from .model import REVIEWED, CellAddr, Correction, Report
from .schema import TABLE_IDS

SIDECAR_SUFFIX = ".gkdesk.json"
# A sidecar of a year's heavy review is well under a megabyte.
MAX_SIDECAR_BYTES = 64 * 1024 * 1024
SIDECAR_VERSION = 1

# Load outcomes.
NONE, RESTORED, TEXT_CHANGED, CORRUPT = "none", "restored", "text_changed", "corrupt"


def sidecar_path(report_path: str | Path) -> Path:
    p = Path(report_path)
    return p.with_name(p.name + SIDECAR_SUFFIX)


def text_digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class PendingSet:
    """Corrections saved for a different version of the report text, not applied."""

    text_sha256: str
    corrections: list[Correction]
    history: list[Correction]
    review_status: str = ""
    saved: str = ""


@dataclass
class LoadResult:
    status: str  # NONE, RESTORED, TEXT_CHANGED, CORRUPT
    message: str = ""  # Chinese, for the reviewer; "" when there is nothing to say
    restored: int = 0  # corrections applied
    moved_to: Path | None = None  # where a corrupt sidecar was put


@dataclass
class Sidecar:
    """The sidecar of one report file."""

    path: Path
    pending: PendingSet | None = None
    # Audit trails of pending sets the reviewer put aside: kept, never shown again.
    archived: list[dict] = field(default_factory=list)
    # The payload this editor's view started from (loaded, then last written): what a write
    # compares with to merge another editor's work (gkdesk.sidecar_merge).
    seen: dict | None = field(default=None, repr=False)
    # Writes of this object are one at a time and in the order their snapshots were taken: an
    # older snapshot reaching the disk after a newer one would take back the newer's cells.
    _write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _taken: Iterator[int] = field(default_factory=lambda: itertools.count(1), repr=False, compare=False)
    _written: int = field(default=0, repr=False, compare=False)

    @classmethod
    def for_report(cls, report_path: str | Path) -> "Sidecar":
        return cls(sidecar_path(report_path))

    # ------------------------------------------------------------ load
    def load_into(self, report: Report, move_corrupt: bool = True) -> LoadResult:
        """Restore the saved work into `report` (whose text is the current file's).

        A corrupt sidecar is moved aside unless `move_corrupt` is False (a read-only look).
        """
        self.seen = {}  # the view starts from recognition unless a sidecar is restored below
        from .atomic import remove_stale_temp_files_once

        remove_stale_temp_files_once(self.path.parent)  # writes a kill cut off, a day or more ago
        try:
            raw = read_regular_file(self.path)
        except FileNotFoundError:
            return LoadResult(NONE)
        except OSError as exc:
            return LoadResult(NONE, f"无法读取修改记录文件 {self.path.name}（{exc.strerror or exc}），本次打开不含此前的修改。")
        try:
            data = _parse(raw)
        except ValueError:
            if not move_corrupt:
                return LoadResult(CORRUPT, f"修改记录文件 {self.path.name} 已损坏。")
            moved = self._move_aside()
            where = f"已改名保存为 {moved.name}" if moved else "且无法改名保存，请手动备份该文件"
            return LoadResult(
                CORRUPT,
                f"修改记录文件 {self.path.name} 已损坏，无法读取（{where}）。报告按识别结果打开，此前的修改未恢复。",
                moved_to=moved,
            )
        self.seen = data
        self.archived = list(data.get("archived", []))
        # Decisions and the opinion hold whatever the text: a decision applies only to a finding
        # with the same rule, cells, sentence and numbers, so it cannot land on the wrong one.
        report.decisions = {d.fingerprint: d for d in _decisions(data.get("decisions", []))}
        report.opinion = data.get("opinion", "")
        old_pending = data.get("pending")
        if data["text_sha256"] == text_digest(report.text):
            restored, invalid = _restore(report, data)
            # A verification speaks of the values of this text only.
            report.verified = {v.addr: v for v in _verified(data.get("verified", [])) if _valid_addr(report, v.addr)}
            self.pending = _pending_from(old_pending) if old_pending else None
            if invalid:
                self._add_pending(data, invalid)
            message = ""
            if invalid:
                message = f"有 {len(invalid)} 处此前的修改与当前识别的表格不对应，未应用，已保留待处理。"
            elif self.pending:
                message = f"有 {len(self.pending.corrections)} 处针对报告旧版本的修改尚未处理。"
            return LoadResult(RESTORED, message, restored=restored)
        # The report text changed: keep the saved work as a pending set, apply nothing.
        corrections = _corrections(data.get("corrections", []))
        self.pending = PendingSet(
            data["text_sha256"],
            corrections,
            _corrections(data.get("history", [])),
            data.get("review_status", ""),
            data.get("saved", ""),
        )
        if old_pending:  # an even older set: archive its trail so nothing is dropped
            self.archived.append(old_pending)
        return LoadResult(
            TEXT_CHANGED,
            f"报告文本自上次复核后已改变。上次的 {len(corrections)} 处修改未自动应用，已保留，可选择应用或搁置。",
        )

    def _add_pending(self, data: dict, invalid: list[Correction]) -> None:
        if self.pending is None:
            self.pending = PendingSet(data["text_sha256"], [], [], "", data.get("saved", ""))
        self.pending.corrections.extend(invalid)

    def _move_aside(self) -> Path | None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, target)
        except OSError:
            return None
        return target

    # ------------------------------------------------------------ pending set
    def pending_changes(self, report: Report) -> dict[CellAddr, object]:
        """The pending corrections that fit the report's tables, as {cell: value}."""
        if self.pending is None:
            return {}
        return {c.addr: c.value for c in self.pending.corrections if _valid_addr(report, c.addr)}

    def resolve_pending(self) -> None:
        """The reviewer applied or put aside the pending set: archive its audit trail."""
        if self.pending is not None:
            self.archived.append(_pending_json(self.pending))
            self.pending = None

    # ------------------------------------------------------------ save
    def snapshot(self, report: Report) -> "Snapshot":
        """The state to save, taken in O(number of edits) without encoding anything.

        Corrections are never changed once made (an edit appends a new one), so shallow copies
        of the lists are a faithful picture even while the reviewer goes on editing; the window
        takes the snapshot on its own thread and encodes it on the writer's.
        """
        return Snapshot(
            Path(report.source_path).name if report.source_path else "",
            _cached_digest(report.text),
            report.format,
            report.review_status,
            datetime.now().isoformat(timespec="seconds"),
            list(report.corrections.values()),
            list(report.history),
            _pending_json(self.pending) if self.pending is not None else None,
            list(self.archived),
            list(report.decisions.values()),
            report.opinion,
            list(report.verified.values()),
            next(self._taken),
        )

    def payload(self, report: Report) -> dict:
        return self.snapshot(report).payload()

    def serialize(self, report: Report) -> bytes:
        return self.snapshot(report).encode()

    def save(self, report: Report, on_conflict=None) -> None:
        """Write the sidecar atomically, merged with what another editor wrote since
        (SidecarWriteError, Chinese message, if it cannot; SidecarConflictError on a conflict
        `on_conflict` does not resolve)."""
        self.write(self.snapshot(report), on_conflict)

    def write(self, snapshot: "Snapshot", on_conflict=None) -> None:
        """Write a snapshot: compare with the disk, merge, write (any thread)."""
        from .sidecar_merge import merged_write

        with self._write_lock:
            if snapshot.sequence and snapshot.sequence < self._written:
                return  # a newer snapshot of this editor is on disk already and holds all of this one
            mine = snapshot.payload()
            merged_write(self.path, self.seen, mine, self._read_disk, lambda payload: write_atomic(self.path, encode(payload)), on_conflict)
            # What this view now starts from: its own payload, not the merged one (the other
            # editor's cells taken from the disk are theirs, not changes of mine to write back).
            self.seen = mine
            self._written = max(self._written, snapshot.sequence)

    def on_disk(self) -> dict | None:
        """The payload the file holds now (another editor may have written it); None if none."""
        return self._read_disk()

    def _read_disk(self) -> dict | None:
        try:
            return _parse(read_regular_file(self.path))
        except (OSError, ValueError):  # none, unreadable or corrupt: nothing to merge with
            return None

    def has_work(self, report: Report) -> bool:
        return bool(report.history or report.review_status or self.pending or self.archived or report.decisions or report.opinion
                    or report.verified)


@dataclass(frozen=True)
class Snapshot:
    """What a sidecar file will hold, ready to encode on any thread."""

    report_name: str
    text_sha256: str
    format: str | None
    review_status: str
    saved: str
    corrections: list[Correction]
    history: list[Correction]
    pending: dict | None
    archived: list[dict]
    decisions: list = field(default_factory=list)  # Decision, never changed once made
    opinion: str = ""
    verified: list = field(default_factory=list)  # verification.Verification
    sequence: int = 0  # the order snapshots of one Sidecar were taken in (0: unordered)

    def payload(self) -> dict:
        out = {
            "gkdesk_sidecar": SIDECAR_VERSION,
            "report": self.report_name,
            "text_sha256": self.text_sha256,
            "format": self.format,
            "review_status": self.review_status,
            "saved": self.saved,
            "corrections": [_correction_json(c) for c in self.corrections],
            "history": [_correction_json(c) for c in self.history],
        }
        if self.pending is not None:
            out["pending"] = self.pending
        if self.archived:
            out["archived"] = self.archived
        if self.decisions:
            out["decisions"] = [d.to_json() for d in self.decisions]
        if self.opinion:
            out["opinion"] = self.opinion
        if self.verified:
            out["verified"] = [v.to_json() for v in self.verified]
        return out

    def encode(self) -> bytes:
        return encode(self.payload())


def encode(payload: dict) -> bytes:
    # Compact separators keep json on its C encoder; one line per file is fine for a machine file.
    # A report named with bytes UTF-8 lacks (GBK) keeps its name: json_text escapes them.
    from .file_names import json_text

    return json_text(payload, separators=(",", ":")).encode("utf-8")


def read_regular_file(path: Path) -> bytes:
    """A regular file's bytes; OSError for anything else (a FIFO or device would block or never
    end, a folder is not a sidecar). Opened without blocking, checked on the open handle."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"不是普通文件（{_kind(info.st_mode)}），已拒绝读取")
        if info.st_size > MAX_SIDECAR_BYTES:
            raise OSError(f"文件过大（{info.st_size // (1024 * 1024)} MB），已拒绝读取")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read(MAX_SIDECAR_BYTES + 1)
    finally:
        if fd >= 0:
            os.close(fd)


def _kind(mode: int) -> str:
    import stat

    if stat.S_ISFIFO(mode):
        return "管道"
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


_digests: dict[int, tuple[str, str]] = {}


def _cached_digest(text: str) -> str:
    """text_digest, remembered for the texts of open reports (the text never changes)."""
    key = id(text)
    hit = _digests.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    digest = text_digest(text)
    if len(_digests) > 64:
        _digests.clear()
    _digests[key] = (text, digest)
    return digest


# ---------------------------------------------------------------- atomic write ----------

def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that it is either the old or the new content, never partial."""
    try:
        write_atomically(path, lambda handle: handle.write(data))
    except AtomicWriteError as failure:
        message = _write_message(path, failure.reason)
        raise SidecarWriteError(message, f"cannot write {path}: {failure.error}") from failure.error


def _write_message(path: Path, why: str) -> str:
    return f"无法保存修改记录 {path.name}：{why}。修改仍保留在程序中，请勿关闭程序，或将报告复制到可写的文件夹后重新打开。"


# ---------------------------------------------------------------- JSON shapes -----------

def _correction_json(c: Correction) -> dict:
    out = {"cell": list(c.addr), "extracted": c.extracted, "value": c.value, "time": c.time, "user": c.user}
    if c.id:  # an entry saved before entries had ids is written back as it was read
        out["id"] = c.id
    return out


def _pending_json(p: PendingSet) -> dict:
    return {
        "text_sha256": p.text_sha256,
        "review_status": p.review_status,
        "saved": p.saved,
        "corrections": [_correction_json(c) for c in p.corrections],
        "history": [_correction_json(c) for c in p.history],
    }


def _pending_from(d: dict) -> PendingSet:
    return PendingSet(
        d.get("text_sha256", ""),
        _corrections(d.get("corrections", [])),
        _corrections(d.get("history", [])),
        d.get("review_status", ""),
        d.get("saved", ""),
    )


def _number(v):
    if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)):
        return v  # (json reads NaN and Infinity: not a value a reviewer typed)
    raise ValueError(f"not a number: {v!r}")


def _corrections(items) -> list[Correction]:
    if not isinstance(items, list):
        raise ValueError("corrections must be a list")
    out = []
    for item in items:
        cell = item["cell"]
        if not (isinstance(cell, list) and len(cell) == 3 and cell[0] in TABLE_IDS):
            raise ValueError(f"bad cell {cell!r}")
        addr = (str(cell[0]), int(cell[1]), int(cell[2]))
        entry_id = item.get("id", "")
        if not isinstance(entry_id, str):
            raise ValueError(f"bad entry id {entry_id!r}")
        out.append(Correction(addr, _number(item.get("extracted")), _number(item["value"]), str(item.get("time", "")), str(item.get("user", "")), entry_id))
    return out


def _parse(raw: bytes) -> dict:
    """The sidecar's content, validated; ValueError if it is not a gkdesk sidecar."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:  # nested deeper than Python goes
        raise ValueError(str(exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("text_sha256"), str):
        raise ValueError("not a gkdesk sidecar")
    try:
        _corrections(data.get("corrections", []))
        _corrections(data.get("history", []))
        if data.get("pending") is not None:
            _pending_from(data["pending"])
        if not isinstance(data.get("review_status", ""), str) or not isinstance(data.get("archived", []), list):
            raise ValueError("bad fields")
        _validate_cells(data)
        _decisions(data.get("decisions", []))
        if not isinstance(data.get("opinion", ""), str):
            raise ValueError("bad opinion")
        _verified(data.get("verified", []))
    except (KeyError, TypeError, AttributeError, OverflowError) as exc:  # OverflowError: a cell 1e400
        raise ValueError(str(exc)) from exc
    return data


def _verified(items) -> list:
    from .verification import Verification

    if not isinstance(items, list):
        raise ValueError("verified must be a list")
    return [Verification.from_json(item) for item in items]


def _decisions(items) -> list[Decision]:
    if not isinstance(items, list):
        raise ValueError("decisions must be a list")
    return [Decision.from_json(item) for item in items]


_LARGEST = 10**15  # gkdesk.limits.MAX_NUMBER_DIGITS digits: no figure of a report is larger
_MAX_POSITION = 1000  # rows and columns: the form has a few dozen


def _validate_cells(data: dict) -> None:
    """Every saved cell is at whole-number position and every value one the reviewer could have
    typed there (whole numbers >= 0 for counts, >= 0 for amounts, under 10^15); ValueError
    otherwise, and the sidecar is set aside rather than applied."""
    from .schema import FORMATS, ValueKind, table_spec

    version = data.get("format") if data.get("format") in FORMATS else None
    sets = [data.get("corrections", []), data.get("history", [])]
    if isinstance(data.get("pending"), dict):
        sets += [data["pending"].get("corrections", []), data["pending"].get("history", [])]
    for items in sets:
        for item in items:
            table_id, row, col = item["cell"]
            if not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n < _MAX_POSITION for n in (row, col)):
                raise ValueError(f"cell position not whole numbers of the form's size: {item['cell']!r}")
            kinds = []
            for v in ([version] if version else []) + [f for f in FORMATS if f != version]:
                spec = table_spec(v, table_id)
                if 0 <= row < len(spec.rows) and 0 <= col < len(spec.row_columns(row)):
                    kinds.append(spec.row_columns(row)[col].kind)
            # A cell no format has is kept as pending, not applied (_restore); its value is
            # still a number a count could be.
            kinds = kinds or [ValueKind.SIGNED_COUNT]
            for key in ("value", "extracted"):
                number = item.get(key)
                if number is not None and abs(number) >= _LARGEST:
                    raise ValueError(f"{key} out of range: {number!r}")
            value = item.get("value")
            if value is None:
                continue
            kind = kinds[0]
            whole = float(value).is_integer()
            if (kind is ValueKind.COUNT and (value < 0 or not whole)) or (kind is ValueKind.SIGNED_COUNT and not whole) or (
                kind is ValueKind.AMOUNT and value < 0
            ):
                raise ValueError(f"value {value!r} cannot stand in a {kind.value} cell")


def _valid_addr(report: Report, addr: CellAddr) -> bool:
    table = report.tables.get(addr[0])
    if table is None:
        return False
    t, r, c = addr
    return 0 <= r < len(table.cells) and 0 <= c < len(table.cells[r])


def _restore(report: Report, data: dict) -> tuple[int, list[Correction]]:
    """Put the saved corrections, history and status into the report; return (applied, unfit)."""
    report.history = _corrections(data.get("history", []))
    report.review_status = data.get("review_status", "")
    report.corrections = {}
    invalid: list[Correction] = []
    for corr in _corrections(data.get("corrections", [])):
        if _valid_addr(report, corr.addr):
            report.corrections[corr.addr] = corr
        else:
            invalid.append(corr)
    return len(report.corrections), invalid
