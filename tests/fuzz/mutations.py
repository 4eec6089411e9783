"""Mutations of report text that imitate what reviewers are handed: lines lost, repeated or out
of order, noise pasted in, numbers smudged, files cut short, parts saved in another encoding.

A mutation is a plain tuple, so that hypothesis can draw and shrink it and the fuzz harness
can build it from raw bytes; `apply` runs a list of them on a text."""
from __future__ import annotations

import random
import re
from functools import cache

from gkdesk.schema import FORMATS, SECTIONS, TABLE_IDS, table_spec

_NUMBER = re.compile(r"\d[\d,，.]*")

# Junk a converter or a careless edit leaves where numbers were.
NUMBER_JUNK = (
    "", "-", "/", "—", "无", "O", "l", "１２", "1,2", "1,234,5", "3.5", "0.0", "-7", "+3", "1e5",
    "٣", "五", "9" * 40, "9" * 400 + ".5", "1" * 5000, "1 2", "12a", "%", "元", "\t", "|", "  ", "\u3000", "１,０００", "..",
)
# Characters that stress decoding and tokenizing.
ODD_CHARS = (
    "\x00", "\x0b", "\x0c", "\r", "\u2028", "\u2029", "\ufeff", "\u200b", "\u00ad", "\u0301", "\u202e",
    "\ud7ff", "\U0001f600", "\uff5c", "\uff0c", "\u00a0", "\t", "|", "+", "-", "=", "*", "#", "\\", '"',
    "<td>", "</td>", "<tr>", "<th colspan=2>", "<br>", "&nbsp;", "+----+", "|---|", "第 3 页", "- 2 -",
)


@cache
def vocabulary() -> tuple[str, ...]:
    """Words of real reports, taken from the schema (labels, header cues, section headings)."""
    words: set[str] = set()
    for version in FORMATS:
        for table_id in TABLE_IDS:
            spec = table_spec(version, table_id)
            words.update((spec.number, spec.title, *spec.cues))
            for r, row in enumerate(spec.rows):
                words.add(row.label)
                words.update(row.path)
                words.update(c.label for c in spec.row_columns(r))
    for section in SECTIONS:
        words.add(section.heading)
    return tuple(sorted(w for w in words if w))


def _lines(text: str) -> list[str]:
    return text.split("\n")


def apply(text: str, ops) -> str:
    """Apply mutations in order; indices wrap around, so any integers are valid."""
    for op in ops:
        text = _apply_one(text, op)
    return text


def _apply_one(text: str, op) -> str:
    kind, *args = op
    lines = _lines(text)
    n = len(lines)
    if kind == "delete":
        i, count = args[0] % n, 1 + args[1] % 5
        del lines[i : i + count]
    elif kind == "duplicate":
        i, count, dest = args[0] % n, 1 + args[1] % 5, args[2] % (n + 1)
        lines[dest:dest] = lines[i : i + count]
    elif kind == "swap":
        i, j = args[0] % n, args[1] % n
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "shuffle":
        i, count, seed = args[0] % n, 2 + args[1] % 30, args[2]
        block = lines[i : i + count]
        random.Random(seed).shuffle(block)
        lines[i : i + count] = block
    elif kind == "insert_line":
        lines.insert(args[0] % (n + 1), args[1])
    elif kind == "splice":
        i = args[0] % n
        pos = args[1] % (len(lines[i]) + 1)
        lines[i] = lines[i][:pos] + args[2] + lines[i][pos:]
    elif kind == "junk_numbers":
        i, junk = args[0] % n, args[1]
        lines[i] = _NUMBER.sub(lambda m: junk, lines[i])
    elif kind == "join":
        i = args[0] % n
        if i + 1 < n:
            lines[i : i + 2] = [lines[i] + args[1] + lines[i + 1]]
    elif kind == "truncate":
        return text[: args[0] % (len(text) + 1)]
    elif kind == "crlf":
        return text.replace("\n", "\r\n") if args[0] % 2 else text.replace("\n", "\r")
    else:
        raise ValueError(f"unknown mutation {kind}")
    return "\n".join(lines)


ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig", "latin-1", "cp1252")


def encode_mixed(text: str, cuts: list[int], encodings: list[str]) -> bytes:
    """The text cut into parts, each saved in its own encoding (unencodable characters become
    '?'): what concatenating files from different PCs gives."""
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    out = bytearray()
    for k, (a, b) in enumerate(zip(points, points[1:])):
        encoding = encodings[k % len(encodings)] if encodings else "utf-8"
        out += text[a:b].encode(encoding, errors="replace")
    return bytes(out)
