"""A PDF page's characters and ruling edges, read with PDFium (pypdfium2).

PDFium parses content streams in C, about ten times faster than pdfminer; what gkdesk needs
of a page is small: each character with its box, the straight edges of painted paths (the
ruling lines tables are found from) and whether the page holds images. They are returned in
the shapes pdfplumber uses (top-down coordinates; chars as dicts with x0/x1/top/bottom/
size/upright/matrix; edges as pdfplumber's rect/line/curve edges), so the layout code and
pdfplumber's table finder (pure geometry over edges) work on them unchanged.

A character's box follows pdfminer's convention: from its origin, one advance wide and one
font size high, standing on the font's descent.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field


from ..limits import MAX_PDF_PAGE_CHARS, MAX_PDF_PAGE_OBJECTS, expansion_refused

# fpdf_edit.h: FPDF_PAGEOBJ_TEXT/PATH/IMAGE/FORM, FPDF_SEGMENT_LINETO/BEZIERTO/MOVETO.
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
# Form XObjects nest; deeper than this is not a report's page (and would recurse without end).
MAX_FORM_DEPTH = 12
# Path segments read per page: a real page's rulings have a few thousand.
MAX_PAGE_SEGMENTS = 2_000_000


def _fast(function, restype, *argtypes):
    """The same C function called with plain pointers: a third cheaper per call than the typed
    binding, which counts for the few calls made per character."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


pdfium_c = None  # pypdfium2.raw, imported when the first page is read


def _load() -> None:
    global pdfium_c, _get_unicode, _get_object, _get_origin, _get_loose, _map_error
    if pdfium_c is not None:
        return
    import pypdfium2.raw as raw

    P, I = ctypes.c_void_p, ctypes.c_int
    _get_unicode = _fast(raw.FPDFText_GetUnicode, ctypes.c_uint, P, I)
    _get_object = _fast(raw.FPDFText_GetTextObject, P, P, I)
    _get_origin = _fast(raw.FPDFText_GetCharOrigin, I, P, I, P, P)
    _get_loose = _fast(raw.FPDFText_GetLooseCharBox, I, P, I, P)
    _map_error = _fast(raw.FPDFText_HasUnicodeMapError, I, P, I)
    pdfium_c = raw


@dataclass
class PageObjects:
    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    has_images: bool = False
    undecodable: int = 0  # characters whose font has no Unicode mapping
    # Text objects PDFium cannot measure (a font not embedded, with no substitute glyphs on this
    # machine): PDFium's text page leaves their characters out.
    unmeasured_text: int = 0
    objects: int = 0  # page objects, those inside forms included


Matrix = tuple[float, float, float, float, float, float]


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _page_matrix(page, width: float, height: float) -> tuple[Matrix, float, float]:
    """User space to pdfplumber's page space (x right, y up; rotation applied as pdfminer does),
    and the page's width and height in that space."""
    x0, y0, x1, y1 = 0.0, 0.0, width, height
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
    rotation = pdfium_c.FPDFPage_GetRotation(page) * 90
    if rotation == 90:
        return (0, -1, 1, 0, -y0, x1), y1 - y0, x1 - x0
    if rotation == 180:
        return (-1, 0, 0, -1, x1, y1), x1 - x0, y1 - y0
    if rotation == 270:
        return (0, 1, -1, 0, y1, -x0), y1 - y0, x1 - x0
    return (1, 0, 0, 1, -x0, -y0), x1 - x0, y1 - y0


def read_page_objects(page) -> PageObjects:
    """The characters, edges and images of one page (a raw FPDF_PAGE).

    A page with more objects or characters than any report's page is refused (InputError)
    before they are read one by one."""
    _load()
    ctm, width, height = _page_matrix(page, pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page))
    out = PageObjects(width, height)
    _check_count("PDF 一页中的图形和文字对象数", pdfium_c.FPDFPage_CountObjects(page), MAX_PDF_PAGE_OBJECTS, "page objects")
    _walk_objects(page, None, ctm, out, 0, [0])
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if textpage:
        try:
            _check_count("PDF 一页中的字符数", pdfium_c.FPDFText_CountChars(textpage), MAX_PDF_PAGE_CHARS, "page characters")
            _read_chars(textpage, ctm, out)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    return out


def _check_count(what_zh: str, count: int, limit: int, what_en: str) -> None:
    if count > limit:
        raise expansion_refused(what_zh, count, limit, what_en)


# ---------------------------------------------------------------- characters

def _read_chars(textpage, ctm: Matrix, out: PageObjects) -> None:
    count = pdfium_c.FPDFText_CountChars(textpage)
    height = out.height
    ox, oy = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    fm = pdfium_c.FS_MATRIX()
    descent = ctypes.c_float()
    per_object: dict[int, tuple] = {}
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    ox_p, oy_p, box_p = ctypes.addressof(ox), ctypes.addressof(oy), ctypes.addressof(box)
    chars = out.chars
    for k in range(count):
        code = _get_unicode(handle, k)
        text = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if not text.strip():
            continue  # spaces, and the line breaks PDFium generates
        key = _get_object(handle, k) or 0
        info = per_object.get(key)
        if info is None:
            pdfium_c.FPDFText_GetMatrix(textpage, k, fm)
            size = pdfium_c.FPDFText_GetFontSize(textpage, k)
            obj = pdfium_c.FPDFText_GetTextObject(textpage, k)
            font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
            desc = 0.0
            if font and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), descent):
                desc = descent.value
            m = _mult((fm.a, fm.b, fm.c, fm.d, 0.0, 0.0), (ctm[0], ctm[1], ctm[2], ctm[3], 0.0, 0.0))
            info = per_object[key] = (m, size, desc, fm.a)
        m, size, desc, scale = info
        a, b, c, d = m[0], m[1], m[2], m[3]
        _get_origin(handle, k, ox_p, oy_p)
        _get_loose(handle, k, box_p)
        x, y = ox.value, oy.value
        px = ctm[0] * x + ctm[2] * y + ctm[4]
        py = ctm[1] * x + ctm[3] * y + ctm[5]
        loose_width = box.right - box.left
        if abs(loose_width - size) < 1e-3 and abs(scale - 1.0) > 1e-3:
            # Vertical writing (a CID font's -V encoding): PDFium's box for it is one unscaled
            # font size wide and its origin is the glyph's lower left corner; pdfminer's box is
            # one em square there.
            bottom_left, top_right = (0.0, 0.0), (size, size)
        else:
            # The advance: PDFium's loose box is the advance times the text matrix's a wide.
            adv = loose_width / scale if abs(scale) > 1e-6 else size
            bottom_left, top_right = (0.0, desc), (adv, desc + size)
        # pdfminer's box (0, descent, adv, descent + size) through the char's matrix at its origin.
        (u0, v0), (u1, v1) = bottom_left, top_right
        if b == 0.0 and c == 0.0:  # upright, unrotated: the usual case, two corners suffice
            x0, x1 = sorted((px + a * u0, px + a * u1))
            y0, y1 = sorted((py + d * v0, py + d * v1))
        else:
            xs = [px + a * u + c * v for u, v in ((u0, v0), (u1, v0), (u0, v1), (u1, v1))]
            ys = [py + b * u + d * v for u, v in ((u0, v0), (u1, v0), (u0, v1), (u1, v1))]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        chars.append({
            "text": text,
            "x0": x0,
            "x1": x1,
            "top": height - y1,
            "bottom": height - y0,
            "size": y1 - y0,
            "upright": a * d > 0 and b * c <= 0,
            "matrix": (a, b, c, d, px, py),
        })
        if _map_error(handle, k) == 1:
            out.undecodable += 1


# ---------------------------------------------------------------- paths and images

def _walk_objects(page, form, matrix: Matrix, out: PageObjects, depth: int, budget: list[int]) -> None:
    count = pdfium_c.FPDFFormObj_CountObjects(form) if form is not None else pdfium_c.FPDFPage_CountObjects(page)
    fm = pdfium_c.FS_MATRIX()
    for i in range(count):
        obj = pdfium_c.FPDFFormObj_GetObject(form, i) if form is not None else pdfium_c.FPDFPage_GetObject(page, i)
        if not obj:
            continue
        out.objects += 1
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            if _unmeasured(obj):
                out.unmeasured_text += 1
        elif kind == _IMAGE:
            out.has_images = True
        elif kind == _PATH:
            pdfium_c.FPDFPageObj_GetMatrix(obj, fm)
            _path_edges(obj, _mult((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), matrix), out, budget)
        elif kind == _FORM and depth < MAX_FORM_DEPTH:
            _check_count("PDF 一页中的图形和文字对象数", out.objects + pdfium_c.FPDFFormObj_CountObjects(obj),
                         MAX_PDF_PAGE_OBJECTS, "page objects")
            pdfium_c.FPDFPageObj_GetMatrix(obj, fm)
            _walk_objects(page, obj, _mult((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), matrix), out, depth + 1, budget)


def _unmeasured(obj) -> bool:
    """A text object in a font that is not embedded whose box PDFium finds no width for."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value >= 0.01:
        return False
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    return bool(font) and not pdfium_c.FPDFFont_GetIsEmbedded(font)


def _path_edges(obj, m: Matrix, out: PageObjects, budget: list[int]) -> None:
    """The path's subpaths as pdfminer classifies them (line, rectangle, curve), as edges."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    budget[0] += max(n, 0)
    if n <= 0 or budget[0] > MAX_PAGE_SEGMENTS:
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = m
    height = out.height
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    pending_bezier = 0
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        closed = bool(pdfium_c.FPDFPathSegment_GetClose(seg))
        if kind == _MOVETO:
            _subpath_edges(shape, pts, height, out.edges)
            shape, pts = ["m"], [point]
            continue
        if not shape:  # a path must start with a move; PDFium always gives one, but be safe
            shape, pts = ["m"], [point]
            continue
        if kind == _BEZIERTO:
            pending_bezier += 1
            if pending_bezier < 3:
                continue  # control points: pdfminer keeps only a curve's end point
            pending_bezier = 0
            shape.append("c")
            pts.append(point)
            if closed:
                shape.append("h")
                pts.append(pts[0])
        elif closed and point == pts[0]:
            shape.append("h")  # PDFium's line back to the start of a closed subpath is pdfminer's 'h'
            pts.append(pts[0])
        else:
            shape.append("l")
            pts.append(point)
            if closed:
                shape.append("h")
                pts.append(pts[0])
    _subpath_edges(shape, pts, height, out.edges)


def _subpath_edges(shape: list[str], pts: list[tuple[float, float]], height: float, edges: list[dict]) -> None:
    if not shape:
        return
    s = "".join(shape)
    if len(s) > 3 and s[-2:] == "lh" and pts[-2] == pts[0]:
        s = s[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if s in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        top, bottom = height - max(y0, y1), height - min(y0, y1)
        left, right = min(x0, x1), max(x0, x1)
        edges.append(_edge(left, right, top, bottom, "h" if top == bottom else "v"))
        return
    if s in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = height - max(y0, y2), height - min(y0, y2)
            edges.append(_edge(left, right, top, top, "h"))
            edges.append(_edge(left, right, bottom, bottom, "h"))
            edges.append(_edge(left, left, top, bottom, "v"))
            edges.append(_edge(right, right, top, bottom, "v"))
            return
    points = [(px, height - py) for px, py in pts]
    for (px0, py0), (px1, py1) in zip(points, points[1:]):
        orientation = "v" if px0 == px1 else ("h" if py0 == py1 else None)
        if orientation is not None:
            edges.append(_edge(min(px0, px1), max(px0, px1), min(py0, py1), max(py0, py1), orientation))


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top, "orientation": orientation,
    }
