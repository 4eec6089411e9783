"""PDFium's page objects are pdfplumber's: the same characters and the same ruling edges.

The PDF reader reads pages with PDFium and finds tables with pdfplumber's finder over the
edges; these tests hold PDFium's characters and edges to what pdfplumber reads from the same
page, on generated paths of every kind pdfminer classifies (lines, rectangles, curves, closed
and open subpaths, several subpaths in one path, form XObjects) and on the corpus's PDFs.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pdfplumber")
pypdfium2 = pytest.importorskip("pypdfium2")

from gkdesk.readers.pdf_page_objects import read_page_objects  # noqa: E402
from gkdesk.readers.pdf_plumber_pages import plumber_page_objects  # noqa: E402
from gkdesk.readers.pdf_reader import read_pdf  # noqa: E402
from pdf_maker import Page, build_pdf  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _edges(edges: list[dict]) -> Counter:
    """The edges the table finder uses (pdfplumber drops those shorter than one point first)."""
    return Counter(
        (e["orientation"], *(round(e[k], 2) for k in ("x0", "x1", "top", "bottom")))
        for e in edges
        if (e["height"] if e["orientation"] == "v" else e["width"]) >= 1
    )


def _char_key(c: dict) -> tuple:
    """A character's text and box. Not its height on the page: pdfminer stands a glyph on the
    /Descent its font descriptor states (0 when the writer left it 0), PDFium on the font's
    real descent, a fraction of the size lower; both are boxes of the same height."""
    return (c["text"], c["upright"], c["x0"], c["x1"], c["size"], c["bottom"] - c["top"])


def _same_chars(a: list[dict], b: list[dict]) -> bool:
    left, right = sorted(map(_char_key, a)), sorted(map(_char_key, b))
    return len(left) == len(right) and all(
        p[:2] == q[:2] and all(abs(u - v) < 0.2 for u, v in zip(p[2:], q[2:])) for p, q in zip(left, right)
    )


def _document(pages_objects):
    from gkdesk.readers import pdf_reader
    from gkdesk.readers.document import render

    pages = [pdf_reader._read_page(objects, n) for n, objects in enumerate(pages_objects, start=1)]
    document = render(pdf_reader._blocks(pages), "pdf", "pdf")
    # Cells' boxes are compared to a hundredth of a point: PDFium keeps coordinates as floats.
    shape = [
        (t.nrows, t.ncols, [(c.row, c.col, c.rowspan, c.colspan, c.text, c.span) for c in t.cells])
        for t in document.tables
    ]
    boxes = [v for t in document.tables for c in t.cells for v in (getattr(c, "box", None) or ())]
    return document.text, shape, boxes


def _both(path: Path):
    """(PDFium's objects, pdfplumber's objects) for every page."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        mine = []
        for i in range(len(pdf)):
            page = pdf[i]
            mine.append(read_page_objects(page.raw))
            page.close()
    finally:
        pdf.close()
    return mine, list(plumber_page_objects(path))


_coord = st.integers(min_value=40, max_value=550)
_segment = st.one_of(
    st.tuples(st.just("l"), _coord, _coord),
    st.tuples(st.just("c"), _coord, _coord, _coord, _coord, _coord, _coord),
)
_subpath = st.tuples(
    st.sampled_from(["m", "re"]),
    _coord, _coord, _coord, _coord,
    st.lists(_segment, max_size=5),
    st.booleans(),  # closed with h
    st.booleans(),  # the last segment returns to the start
)


def _ops(subpaths, paint: str) -> str:
    out = []
    for kind, x, y, w, h, segments, closed, back in subpaths:
        if kind == "re":
            out.append(f"{x} {y} {w - 40} {h - 40} re")
            continue
        out.append(f"{x} {y} m")
        for seg in segments:
            out.append(" ".join(str(v) for v in seg[1:]) + f" {seg[0]}")
        if back:
            out.append(f"{x} {y} l")
        if closed:
            out.append("h")
    return " ".join(out) + f" {paint}"


@settings(max_examples=40, deadline=None)
@given(
    paths=st.lists(st.tuples(st.lists(_subpath, min_size=1, max_size=3), st.sampled_from(["S", "f", "B", "n"])),
                   min_size=1, max_size=6),
    in_form=st.booleans(),
)
def test_edges_of_generated_paths_are_pdfplumbers(tmp_path_factory, paths, in_form):
    page = Page()
    body = " ".join(_ops(subpaths, paint) for subpaths, paint in paths)
    # A transformed graphics state (what a form XObject or a 'cm' does to its paths).
    page.ops.append(f"q 1 0 0 1 3.5 -7.25 cm 0.5 w {body} Q" if in_form else f"0.5 w {body}")
    page.text(60, 60, "表二", 12)
    path = tmp_path_factory.mktemp("pdf") / "paths.pdf"
    path.write_bytes(build_pdf([page]))
    mine, theirs = _both(path)
    assert _edges(mine[0].edges) == _edges(theirs[0].edges)


def _corpus_pdfs() -> list[Path]:
    picks = [CORPUS / "originals" / "gd06.pdf", CORPUS / "real" / "009.pdf"]
    return [p for p in picks if p.is_file()]


@pytest.mark.skipif(not _corpus_pdfs(), reason="shared corpus not present")
@pytest.mark.parametrize("path", _corpus_pdfs(), ids=lambda p: p.name)
def test_corpus_pdf_characters_edges_and_document_are_pdfplumbers(path):
    mine, theirs = _both(path)
    assert len(mine) == len(theirs)
    for a, b in zip(mine, theirs):
        assert (a.width, a.height) == pytest.approx((b.width, b.height))
        assert _edges(a.edges) == _edges(b.edges)
        assert a.unmeasured_text == 0
        assert _same_chars(a.chars, b.chars)
        for c in a.chars:
            assert c["upright"] is True and c["size"] > 0
    (text, shape, boxes), (text2, shape2, boxes2) = _document(mine), _document(theirs)
    assert (text, shape) == (text2, shape2)
    assert boxes == pytest.approx(boxes2, abs=0.01)


def test_text_pdfium_cannot_measure_is_read_with_pdfminer(tmp_path):
    """A one-glyph text object in a font not embedded (no CJK font installed): PDFium's text
    page leaves it out, the reader does not."""
    page = Page()
    page.text(60, 80, "结果维", 12)
    page.text(60, 95, "持", 12)
    path = tmp_path / "one-glyph.pdf"
    path.write_bytes(build_pdf([page]))
    mine, _ = _both(path)
    if not mine[0].unmeasured_text:
        pytest.skip("this machine has a font PDFium substitutes with glyphs")
    assert "持" in read_pdf(path).text
