"""Two editors, one sidecar: compare before write, and merge what the other one wrote.

Every write of a sidecar goes: take the short write mutex beside it (gkdesk.write_mutex), read what is on disk,
merge, write atomically, release. The merge is three-way, in the terms of the payload JSON:

- `seen`: the payload this editor's view started from (what it loaded, {} for nothing, then
  what it wrote; None when unknown: its cells then win);
- `disk`: what is on disk now (another editor may have written since);
- `mine`: this editor's snapshot.

A cell (correction) this editor changed since `seen` takes its value; any other cell takes the
disk's, so the other editor's edits stay. Audit entries are appended, never replaced: the disk's
trail plus this editor's new entries. A cell both changed to different values is a conflict:
`on_conflict(conflicts)` says "mine" or "theirs"; without it the write is refused
(SidecarConflictError) and nothing is written. The same rules hold for the review status, the
opinion and the decisions on findings (by fingerprint).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import SidecarWriteError
from .write_mutex import WriteMutex

MINE, THEIRS = "mine", "theirs"


class SidecarConflictError(SidecarWriteError):
    """Another editor changed the same cells to other values; nothing was written."""

    def __init__(self, conflicts: list["Conflict"], path: Path):
        cells = "、".join(c.label for c in conflicts[:5]) + ("等" if len(conflicts) > 5 else "")
        super().__init__(
            f"另一窗口（或另一位审核人）同时修改了 {len(conflicts)} 个相同的单元格（{cells}），且数值不同。"
            f"请选择保留哪一方的修改；在选择之前，本窗口的修改仍保留在程序中，未写入 {path.name}。",
            f"conflicting edits in {path}",
        )
        self.conflicts = conflicts


@dataclass(frozen=True)
class Conflict:
    key: str  # "cell:t3:2:1", "review_status", "opinion", "decision:<fingerprint>"
    seen: object
    disk: object
    mine: object

    @property
    def label(self) -> str:
        if self.key.startswith("cell:"):
            table, row, col = self.key.split(":")[1:]
            return f"{table} 第{int(row) + 1}行第{int(col) + 1}列"
        return {"review_status": "审核状态", "opinion": "审核意见"}.get(self.key, "处理决定")


def _cells(payload: dict | None) -> dict[str, dict]:
    return {"cell:" + ":".join(map(str, c["cell"])): c for c in (payload or {}).get("corrections", [])}


def _decisions(payload: dict | None) -> dict[str, dict]:
    return {"decision:" + str(d.get("fingerprint", "")): d for d in (payload or {}).get("decisions", [])}


def _entry_key(entry) -> str:
    """Which audit entry this is: its id. Content is no identity: two edits alike in cell,
    value, user and second (two sessions a second apart, a value typed again) are two entries,
    and keying them by content dropped the later one as "already on disk". Entries saved before
    ids existed (and archived sets) are known by their content."""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
        return "id:" + entry["id"]
    return json.dumps(entry, sort_keys=True, ensure_ascii=False)


_ABSENT = ("no correction",)  # not None: a correction may set a cell blank (value None)


def _value(entry):
    if entry is None:
        return _ABSENT
    return entry.get("value", entry)


def _merge_map(seen: dict, disk: dict, mine: dict, conflicts: list[Conflict], compare=lambda e: e) -> dict:
    """Per key: mine where I changed it since `seen`, else the disk's."""
    out = {}
    for key in list(disk) + [k for k in mine if k not in disk] + [k for k in seen if k not in disk and k not in mine]:
        s, d, m = seen.get(key), disk.get(key), mine.get(key)
        i_changed = compare(m) != compare(s)
        they_changed = compare(d) != compare(s)
        if i_changed and they_changed and compare(d) != compare(m):
            conflicts.append(Conflict(key, *(None if v is _ABSENT else v for v in (compare(s), compare(d), compare(m)))))
            choice = m  # provisional; resolved by the caller's answer
        elif i_changed:
            choice = m
        else:
            choice = d
        if choice is not None:
            out[key] = choice
    return out


def _new_entries(seen: list, mine: list) -> list:
    """Audit entries I added since `seen` (the trail only grows)."""
    if mine[: len(seen)] == seen:
        return mine[len(seen):]
    old = {_entry_key(e) for e in seen}
    return [e for e in mine if _entry_key(e) not in old]


def merge(seen: dict | None, disk: dict | None, mine: dict) -> tuple[dict, list[Conflict]]:
    """The payload to write and the conflicts (resolved as mine in it, for the caller to keep or undo)."""
    if disk is None or disk.get("text_sha256") != mine.get("text_sha256"):
        return mine, []  # nothing on disk, or it is for another text: nothing to merge with
    if seen is None:
        # A view whose start is unknown (the sidecar was not loaded through this object): its
        # cells win, as before merging existed; the disk's audit trail still stays.
        seen = disk
    conflicts: list[Conflict] = []
    out = dict(mine)
    cells = _merge_map(_cells(seen), _cells(disk), _cells(mine), conflicts, _value)
    out["corrections"] = list(cells.values())
    trail = list(disk.get("history", []))
    have = {_entry_key(e) for e in trail}
    trail += [e for e in _new_entries(list((seen or {}).get("history", [])), list(mine.get("history", []))) if _entry_key(e) not in have]
    out["history"] = trail
    for field in ("review_status", "opinion"):
        value = _merge_map({field: (seen or {}).get(field, "")}, {field: disk.get(field, "")}, {field: mine.get(field, "")}, conflicts).get(field, "")
        if field == "opinion" and not value:
            out.pop(field, None)  # the payload leaves an empty opinion out
        else:
            out[field] = value
    decisions = _merge_map(_decisions(seen), _decisions(disk), _decisions(mine), conflicts)
    if decisions:
        out["decisions"] = list(decisions.values())
    else:
        out.pop("decisions", None)
    # Verifications only grow: the other editor's stay beside mine (mine win on the same cell).
    verified = {tuple(v.get("cell", ())): v for v in disk.get("verified", [])}
    verified.update({tuple(v.get("cell", ())): v for v in mine.get("verified", [])})
    if verified:
        out["verified"] = list(verified.values())
    archived = list(disk.get("archived", []))
    have = {_entry_key(a) for a in archived}
    archived += [a for a in mine.get("archived", []) if _entry_key(a) not in have]
    if archived:
        out["archived"] = archived
    return out, conflicts


def resolve(merged: dict, conflicts: list[Conflict], choice: str, disk: dict) -> dict:
    """`merged` with every conflict resolved as `choice` (merged holds mine for them)."""
    if choice == MINE or not conflicts:
        return merged
    out = dict(merged)
    theirs_cells, theirs_decisions = _cells(disk), _decisions(disk)
    keys = {c.key for c in conflicts}
    out["corrections"] = [theirs_cells[k] if k in keys and k in theirs_cells else c for k, c in _cells(merged).items()]
    if "decisions" in out:
        out["decisions"] = [theirs_decisions[k] if k in keys and k in theirs_decisions else d for k, d in _decisions(merged).items()]
    for field in ("review_status", "opinion"):
        if field in keys:
            out[field] = disk.get(field, "")
    return out


def merged_write(path: Path, seen: dict | None, mine: dict, read_disk: Callable[[], dict | None],
                 write: Callable[[dict], None], on_conflict: Callable[[list[Conflict]], str] | None = None) -> dict:
    """Compare, merge and write under the mutex; the payload written (SidecarConflictError if a
    conflict is not resolved)."""
    with WriteMutex(path):
        disk = read_disk()
        merged, conflicts = merge(seen, disk, mine)
        if conflicts:
            if on_conflict is None:
                raise SidecarConflictError(conflicts, path)
            merged = resolve(merged, conflicts, on_conflict(conflicts), disk or {})
        write(merged)
        return merged
