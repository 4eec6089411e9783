"""Read a scanned (image-only) PDF with an OCR model that ships inside a package: RapidOCR.

rapidocr_onnxruntime carries PP-OCRv4's detection and recognition models in its wheel and runs
them with ONNX Runtime on the CPU: nothing is downloaded, no socket is opened. It is optional
(`pip install gkdesk[ocr]`); without it a scan gets a clear message.

Each page becomes what the PDF text reader gets from a text layer (pdf_page_objects.PageObjects):
characters with boxes, in points, and the ruling lines found in the image as edges. The PDF
reader then builds lines, ruled and unruled tables and paragraphs from them exactly as for a
text PDF, so one recognizer serves both. Each character also keeps the recognizer's
probability ("conf"), which readers/ocr_provenance.py turns into cell confidence.

A page is cleaned before recognition: the red channel lifted by red saturation (a red seal turns white, black
ink stays black), the paper tone stretched to white, the skew measured and undone, the ruling
lines erased once found (digits touching a line read better without it).
"""
from __future__ import annotations

import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import InputError
from .document import SourceDocument, render
from .page_images import PageImage, page_images

# Rendering resolution, chosen by measurement (benchmarks/bench_ocr.py, scan of gd02 made at
# 150 dpi): 198/200 cells exact at 150 dpi, 197/200 at 200 dpi for ~20% more CPU per page.
OCR_DPI = 150
# Text detection runs on the page scaled down so its longer side has at most this many pixels
# (measured on a table page at 150 dpi: 2.1 s -> 0.44 s of CPU, the cells read the same
# after the boxes are placed; the box edges are a pixel or two looser); the recognizer reads
# each line from the full-resolution page.
DETECT_SIDE = 1280
# A recognized line whose mean probability is below this is noise (a seal's ring read as text).
MIN_LINE_SCORE = 0.5
# Skew search: the angles tried (degrees), on a page scaled to this width.
MAX_SKEW = 3.0
SKEW_WIDTH = 800
# A ruling line is a run of ink at least this long (share of the page's width): longer than
# a glyph's strokes run together along a line of text, shorter than a narrow table cell.
RULE_SHARE = 0.05
# The most a figure read from a cell detection passed over is trusted (below scan_provenance.SURE).
UNDETECTED = 0.8
# How much of a pixel's red saturation is added back to its red channel (_clean): at
# 0.5 a red seal over a table vanishes on the scan corpus; black ink under it stays black.
SEAL_LIFT = 0.5
# Grey level below which a pixel is ink when looking for ruling lines (paper is 255).
FAINT_INK = 200
# Neighbouring characters of one recognized line whose middles stand farther apart than this
# many of their widths are separate words (a line's characters stand about one width apart).
APART = 1.6
# Glyph size = detected box height / this (measured: a 16 pt line gives 15.8 pt boxes at 150 dpi).
BOX_TO_FONT = 1.0

# ONNX Runtime (1.32 seen) sends usage events to Microsoft from a thread of its own unless
# this is set before it starts: a DNS query for mobile.events.data.microsoft.com was seen by
# strace on the first scan read (tests/test_no_network.py). Never telemetry: set here, before
# this module imports ONNX Runtime, whatever the environment said.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

MISSING_ENGINE = (
    "这个 PDF 是扫描件（页面是图片，没有文字层）。识别扫描件需要 OCR 组件，当前安装中没有。"
    "请安装 gkdesk[ocr]（rapidocr_onnxruntime），或改用报告的 .docx / 网页版本。"
)

ProgressFn = Callable[[int, int, str], None]


@dataclass
class ScannedPage:
    """One page as OCR read it: PageObjects for the PDF reader, and how its image was turned."""

    number: int
    objects: object  # pdf_page_objects.PageObjects, in points, in the deskewed page's frame
    skew: float  # degrees the page image was turned to make its lines level
    chars: list[dict] = field(default_factory=list)  # the same char dicts as objects.chars


_engine = None
_engine_lock = threading.Lock()


def ocr_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def _get_engine():
    """One engine per process (loading the models takes about a second)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            try:
                import onnxruntime
                from rapidocr_onnxruntime import RapidOCR
            except ImportError:
                raise InputError(MISSING_ENGINE, "rapidocr_onnxruntime is not installed") from None
            onnxruntime.disable_telemetry_events()  # and through its API where it has one
            # Batches of one: a line is not padded to the widest line of its batch (measured:
            # half the recognition time of the default batches on a table page). A short
            # crop is still padded to the 320 pixels the model was trained at: a lone "0"
            # read at its own width comes out as "o" (measured on the scan corpus).
            _engine = RapidOCR(
                intra_op_num_threads=1,  # pages run in parallel instead (read_scanned_pages)
                inter_op_num_threads=1,
                use_cls=False,
                rec_batch_num=1,
            )
        return _engine


@dataclass
class ScannedDocument(SourceDocument):
    """A scanned PDF read by OCR: the rendered text and tables, and each page as OCR read it."""

    pages: list[ScannedPage] = field(default_factory=list)


def read_scanned_pdf(path: Path, progress: ProgressFn | None, read_page, blocks) -> ScannedDocument:
    """The PDF reader's branch for a PDF whose pages are images: OCR each page, then the PDF
    reader's own stages (`read_page(objects, number)` -> page items, `blocks(pages)`)."""
    scanned = read_scanned_pages(path, progress)
    pages = [read_page(s.objects, s.number) for s in scanned]
    if not any(page.has_text for page in pages):
        raise InputError(
            "这个 PDF 是扫描件（页面是图片，没有文字层），文字识别（OCR）在页面上没有认出文字。"
            "请检查扫描件是否清晰，或改用报告的 .docx / 网页版本。",
            "scanned PDF: OCR found no text",
        )
    document = render(blocks(pages), "pdf", "pdf:ocr")
    return ScannedDocument(document.text, document.kind, document.encoding, document.tables, pages=scanned)


def read_scanned_pages(path: str | Path, progress: ProgressFn | None = None, dpi: float = OCR_DPI) -> list[ScannedPage]:
    """OCR every page; `progress(done, total, text)` as pages finish, in order (it may raise
    to cancel: the pages not started are dropped).

    Pages are read in parallel, one thread per core, each running the models on one thread:
    ONNX Runtime releases the GIL, and whole pages side by side keep the cores busier than one
    page's small tensors split over threads (measured, benchmarks/bench_ocr.py)."""
    from concurrent.futures import ThreadPoolExecutor

    from .page_images import page_count

    total = page_count(path)
    engine = _get_engine()
    if progress is not None:
        progress(0, total, f"正在识别扫描件（共 {total} 页）")
    out: list[ScannedPage] = []
    with ThreadPoolExecutor(max_workers=_workers()) as pool:
        pending = []
        images = page_images(path, dpi)
        try:
            for image in images:
                pending.append(pool.submit(scan_page, image, engine))
                # Keep at most one page waiting per worker: page images are large.
                while len(pending) > _workers():
                    out.append(pending.pop(0).result())
                    _tell(progress, len(out), total)
            while pending:
                out.append(pending.pop(0).result())
                _tell(progress, len(out), total)
        except BaseException:
            for f in pending:
                f.cancel()
            raise
        finally:
            images.close()
    return out


def _tell(progress: ProgressFn | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total, f"已识别扫描件第 {done}/{total} 页")


def _workers() -> int:
    import os

    return max(1, min(4, os.cpu_count() or 1))


def scan_page(image: PageImage, engine=None) -> ScannedPage:
    """The characters and ruling edges of one page image."""
    from .pdf_page_objects import PageObjects

    engine = engine or _get_engine()
    grey = _clean(image.pixels)
    skew = measure_skew(grey)
    # For the rules: not smoothed, so thin lines survive, and not lifted, so a rule passing
    # through the red fringe JPEG leaves around a seal stays a rule.
    sharp = _clean(image.pixels, smooth=False, lift=0.0)
    if abs(skew) >= 0.05:
        grey, sharp = _rotate(grey, skew), _rotate(sharp, skew)
    # Faint hairlines count as rules: anything clearly darker than the paper (which _clean
    # set to white, its noise included) is ink here.
    rules, mask = ruling_lines(sharp < FAINT_INK)
    if mask is not None:
        grey = grey.copy()
        grey[mask] = 255
    chars = recognize(grey, engine)
    chars += read_unread_cells(grey, chars, rules, engine)
    s = image.scale
    for ch in chars:
        for key in ("x0", "x1", "top", "bottom"):
            ch[key] /= s
        ch["size"] /= s
    edges = [_edge(x0 / s, x1 / s, top / s, bottom / s) for x0, x1, top, bottom in rules]
    objects = PageObjects(image.width, image.height, chars=chars, edges=edges, has_images=True)
    return ScannedPage(image.number, objects, skew, chars)


# ---------------------------------------------------------------- image cleaning

def _clean(pixels, smooth: bool = True, lift: float | None = None):
    """Grey levels from the red channel lifted by red saturation (a red seal vanishes), the paper set to white:
    everything lighter than the paper's darker spread is paper, not ink. `smooth`: specks
    smoothed away too (a 3x3 median, which would also wipe out one-pixel ruling lines)."""
    import cv2
    import numpy as np

    red = _without_red_ink(pixels, SEAL_LIFT if lift is None else lift)
    if smooth:
        red = cv2.medianBlur(red, 3)
    sample = red[::4, ::4].astype(np.float32)
    paper = float(np.median(sample))  # most of a page is paper
    spread = float(np.median(np.abs(sample - paper))) * 1.4826  # the paper's noise (MAD)
    white = paper - 3.0 * spread
    black = float(np.percentile(sample, 0.5))
    if white - black < 32:
        return red
    out = (red.astype(np.float32) - black) * (255.0 / (white - black))
    return np.clip(out, 0, 255).astype(np.uint8)


def _without_red_ink(pixels, lift: float):
    """The red channel, lifted by each pixel's red saturation (red minus the lesser of green and
    blue). In the red channel alone a red seal still darkens the paper a little (its ink is
    not a pure red); that darkening goes with its saturation, so the lift whitens it. Black ink
    under a seal stays neutral (all channels dark) and is not lifted."""
    import numpy as np

    red = pixels[:, :, 0]
    if lift <= 0:
        return np.ascontiguousarray(red)
    rgb = pixels.astype(np.int16)
    red = rgb[:, :, 0]
    saturation = np.clip(red - np.minimum(rgb[:, :, 1], rgb[:, :, 2]), 0, 255)
    return np.clip(red + saturation * lift, 0, 255).astype(np.uint8)


def _ink(grey):
    """Ink as a boolean image (Otsu's threshold)."""
    import cv2

    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return binary > 0


def measure_skew(grey) -> float:
    """The angle (degrees, anticlockwise positive) that levels the page's lines of text and rules:
    the turn whose rows of ink are sharpest (largest variance of the row sums)."""
    import cv2
    import numpy as np

    h, w = grey.shape
    f = SKEW_WIDTH / w if w > SKEW_WIDTH else 1.0
    small = cv2.resize(grey, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else grey
    ink = (small < 128).astype(np.float32)

    def sharpness(angle: float) -> float:
        turned = _rotate(ink, angle, border=0)
        return float(np.var(turned.sum(axis=1)))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.2), key=sharpness)
    best = max(np.arange(best - 0.2, best + 0.2 + 1e-9, 0.04), key=sharpness)
    return float(round(best, 3))


def _rotate(img, angle: float, border=255):
    import cv2

    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def unrotate_box(box: tuple[float, float, float, float], skew: float, width: float, height: float):
    """A box in the deskewed page's frame as a box on the page as scanned (same units)."""
    import math

    if abs(skew) < 0.05:
        return box
    a = math.radians(skew)
    cx, cy = width / 2, height / 2
    x0, top, x1, bottom = box
    xs, ys = [], []
    for x, y in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * math.cos(a) + dy * math.sin(a))
        ys.append(cy - dx * math.sin(a) + dy * math.cos(a))
    return (min(xs), min(ys), max(xs), max(ys))


# ---------------------------------------------------------------- ruling lines

def ruling_lines(ink):
    """Horizontal and vertical ruling lines: runs of ink far longer than any glyph's stroke.

    A header's one-row column rules are as short as a stroke and are not told from one: those
    cells hold labels, not values, and the text positions still part them.
    Returns ([(x0, x1, top, bottom)], mask of their pixels to erase) in pixels."""
    import cv2
    import numpy as np

    h, w = ink.shape
    binary = ink.astype(np.uint8) * 255
    mask = np.zeros_like(binary)
    long_run = max(15, int(RULE_SHARE * w))
    horizontal = _runs(binary, True, long_run, mask)
    vertical = _runs(binary, False, int(long_run * 0.8), mask)
    rules = [(a, b, y, y) for a, b, y, _, _ in horizontal] + [((a + b) / 2, (a + b) / 2, t, bt) for a, b, t, bt, _ in vertical]
    if not rules:
        return [], None
    mask = cv2.dilate(mask, np.ones((3, 3), np.uint8)) > 0
    return rules, mask


def _runs(binary, horizontal: bool, length: int, mask):
    """Straight runs of ink at least `length` long and at most 8 pixels thick.

    Horizontal: (x0, x1, y, y, component); vertical: (x0, x1, top, bottom, component). With
    `mask`, their pixels are added to it."""
    import cv2

    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    # Bridge the gaps JPEG and noise leave in a thin line before keeping the long runs.
    bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1) if horizontal else (1, 3))
    lines = cv2.morphologyEx(cv2.morphologyEx(binary, cv2.MORPH_CLOSE, bridge), cv2.MORPH_OPEN, kernel)
    count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    out = []
    for k in range(1, count):
        x, y, bw, bh, _ = (int(v) for v in stats[k])
        if (bh if horizontal else bw) > 8:  # a block of ink (a filled shape), not a rule
            continue
        comp = (y, x, bh, bw, lines[y : y + bh, x : x + bw])
        if horizontal:
            out.append((float(x), float(x + bw), y + bh / 2, y + bh / 2, comp))
        else:
            out.append((float(x), float(x + bw), float(y), float(y + bh), comp))
        if mask is not None:
            mask[y : y + bh, x : x + bw] |= comp[4]
    return out


def _edge(x0: float, x1: float, top: float, bottom: float) -> dict:
    orientation = "h" if top == bottom else "v"
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top, "orientation": orientation,
    }


# ---------------------------------------------------------------- recognition

def recognize(grey, engine) -> list[dict]:
    """Characters (pdfplumber-style dicts, in pixels) with each one's probability in "conf"
    and the recognizer's next likeliest characters in "alts".

    Each detected line is recognized; its characters are placed along the line where the
    recognizer read them, and touch their neighbours, so only real gaps (a space the
    recognizer saw, or between detected boxes) separate words and columns."""
    import numpy as np

    from .ocr_lines import read_lines

    image = np.dstack([grey, grey, grey])
    boxes = detect(image, engine)
    if boxes is None or len(boxes) == 0:
        return []
    boxes = engine.sorted_boxes(boxes)
    crops = engine.get_crop_img_list(image, boxes)
    chars: list[dict] = []
    for box, line in zip(boxes, read_lines(engine, crops)):
        line = _figure_or_text(line)
        if line is not None:
            chars.extend(_place(line, np.asarray(box, dtype=float)))
    return chars


def detect(image, engine):
    """The text lines' boxes (4 corners each, in the image's pixels), found on the image scaled
    to DETECT_SIDE. (RapidOCR's own limit does not scale a page under 2000 pixels.)"""
    import cv2
    import numpy as np

    h, w = image.shape[:2]
    f = DETECT_SIDE / max(h, w)
    if f >= 1.0:
        return engine.text_det(image)[0]
    # The detector's input is a multiple of 32 pixels each way.
    sw, sh = max(32, round(w * f / 32) * 32), max(32, round(h * f / 32) * 32)
    boxes, _ = engine.text_det(cv2.resize(image, (sw, sh), interpolation=cv2.INTER_AREA))
    if boxes is None or len(boxes) == 0:
        return boxes
    boxes = np.asarray(boxes, dtype=np.float32)
    boxes[:, :, 0] *= w / sw
    boxes[:, :, 1] *= h / sh
    return boxes


def _figure_or_text(line, most: float = 1.0):
    """The line as read, or as a figure where it is one (see _figure); OCR's look-alikes of
    punctuation turned back; None for noise (a seal's strokes or a speck read as text)."""
    from .ocr_lines import ReadChar, ReadLine

    text = line.text
    if _as_number(text) is not None:
        return _figure(line, most)
    if not text.strip() or line.score < MIN_LINE_SCORE:
        return None
    chars = []
    for k, c in enumerate(line.chars):
        text = _PUNCTUATION.get(c.text, c.text)
        if text in _WESTERN_MARKS and k > 0 and _is_cjk(line.chars[k - 1].text):
            # After a Chinese character a mark is Chinese: the likeliest Chinese mark the
            # recognizer saw there, else the one this mark is read for.
            text = next((a for a, _ in c.alternatives if a in _CJK_MARKS), _WESTERN_MARKS[text])
        chars.append(ReadChar(text, c.prob, c.centre, c.alternatives))
    return ReadLine(chars)


def _figure(line, most: float = 1.0):
    """A figure's characters decided among the digits: each digit's probability there, its
    look-alike letters counted with it (a lone 0 read as the letter o is a 0 as sure as the
    two together), no surer than `most`. The other digits stay as the alternatives."""
    from .ocr_lines import DIGITS, ReadChar, ReadLine

    chars = []
    for c in line.chars:
        if not (c.text.isdigit() or c.text in _LOOKALIKE_DIGIT) or len(c.digits) != 10:
            chars.append(ReadChar(c.text, min(c.prob, most), c.centre, ()))
            continue
        mass = list(c.digits)
        for text, prob in ((c.text, c.prob), *c.alternatives):
            like = _lookalike(text)
            if like is not None:
                mass[DIGITS.index(like)] += prob
        best = max(range(10), key=mass.__getitem__)
        others = sorted(((DIGITS[d], mass[d]) for d in range(10) if d != best and mass[d] >= MIN_ALTERNATIVE), key=lambda a: -a[1])
        chars.append(ReadChar(DIGITS[best], min(mass[best], most), c.centre, tuple(others)))
    return ReadLine(chars)


# Characters the recognizer reads for punctuation that reports print: the radical 丶 for the
# enumeration comma 、 (the narrative's lists of counts are cut at it).
_PUNCTUATION = {"丶": "、"}
# Marks the recognizer reads for Chinese ones after a Chinese character (the comma as an
# apostrophe, the full stop as a degree sign), with the Chinese mark each most often is.
_WESTERN_MARKS = {"’": "，", "‘": "，", "'": "，", "`": "，", ",": "，", "°": "。", ".": "。", "·": "·"}
_CJK_MARKS = "，。、；："


def _is_cjk(text: str) -> bool:
    return "\u4e00" <= text <= "\u9fff"


def read_unread_cells(grey, chars: list[dict], rules, engine) -> list[dict]:
    """Figures in ruled cells that detection passed over (a lone thin "1", a digit under a seal).

    Each cell of the page's ruled tables that holds ink but no recognized character is read
    whole by the recognizer, without detection. What it reads is kept only as a figure, and
    no surer than UNDETECTED: the reviewer is asked to look (readers/scan_provenance.py)."""
    import numpy as np

    from .ocr_lines import read_lines
    from .pdf_ruled_tables import find_ruled_tables

    edges = [_edge(x0, x1, top, bottom) for x0, x1, top, bottom in rules]
    centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars]
    crops, boxes = [], []
    for cells in find_ruled_tables(edges):
        if len(cells) < 2:
            continue
        for x0, top, x1, bottom in cells:
            if any(x0 <= x <= x1 and top <= y <= bottom for x, y in centres):
                continue
            inner = grey[int(top) + 3 : int(bottom) - 2, int(x0) + 3 : int(x1) - 2]
            if inner.size == 0:
                continue
            ink = inner < 128
            if ink.sum() < 12:
                continue  # a blank cell (specks at most)
            rows, cols = np.where(ink.any(axis=1))[0], np.where(ink.any(axis=0))[0]
            t, b, l, r = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
            pad = max(3, (b - t) // 4)
            oy, ox = int(top) + 3, int(x0) + 3
            y0, y1 = max(0, oy + t - pad), oy + b + pad
            xa, xb = max(0, ox + l - pad), ox + r + pad
            crops.append(np.dstack([grey[y0:y1, xa:xb]] * 3))
            boxes.append(np.array([[xa, y0], [xb, y0], [xb, y1], [xa, y1]], dtype=float))
    found: list[dict] = []
    for box, line in zip(boxes, read_lines(engine, crops) if crops else []):
        if _as_number(line.text) is None:
            continue
        found.extend(_place(_figure(line, UNDETECTED), box))
    return found


# Letters and signs the recognizer reads for digits when a figure stands alone in a cell.
_LOOKALIKE_DIGIT = {"o": "0", "O": "0", "〇": "0", "○": "0", "。": "0", "０": "0", "l": "1", "I": "1", "丨": "1", "|": "1"}
_DIGIT_LOOKALIKES = str.maketrans(_LOOKALIKE_DIGIT)
def _lookalike(text: str) -> str | None:
    """The ASCII digit a look-alike letter or another script's digit stands for (None for an
    ASCII digit itself, whose probability is counted already, and for anything else)."""
    if text in "0123456789":
        return None
    if text in _LOOKALIKE_DIGIT:
        return _LOOKALIKE_DIGIT[text]
    n = unicodedata.normalize("NFKC", text)
    return n if len(n) == 1 and n in "0123456789" else None


# An alternative reading of a digit worth keeping (for the table's relations to decide among).
MIN_ALTERNATIVE = 0.01
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _as_number(text: str) -> str | None:
    """The text as a figure when it is one, else None; letters read for digits count as those
    digits where they stand alone or among digits ('o' -> '0', '1o' -> '10'), not in words."""
    t = text.strip()
    if not t or len(t) > 12:
        return None
    if _FIGURE.fullmatch(t):
        return t
    mapped = t.translate(_DIGIT_LOOKALIKES)
    if _FIGURE.fullmatch(mapped) and (len(t) == 1 or any(c.isdigit() for c in t)):
        return mapped
    return None


def _place(line, box) -> list[dict]:
    """The characters of one recognized line (ocr_lines.ReadLine), each with its box,
    probability and alternatives."""
    x0, x1 = float(box[:, 0].min()), float(box[:, 0].max())
    top, bottom = float(box[:, 1].min()), float(box[:, 1].max())
    width, height = x1 - x0, bottom - top
    size = height / BOX_TO_FONT
    chars = line.chars
    n = len(chars)
    out = []
    if height >= 1.5 * width and n > 1:
        # A column of text turned upright: the characters share the box from the top down.
        for k, ch in enumerate(chars):
            t, b = top + k * height / n, top + (k + 1) * height / n
            out.append(_char(ch, x0, x1, t, b, width))
        return [c for c in out if c["text"].strip()]
    centres = [x0 + ch.centre * width for ch in chars]

    def apart(a: int, b: int) -> bool:
        """Characters a and b (neighbours) are in separate words: a space between them, or
        their middles farther apart than one line's characters stand (the figures of several
        table cells read as one line where the rules between them were not seen)."""
        if chars[a].text.isspace() or chars[b].text.isspace():
            return True
        pitch = 0.5 * size * (_width_share(chars[a].text) + _width_share(chars[b].text))
        return centres[b] - centres[a] > APART * pitch

    for k, ch in enumerate(chars):
        half = 0.5 * size * _width_share(ch.text)
        left = max(x0, centres[k] - half) if k == 0 else (centres[k - 1] + centres[k]) / 2
        right = min(x1, centres[k] + half) if k == n - 1 else (centres[k] + centres[k + 1]) / 2
        if ch.text.isspace():
            continue  # a gap the recognizer saw: it separates the neighbours
        if k > 0 and apart(k - 1, k):
            left = max(left, centres[k] - half)
        if k < n - 1 and apart(k, k + 1):
            right = min(right, centres[k] + half)
        out.append(_char(ch, left, right, top, bottom, size))
    return out


def _width_share(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55


def _char(ch, x0: float, x1: float, top: float, bottom: float, size: float) -> dict:
    return {
        "text": ch.text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size,
        "upright": True, "matrix": (1, 0, 0, 1, x0, bottom), "conf": ch.prob, "alts": ch.alternatives,
    }
