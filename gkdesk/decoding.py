"""Bytes to text: UTF-8 (BOM or not), GB18030/GBK, UTF-16 LE/BE (BOM or not), Big5.

The text returned is exactly what the reviewer sees and what every span points into:
line breaks are folded to "\\n", stray NUL characters are dropped, nothing else is changed.
Three repairs are made, each said in a note (Decoded.notes, carried into Report.notes):
- stray NULs (at most MAX_NUL_SHARE of the characters) are removed: a text file damaged by a
  copy or a crash; a file with more of them is binary and refused;
- a file that is UTF-8 except for a minority of lines that read as GB18030 (text pasted
  together from two sources) is read line by line, each line in its own encoding;
- a UTF-8 file with a few invalid byte sequences (at most MAX_INVALID_SHARE of the characters;
  converters that cut a Chinese character in two leave them) that no Chinese code page reads
  well is read with each invalid sequence shown as U+FFFD.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from .errors import InputError
from .input_files import too_large
from .limits import MAX_TEXT_FILE_BYTES as MAX_BYTES
from .model import ParseNote
from .schema import FORMATS, TABLE_IDS, table_spec

# Stray NULs are tolerated up to this share of the characters (a few in a report of tens of
# thousands); beyond it the file is taken for binary. UTF-16 text, whose every ASCII character
# carries a NUL byte, is recognized before this rule applies and decodes without NULs.
MAX_NUL_SHARE = 0.01
# ParseNote codes of the repairs made while decoding (the window shows them on opening).
NUL_REMOVED = "nul_removed"
MIXED_ENCODING = "mixed_encoding"
INVALID_BYTES = "invalid_bytes"
REPAIRS = (NUL_REMOVED, MIXED_ENCODING, INVALID_BYTES)
# Invalid UTF-8 sequences are tolerated up to this share of the characters. A GB18030 file read
# as UTF-8 has an invalid sequence for nearly every Chinese character, far above it; and the
# code pages are tried first, so a file they read well is never taken for damaged UTF-8.
MAX_INVALID_SHARE = 0.01
# Line numbers named in the note of a mixed-encoding file (the rest are counted).
_LINES_NAMED = 10

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
) | {
    # and every character of the official format's row and column labels (政府信息公开: 息
    # is in every report's title, yet rare in prose at large)
    ch
    for spec in (table_spec(v, t) for v in FORMATS for t in TABLE_IDS)
    for words in [*(w for row in spec.rows for w in (row.label, *row.path, *row.anchors)),
                  *(w for col in (*spec.columns, *(c for row in spec.rows for c in row.columns))
                     for w in (col.label, *col.path, *col.aliases, col.short))]
    for ch in words
    if "\u4e00" <= ch <= "\u9fff"
}


# Runs of characters that look like report text: the common characters, printable ASCII with
# tab, line feed and form feed, and any white space (\s is str.isspace in a str pattern).
_PLAUSIBLE_RUN = re.compile("[" + re.escape("".join(sorted(_COMMON))) + "\x20-\x7e\\n\\t\\f\\s]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # C0 controls other than \t \n \v \f \r


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec name used, e.g. "utf-8-sig", "gb18030", "utf-16-le", "utf-8+gb18030"
    notes: tuple[ParseNote, ...] = ()  # repairs made while decoding, for the reviewer


def _fold_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausibility(text: str) -> float:
    """Share of characters that look like Chinese report text (one regex pass, no per-character loop)."""
    if not text:
        return 0.0
    return (len(text) - len(_PLAUSIBLE_RUN.sub("", text))) / len(text)


plausibility = _plausibility  # for readers that weigh a declared charset against detection


def _looks_binary(text: str) -> bool:
    """More than 2% control characters near the start (NULs were dealt with before)."""
    if not text:
        return False
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / len(sample) > 0.02


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
    mixed = _mixed_utf8_lines(data)
    if mixed is not None:
        return _checked(mixed)
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
        damaged = _damaged_utf8(data)
        if damaged is not None:
            return _checked(damaged)
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


def _mixed_utf8_lines(data: bytes) -> Decoded | None:
    """A UTF-8 file with a minority of lines in GB18030, read line by line; None if it is not one.

    Line feeds are safe cut points in both encodings (0x0A is never part of a multi-byte
    character in either). It is taken for such a file only when the lines with non-ASCII
    characters are mostly valid UTF-8, every other line is valid GB18030, and both parts read
    as Chinese text; otherwise the whole-file code pages decide, as before.
    """
    pieces: list[str] = []
    utf8_parts: list[str] = []
    fallback_parts: list[str] = []
    fallback_at: list[int] = []  # index of each fallback line among the lines
    for number, line in enumerate(data.split(b"\n")):
        try:
            piece = line.decode("utf-8")
            if not line.isascii():
                utf8_parts.append(piece)
        except UnicodeDecodeError:
            try:
                piece = line.decode("gb18030")
            except UnicodeDecodeError:
                return None
            fallback_parts.append(piece)
            fallback_at.append(number)
        pieces.append(piece)
    if not fallback_at or len(utf8_parts) <= len(fallback_at):
        return None
    if _plausibility("".join(utf8_parts)) < 0.6 or _plausibility("".join(fallback_parts)) < 0.6:
        return None
    text = _fold_newlines("\n".join(pieces))
    where = _line_starts(pieces, set(fallback_at))
    numbers = [line for _, line in where]
    named = "、".join(str(n) for n in numbers[:_LINES_NAMED]) + ("等" if len(numbers) > _LINES_NAMED else "")
    start = where[0][0]
    end = text.find("\n", start)
    note = ParseNote(
        MIXED_ENCODING,
        f"文件的文字编码不一致：大部分为 UTF-8，另有 {len(numbers)} 行为 GB18030 编码（第 {named} 行），"
        "已逐行按各自的编码读取。请核对这些行的文字。",
        span=(start, len(text) if end < 0 else end),
    )
    return Decoded(text, "utf-8+gb18030", (note,))


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid sequences, each read as U+FFFD; None if it is not that."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if bad <= 0 or bad > len(text) * MAX_INVALID_SHARE:
        return None
    if _plausibility(text.replace("\ufffd", "")) < 0.9:
        return None
    text = _fold_newlines(text)
    first = text.find("\ufffd")
    note = ParseNote(
        INVALID_BYTES,
        f"文件中有 {bad} 处字节不是有效的 UTF-8 编码（多为转换工具截断了汉字），已显示为“\ufffd”，"
        "其余文字照常识别。请对照原件核对这些位置。",
        span=(first, first + 1),
    )
    return Decoded(text, "utf-8", (note,))


def _line_starts(pieces: list[str], wanted: set[int]) -> list[tuple[int, int]]:
    """(offset in the folded text, 1-based line number) of the pieces in `wanted`.

    The pieces are the file's lines cut at "\\n"; a piece ending in "\\r" was a CRLF line and
    any other "\\r" in a piece is a line break of its own once folded."""
    out = []
    offset, line = 0, 1
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        if i in wanted:
            out.append((offset, line))
        body = piece[:-1] if i < last and piece.endswith("\r") else piece
        offset += len(body) + (i < last)
        line += body.count("\r") + (i < last)
    return out


def _checked(decoded: Decoded) -> Decoded:
    """Drop stray NULs (said in a note), refuse binary, drop a BOM read as a character.

    The spans of notes made before (mixed encodings) are moved to the text as returned."""
    text = decoded.text
    nuls = text.count("\x00")
    if nuls > len(text) * MAX_NUL_SHARE:
        raise InputError("文件看起来是二进制文件，不是报告文本。", "binary file (NUL characters)")
    bom = text.startswith("\ufeff")

    def kept(offset: int) -> int:
        return offset - (text.count("\x00", 0, offset) if nuls else 0) - (bom and offset > 0)

    notes = tuple(
        replace(n, span=(kept(n.span[0]), kept(n.span[1]))) if n.span is not None else n for n in decoded.notes
    )
    if nuls:
        text = text.replace("\x00", "")
        removed = ParseNote(
            NUL_REMOVED,
            f"文件中有 {nuls} 个空字符（NUL，多为复制或保存中断造成的损坏），已删除；其余文字照常识别。",
        )
        notes = (removed,) + notes
    if _looks_binary(text):
        raise InputError("文件看起来是二进制文件，不是报告文本。", "binary file")
    if bom:
        text = text[1:]
    return Decoded(text, decoded.encoding, notes)
