"""Time `extract` (decode + recognize) over the whole shared corpus in one process.

Usage: python benchmarks/bench_extract.py [--all] [CORPUS_DIR]   (default: ../shared/corpus)
Extracted text documents only, unless --all (adds .docx/.html/.pdf originals).
Prints per-document median, 90th and 99th percentile, max and total, the same per document
kind (the converter variant: pdfminer, web-flat-nospace, ...; seeds; real; originals by
suffix), and the slowest documents. Target (issue 12): text median <= 5 ms, p99 <= 30 ms.
Beside each wall-clock figure, the process's CPU time for the same documents: on a machine
shared with other work the wall clock counts the waits for a core, the CPU time does not.
"""
from __future__ import annotations

import re
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
    # Warm up imports and caches: a document of each suffix chain (gd02__lo-txt.gb18030.txt's
    # first detection of a legacy encoding loads the detector's models, ~90 ms once a process).
    warm = {}
    for p in docs:
        warm.setdefault("".join(p.suffixes[-2:]) if "__" in p.stem else p.suffix, p)
    for p in list(warm.values()) + docs[:3]:
        load_report(p)
    timed = []
    kinds: list[tuple[float, float, str, str]] = []
    t_all = time.perf_counter()
    for p in docs:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            load_report(p)
        except Exception as exc:  # a benchmark reports, it does not stop
            print(f"  {p.name}: {exc}")
        cpu = (time.process_time() - c0) * 1000
        timed.append(((time.perf_counter() - t0) * 1000, p.name))
        kinds.append((timed[-1][0], cpu, p.name, _kind(p)))
    total = time.perf_counter() - t_all
    timed.sort()
    times = [t for t, _ in timed]
    p90 = times[int(len(times) * 0.9) - 1]
    print(f"documents: {len(docs)}")
    print(f"median: {statistics.median(times):.2f} ms   p90: {p90:.2f} ms   max: {times[-1]:.2f} ms")
    print(f"total: {total:.2f} s")
    print(f"p99: {_percentile(times, 0.99):.2f} ms")
    cpus = sorted(c for _, c, _, _ in kinds)
    print(f"CPU time: median {statistics.median(cpus):.2f} ms   p99 {_percentile(cpus, 0.99):.2f} ms")
    by_kind: dict[str, list[float]] = {}
    cpu_of_kind: dict[str, list[float]] = {}
    for t, cpu, name, kind in kinds:
        by_kind.setdefault(kind, []).append(t)
        cpu_of_kind.setdefault(kind, []).append(cpu)
    print(f"{'kind':<24}{'docs':>6}{'median ms':>12}{'p99 ms':>10}{'CPU median':>12}{'CPU p99':>10}")
    for kind, ts in sorted(by_kind.items()):
        cs = cpu_of_kind[kind]
        print(
            f"{kind:<24}{len(ts):>6}{statistics.median(ts):>12.2f}{_percentile(ts, 0.99):>10.2f}"
            f"{statistics.median(cs):>12.2f}{_percentile(cs, 0.99):>10.2f}"
        )
    print("slowest: " + ", ".join(f"{name} {t:.1f} ms" for t, name in timed[-3:][::-1]))
    # The floor: reading the same bytes, decoding them and one regex pass for the numbers.
    floor = []
    numbers = re.compile(r"\d+")
    for p in docs:
        t0 = time.perf_counter()
        data = p.read_bytes()
        numbers.findall(data.decode("utf-8", "replace"))
        floor.append((time.perf_counter() - t0) * 1000)
    ratio = statistics.median(times) / max(statistics.median(floor), 1e-6)
    print(f"floor (read + decode + one regex pass): median {statistics.median(floor):.3f} ms; extract is {ratio:.0f}x the floor")
    return 0


def _kind(path: Path) -> str:
    """The converter variant of a document (gd01__pdfminer.txt: pdfminer), else its folder."""
    if "__" in path.stem:
        return path.stem.split("__", 1)[1].split(".")[0]
    return f"{path.parent.name}{path.suffix}"


def _percentile(sorted_times: list[float], q: float) -> float:
    """The nearest-rank percentile of sorted values."""
    ts = sorted(sorted_times)
    return ts[max(0, min(len(ts) - 1, -(-int(len(ts) * q * 1000) // 1000) - 1))]


if __name__ == "__main__":
    raise SystemExit(main())
