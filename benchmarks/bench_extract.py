"""Time `extract` (decode + recognize) over the whole shared corpus in one process.

Usage: python benchmarks/bench_extract.py [--all] [CORPUS_DIR]   (default: ../shared/corpus)
Extracted text documents only, unless --all (adds .docx/.html/.pdf originals).
Prints per-document median, 90th percentile, max and total, and the slowest documents.
Target: median < 10 ms for text.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from gkdesk.reports import REPORT_SUFFIXES, load_report

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--all"]
    suffixes = set(REPORT_SUFFIXES) if "--all" in sys.argv else {".txt"}
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    docs = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    docs = [p for p in docs if p.suffix.lower() != ".json"]
    if "--all" not in sys.argv:
        seeds = corpus.parent / "seeds"
        docs += sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not docs:
        print(f"no documents under {corpus}")
        return 1
    for p in docs[:3]:
        load_report(p)  # warm up imports and caches
    timed = []
    t_all = time.perf_counter()
    for p in docs:
        t0 = time.perf_counter()
        try:
            load_report(p)
        except Exception as exc:  # a benchmark reports, it does not stop
            print(f"  {p.name}: {exc}")
        timed.append(((time.perf_counter() - t0) * 1000, p.name))
    total = time.perf_counter() - t_all
    timed.sort()
    times = [t for t, _ in timed]
    p90 = times[int(len(times) * 0.9) - 1]
    print(f"documents: {len(docs)}")
    print(f"median: {statistics.median(times):.2f} ms   p90: {p90:.2f} ms   max: {times[-1]:.2f} ms")
    print(f"total: {total:.2f} s")
    print("slowest: " + ", ".join(f"{name} {t:.1f} ms" for t, name in timed[-3:][::-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
