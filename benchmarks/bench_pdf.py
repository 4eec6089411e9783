"""PDF reports: gkdesk beside a plain pdfplumber script and beside `pdftotext -layout`, same files, same run.

Usage: python benchmarks/bench_pdf.py [FILES or FOLDERS]   (default: ../shared/corpus originals + real)
Per report (best of 3, then the median over reports):
  gkdesk     load_report: PDF pages read (PDFium), tables rebuilt, the form recognized
  pdfplumber the generic script: pdfplumber's extract_tables() + extract_text() on every page,
             table rows mapped to the form's rows by their labels
  pdftotext  poppler's `pdftotext -layout` (text only, no tables), a process per file
Target (issue 16): gkdesk >= 4x faster than the pdfplumber script. pdftotext comes with
poppler-utils (apt-get install poppler-utils); without it its column is left out.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _files(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [CORPUS / "originals", CORPUS / "real"]
    out = []
    for root in roots:
        out += sorted(root.glob("*.pdf")) if root.is_dir() else [root]
    return out


def _best_ms(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best


def _gkdesk(path: Path) -> None:
    from gkdesk.reports import load_report

    load_report(path)


def _pdfplumber_script(path: Path) -> None:
    import pdfplumber

    from gkdesk.schema import normalize_label

    rows = {}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            for table in page.extract_tables():
                for row in table:
                    label = next((c for c in row if c), "")
                    rows[normalize_label(label)] = row
            page.close()


def _pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)


def main(argv: list[str]) -> int:
    files = _files(argv)
    if not files:
        print("no PDF files")
        return 2
    peers = [("gkdesk", _gkdesk), ("pdfplumber", _pdfplumber_script)]
    if shutil.which("pdftotext"):
        peers.append(("pdftotext", _pdftotext))
    for _, fn in peers:
        fn(files[0])  # imports and caches warmed
    times = {name: [_best_ms(lambda: fn(f)) for f in files] for name, fn in peers}
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"{len(files)} PDF reports, median ms per report (best of 3 each):")
    for name, _ in peers:
        print(f"  {name:11} {median[name]:8.1f} ms   total {sum(times[name]) / 1000:6.2f} s")
    print(f"gkdesk vs pdfplumber script: {median['pdfplumber'] / median['gkdesk']:.1f}x faster (target >= 4x)")
    if "pdftotext" in median:
        print(f"gkdesk vs pdftotext -layout: {median['gkdesk'] / median['pdftotext']:.1f}x its time "
              "(pdftotext gives text only: no tables, no form)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
