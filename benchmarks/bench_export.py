"""Time the Excel export: one report's workbook, re-import, and the summary of many reports.

Usage: python benchmarks/bench_export.py [N]   (N reports in the summary, default 1000)
The reports are the shared corpus's documents, recognized once and repeated (each copy with
its own agency name) up to N. Prints figures; targets: one workbook < 200 ms,
the summary of 1,000 reports < 30 s.
"""
from __future__ import annotations

import copy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _reports():
    from gkdesk.reports import load_report

    docs = sorted(p for p in CORPUS.rglob("*.txt"))
    docs += sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    out = []
    for p in docs:
        try:
            out.append(load_report(p))
        except Exception as exc:  # a benchmark reports, it does not stop
            print(f"skip {p.name}: {exc}")
    return out


def _cold_import_ms() -> float:
    code = "import time; t = time.perf_counter(); import openpyxl; print((time.perf_counter() - t) * 1000)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> int:
    from gkdesk.checks import check_report
    from gkdesk.export import export_report, export_summary, import_workbook

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    base = _reports()
    if not base:
        print(f"no documents under {CORPUS}")
        return 1
    print(f"openpyxl import (cold, once per process): {_cold_import_ms():.0f} ms")
    one = max(base, key=lambda r: sum(len(t.cells) for t in r.tables.values()))
    one.set_value(("t3", 0, 0), 1, user="bench")
    findings = check_report(one)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.xlsx"
        export_report(one, path, findings=findings)  # warm-up
        times, back = [], []
        for _ in range(20):
            t0 = time.perf_counter()
            export_report(one, path, findings=findings)
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            import_workbook(path)
            back.append(time.perf_counter() - t0)
        print(
            f"one report's workbook ({path.stat().st_size // 1024} KB): median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms (target < 200 ms)"
        )
        print(f"re-import: median {statistics.median(back) * 1000:.0f} ms, max {max(back) * 1000:.0f} ms")

        reports = []
        for i in range(n):
            r = copy.copy(base[i % len(base)])  # tables shared: the summary only reads them
            r.agency = f"{r.agency or '单位'}{i + 1:04d}"
            reports.append(r)
        t0 = time.perf_counter()
        all_findings = [check_report(r) for r in reports]
        t_check = time.perf_counter() - t0
        target = Path(tmp) / "summary.xlsx"
        t0 = time.perf_counter()
        export_summary(reports, target, findings=all_findings)
        t_summary = time.perf_counter() - t0
        print(
            f"summary of {n} reports ({target.stat().st_size // 1024} KB): {t_summary:.1f} s "
            f"(+ {t_check:.1f} s to check them) (target < 30 s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
