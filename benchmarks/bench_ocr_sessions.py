"""OCR engine settings side by side: CPU seconds of reading the same scanned pages, and whether
the characters read stay the same, for each variant beside the one gkdesk uses.

    .venv/bin/python benchmarks/bench_ocr_sessions.py [NAME] [ROUNDS]

NAME: a corpus PDF (default real/011, 6 pages), scanned by tests/scan_maker.py. The pages are
read one after another in this thread (readers/ocr.scan_page), so the process CPU time is that
of the variant alone; rounds alternate the variants so that a loaded machine's drift falls on
all of them. Variants: ONNX Runtime's CPU memory arena on (RapidOCR turns it off), two intra-op
threads per session (gkdesk runs one per session and pages in parallel instead), and text
detection on the page scaled to 1024 pixels instead of DETECT_SIDE.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def _engine(arena: bool = False, intra: int = 1):
    from rapidocr_onnxruntime import RapidOCR
    from rapidocr_onnxruntime.utils import infer_engine

    original = infer_engine.OrtInferSession._init_sess_opts

    def options(config):
        opts = original(config)
        opts.enable_cpu_mem_arena = arena
        return opts

    infer_engine.OrtInferSession._init_sess_opts = staticmethod(options)
    try:  # the settings of readers/ocr._get_engine otherwise
        return RapidOCR(intra_op_num_threads=intra, inter_op_num_threads=1, use_cls=False, rec_batch_num=1)
    finally:
        infer_engine.OrtInferSession._init_sess_opts = original


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    name = argv[0] if argv else "011"
    rounds = int(argv[1]) if len(argv) > 1 else 2
    from scan_maker import ScanStyle, scan_of

    from gkdesk.readers import ocr
    from gkdesk.readers.page_images import page_images

    pdf = next(p for p in sorted(SHARED.glob("*/*.pdf")) if p.stem == name)
    images = list(page_images(scan_of(pdf, ScanStyle()), ocr.OCR_DPI))
    now = ocr._get_engine()
    variants = {
        "gkdesk's settings": (now, ocr.DETECT_SIDE),
        "memory arena on": (_engine(arena=True), ocr.DETECT_SIDE),
        "2 intra-op threads": (_engine(intra=2), ocr.DETECT_SIDE),
        "detection at 1024 px": (now, 1024),
    }
    cpu: dict[str, list[float]] = {k: [] for k in variants}
    read: dict[str, list] = {}
    side = ocr.DETECT_SIDE
    try:
        for _ in range(rounds):
            for label, (engine, detect_side) in variants.items():
                ocr.DETECT_SIDE = detect_side
                c0 = time.process_time()
                pages = [ocr.scan_page(image, engine) for image in images]
                cpu[label].append(time.process_time() - c0)
                read.setdefault(label, [[(c["text"], round(c["x0"], 1)) for c in p.chars] for p in pages])
    finally:
        ocr.DETECT_SIDE = side
    base = min(cpu["gkdesk's settings"])
    print(f"{pdf.parent.name}/{pdf.name}, {len(images)} pages, best of {rounds} rounds, CPU seconds of this thread's reading:")
    for label in variants:
        best = min(cpu[label])
        same = "same characters" if read[label] == read["gkdesk's settings"] else "OTHER characters"
        print(f"  {label:22s} {best:6.2f} s  ({best / base:.2f}x gkdesk's settings; {same})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
