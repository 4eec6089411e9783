"""File names the OS allows but UTF-8 does not: in, out, and in JSON.

A name unpacked from a Windows zip on UOS/Kylin is often GBK bytes; Python hands it over as
str with surrogate escapes (os.fsdecode), which works for every file operation but cannot be
encoded as UTF-8. Out, such a name is made printable: its bytes read as GB18030 when they are
that (a GBK name prints readably), else the odd bytes as \\xNN. In JSON the string stays the
same string (the surrogates as \\udcNN escapes, which json.loads gives back exactly).
"""
from __future__ import annotations

import json
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


# A name's parts are decoded one by one: a UTF-8 folder may hold a GBK-named file.
_PART = re.compile(r"[^\s/\\:\"'“”‘’（）()，：；。]+")


def _readable(part: str) -> str:
    raw = part.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def printable(text: str) -> str:
    """`text` with each name part holding escaped bytes made readable (GB18030, as a Windows
    name is) or its odd bytes shown as \\xNN; other text unchanged."""
    if not _SURROGATE.search(text):
        return text
    text = _PART.sub(lambda m: _readable(m.group()) if _SURROGATE.search(m.group()) else m.group(), text)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # any left (not escapes)


class PrintableStream:
    """A text stream that makes what is written printable first (the CLI's stdout and stderr)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def json_text(obj, separators=None) -> str:
    """json.dumps (Chinese as itself) that any UTF-8 stream takes: lone surrogates as escapes."""
    text = json.dumps(obj, ensure_ascii=False, separators=separators)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
