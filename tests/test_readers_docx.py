"""Reading .docx originals: merged cells, numbering, spans, and hostile or broken packages."""
import io
import zipfile

import pytest

from gkdesk.errors import InputError
from gkdesk.readers import read_document
from gkdesk import limits
from gkdesk.readers.docx_numbering import Numbering, Level, chinese_number, format_number
from gkdesk.reports import load_report
from reader_samples import report_docx
from report_factory import values_for

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    """A 2021 report with the official form's merged cells (built once: python-docx is slow)."""
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    report_docx(path, "2021", values_for("2021", seed=5))
    return path


def _values_with_blanks(version: str) -> dict:
    values = values_for(version, seed=3)
    values["t3"][2][0] = None  # a blank first value right after a label merged over two columns
    values["t3"][5][0] = None  # … and after vertically merged group cells
    values["t3"][-2][0] = None  # （七）总计
    values["t3"][12][6] = None
    values["t2"][0] = [None, None, None]
    values["t4"][7] = None
    return values


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_report_with_merged_cells_reads_exactly(tmp_path, version):
    values = _values_with_blanks(version)
    path = tmp_path / "report.docx"
    report_docx(path, version, values, year=2023 if version == "2021" else 2020)
    report = load_report(path)
    got = report.to_json()
    assert report.encoding == "docx"
    assert report.format == version
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])
    assert report.agency == "测试区数据局"


def test_merged_cells_keep_their_grid_and_spans(sample_docx):
    document = read_document(sample_docx)
    t3 = next(t for t in document.tables if "申请人情况" in document.text[t.span[0] : t.span[1]])
    note = t3.cell_at(0, 0)
    assert (note.rowspan, note.colspan) == (3, 3)
    group = next(c for c in t3.cells if c.text == "三、本年度办理结果")
    assert group.col == 0 and group.rowspan == 22  # （一）予以公开 … （七）总计
    withheld = next(c for c in t3.cells if c.text == "（三）不予公开")
    assert (withheld.col, withheld.rowspan, withheld.colspan) == (1, 8, 1)
    assert t3.cell_at(6, 0) is group  # a position the merge covers names its cell
    for cell in t3.cells:
        assert document.text[cell.span[0] : cell.span[1]] == cell.text
    # Every row is one line with one field per grid column; a merged cell's text stands once.
    lines = document.text[t3.span[0] : t3.span[1]].split("\n")
    assert len(lines) == t3.nrows
    assert all(line.count("\t") == t3.ncols - 1 for line in lines)
    assert document.text.count("三、本年度办理结果") == 1


def test_recognized_cells_point_into_the_rendered_text(sample_docx):
    report = load_report(sample_docx)
    for table in report.tables.values():
        for row in table.cells:
            for cell in row:
                assert cell.span is not None
                assert report.text[cell.span[0] : cell.span[1]] == cell.raw


def test_tabs_only_separate_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("签发人：\t张三")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "商业\n企业"
    table.cell(0, 1).paragraphs[0].add_run("12")
    path = tmp_path / "tabs.docx"
    document.save(str(path))
    text = read_document(path).text
    assert text.splitlines() == ["签发人： 张三", "商业企业\t12"]


def test_auto_numbered_headings_get_their_numbers(tmp_path):
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    ))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in (("总体情况", 0), ("主动公开", 1), ("依申请公开", 1), ("主动公开政府信息情况", 0), ("规章", 1)):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        ))
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert read_document(path).text.splitlines() == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况", "（一）规章",
    ]


def test_number_formats():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"
    ]
    assert format_number(3, "upperRoman") == "III"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(28, "lowerLetter") == "bb"
    numbering = Numbering({"1": {0: Level(5, "decimal", "%1.", "nothing")}})
    assert [numbering.label("1", 0) for _ in range(2)] == ["5.", "6."]
    assert numbering.label("missing", 0) == ""


def test_tracked_deletions_and_field_codes_are_not_text(tmp_path):
    body = (
        '<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    path = tmp_path / "revisions.docx"
    path.write_bytes(_package(_document_xml(body)))
    assert read_document(path).text == "保留插入3\n"


# ---------------------------------------------------------------- broken and hostile files

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>').encode()


def _package(document: bytes, extra: dict | None = None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_truncated_docx_is_reported_as_damaged(tmp_path, sample_docx):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(sample_docx.read_bytes()[: sample_docx.stat().st_size // 2])
    with pytest.raises(InputError, match="损坏"):
        load_report(broken)


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes("这不是一个 Word 文档".encode() * 20)
    with pytest.raises(InputError, match="损坏"):
        load_report(path)


def test_docx_with_broken_xml(tmp_path):
    path = tmp_path / "badxml.docx"
    path.write_bytes(_package(b"<w:document><w:body><w:p>"))
    with pytest.raises(InputError, match="损坏"):
        load_report(path)


def test_docx_without_main_part(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    path = tmp_path / "nomain.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="损坏"):
        load_report(path)


def test_entity_expansion_is_refused(tmp_path):
    prolog = '<!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path = tmp_path / "laughs.docx"
    path.write_bytes(_package(_document_xml("<w:p><w:r><w:t>&b;</w:t></w:r></w:p>", prolog)))
    with pytest.raises(InputError, match="不安全"):
        load_report(path)


def test_zip_bomb_is_refused_before_decompressing(tmp_path, monkeypatch):
    # 40 MB of spaces compress to about 40 KB: a ratio no Office document has.
    bomb = _document_xml("<w:p><w:r><w:t>x</w:t></w:r></w:p>") + b" " * (40 * 1024 * 1024)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_package(bomb))
    assert path.stat().st_size < 200_000
    from gkdesk.readers import docx_reader

    opened = []
    monkeypatch.setattr(docx_reader, "read_zip_part", lambda *a: opened.append(a) or b"")
    with pytest.raises(InputError, match="压缩炸弹"):
        load_report(path)
    assert opened == []


def test_zip_with_absurd_total_size_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 1024 * 1024)
    parts = {f"word/media/image{k}.bin": b"\0" * 300_000 for k in range(5)}
    path = tmp_path / "huge.docx"
    path.write_bytes(_package(_document_xml("<w:p/>"), parts, zipfile.ZIP_STORED))
    with pytest.raises(InputError, match="上限"):
        load_report(path)


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setitem(limits.MAX_FILE_BYTES, "docx", 200)
    path = tmp_path / "big.docx"
    path.write_bytes(_package(_document_xml("<w:p/>" * 500)))
    with pytest.raises(InputError, match="过大"):
        load_report(path)


@pytest.mark.parametrize("wrapping", ["html", "mht"])
def test_report_imported_as_a_web_chunk(tmp_path, wrapping):
    """Web editors export a .docx whose body is one w:altChunk holding the page (HTML or MHT)."""
    import quopri

    from reader_samples import report_html

    values = values_for("2021", seed=8)
    html = report_html("2021", values, charset="utf-8").encode("utf-8")
    if wrapping == "mht":
        chunk = (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
            b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + quopri.encodestring(html) + b"\r\n--B--\r\n"
        )
        name = "afchunk.mht"
    else:
        chunk, name = html, "afchunk.htm"
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="{name}"/>'
        "</Relationships>"
    )
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    body = f'<w:p><w:r><w:t>附件</w:t></w:r></w:p><w:altChunk {r} r:id="rIdChunk"/>'
    path = tmp_path / "chunk.docx"
    path.write_bytes(_package(_document_xml(body), {"word/_rels/document.xml.rels": rels, f"word/{name}": chunk}))
    report = load_report(path)
    got = report.to_json()
    assert (got["t2"], got["t3"], got["t4"]) == (values["t2"], values["t3"], values["t4"])
    assert report.text.startswith("附件\n测试区数据局\n")


def test_absurd_nesting_is_refused_clearly(tmp_path):
    nested = "<w:tbl><w:tr><w:tc>" * 3000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 3000
    path = tmp_path / "nested.docx"
    path.write_bytes(_package(_document_xml(nested)))
    with pytest.raises(InputError, match="嵌套"):
        load_report(path)


def test_embedded_object_is_named_where_it_stands(tmp_path):
    body = '<w:p><w:r><w:t>表三</w:t></w:r><w:r><w:object/></w:r></w:p><w:p><w:r><w:t>四、</w:t></w:r></w:p>'
    path = tmp_path / "ole.docx"
    path.write_bytes(_package(_document_xml(body)))
    assert read_document(path).text.splitlines() == ["表三", "〔此处为嵌入对象（如 Excel 表格），未读取其内容〕", "四、"]
