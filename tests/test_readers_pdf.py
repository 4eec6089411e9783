"""Reading PDFs: ruled tables, tables split across pages, tables without rules, vertical text,
scans and broken files. The PDFs are written by tests/pdf_maker.py."""
import pytest

from gkdesk.errors import InputError
from gkdesk.readers import read_document
from gkdesk.readers.pdf_layout import RectCell, cell_text, chars_to_lines, rects_to_grid
from gkdesk.reports import load_report
from pdf_maker import Page, build_pdf
from reader_samples import PdfLayout, report_pdf
from report_factory import values_for

pytest.importorskip("pdfplumber")


def _values(version: str, seed: int = 1) -> dict:
    values = values_for(version, seed)
    values["t3"][6][2] = None  # a blank cell in a ruled table
    values["t3"][2][0] = None  # a blank first value right after a label merged over two columns
    values["t4"][3] = None
    return values


def _pdf(tmp_path, name, version, values, layout):
    path = tmp_path / name
    path.write_bytes(report_pdf(version, values, year=2023 if version == "2021" else 2020, layout=layout))
    return path


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_ruled_report_with_table_three_across_two_pages(tmp_path, version):
    values = _values(version)
    path = _pdf(tmp_path, "split.pdf", version, values, PdfLayout(bottom=520))
    report = load_report(path)
    got = report.to_json()
    assert report.encoding == "pdf" and report.format == version
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])

    document = read_document(path)
    t3 = next(t for t in document.tables if "申请人情况" in document.text[t.span[0] : t.span[1]])
    assert t3.nrows == 3 + len(values["t3"])  # one table: header rows and every data row
    region = document.text[t3.span[0] : t3.span[1]]
    assert "- 1 -" not in region  # the page number moved out of the joined table
    # The group cell the page break cut in two is one merged cell again.
    group = next(c for c in t3.cells if c.text == "三、本年度办理结果")
    assert group.rowspan == len(values["t3"]) - 3
    for cell in t3.cells:
        assert document.text[cell.span[0] : cell.span[1]] == cell.text


def test_header_rows_repeated_on_the_next_page_are_dropped_when_joining(tmp_path):
    values = _values("2021", seed=4)
    path = _pdf(tmp_path, "repeat.pdf", "2021", values, PdfLayout(bottom=600, repeat_header_rows=3))
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert [p.extract_text().count("申请人情况") for p in pdf.pages[:2]] == [1, 1]  # once per page
    document = read_document(path)
    t3 = next(t for t in document.tables if "申请人情况" in document.text[t.span[0] : t.span[1]])
    assert t3.nrows == 3 + len(values["t3"])
    assert document.text.count("申请人情况") == 1
    assert document.text.count("商业企业") == 1
    got = load_report(path).to_json()
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])


def test_table_without_ruling_lines_is_read_from_text_positions(tmp_path):
    values = _values("2021", seed=3)
    path = _pdf(tmp_path, "plain.pdf", "2021", values, PdfLayout(ruled=False, bottom=520))
    got = load_report(path).to_json()
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])
    document = read_document(path)
    assert len(document.tables) == 3  # 表三's two pages joined


def test_vertical_header_text_reads_as_words(tmp_path):
    values = values_for("2021", seed=2)
    path = _pdf(tmp_path, "vertical.pdf", "2021", values, PdfLayout(vertical_t4_headers=True))
    report = load_report(path)
    assert report.to_json()["t4"] == values["t4"]
    header = next(line for line in report.text.splitlines() if line.startswith("结果维持\t"))
    assert header.split("\t")[:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def test_wrapped_paragraph_lines_are_joined(tmp_path):
    page = Page()
    page.text(74, 60, "一、总体情况", 12)
    page.text(98, 80, "本机关认真贯彻落实条例，全年主动公开政府信息共计一千二百条，依申请公开", 12)
    page.text(74, 98, "工作平稳有序。全年未发生行政复议。", 12)
    page.text(74, 116, "二、主动公开政府信息情况", 12)
    path = tmp_path / "wrap.pdf"
    path.write_bytes(build_pdf([page]))
    assert read_document(path).text.splitlines() == [
        "一、总体情况",
        "本机关认真贯彻落实条例，全年主动公开政府信息共计一千二百条，依申请公开工作平稳有序。全年未发生行政复议。",
        "二、主动公开政府信息情况",
    ]


def test_scanned_pdf_gets_a_clear_message(tmp_path):
    scan = Page()
    scan.picture()
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_pdf([scan, scan]))
    with pytest.raises(InputError, match="扫描") as info:
        load_report(path)
    assert "OCR" in str(info.value)


def test_a_scanned_page_among_text_pages_is_named(tmp_path):
    text = Page()
    text.text(72, 72, "一、总体情况", 12)
    scan = Page()
    scan.picture()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(build_pdf([text, scan]))
    assert "第 2 页是图片" in read_document(path).text


def test_text_layer_without_character_mapping_gets_a_clear_message(tmp_path):
    page = Page()
    page.text(72, 72, "一、总体情况 本年度共收到政府信息公开申请", 12)
    path = tmp_path / "unmapped.pdf"
    path.write_bytes(build_pdf([page], unmapped_font=True))
    with pytest.raises(InputError, match="无法解码"):
        load_report(path)


@pytest.mark.parametrize("data", [b"%PDF-1.4\nnot really a pdf", b"", b"\x89PNG\r\n\x1a\n" + bytes(200)])
def test_broken_pdf_gets_a_clear_message(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError):
        load_report(path)


def test_truncated_pdf_gets_a_message_or_what_is_readable(tmp_path):
    whole = report_pdf("2021", values_for("2021"))
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    try:
        report = load_report(path)  # pdfminer may rebuild a lost cross-reference table
    except InputError as exc:
        assert "PDF" in str(exc)
    else:
        assert report.encoding == "pdf"


# ---------------------------------------------------------------- geometry units

def _char(text, x0, top, size=10.0, upright=True, matrix=(1, 0, 0, 1, 0, 0)):
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size,
            "upright": upright, "matrix": matrix}


def test_lines_words_and_segments():
    chars = [_char(c, 10 + 10 * k, 100) for k, c in enumerate("规章")]
    chars += [_char("1", 80, 101), _char("2", 90, 101), _char("3", 140, 100)]
    chars += [_char(c, 10 + 10 * k, 120) for k, c in enumerate("下一行")]
    lines = chars_to_lines(chars)
    assert [ln.text for ln in lines] == ["规章 12 3", "下一行"]
    assert [s[2] for s in lines[0].segments] == ["规章", "12", "3"]


def test_cell_text_joins_stacked_and_rotated_characters():
    stacked = [_char(c, 10, 100 + 11 * k) for k, c in enumerate("结果维持")]
    assert cell_text(stacked) == "结果维持"
    rotated = [_char(c, 10, 100 + 10 * k, upright=False, matrix=(0, -1, 1, 0, 0, 0)) for k, c in enumerate("尚未审结")]
    assert cell_text(rotated) == "尚未审结"
    upward = [_char(c, 10, 140 - 10 * k, upright=False, matrix=(0, 1, -1, 0, 0, 0)) for k, c in enumerate("复议后起诉")]
    assert cell_text(upward) == "复议后起诉"


def test_grid_from_rectangles_and_a_merge_cut_by_a_page_break():
    page1 = [RectCell(0, 0, 50, 40, "组"), RectCell(50, 0, 100, 20, "a"), RectCell(50, 20, 100, 40, "b")]
    page2 = [RectCell(0, 1000, 50, 1020, ""), RectCell(50, 1000, 100, 1020, "c"), RectCell(0, 1020, 100, 1040, "全宽")]
    grid = rects_to_grid([page1, page2])
    assert grid.ncols == 2 and len(grid.rows) == 4
    group = grid.rows[0][0]
    assert (group.text, group.rowspan) == ("组", 3)
    assert [c.text for c in grid.rows[2]] == ["c"]
    assert (grid.rows[3][0].text, grid.rows[3][0].colspan) == ("全宽", 2)
