"""Reading saved web pages: GBK with a meta charset, rowspan/colspan, old unclosed markup, menus."""
import pytest

from gkdesk.errors import InputError
from gkdesk.readers import read_document
from gkdesk.readers.html_reader import decode_html
from gkdesk.reports import load_report
from reader_samples import report_html
from report_factory import values_for


def _write(tmp_path, name: str, text: str, encoding: str):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_gbk_page_with_rowspan_and_colspan_reads_exactly(tmp_path, version):
    values = values_for(version, seed=4)
    values["t3"][3][1] = None
    values["t3"][2][0] = None  # right after a label merged over two columns
    values["t2"][1] = [None, 2, 3]
    year = 2023 if version == "2021" else 2020
    path = _write(tmp_path, "report.htm", report_html(version, values, year=year, charset="gb2312"), "gbk")
    report = load_report(path)
    got = report.to_json()
    assert report.encoding == "html:gb18030"
    assert report.format == version
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])
    assert report.agency == "测试区数据局" and report.year == year


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16-le", "utf-16-be"])
def test_a_page_opening_with_a_byte_order_mark_is_read(tmp_path, encoding):
    """A BOM decides the codec (the fuzzer found the page with one raised a ValueError)."""
    values = values_for("2021", seed=4)
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path = tmp_path / "report.html"
    path.write_bytes(bom + report_html("2021", values, year=2023, charset="utf-8").encode(encoding))
    report = load_report(path)
    assert report.to_json()["t3"] == values["t3"]


def test_menus_breadcrumbs_and_footers_are_left_out(tmp_path):
    values = values_for("2021")
    path = _write(tmp_path, "report.html", report_html("2021", values, charset="utf-8"), "utf-8")
    text = read_document(path).text
    assert text.startswith("测试区数据局\n2023年政府信息公开工作年度报告\n")
    for furniture in ("首页", "互动交流", "当前位置", "网站地图", "主办单位", "var menu"):
        assert furniture not in text


def test_a_title_in_a_header_block_is_kept(tmp_path):
    html = (
        '<html><head><meta charset="utf-8"></head><body><div class="header"><a href="/">网站首页</a></div>'
        '<div class="article-top"><h1>测试县统计局2022年政府信息公开工作年度报告</h1><span>发布日期：2023-01-20</span></div>'
        "<div><p>一、总体情况</p><p>本年度无依申请公开。</p></div></body></html>"
    )
    path = _write(tmp_path, "title.html", html, "utf-8")
    report = load_report(path)
    assert (report.agency, report.year) == ("测试县统计局", 2022)
    assert "网站首页" not in report.text


def test_rowspan_and_colspan_give_the_grid(tmp_path):
    values = values_for("2021")
    path = _write(tmp_path, "report.html", report_html("2021", values, charset="utf-8"), "utf-8")
    document = read_document(path)
    t4 = document.tables[-1]
    review = t4.cell_at(0, 0)
    assert (review.text, review.rowspan, review.colspan) == ("行政复议", 2, 5)
    assert t4.cell_at(1, 3) is review
    assert t4.cell_at(1, 7).text == "未经复议直接起诉"
    for table in document.tables:
        for cell in table.cells:
            assert document.text[cell.span[0] : cell.span[1]] == cell.text


def test_old_markup_without_closing_tags(tmp_path):
    values = values_for("2021", seed=2)
    html = report_html("2021", values, charset="gbk", closed_cells=False)
    path = _write(tmp_path, "old.htm", html.upper().replace("CHARSET=GBK", "charset=gbk"), "gbk")
    got = load_report(path).to_json()
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])


def test_a_layout_table_around_the_report_is_read_as_blocks(tmp_path):
    values = values_for("2021", seed=6)
    inner = report_html("2021", values, charset="utf-8")
    body = inner[inner.index("<body>") + 6 : inner.index("</body>")]
    html = (
        '<html><head><meta charset="utf-8"></head><body><table width="100%"><tr><td>站点导航</td></tr>'
        f"<tr><td>{body}</td></tr></table></body></html>"
    )
    path = _write(tmp_path, "layout.html", html, "utf-8")
    report = load_report(path)
    got = report.to_json()
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])
    assert "一、总体情况\n" in report.text  # headings stay lines of their own


def test_charset_lies_are_survived():
    text = "<html><head><meta charset='gb2312'></head><body><p>二、主动公开政府信息情况</p></body></html>"
    decoded, encoding = decode_html(text.encode("utf-8"))
    assert "主动公开" in decoded and encoding == "utf-8"


def test_page_without_text(tmp_path):
    path = _write(tmp_path, "empty.html", "<html><body><script>x()</script></body></html>", "utf-8")
    with pytest.raises(InputError):
        load_report(path)


def test_doc_that_is_really_a_web_page_is_read(tmp_path):
    # Word's "save as web page" files and downloads are often named .doc.
    values = values_for("2021", seed=7)
    path = _write(tmp_path, "report.doc", report_html("2021", values, charset="gbk"), "gbk")
    got = load_report(path).to_json()
    assert got["t3"] == values["t3"]
