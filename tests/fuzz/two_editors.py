"""One of two editors of one report, as a process: the two-editor tests run two at once.

    python tests/fuzz/two_editors.py REPORT NAME EDITS MODE START_FILE

NAME is the editor (its edits carry it as the user); it edits the cells of one table (editor "a":
表三, "b": 表二 and 表四), EDITS times in turn, saving the sidecar after each edit as the window's
autosave does. MODE "lock": take the report's lock first, and stop at once, read-only, if the
other editor has it. MODE "merge": ignore the lock (as an older gkdesk or a takeover would), so
every write meets the other's. Both start when START_FILE exists. Prints one JSON line.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _cells(report, name: str) -> list:
    tables = ("t3",) if name == "a" else ("t2", "t4")
    return [addr for addr in report.addresses() if addr[0] in tables]


def main(report_path: str, name: str, edits: int, mode: str, start_file: str) -> int:
    from gkdesk import review_lock
    from gkdesk.reports import load_report
    from gkdesk.sidecar import Sidecar

    report = load_report(report_path)
    lock = None
    while not Path(start_file).exists():
        time.sleep(0.005)
    if mode == "lock":
        got = review_lock.acquire(report_path)
        if got.read_only:
            print(json.dumps({"editor": name, "read_only": True, "message": got.message}, ensure_ascii=False))
            return 0
        lock = got.lock
    sidecar = Sidecar.for_report(report_path)
    sidecar.load_into(report)
    cells = _cells(report, name)
    for i in range(edits):
        addr = cells[i % len(cells)]
        report.set_value(addr, 1000 + i, user=name)
        sidecar.save(report)
    if lock is not None:
        time.sleep(0.2)  # hold it a moment: the other editor must find it taken
        lock.release()
    print(json.dumps({"editor": name, "read_only": False, "edits": edits}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]))
