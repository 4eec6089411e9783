import codecs

import pytest

from conftest import ROOT
from gkdesk.decoding import MAX_BYTES, MAX_NUL_SHARE, decode_bytes
from gkdesk.errors import InputError

SAMPLE = "三、收到和处理政府信息公开申请情况\r\n本年度共收到政府信息公开申请42件，办结42件。\n表三\t自然人\t总计\n"
FOLDED = SAMPLE.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == FOLDED
    assert decoded.encoding == encoding


def test_big5_traditional_text():
    text = "三、收到和處理政府信息公開申請情況\n本年度共收到政府信息公開申請四十二件，已全部辦結。\n" * 3
    decoded = decode_bytes(text.encode("big5"))
    assert decoded.encoding == "big5"
    assert decoded.text == text


def test_newlines_are_folded_one_for_one():
    assert decode_bytes(b"a\r\nb\rc\n").text == "a\nb\nc\n"


def test_binary_is_refused_with_a_chinese_message():
    with pytest.raises(InputError) as exc:
        decode_bytes(bytes(range(256)) * 40)
    assert "二进制" in str(exc.value) or "编码" in str(exc.value)


def test_too_large_is_refused_before_decoding():
    with pytest.raises(InputError) as exc:
        decode_bytes(b"a" * (MAX_BYTES + 1))
    assert "过大" in str(exc.value)


# ---------------------------------------------------------------- repairs: stray NULs, mixed lines

REPORT = (ROOT / "resources" / "samples").glob("*.txt").__next__().read_text(encoding="utf-8")


def test_stray_nuls_are_dropped_and_said():
    data = REPORT.encode("utf-8").replace("\n".encode(), b"\n\x00", 3)
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text == REPORT
    (note,) = decoded.notes
    assert note.code == "nul_removed" and "3 个空字符" in note.message and "已删除" in note.message


def test_stray_nuls_in_a_gb18030_file_too():
    data = b"\x00" + REPORT.encode("gb18030") + b"\x00\x00"
    decoded = decode_bytes(data)
    assert decoded.encoding == "gb18030" and decoded.text == REPORT
    assert [n.code for n in decoded.notes] == ["nul_removed"]


def test_text_with_more_nuls_than_the_tolerated_share_is_binary():
    text = REPORT.encode("utf-8")
    nuls = int(len(text) * MAX_NUL_SHARE) + 10
    cut = text.index(b"\n", 1000)
    data = text[:cut] + b"\x00" * nuls + text[cut:]
    with pytest.raises(InputError) as exc:
        decode_bytes(data)
    assert "二进制" in exc.value.message_zh


def test_utf16_is_not_mistaken_for_text_full_of_nuls():
    for data, encoding in ((REPORT.encode("utf-16-le"), "utf-16-le"), (REPORT.encode("utf-16"), "utf-16")):
        decoded = decode_bytes(data)
        assert decoded.encoding == encoding and decoded.text == REPORT and decoded.notes == ()


def _mixed(text: str, gbk_lines: set[int], newline: str = "\n") -> bytes:
    lines = text.split("\n")
    return newline.encode().join(
        line.encode("gb18030" if i in gbk_lines else "utf-8") for i, line in enumerate(lines)
    )


def test_mostly_utf8_with_some_gb18030_lines_is_read_line_by_line():
    lines = REPORT.split("\n")
    gbk = {i for i, line in enumerate(lines) if line.startswith(("（二）依申请公开", "2023年，我局本年度共收到"))}
    assert len(gbk) == 2
    decoded = decode_bytes(_mixed(REPORT, gbk))
    assert decoded.encoding == "utf-8+gb18030" and decoded.text == REPORT
    (note,) = decoded.notes
    numbers = sorted(i + 1 for i in gbk)
    assert note.code == "mixed_encoding" and f"第 {numbers[0]}、{numbers[1]} 行" in note.message
    # The note's span is the first such line, in the decoded text.
    assert decoded.text[note.span[0] : note.span[1]] == lines[min(gbk)]


def test_mixed_lines_with_crlf_and_a_lone_cr_keep_line_numbers_and_spans():
    text = "甲、政府信息公开\r乙、本年度收到申请\n" + REPORT  # a lone CR is a line break too
    lines = text.replace("\r", "\n").split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("2023年，我局本年度共收到"))
    raw_lines = text.split("\n")
    raw_target = next(i for i, line in enumerate(raw_lines) if line.startswith("2023年，我局本年度共收到"))
    decoded = decode_bytes(_mixed(text, {raw_target}, newline="\r\n"))
    assert decoded.text == text.replace("\r", "\n")
    (note,) = decoded.notes
    assert f"第 {target + 1} 行" in note.message
    assert decoded.text[note.span[0] : note.span[1]] == lines[target]


def test_mixed_note_span_survives_nul_and_bom_removal():
    lines = REPORT.split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("（二）依申请公开"))
    data = codecs.BOM_UTF8 + b"\x00" + _mixed(REPORT, {target})
    decoded = decode_bytes(data)
    assert decoded.text == REPORT
    assert [n.code for n in decoded.notes] == ["nul_removed", "mixed_encoding"]
    span = decoded.notes[1].span
    assert decoded.text[span[0] : span[1]] == lines[target]


def test_mostly_gb18030_is_not_read_as_mixed():
    lines = REPORT.split("\n")
    utf8 = {i for i, line in enumerate(lines) if line.startswith("（二）依申请公开")}
    gbk = set(range(len(lines))) - utf8
    try:
        decoded = decode_bytes(_mixed(REPORT, gbk))
    except InputError:
        return  # refused is acceptable; read as mixed UTF-8 is not
    assert decoded.encoding != "utf-8+gb18030"


def test_a_line_in_neither_encoding_is_not_mixed_but_read_with_its_bad_bytes_marked():
    data = REPORT.encode("utf-8") + b"\n\xff\xfe\xfd\xfc\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == REPORT + "\n" + "\ufffd" * 4 + "\n"
    assert [n.code for n in decoded.notes] == ["invalid_bytes"]
    assert "4 处" in decoded.notes[0].message


def test_characters_cut_in_two_by_a_converter_are_shown_as_replacement_and_said():
    encoded = REPORT.encode("utf-8")
    cuts = [i for i in range(200, len(encoded), len(encoded) // 20) if encoded[i] >= 0xE0][:12]
    damaged = bytearray(encoded)
    for i in reversed(cuts):
        del damaged[i + 1 : i + 3]  # keep the lead byte only, as a converter cutting mid-character does
    decoded = decode_bytes(bytes(damaged))
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == len(cuts) > 5
    note = decoded.notes[0]
    assert note.code == "invalid_bytes" and decoded.text[note.span[0]] == "\ufffd"


def test_a_gbk_file_with_few_chinese_characters_is_still_gbk():
    text = "Annual report 2023\n" + "x\t0\t1\t2\n" * 200 + "政府信息公开\n"
    decoded = decode_bytes(text.encode("gbk"))
    assert decoded.text == text and decoded.encoding == "gb18030" and not decoded.notes


def test_utf8_with_too_many_bad_bytes_is_refused():
    data = "申请".encode("utf-8") + b"\xff\xfe" * 300 + "公开".encode("utf-8")
    with pytest.raises(InputError):
        decode_bytes(data)


def test_mixed_file_opens_with_the_same_tables_spans_into_its_text_and_the_note(tmp_path):
    from gkdesk.reports import load_report

    lines = REPORT.split("\n")
    gbk = {i for i, line in enumerate(lines) if line.strip().startswith(("一、本年新收", "（七）总计", "2023年，我局因政府"))}
    assert len(gbk) == 3
    clean, mixed = tmp_path / "clean.txt", tmp_path / "mixed.txt"
    clean.write_bytes(REPORT.encode("utf-8"))
    mixed.write_bytes(_mixed(REPORT, gbk))
    expected, report = load_report(clean), load_report(mixed)
    assert report.text == expected.text and report.encoding == "utf-8+gb18030"
    assert report.to_json()["t3"] == expected.to_json()["t3"] and report.to_json()["t4"] == expected.to_json()["t4"]
    for table_id, table in report.tables.items():
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                assert cell.span == expected.tables[table_id].cells[r][c].span
    assert [n.code for n in report.notes if n.code in ("mixed_encoding", "nul_removed")] == ["mixed_encoding"]
    assert "mixed_encoding" not in [n.code for n in expected.notes]


def test_report_with_stray_nuls_opens_with_a_note(tmp_path):
    from gkdesk.reports import load_report

    path = tmp_path / "nul.txt"
    path.write_bytes(REPORT.encode("utf-8").replace("\n".encode(), b"\n\x00", 5))
    report = load_report(path)
    assert report.text == REPORT and report.value(("t3", 0, 0)) == 56
    assert report.notes[0].code == "nul_removed" and "5 个空字符" in report.notes[0].message
    assert report.to_json()["notes"][0] == report.notes[0].message


def test_a_gb18030_report_of_the_official_labels_needs_no_detector(monkeypatch):
    # The official format's own words (政府信息公开: 息, 项, 费...) count as report text, so a
    # GB18030 report is read by the code page without asking chardet (slow: ~90 ms to load).
    from gkdesk import decoding
    from gkdesk.schema import FORMATS, TABLE_IDS, table_spec

    def no_detector(data):
        raise AssertionError("chardet asked")

    monkeypatch.setattr(decoding, "_chardet_guess", no_detector)
    for version in FORMATS:
        for table_id in TABLE_IDS:
            spec = table_spec(version, table_id)
            text = "".join(row.label for row in spec.rows)  # the labels alone: 0.83-0.88 before
            if not text:
                continue  # 表四's rows have no labels of their own
            decoded = decoding.decode_bytes(text.encode("gb18030"))
            assert decoded.text == text
