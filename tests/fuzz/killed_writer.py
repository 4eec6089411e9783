"""One writer of a report's sidecar, as a process, for the kill tests (tests/test_sidecar_kills.py).

    python tests/fuzz/killed_writer.py REPORT ACK_FILE SEED

It loads the sidecar, then edits and saves in a loop as the window's autosave does (one to three
edits per save) until it is killed. After each save returns it appends one line to ACK_FILE: the
ids of the audit entries that save held and no earlier one did. Those entries are acknowledged:
no kill of this writer or of any other may lose them.

The writers meet on purpose: they edit the same two cells with values from a small range, as
the same user, and every entry carries one fixed time, so that entries alike in everything but
their identity are common. A cell two writers changed is resolved as the saver's own (a reviewer
choosing 保留我的), so no save is refused for a conflict.
"""
from __future__ import annotations

import random
import sys

FIXED_TIME = "2026-01-01T00:00:00"
USER = "审核人"


def main(report_path: str, ack_file: str, seed: int) -> int:
    from gkdesk.errors import SidecarWriteError
    from gkdesk.reports import load_report
    from gkdesk.sidecar import Sidecar
    from gkdesk.sidecar_merge import MINE

    rng = random.Random(seed)
    report = load_report(report_path)
    sidecar = Sidecar.for_report(report_path)
    sidecar.load_into(report)
    cells = [a for a in report.addresses() if a[0] == "t3"][:2]
    acked = len(report.history)  # entries loaded from the disk are not this writer's
    with open(ack_file, "a", encoding="utf-8") as acks:
        while True:
            for _ in range(rng.randint(1, 3)):
                report.set_value(rng.choice(cells), rng.randint(1, 3), user=USER)
                report.history[-1].time = FIXED_TIME
            try:
                sidecar.save(report, on_conflict=lambda _conflicts: MINE)
            except SidecarWriteError:
                continue  # not saved, so not acknowledged: the next save carries these entries
            acks.write(" ".join(c.id for c in report.history[acked:]) + "\n")
            acks.flush()
            acked = len(report.history)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
