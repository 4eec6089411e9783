"""Time opening original documents (.docx, .html, .pdf): read, render, recognize.

Usage: python benchmarks/bench_readers.py [FOLDER]   (default: ../shared/corpus/originals)
Prints, per kind, the first open in a fresh process (imports included, what a reviewer waits
for when opening the first file) and the median / worst of warm opens. Target: a normal
report's .docx or .pdf opens in under 1 s.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "originals"
KINDS = (".docx", ".html", ".pdf")


def _cold_open_ms(path: Path) -> float:
    """Wall time of importing gkdesk and opening one file in a new interpreter."""
    code = (
        "import sys, time; t = time.perf_counter()\n"
        "from gkdesk.reports import load_report\n"
        "load_report(sys.argv[1])\n"
        "print((time.perf_counter() - t) * 1000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def _warm_open_ms(path: Path, repeat: int = 3) -> float:
    from gkdesk.reports import load_report

    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        load_report(path)
        best = min(best, (time.perf_counter() - t) * 1000)
    return best


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"no such folder: {folder}")
        return 2
    print(f"opening originals in {folder}")
    print(f"{'kind':6} {'files':>5} {'cold first open':>16} {'warm median':>12} {'warm worst':>11}  worst file")
    for kind in KINDS:
        files = sorted(folder.glob("*" + kind))
        if not files:
            continue
        cold = _cold_open_ms(files[0])
        warm = {f.name: _warm_open_ms(f) for f in files}
        worst = max(warm, key=warm.get)
        print(
            f"{kind:6} {len(files):5d} {cold:13.0f} ms {statistics.median(warm.values()):9.0f} ms "
            f"{warm[worst]:8.0f} ms  {worst}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
