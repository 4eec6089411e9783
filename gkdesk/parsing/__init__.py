"""Reading report files: decoding and table recognition. No Qt here."""
from __future__ import annotations

from pathlib import Path

from ..decoding import MAX_BYTES, decode_bytes
from ..errors import InputError
from ..model import Report
from .recognize import parse_text

__all__ = ["parse_text", "read_report", "read_text_file"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst", ".text", ".csv", ".tsv", ""}


def read_text_file(path: str | Path) -> tuple[str, str]:
    """Decoded text and encoding of a text file; InputError with a Chinese message if unreadable."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"找不到文件：{p}", f"file not found: {p}") from None
    except OSError as exc:
        raise InputError(f"无法读取文件：{p}（{exc.strerror or exc}）", str(exc)) from None
    if p.is_dir():
        raise InputError(f"这是一个文件夹，不是报告文件：{p}", "is a directory")
    if size > MAX_BYTES:
        raise InputError(
            f"文件过大（{size // (1024 * 1024)} MB），超过 {MAX_BYTES // (1024 * 1024)} MB 的上限，未读取。",
            "file too large",
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件：{p}（{exc.strerror or exc}）", str(exc)) from None
    if not data.strip():
        raise InputError("文件是空的。", "empty file")
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def read_report(path: str | Path) -> Report:
    """Read and recognize one report file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".doc", ".wps"):
        raise InputError(
            "这是旧版 Word/WPS 格式（.doc/.wps），请先另存为 .docx 或文本文件后再打开。",
            "old binary Word/WPS format",
        )
    text, encoding = read_text_file(p)
    return parse_text(text, encoding=encoding, source_path=str(path))
