"""Bytes to text: UTF-8 (BOM or not), GB18030/GBK, UTF-16 LE/BE (BOM or not), Big5.

The text returned is exactly what the reviewer sees and what every span points into:
line breaks are folded to "\\n" (one character for one), nothing else is changed.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import InputError
from .input_files import too_large
from .limits import MAX_TEXT_FILE_BYTES as MAX_BYTES

# Frequent characters of Chinese government prose, used to tell a right decoding from a
# wrong one (GB18030 decodes almost any byte string, so "it decodes" proves little).
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
    "心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展"
    "五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论"
    "运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金"
    "增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至"
    "达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且"
    "究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便"
    "团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却"
    "专状育厂京识适属圆包火住调满县局照参红细引听该铁价严申请诉讼复议审结维持纠正予以公开况"
    "，。、；：（）“”《》"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec name used, e.g. "utf-8-sig", "gb18030", "utf-16-le"


def _fold_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausibility(text: str) -> float:
    """Share of characters that look like Chinese report text."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        if ch in _COMMON or ch.isascii() and (ch.isprintable() or ch in "\n\t\f") or ch.isspace():
            good += 1
    return good / len(text)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\r\f\v")
    return controls / len(sample) > 0.02 or "\x00" in sample


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        broken = len(exc.object) - exc.start  # (exc.object: the bytes after a BOM the codec took)
        if exc.end == len(exc.object) and broken < 4:
            # Only the last character is broken: the file was cut short (an interrupted copy
            # or download). Read it without that fragment rather than refuse the whole file.
            try:
                return data[: len(data) - broken].decode(encoding)
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 from Windows tools without a BOM: NULs on one side of most ASCII characters."""
    if len(data) < 4:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if max(even_nuls, odd_nuls) < len(data) // 20:
        return None
    encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    text = _try(data, encoding)
    if text is None or _plausibility(text) < 0.8:
        return None
    return Decoded(text, encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a report file's bytes; raise InputError with a clear message if it is not text."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data), MAX_BYTES)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is not None:
                return _checked(Decoded(_fold_newlines(text), encoding))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(Decoded(_fold_newlines(utf16.text), utf16.encoding))
    text = _try(data, "utf-8")
    if text is not None:
        return _checked(Decoded(_fold_newlines(text), "utf-8"))
    best: Decoded | None = None
    best_score = -1.0
    for encoding in ("gb18030", "big5"):
        text = _try(data, encoding)
        if text is None:
            continue
        score = _plausibility(text)
        if score > best_score:
            best, best_score = Decoded(_fold_newlines(text), encoding), score
    if best_score < 0.9:
        # Neither Chinese code page reads it well: ask chardet (slow, so only now).
        guess = _chardet_guess(data)
        text = _try(data, guess) if guess else None
        if text is not None and _plausibility(text) > best_score:
            best, best_score = Decoded(_fold_newlines(text), guess), _plausibility(text)
    if best is None or best_score < 0.6:
        raise InputError("无法识别文件的文字编码，可能不是文本文件。", "cannot determine the text encoding")
    return _checked(best)


def _chardet_guess(data: bytes) -> str | None:
    import chardet  # imported lazily: only needed for files that are neither UTF-8 nor UTF-16

    result = chardet.detect(data[:200_000])
    encoding = (result.get("encoding") or "").lower()
    if not encoding or (result.get("confidence") or 0) < 0.3:
        return None
    if encoding in ("gb2312", "gbk"):
        return "gb18030"  # a superset: reads every GB2312/GBK file
    if encoding in ("ascii",):
        return None
    return encoding


def _checked(decoded: Decoded) -> Decoded:
    if _looks_binary(decoded.text):
        raise InputError("文件看起来是二进制文件，不是报告文本。", "binary file")
    text = decoded.text
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, decoded.encoding)
