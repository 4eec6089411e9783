"""What reading the window's PDFs in a child process costs (gkdesk.isolated_reading) beside
reading them in the process itself, same files, same run, in CPU milliseconds per PDF: reading
each corpus PDF (what opening it in the window reads) and rendering its first page at the page
view's resolution, the two ways alternating PDF by PDF.

Usage: python benchmarks/bench_window_open.py [ROUNDS]   (default 3)
The child's CPU is its own (it reports its getrusage before and after each call) plus what the
call costs the parent (pickling, the pipe); one child serves the whole run, as in the window.
Starting and ending a child (the fork, once a session and once after each crash) is printed
apart.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from process_cpu import own_and_children_cpu  # noqa: E402
DPI = 110.0  # gkdesk.ui.page_view.RENDER_DPI (not imported: no Qt here)


def main(rounds: int) -> int:
    from gkdesk import isolated_reading as isolated
    from gkdesk import reports
    from gkdesk.readers.page_images import render_page_bitmap

    pdfs = sorted(CORPUS.rglob("*.pdf"))
    if not pdfs:
        print("no corpus PDFs found under", CORPUS)
        return 1
    if not isolated._WORKERS.available():
        print("no fork here: the window reads PDFs in its own process")
        return 1
    isolated._preload()

    def child_cpu() -> float:
        usage = isolated._WORKERS.call(resource.getrusage, resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    ways = {
        "read": (reports.load_report, isolated.load_report, lambda read, pdf: read(pdf).agency),
        "render": (render_page_bitmap, isolated.render_page, lambda render, pdf: render(pdf, 1, DPI).data),
    }
    child_cpu()  # the child started
    for kind, (here, there, use) in ways.items():
        cpu = {"in process": 0.0, "in a child": 0.0}
        for _ in range(rounds):
            for pdf in pdfs:
                start = time.process_time()
                mine = use(here, pdf)
                cpu["in process"] += time.process_time() - start
                before, start = child_cpu(), time.process_time()
                theirs = use(there, pdf)
                parent = time.process_time() - start
                cpu["in a child"] += child_cpu() - before + parent
                assert mine == theirs, f"{pdf}: the two ways differ"
        n = rounds * len(pdfs)
        print(f"{kind:>6}: in process {cpu['in process'] / n * 1000:6.1f} ms CPU, in a child "
              f"{cpu['in a child'] / n * 1000:6.1f} ms CPU per PDF ({len(pdfs)} PDFs x {rounds}); "
              f"ratio {cpu['in a child'] / cpu['in process']:.3f}")
    isolated.close_children()
    lives = []
    for _ in range(5):
        start = own_and_children_cpu()
        isolated._WORKERS.call(len, ())
        isolated.close_children()  # reaped: its CPU counts
        lives.append(own_and_children_cpu() - start)
    print(f" child: started, one empty call, ended: {sorted(lives)[2] * 1000:.1f} ms CPU (median of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
