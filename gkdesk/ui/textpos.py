"""Offsets in Report.text <-> positions in a Qt text document (no Qt).

Report spans count Python characters. A QTextDocument made with setPlainText counts UTF-16
units (characters beyond the BMP take two) and turns each "\\r\\n" into one break. The
document's own line breaks are kept; only this counting differs.
"""
from __future__ import annotations

from bisect import bisect_left


class TextPositions:
    def __init__(self, text: str):
        # Offsets where the count changes: astral characters (+1), the "\n" of "\r\n" (-1).
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._crlf = [i + 1 for i in _find_all(text, "\r\n")]
        self._length = len(text)

    def to_document(self, offset: int) -> int:
        """Document position of a text offset (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        return offset + bisect_left(self._astral, offset) - bisect_left(self._crlf, offset + 1)

    def to_text(self, position: int) -> int:
        """Text offset of a document position (inverse of to_document on character starts)."""
        lo, hi = 0, self._length
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_document(mid) < position:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.to_document(span[0]), self.to_document(span[1])


def _find_all(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + len(needle))


def line_of(text: str, offset: int) -> int:
    """1-based line number of an offset, counting "\\r\\n", "\\n" and lone "\\r" as one break each."""
    head = text[:offset]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1
