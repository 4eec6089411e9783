import codecs

import pytest

from gkdesk.decoding import MAX_BYTES, decode_bytes
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
