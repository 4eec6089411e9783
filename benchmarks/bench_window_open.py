"""What reading the window's PDFs in a child process costs (gkdesk.isolated_reading) beside
reading them in the window's process, same files, same run: CPU seconds of parent and child, and
wall seconds, for reading each corpus PDF (what opening it in the window reads) and rendering
its first page at the page view's resolution.

Usage: python benchmarks/bench_window_open.py [ROUNDS]   (default 3, the two ways alternating)
A round of the child way starts its child on its first PDF and ends it after the last, so the
fork and the child's own CPU (counted once reaped) are in the figure.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
DPI = 110.0  # gkdesk.ui.page_view.RENDER_DPI (not imported: no Qt here)


def _cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def main(rounds: int) -> int:
    from gkdesk import isolated_reading, reports
    from gkdesk.readers.page_images import render_page_bitmap

    pdfs = sorted(CORPUS.rglob("*.pdf"))
    if not pdfs:
        print("no corpus PDFs found under", CORPUS)
        return 1
    isolated_reading._preload()
    ways = {
        "in process": (reports.load_report, render_page_bitmap),
        "in a child": (isolated_reading.load_report, isolated_reading.render_page),
    }
    cpu = {name: {"read": 0.0, "render": 0.0} for name in ways}
    wall = {name: {"read": 0.0, "render": 0.0} for name in ways}
    seen = {}
    for _ in range(rounds):
        for name, (read, render) in ways.items():
            agencies = []
            for kind in ("read", "render"):
                cpu_start, wall_start = _cpu(), time.perf_counter()
                for pdf in pdfs:
                    if kind == "read":
                        agencies.append(read(pdf).agency)
                    else:
                        render(pdf, 1, DPI)
                isolated_reading.close_children()  # its CPU counts once it is reaped
                cpu[name][kind] += _cpu() - cpu_start
                wall[name][kind] += time.perf_counter() - wall_start
            seen[name] = agencies
    assert seen["in a child"] == seen["in process"], "the two ways read differently"
    n = len(pdfs) * rounds
    for kind in ("read", "render"):
        for name in ways:
            print(f"{kind:>6} {name:>10}: {cpu[name][kind] / n * 1000:6.1f} ms CPU, "
                  f"{wall[name][kind] / n * 1000:6.1f} ms wall per PDF ({len(pdfs)} PDFs x {rounds})")
        print(f"{kind:>6} ratio child / process: CPU {cpu['in a child'][kind] / cpu['in process'][kind]:.3f}, "
              f"wall {wall['in a child'][kind] / wall['in process'][kind]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
