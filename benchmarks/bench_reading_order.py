"""Time and check the readers of scrambled (pdftotext default mode) and flat (web page) tables.

Usage: python benchmarks/bench_reading_order.py [N]   (N synthetic streams per layout, default 40)

1. The shared corpus's pdf-plain documents, whole recognition (decode + sections + tables).
2. The corpus's html-pipe documents with their tables flattened (and the whole page on one
   line), as archived web pages give them.
3. Synthetic 表三 streams in pdftotext's orders (portrait bands; two flows on a landscape
   page over two pages), from random consistent tables: how many are put back exactly,
   how many are given up (left to the row reader), and how many come out wrong.
Targets: whole recognition median < 10 ms for ordinary text; the solver bounded (< 200 ms).
"""
from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from gkdesk.parsing import parse_text  # noqa: E402
from gkdesk.reports import load_report  # noqa: E402
from gkdesk.schema import table_spec  # noqa: E402
from test_flat import flatten_tables, one_line  # noqa: E402
from test_reading_order import (  # noqa: E402
    consistent_t3,
    landscape_blocks,
    portrait_blocks,
    render_stream,
    solve_text,
    values,
)


def summary(label: str, times: list[float]) -> None:
    times = sorted(times)
    p90 = times[max(0, int(len(times) * 0.9) - 1)]
    print(f"{label}: n={len(times)} median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, max {times[-1]:.1f} ms")


def corpus_plain(gen: Path) -> None:
    times, exact = [], 0
    for doc in sorted(gen.glob("*__pdf-plain*.txt")):
        truth = json.loads((gen / (doc.name.split("__")[0] + ".json")).read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        report = load_report(doc)
        times.append((time.perf_counter() - t0) * 1000)
        got = report.to_json()
        exact += all(
            got[t] == truth[t] or _blank_as_zero(truth[t], got[t]) for t in ("t2", "t3", "t4")
        )
    summary("corpus pdf-plain, whole recognition", times)
    print(f"  tables as the truth (blank read as 0 allowed, as score.py does): {exact}/{len(times)}")


def _blank_as_zero(truth, got) -> bool:
    if isinstance(truth, list):
        return isinstance(got, list) and len(truth) == len(got) and all(_blank_as_zero(a, b) for a, b in zip(truth, got))
    return truth == got or (truth is None and got == 0)


def corpus_flat(gen: Path) -> None:
    for shape in (flatten_tables, one_line):
        times, exact_t3 = [], 0
        docs = sorted(gen.glob("*__html-pipe.txt"))
        for doc in docs:
            truth = json.loads((gen / (doc.name.split("__")[0] + ".json")).read_text(encoding="utf-8"))
            text = shape(doc.read_text(encoding="utf-8"))
            t0 = time.perf_counter()
            report = parse_text(text)
            times.append((time.perf_counter() - t0) * 1000)
            t3 = report.tables.get("t3")
            exact_t3 += t3 is not None and _blank_as_zero(truth["t3"], t3.values())
        summary(f"corpus html-pipe, {shape.__name__}", times)
        print(f"  表三 as the truth: {exact_t3}/{len(docs)}")


def synthetic(n: int) -> None:
    for layout in ("portrait", "landscape"):
        times, ok, wrong, given_up = [], 0, 0, 0
        for version in ("2021", "2019"):
            spec = table_spec(version, "t3")
            for seed in range(n):
                grid = consistent_t3(version, 5000 + seed)
                rng = random.Random(seed)
                if layout == "portrait":
                    pages = [portrait_blocks(len(spec.rows), rng)]
                else:
                    cut = rng.choice([12, 16, 20])
                    pages = [
                        landscape_blocks(range(0, cut), rng, split=rng.choice([2, 3, 4])),
                        landscape_blocks(range(cut, len(spec.rows)), rng, split=rng.choice([3, 7])),
                    ]
                text = render_stream(spec, grid, pages)
                t0 = time.perf_counter()
                solved = solve_text(spec, text)
                times.append((time.perf_counter() - t0) * 1000)
                if solved is None:
                    given_up += 1
                elif values(solved[0]) == grid:
                    ok += 1
                else:
                    wrong += 1
        summary(f"synthetic {layout} streams, solver only", times)
        print(f"  exact {ok}, given up {given_up}, wrong {wrong}")


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    gen = ROOT.parent / "shared" / "corpus" / "gen"
    load_report(next(gen.glob("*__pdf-plain.txt"))) if gen.is_dir() else None  # warm up
    if gen.is_dir():
        corpus_plain(gen)
        corpus_flat(gen)
    else:
        print(f"no corpus at {gen}: synthetic streams only")
    synthetic(n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
