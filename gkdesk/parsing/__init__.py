"""Reading report files: decoding and table recognition. No Qt here."""
from __future__ import annotations

from pathlib import Path

from ..decoding import MAX_BYTES, Decoded, decode_bytes
from ..errors import InputError
from ..input_files import empty_file, read_input_bytes
from ..model import Report
from .recognize import parse_document, parse_text

__all__ = ["parse_document", "parse_text", "read_report", "read_text_file"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst", ".text", ".csv", ".tsv", ""}


def read_text_file(path: str | Path) -> tuple[str, str]:
    """Decoded text and encoding of a text file; InputError with a Chinese message if unreadable."""
    decoded = _decode_file(path)
    return decoded.text, decoded.encoding


def _decode_file(path: str | Path) -> Decoded:
    data = read_input_bytes(Path(path), MAX_BYTES)
    if not data.strip():  # white space only
        raise empty_file()
    return decode_bytes(data)


def read_report(path: str | Path) -> Report:
    """Read and recognize one report file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".doc", ".wps"):
        raise InputError(
            "这是旧版 Word/WPS 格式（.doc/.wps），请先另存为 .docx 或文本文件后再打开。",
            "old binary Word/WPS format",
        )
    decoded = _decode_file(p)
    report = parse_text(decoded.text, encoding=decoded.encoding, source_path=str(path))
    report.notes[:0] = decoded.notes  # repairs made while decoding (stray NULs, mixed encodings)
    return report
