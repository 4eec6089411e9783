"""Write small PDFs for tests, by hand: Chinese text, ruling lines, rotated text, images.

Text uses the standard Adobe-GB1 font STSong-Light with the UniGB-UCS2-H encoding (not
embedded), which PDF readers map back to Unicode; every glyph is one em wide.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


@dataclass
class Page:
    width: float = 595.0
    height: float = 842.0
    ops: list[str] = field(default_factory=list)
    image: bool = False

    def text(self, x: float, top: float, s: str, size: float = 12.0) -> None:
        """Text whose glyph box starts at x and whose top edge is `top` (from the page top)."""
        baseline = self.height - top - size * 0.88
        self.ops.append(f"BT /F1 {size:g} Tf 1 0 0 1 {x:.2f} {baseline:.2f} Tm <{_hex(s)}> Tj ET")

    def vertical_text(self, x: float, top: float, s: str, size: float = 12.0) -> None:
        """Text rotated to read downward (90 degrees clockwise), starting at (x, top)."""
        y = self.height - top
        self.ops.append(f"BT /F1 {size:g} Tf 0 -1 1 0 {x:.2f} {y:.2f} Tm <{_hex(s)}> Tj ET")

    def stacked_text(self, x: float, top: float, s: str, size: float = 12.0) -> None:
        """One upright character per line, as Word writes a narrow header cell."""
        for k, ch in enumerate(s):
            self.text(x, top + k * size * 1.1, ch, size)

    def rule(self, x0: float, top0: float, x1: float, top1: float) -> None:
        self.ops.append(f"0.5 w {x0:.2f} {self.height - top0:.2f} m {x1:.2f} {self.height - top1:.2f} l S")

    def grid(self, xs: list[float], ys: list[float], skip=()) -> None:
        """Ruling lines of a table: every vertical at xs, every horizontal at ys, except
        segments in `skip` (("h", row_line, col) / ("v", col_line, row)) that merged cells remove."""
        for i, y in enumerate(ys):
            for k in range(len(xs) - 1):
                if ("h", i, k) not in skip:
                    self.rule(xs[k], y, xs[k + 1], y)
        for k, x in enumerate(xs):
            for i in range(len(ys) - 1):
                if ("v", k, i) not in skip:
                    self.rule(x, ys[i], x, ys[i + 1])

    def picture(self) -> None:
        """A full-page grey image and nothing else (what a scanner produces)."""
        self.image = True
        self.ops.append(f"q {self.width - 100:.2f} 0 0 {self.height - 100:.2f} 50 50 cm /Im1 Do Q")


def build_pdf(pages: list[Page], unmapped_font: bool = False) -> bytes:
    """The PDF's bytes. unmapped_font: glyphs by CID only (Identity-H, no ToUnicode), as some
    generators write them; readers then cannot tell which characters they are."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font_descriptor = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    ordering, encoding = (b"(Identity) /Supplement 0", b"/Identity-H") if unmapped_font else (
        b"(GB1) /Supplement 4", b"/UniGB-UCS2-H"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering " + ordering + b" >> "
        + f"/FontDescriptor {font_descriptor} 0 R /DW 1000 >>".encode()
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding " + encoding
        + f" /DescendantFonts [{cid_font} 0 R] >>".encode()
    )
    pixels = zlib.compress(bytes([200]) * 64 * 64)
    image = add(
        f"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(pixels)} >>\nstream\n".encode()
        + pixels
        + b"\nendstream"
    )
    pages_id = len(objects) + 1 + 2 * len(pages)
    page_ids = []
    for page in pages:
        content = "\n".join(page.ops).encode("ascii")
        stream = add(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
        xobject = f"/XObject << /Im1 {image} 0 R >>" if page.image else ""
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page.width:g} {page.height:g}] "
                f"/Resources << /Font << /F1 {font} 0 R >> {xobject} >> /Contents {stream} 0 R >>".encode()
            )
        )
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()) == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())

    return pdf_file(objects, catalog)


def pdf_file(objects: list[bytes], root: int, header: bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") -> bytes:
    """The numbered objects (1, 2, ...) written out with their cross-reference table."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
