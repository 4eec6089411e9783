"""Time the pathological inputs of the robustness tests: 10 MB without a line break.

Usage: python benchmarks/bench_pathological.py
Prints, per shape, the seconds to recognize (parse_text), to check (check_report), and the
whole open path of a file (read + decode + recognize + check). The tests only guard against
hangs (tests/test_robust_limits.py); these are the figures. Target: recognize < 5 s each.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_robust_limits import PATHOLOGICAL  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.parsing import parse_text  # noqa: E402
from gkdesk.reports import load_report  # noqa: E402


def seconds(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> int:
    print("10 million characters without a line break; seconds:")
    print(f"{'shape':12} {'file MB':>7} {'recognize':>10} {'check':>8} {'open file':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for shape, make in sorted(PATHOLOGICAL.items()):
            text = make()
            parse_s, report = seconds(lambda: parse_text(text))
            check_s, _ = seconds(lambda: check_report(report))
            path = Path(folder) / f"{shape}.txt"
            path.write_text(text, encoding="utf-8")
            open_s, _ = seconds(lambda: check_report(load_report(path)))
            size = path.stat().st_size / (1024 * 1024)
            print(f"{shape:12} {size:7.1f} {parse_s:10.2f} {check_s:8.2f} {open_s:10.2f}")
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
