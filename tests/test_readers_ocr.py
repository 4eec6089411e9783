"""Scanned PDFs read by OCR (readers/ocr.py) into the one recognizer.

The geometry (cleaning, skew, ruling lines, figures read with letters for digits, boxes turned
back) is tested without the OCR engine. The end-to-end test reads a scan the tests make
themselves (tests/scan_maker.py: rendered at 150 dpi, grey paper, noise, rotation, a red seal,
JPEG) and needs the optional engine (`pip install -e .[ocr]`); it is skipped, saying so, without.
"""
import json
import math

import numpy as np
import pytest

from conftest import shared_path
from gkdesk.errors import InputError
from gkdesk.readers import ocr
from pdf_maker import Page, build_pdf
from scan_maker import ScanStyle, scan_of

needs_engine = pytest.mark.skipif(
    not ocr.ocr_available(), reason="the OCR engine (rapidocr_onnxruntime, `pip install -e .[ocr]`) is not installed"
)


def _page_with_rules(width=1200, height=1600, angle=0.0):
    """A white page with a ruled 3x4 grid and a few text-like blobs, turned by `angle` degrees."""
    import cv2

    img = np.full((height, width), 255, np.uint8)
    for y in (300, 360, 420, 480):
        cv2.line(img, (150, y), (1050, y), 0, 1)
    for x in (150, 450, 750, 1050):
        cv2.line(img, (x, 300), (x, 480), 0, 1)
    for k in range(20):  # lines of "text": short dark strokes
        y = 600 + 40 * k
        for x in range(150, 1050, 30):
            cv2.rectangle(img, (x, y), (x + 20, y + 22), 0, 2)
    if angle:
        img = ocr._rotate(img, -angle)
    return img


def test_skew_is_measured_and_undone():
    for angle in (-1.2, -0.4, 0.0, 0.7):
        measured = ocr.measure_skew(_page_with_rules(angle=angle))
        assert abs(measured - angle) <= 0.1, (angle, measured)


def test_ruling_lines_are_found_and_text_strokes_are_not():
    rules, mask = ocr.ruling_lines(_page_with_rules() < ocr.FAINT_INK)
    horizontal = sorted(r for r in rules if r[2] == r[3])
    vertical = sorted(r for r in rules if r[0] == r[1])
    assert [round(r[2]) for r in horizontal] == [300, 360, 420, 480]
    assert [round(r[0]) for r in vertical] == [150, 450, 750, 1050]
    assert all(r[1] - r[0] > 800 for r in horizontal)
    assert not mask[650:1400, 150:1050].any()  # the text is not erased with the rules


def test_red_seal_vanishes_and_paper_turns_white():
    rgb = np.full((200, 200, 3), 200, np.uint8)  # grey paper
    rgb[50:60, 20:180] = 0  # black ink
    rgb[100:150, 50:150] = (190, 20, 30)  # a red seal on grey paper
    rgb[120:125, 20:180] = 0  # black ink under the seal stays ink
    grey = ocr._clean(rgb, smooth=False)
    assert grey[10, 10] == 255 and grey[110, 100] >= 230
    assert grey[55, 100] < 40 and grey[122, 100] < 40


def test_figures_read_with_letters_become_digits_only_where_they_stand_as_figures():
    assert ocr._as_number("o") == "0"
    assert ocr._as_number("1o") == "10"
    assert ocr._as_number("2,759") == "2,759"
    assert ocr._as_number("lo") is None  # letters only, more than one: a word
    assert ocr._as_number("总计") is None
    assert ocr._as_number("Oil") is None


def test_a_box_turned_back_to_the_page_as_scanned():
    box = (100.0, 200.0, 140.0, 212.0)
    same = ocr.unrotate_box(box, 0.0, 595, 842)
    assert same == box
    turned = ocr.unrotate_box(box, 1.0, 595, 842)
    # The centre moves on the circle around the page centre by the skew angle.
    cx, cy = (box[0] + box[2]) / 2 - 297.5, (box[1] + box[3]) / 2 - 421
    tx, ty = (turned[0] + turned[2]) / 2 - 297.5, (turned[1] + turned[3]) / 2 - 421
    assert math.isclose(math.hypot(cx, cy), math.hypot(tx, ty), rel_tol=1e-6)
    assert math.isclose(math.degrees(math.atan2(cy, cx) - math.atan2(ty, tx)), 1.0, abs_tol=1e-6)


def test_characters_are_placed_along_their_line_with_their_probabilities():
    from gkdesk.readers.ocr_lines import ReadChar, ReadLine

    box = np.array([[100, 50], [200, 50], [200, 74], [100, 74]], dtype=float)
    # '12' near the left of the crop, a space, '3' near the right (where the recognizer read them).
    line = ReadLine([
        ReadChar("1", 0.99, 0.11), ReadChar("2", 0.6, 0.21, (("7", 0.3),)), ReadChar(" ", 0.9, 0.51), ReadChar("3", 0.95, 0.76),
    ])
    chars = ocr._place(line, box)
    assert [c["text"] for c in chars] == ["1", "2", "3"]
    assert [c["conf"] for c in chars] == [0.99, 0.6, 0.95]
    assert chars[1]["alts"] == (("7", 0.3),)
    assert chars[0]["x1"] == chars[1]["x0"]  # one word: its characters touch
    assert chars[2]["x0"] - chars[1]["x1"] > 0.45 * chars[1]["size"]  # the space stays a gap
    assert all(100 <= c["x0"] < c["x1"] <= 200 for c in chars)


def test_without_the_engine_a_scan_gets_a_clear_message(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_engine(name, *args, **kwargs):
        if name.startswith("rapidocr_onnxruntime"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setattr(builtins, "__import__", no_engine)
    scan = Page()
    scan.picture()
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_pdf([scan]))
    from gkdesk.reports import load_report

    with pytest.raises(InputError, match="扫描") as info:
        load_report(path)
    assert "gkdesk[ocr]" in str(info.value)


@needs_engine
def test_progress_is_told_page_by_page_and_can_cancel(tmp_path):
    from gkdesk.reports import load_report

    scan = Page()
    scan.picture()
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_pdf([scan, scan, scan]))
    heard = []
    with pytest.raises(InputError, match="没有认出文字"):  # a blank grey page: nothing to read
        load_report(path, progress=lambda done, total, text: heard.append((done, total)))
    assert heard == [(0, 3), (1, 3), (2, 3), (3, 3)]

    class Stop(Exception):
        pass

    def cancel(done, total, text):
        if done >= 1:
            raise Stop()

    with pytest.raises(Stop):
        load_report(path, progress=cancel)


@needs_engine
def test_a_scanned_report_reads_into_the_same_tables_as_its_pdf():
    """A 4-page report, scanned with seal, noise, rotation and JPEG: >= 99% of cells exact, every
    wrong cell marked, the format right, each value placed on its page."""
    from gkdesk.reports import load_report

    original = shared_path("corpus", "originals", "gd01.pdf")
    truth = json.loads(shared_path("corpus", "originals", "gd01.json").read_text(encoding="utf-8"))
    report = load_report(scan_of(original, ScanStyle()))
    assert report.format == truth["format"]
    total = exact = 0
    unmarked = []
    for table_id in ("t2", "t3", "t4"):
        want = truth[table_id] if table_id != "t4" else [truth[table_id]]
        table = report.tables[table_id]
        for r, row in enumerate(want):
            for c, value in enumerate(row):
                cell = table.cells[r][c]
                total += 1
                if cell.value == value:
                    exact += 1
                elif not cell.inferred:
                    unmarked.append((table_id, r, c, value, cell.value))
    assert exact / total >= 0.99, f"{exact}/{total}"
    assert unmarked == []
    values = [c for t in report.tables.values() for row in t.cells for c in row if c.value is not None]
    placed = [c for c in values if c.region is not None]
    assert len(placed) >= 0.95 * len(values)
    for cell in placed:
        page, x0, top, x1, bottom = cell.region
        assert 1 <= page <= 4 and 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850
    assert report.to_json()["provenance"]["t3"][0][0].get("region")


def _errors(report) -> set[str]:
    from gkdesk.checks import check_report
    from gkdesk.findings import ERROR

    return {f.rule for f in check_report(report) if f.severity == ERROR}


@needs_engine
def test_a_scan_gives_no_check_error_its_original_does_not():
    """gd05's scan (5 pages): its 表四 header rows, above the table's span, are read with
    未经复议直接起诉 as 未经复议直接美; they are table text, not the statement 未经复议."""
    from gkdesk.reports import load_report

    original = shared_path("corpus", "originals", "gd05.pdf")
    scanned = load_report(scan_of(original, ScanStyle()))
    assert scanned.tables["t4"].cells[0][4].value == 1  # the review total the narrative states
    assert _errors(scanned) <= _errors(load_report(original))


def test_figures_of_several_cells_read_as_one_line_stay_apart():
    """Six cells' figures detected as one line (the rules between them unseen): they stand two
    widths apart, so they are six tokens, not one run of digits."""
    from gkdesk.readers.ocr_lines import ReadChar, ReadLine

    box = np.array([[100, 50], [280, 50], [280, 66], [100, 66]], dtype=float)
    line = ReadLine([ReadChar(d, 0.98, (k + 0.5) / 6) for k, d in enumerate("021000")])
    chars = ocr._place(line, box)
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    assert len(chars) == 6 and all(g > 0.45 * chars[0]["size"] for g in gaps)
    # A figure's own digits stand one width apart and touch.
    box = np.array([[100, 50], [134, 50], [134, 66], [100, 66]], dtype=float)
    line = ReadLine([ReadChar(d, 0.98, (k + 0.5) / 4) for k, d in enumerate("2776")])
    chars = ocr._place(line, box)
    assert all(a["x1"] == b["x0"] for a, b in zip(chars, chars[1:]))
