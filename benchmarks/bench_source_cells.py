"""Recognition of original documents (.docx, .html, .pdf) by their own cells against by their
rendered text, in one run.

Usage: python benchmarks/bench_source_cells.py [FOLDER]   (default: ../shared/corpus/originals)
Each document is read once; then, in alternating rounds, its recognition by the reader's own
table cells (parsing.parse_document, as gkdesk opens it) and by its rendered text lexed again
(parsing.parse_text on the same text, as before the cells were kept). Prints the CPU time per
document kind of each and their ratio (CPU time: the machine's other work does not count).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from gkdesk.parsing import parse_document, parse_text
from gkdesk.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "originals"
KINDS = (".docx", ".html", ".pdf")
ROUNDS = 7


def _cpu_ms(function, documents) -> float:
    start = time.process_time()
    for document in documents:
        function(document)
    return (time.process_time() - start) * 1000 / len(documents)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"no such folder: {folder}")
        return 2
    by_text = lambda d: parse_text(d.text, d.encoding)  # noqa: E731
    print(f"recognizing originals in {folder}: CPU ms per document, median of {ROUNDS} rounds")
    print(f"{'kind':6} {'files':>5} {'by cells':>9} {'by text':>9} {'cells/text':>11}")
    for kind in KINDS:
        documents = [read_document(p) for p in sorted(folder.glob("*" + kind))]
        if not documents:
            continue
        for document in documents:  # caches warm for both
            parse_document(document)
            by_text(document)
        cells, text = [], []
        for _ in range(ROUNDS):
            cells.append(_cpu_ms(parse_document, documents))
            text.append(_cpu_ms(by_text, documents))
        c, t = statistics.median(cells), statistics.median(text)
        print(f"{kind:6} {len(documents):5d} {c:9.2f} {t:9.2f} {c / t:11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
