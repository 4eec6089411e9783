"""The block search's CPU time by the call depth it starts at: the same searches, run below
0, 1, 2, ... extra Python frames, side by side in one run.

Usage: python benchmarks/bench_search_depth.py [MAX_EXTRA_FRAMES]   (default 16)

StackingSearch._dfs recurses once per block (up to ~200 deep). Measured: gd06__pdfminer's
search took 80 ms CPU at one depth and 520-700 ms one to three frames deeper (the same nodes).
The likely cause: CPython 3.11 keeps frames in chunks of its data stack and frees a chunk as
soon as the frame at its start returns, so a search that backtracks across a chunk boundary
allocates and frees a chunk per step. Where the boundaries fall depends on every frame below
the search, so an unrelated change to a caller (one more local variable) can move a search
across one and change its time several-fold: A/B timings of single documents mislead. The
searches are those the pdfminer and pdf-plain documents of the shared corpus run; the figures
to quote are ratios: one search's slowest depth over its fastest (1.0: no sensitivity), and
every search at its fastest depth over all at the depth they start at here.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from gkdesk.parsing import block_search, parse_text

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT.parent / "shared" / "corpus" / "gen"


def recorded_searches() -> list[block_search.StackingSearch]:
    """Fresh copies of the searches the corpus documents run (constructor arguments recorded)."""
    calls = []
    original = block_search.StackingSearch.__init__

    def record(self, *args, **kwargs):
        calls.append((args, kwargs))
        original(self, *args, **kwargs)

    block_search.StackingSearch.__init__ = record
    try:
        for doc in sorted(GEN.glob("*__pdfminer.txt")) + sorted(GEN.glob("*__pdf-plain.txt")):
            parse_text(doc.read_text(encoding="utf-8"))
    finally:
        block_search.StackingSearch.__init__ = original
    return calls


def run_at_depth(call, extra: int) -> float:
    """CPU seconds of one search started `extra` frames deeper than here."""
    args, kwargs = call

    def below(k: int) -> float:
        if k:
            return below(k - 1)
        t0 = time.process_time()
        block_search.StackingSearch(*args, **kwargs).run()
        return time.process_time() - t0

    return below(extra)


def main() -> None:
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    calls = recorded_searches()
    print(f"{len(calls)} searches from the corpus's pdfminer and pdf-plain documents, each at 0..{top} extra frames")
    per_depth = [0.0] * (top + 1)
    best_sum = 0.0
    ratios = []
    for call in calls:
        times = [run_at_depth(call, extra) for extra in range(top + 1)]
        for extra, t in enumerate(times):
            per_depth[extra] += t
        best_sum += min(times)
        ratios.append(max(times) / max(min(times), 1e-6))
    for extra, total in enumerate(per_depth):
        print(f"  all searches at {extra:2d} extra frames: {total * 1000:7.1f} ms CPU")
    ratios.sort()
    print(f"one search, slowest / fastest depth: median {ratios[len(ratios) // 2]:.2f}, max {ratios[-1]:.2f}")
    print(f"all searches, each at its fastest depth / at depth 0: {best_sum / per_depth[0]:.2f}")


if __name__ == "__main__":
    main()
