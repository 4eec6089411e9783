"""The corpus of attacks: files reviewers are handed that are not what they seem.

Each attack writes one file (or folder) into a directory and says what opening it must give:
REFUSED (a clear message, no report), OPENS (a report, maybe with notes), or EITHER (a partial
report or a clear message are both right, e.g. mixed encodings)."""
from __future__ import annotations

import codecs
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .seeds import synthetic_texts

REFUSED, OPENS, EITHER = "refused", "opens", "either"
MB = 1024 * 1024


@dataclass(frozen=True)
class Attack:
    name: str
    expect: str
    make: Callable[[Path], Path]  # writes the input into a folder, returns its path


def _report() -> str:
    return synthetic_texts()[0]


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _sparse(name: str, size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as f:
            f.truncate(size)
        return path

    return make


def _folder_named_like_a_file(folder: Path) -> Path:
    path = folder / "文件夹.txt"
    path.mkdir()
    return path


def _docx_bytes() -> bytes:
    """A zip that calls itself Word but holds no document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/other.xml", "<x/>")
    return buffer.getvalue()


def _zip_bomb_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (300 * MB))
    return buffer.getvalue()


def _report_bytes_cut_in_a_character() -> bytes:
    data = _report().encode("utf-8")
    middle = len(data) // 2
    while data[middle] < 0x80:  # land inside a multi-byte character
        middle += 1
    return data[: middle + 1]


def _mixed_encodings() -> bytes:
    text = _report()
    third = len(text) // 3
    return text[:third].encode("utf-8") + text[third : 2 * third].encode("gb18030") + text[2 * third :].encode("utf-8")


ATTACKS: tuple[Attack, ...] = (
    Attack("empty", REFUSED, _write("空文件.txt", b"")),
    Attack("blank", REFUSED, _write("空白.txt", b" \n\r\n\t \n")),
    Attack("png-renamed", REFUSED, _write("图片.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)),
    Attack("exe-renamed", REFUSED, _write("程序.txt", b"MZ\x90\x00\x03" + bytes(range(256)) * 64)),
    Attack("docx-renamed-txt", REFUSED, _write("文档.txt", _docx_bytes())),
    Attack("pdf-renamed-txt", REFUSED, _write("报告pdf.txt", b"%PDF-1.4\n" + bytes((i * 31) % 256 for i in range(8000)))),
    Attack("random-bytes", REFUSED, _write("乱码.txt", bytes((i * 7919 + 13) % 256 for i in range(20000)))),
    Attack("too-large", REFUSED, _sparse("超大.txt", 50 * MB + 1)),
    Attack("folder-named-txt", REFUSED, _folder_named_like_a_file),
    Attack("garbage-docx", REFUSED, _write("坏文档.docx", b"PK\x03\x04 this is not a zip at all" * 10)),
    Attack("docx-without-document", REFUSED, _write("空文档.docx", _docx_bytes())),
    Attack("zip-bomb-docx", REFUSED, _write("炸弹.docx", _zip_bomb_docx())),
    Attack("garbage-pdf", REFUSED, _write("坏.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 500)),
    Attack("text-named-pdf", REFUSED, _write("其实是文本.pdf", _report().encode("utf-8"))),
    Attack("old-word", REFUSED, _write("旧格式.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)),
    Attack("binary-html", REFUSED, _write("网页.html", bytes(range(256)) * 64)),
    Attack("not-a-report", OPENS, _write("会议通知.txt", "会议通知\n请各单位于下周一上午九时参加会议。\n".encode("utf-8"))),
    Attack("truncated-report", OPENS, _write("截断.txt", _report().encode("utf-8")[: len(_report().encode("utf-8")) // 2])),
    Attack("cut-inside-a-character", OPENS, _write("截断字符.txt", _report_bytes_cut_in_a_character())),
    Attack("gb18030-report", OPENS, _write("国标编码.txt", _report().encode("gb18030"))),
    Attack("utf16-report-no-bom", OPENS, _write("utf16.txt", _report().encode("utf-16-le"))),
    Attack("utf8-bom-crlf", OPENS, _write("bom.txt", codecs.BOM_UTF8 + _report().replace("\n", "\r\n").encode("utf-8"))),
    Attack("mixed-encodings", EITHER, _write("混合编码.txt", _mixed_encodings())),
    Attack("nul-bytes-in-report", EITHER, _write("含空字节.txt", _report().encode("utf-8").replace(b"\n", b"\n\x00", 3))),
    Attack("html-report-as-txt", OPENS, _write("网页另存.txt", ("<html><body><table><tr><td>" + _report().replace("\n", "</td></tr><tr><td>") + "</td></tr></table></body></html>").encode("utf-8"))),
    Attack("ten-mb-line", OPENS, _write("单行十兆.txt", ("本机关认真贯彻落实条例 1 2 3 " * (10 * MB // 18)).encode("utf-8"))),
    Attack("digits-5000", OPENS, _write("长数字.txt", (_report() + "本年度共收到申请" + "9" * 5000 + "件。\n").encode("utf-8"))),
)


def _hostile(make, *args):
    """An input of tests/fuzz/hostile.py (issue 15's classes), made the same way every time."""
    from . import hostile

    return lambda folder: getattr(hostile, make)(folder, *args)


# Issue 15: structure that expands, names UTF-8 lacks, charsets that lie.
ATTACKS += (
    Attack("docx-gridspan-10^7", REFUSED, _hostile("docx_wide_span", "gridSpan", 10**7)),
    Attack("docx-gridbefore-10^9", REFUSED, _hostile("docx_wide_span", "gridBefore", 10**9)),
    Attack("docx-15-altchunks", REFUSED, _hostile("docx_alt_chunks", 15, 64 * 1024)),
    Attack("html-colspan-rowspan", REFUSED, _hostile("html_spans", 300, 1000, 65534)),
    Attack("xlsx-claiming-60m-rows", REFUSED, _hostile("xlsx_claiming_rows", 60_000_000, 100)),
    Attack("html-charset-lie", OPENS, _hostile("charset_lie", "iso-8859-1", "gb18030")),
    Attack("gbk-file-name", OPENS, _hostile("gbk_named")),
)


def attack(name: str) -> Attack:
    return next(a for a in ATTACKS if a.name == name)
