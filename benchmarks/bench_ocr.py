"""Scanned reports read by OCR: cells exact, wrong cells marked, format, false alarms, seconds.

Makes scans of the shared corpus's PDFs (tests/scan_maker.py: rendered at --scan-dpi, grey
paper, noise, rotation, a red seal, JPEG; cached in build/scan-corpus) and reads each with
gkdesk, beside the original PDF read from its text layer (the peer: what OCR should match).

    .venv/bin/python benchmarks/bench_ocr.py [--dpi 150] [--scan-dpi 150] [NAME ...]

NAME: gd01 ... gd13 (originals) or 009 010 011 (real); default all. OCR is CPU-heavy: a few
documents at a time on a shared machine.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def _documents(names):
    docs = sorted((SHARED / "originals").glob("*.pdf")) + sorted((SHARED / "real").glob("*.pdf"))
    return [d for d in docs if not names or d.stem in names]


def _cells(report, truth):
    out = []
    for table_id in ("t2", "t3", "t4"):
        want = truth.get(table_id)
        if want is None:
            continue
        rows = want if table_id != "t4" else [want]
        table = report.tables.get(table_id)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cells[r][c] if table is not None and r < len(table.cells) and c < len(table.cells[r]) else None
                out.append((value, cell))
    return out


def _errors(report):
    from gkdesk.checks import check_report

    from gkdesk.findings import ERROR

    return {f.rule for f in check_report(report) if f.severity == ERROR}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=float, default=None, help="OCR rendering resolution (default readers.ocr.OCR_DPI)")
    ap.add_argument("--scan-dpi", type=int, default=150, help="resolution the scans are made at")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args(argv)

    from scan_maker import ScanStyle, scan_of

    from gkdesk.readers import ocr
    from gkdesk.reports import load_report

    if args.dpi:
        ocr.OCR_DPI = args.dpi
        ocr.read_scanned_pages.__defaults__ = (None, args.dpi)
    ocr._get_engine()  # loaded once, not timed per document
    totals = {"cells": 0, "exact": 0, "wrong": 0, "marked_wrong": 0, "marked": 0, "pages": 0, "seconds": 0.0, "cpu": 0.0}
    for pdf in _documents(set(args.names)):
        truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        scan = scan_of(pdf, ScanStyle(dpi=args.scan_dpi))
        from gkdesk.readers.page_images import page_count

        pages = page_count(scan)
        t0, c0 = time.perf_counter(), time.process_time()
        report = load_report(scan)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        t1 = time.perf_counter()
        original = load_report(pdf)  # the peer: the same report read from its text layer
        peer = time.perf_counter() - t1
        cells = _cells(report, truth)
        exact = sum(1 for value, cell in cells if cell is not None and cell.value == value)
        wrong = [(v, c) for v, c in cells if c is None or c.value != v]
        marked_wrong = sum(1 for _, c in wrong if c is not None and c.inferred)
        marked = sum(1 for _, c in cells if c is not None and c.inferred)
        alarms = sorted(_errors(report) - _errors(original))
        fmt = "ok" if report.format == truth.get("format") else f"WRONG {report.format}"
        print(
            f"{pdf.parent.name}/{pdf.name}: cells {exact}/{len(cells)}, wrong {len(wrong)} (marked {marked_wrong}), "
            f"marked {marked}, format {fmt}, new alarms {alarms or 'none'}, {pages} pages {seconds:.1f} s "
            f"({seconds / pages:.1f} s/page, CPU {cpu:.1f} s; the text PDF: {peer:.1f} s)",
            flush=True,
        )
        for k, v in (("cells", len(cells)), ("exact", exact), ("wrong", len(wrong)), ("marked_wrong", marked_wrong),
                     ("marked", marked), ("pages", pages), ("seconds", seconds), ("cpu", cpu)):
            totals[k] += v
    t = totals
    if t["cells"]:
        print(
            f"TOTAL cells exact {t['exact']}/{t['cells']} = {100 * t['exact'] / t['cells']:.2f}%, wrong {t['wrong']} "
            f"(marked {t['marked_wrong']}), marked {t['marked']}; {t['pages']} pages, "
            f"{t['seconds'] / max(t['pages'], 1):.1f} s/page wall, {t['cpu'] / max(t['pages'], 1):.1f} s/page CPU"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
