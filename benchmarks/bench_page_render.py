"""Time rendering a PDF page for the window's page view (issue 18), beside its peer.

Usage: python benchmarks/bench_page_render.py [FOLDER]   (default: ../shared/corpus/originals)
For every page of every PDF: the view's own path (ui.page_view.render_page: PDFium at the view's
resolution, into a QImage) beside the peer that does the least work for the same pixels
(pypdfium2's page.render alone, no copy into Qt), median / p90 / worst and the ratio.
Target: a page ready for the view in <= 150 ms (it runs off the GUI thread); the first page of
a session, which also imports numpy and the reader, is printed apart.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "originals"


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    import pypdfium2 as pdfium
    from PySide6.QtGui import QGuiApplication

    from gkdesk.ui.page_view import RENDER_DPI, render_page

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage needs none, fonts do)
    pdfs = sorted(folder.glob("*.pdf")) + sorted((folder.parent / "real").glob("*.pdf"))
    ours, peer = [], []
    for pdf in pdfs:
        doc = pdfium.PdfDocument(str(pdf))
        count = len(doc)
        for number in range(1, count + 1):
            t = time.perf_counter()
            page = doc[number - 1]
            bitmap = page.render(scale=RENDER_DPI / 72.0)
            bitmap.close()
            page.close()
            peer.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            render_page(str(pdf), number)
            ours.append((time.perf_counter() - t) * 1000)
        doc.close()

    def row(name, xs):
        xs = sorted(xs)
        p90 = xs[int(0.9 * (len(xs) - 1))]
        return f"{name:<42} median {statistics.median(xs):6.1f} ms  p90 {p90:6.1f} ms  worst {xs[-1]:6.1f} ms"

    first = ours.pop(0)  # the first also imports numpy and the reader: said apart
    peer.pop(0)
    print(f"{len(ours) + 1} pages of {len(pdfs)} PDFs at {RENDER_DPI:.0f} dpi; the first (imports included) {first:.1f} ms")
    print(row("page view (open, render, QImage)", ours))
    print(row("peer: pypdfium2 render of an open page", peer))
    print(f"ratio view / peer (medians): {statistics.median(ours) / statistics.median(peer):.2f}")
    print(f"target <= 150 ms a page: {'met' if max(ours) <= 150 else 'NOT met'} (worst {max(ours):.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
