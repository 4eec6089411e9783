"""Make scanned copies of PDFs for the OCR tests: what a printer, a seal and a scanner do to a page.

Each page of a text PDF is rendered to an image (PDFium), then degraded as real scans are: a
grey paper tone, a slight rotation, sensor noise, a red seal stamped over the table's numbers
and JPEG compression. The pages are wrapped as an image-only PDF (Pillow's PDF writer embeds the
JPEGs as they are), so the result has no text layer at all. Deterministic for a given seed;
cached by content hash, so the tests and benchmarks make each scan once.
"""
from __future__ import annotations

import hashlib
import io
import math
import random
from dataclasses import asdict, dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parents[1] / "build" / "scan-corpus"
VERSION = 2  # of the degradations below: part of the cache key


@dataclass(frozen=True)
class ScanStyle:
    dpi: int = 150
    rotation: float = 0.6  # degrees, largest; each page gets a random angle within +- this
    paper: int = 225  # grey level of the paper (255 is white)
    noise: float = 10.0  # standard deviation of the sensor noise, grey levels
    jpeg_quality: int = 60
    seal: bool = True  # a red seal on every page, where tables and their numbers stand
    seed: int = 17


def scan_of(pdf: Path, style: ScanStyle = ScanStyle(), cache: Path = CACHE, pages: list[int] | None = None) -> Path:
    """An image-only PDF that looks like a scan of `pdf` (of its `pages`, 1-based, or all),
    made once, then read from the cache."""
    key = hashlib.sha256(pdf.read_bytes() + repr((VERSION, pages, sorted(asdict(style).items()))).encode()).hexdigest()[:16]
    out = cache / f"{pdf.stem}-{style.dpi}dpi-{key}.pdf"
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    images = [img for k, img in enumerate(_render(pdf, style.dpi), start=1) if pages is None or k in pages]
    pages = [degrade(img, style, random.Random(f"{style.seed}-{k}")) for k, img in enumerate(images)]
    tmp = out.with_suffix(".tmp")
    pages[0].save(tmp, "PDF", resolution=style.dpi, save_all=True, append_images=pages[1:])
    tmp.replace(out)
    return out


def _render(pdf: Path, dpi: int):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for k in range(len(doc)):
            page = doc[k]
            yield page.render(scale=dpi / 72).to_pil().convert("RGB")
            page.close()
    finally:
        doc.close()


def degrade(img, style: ScanStyle, rng: random.Random):
    """One page image as a scanner gives it back (a JPEG-decoded PIL image)."""
    import numpy as np
    from PIL import Image

    if style.seal:
        img = _stamp(img, rng, style.dpi)
    a = np.asarray(img).astype(np.float32)
    a = a * (style.paper / 255.0)  # the paper's grey tone; ink stays dark
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0.0, style.noise, a.shape[:2])
    a = np.clip(a + noise[:, :, None], 0, 255).astype(np.uint8)
    img = Image.fromarray(a)
    angle = rng.uniform(-style.rotation, style.rotation)
    fill = (style.paper,) * 3
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=style.jpeg_quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def _stamp(img, rng: random.Random, dpi: int):
    """A red seal (ring, star, a ring of characters' strokes) somewhere over the middle of the
    page, where tables and their numbers stand. Ink on ink multiplies (as printing does): black
    text stays black under the seal, white paper turns red."""
    import numpy as np
    from PIL import Image, ImageDraw

    w, h = img.size
    r = int(0.8 * dpi)  # a 4 cm seal
    cx = int(w * rng.uniform(0.55, 0.75))
    cy = int(h * rng.uniform(0.35, 0.7))
    coverage = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(coverage)
    ink = 200  # how much of the seal's colour the paper takes
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=ink, width=max(3, r // 14))
    star = []
    for k in range(10):
        rad = (r * 0.3) if k % 2 == 0 else (r * 0.12)
        ang = -math.pi / 2 + k * math.pi / 5
        star.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    d.polygon(star, fill=ink)
    for k in range(14):  # the agency's name around the ring, as short strokes
        ang = math.pi * (0.85 + k * 1.3 / 13)
        x, y = cx + 0.72 * r * math.cos(ang), cy + 0.72 * r * math.sin(ang)
        s = r * 0.08
        d.rectangle([x - s, y - s, x + s, y + s], outline=ink, width=max(2, r // 30))
    a = np.asarray(coverage, dtype=np.float32)[:, :, None] / 255.0
    red = np.array([215.0, 35.0, 45.0]) / 255.0
    base = np.asarray(img.convert("RGB"), dtype=np.float32)
    out = base * (1.0 - a + a * red)
    return Image.fromarray(out.clip(0, 255).astype(np.uint8))
