"""Offsets in Report.text <-> positions in the source view's text document (no Qt).

Report spans count Python characters. A QTextDocument made with setPlainText counts UTF-16
units (characters beyond the BMP take two) and turns each "\\r\\n" into one break. The
document's own line breaks are kept.

Qt lays out a block (a line) as a whole: one line of megabytes takes it many seconds, many
short lines take it milliseconds. So a line longer than `max_line` characters is shown cut
into pieces of at most that length (at a space or punctuation near the limit when there is
one): `display_text` has a line break of its own at each cut, `breaks`, and the mapping below
counts them. The source view numbers the lines of the file, not these pieces.

Everything here is linear regex or bisect work: nothing loops over the characters in Python.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# Lines longer than this are shown in pieces (see the module docstring).
MAX_DISPLAY_LINE = 4000

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_CRLF_LF = re.compile("(?<=\r)\n")
# A soft place to cut a long line: after white space or punctuation.
_LAST_SOFT_CUT = re.compile(r".*[\s，。；、,;：:）)\]|]", re.S)
_LINE = re.compile("[^\r\n]+")
_LINE_BREAK = re.compile("\r\n|\r|\n")


def display_breaks(text: str, limit: int) -> list[int]:
    """Offsets at which the view starts a new display line inside a line longer than `limit`.

    Lines are found with str.find, one short call each, rather than one regex call over the
    whole text: this runs on a worker thread, and a single call over megabytes would hold the
    interpreter (and the window's thread) for a noticeable time."""
    breaks: list[int] = []
    if len(text) <= limit:
        return breaks
    if "\r" in text:  # lone CRs end lines too: let a regex find the lines
        lines = ((m.start(), m.end()) for m in _LINE.finditer(text))
    else:
        lines = _lines_by_find(text)
    for pos, end in lines:
        while end - pos > limit:
            cut = pos + limit
            soft = _LAST_SOFT_CUT.match(text, cut - limit // 4, cut)
            if soft is not None:
                cut = soft.end()
            breaks.append(cut)
            pos = cut
    return breaks


def _lines_by_find(text: str):
    pos = 0
    while True:
        end = text.find("\n", pos)
        if end < 0:
            yield pos, len(text)
            return
        yield pos, end
        pos = end + 1


class TextPositions:
    def __init__(self, text: str, max_line: int | None = None):
        # Offsets where the count changes: astral characters (+1), the "\n" of "\r\n" (-1),
        # display breaks (+1, before the character at that offset).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._crlf = [m.start() for m in _CRLF_LF.finditer(text)]
        self.breaks = display_breaks(text, max_line) if max_line else []
        self._length = len(text)
        self._text = text
        # Where each line break starts ("\r\n" is one): line numbers by bisect, not by counting
        # the breaks before an offset in a text of megabytes (the problems list asks per row).
        self._line_breaks = [m.start() for m in _LINE_BREAK.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self._line_breaks) + 1

    def line_of(self, offset: int) -> int:
        """1-based line number of a text offset, as line_of(text, offset) counts it."""
        return bisect_left(self._line_breaks, offset) + 1

    @property
    def display_text(self) -> str:
        """The text to put in the view: Report.text with a line break at each display break."""
        if not self.breaks:
            return self._text
        bounds = [0, *self.breaks, self._length]
        return "\n".join(self._text[a:b] for a, b in zip(bounds, bounds[1:]))

    def to_document(self, offset: int) -> int:
        """Document position of a text offset (clamped to the text): where its character starts."""
        offset = max(0, min(offset, self._length))
        return (
            offset
            + bisect_left(self._astral, offset)
            - bisect_left(self._crlf, offset + 1)
            + bisect_right(self.breaks, offset)
        )

    def end_to_document(self, offset: int) -> int:
        """Document position of a span's end: after the character before it (not after a display break)."""
        offset = max(0, min(offset, self._length))
        return self.to_document(offset) - (bisect_right(self.breaks, offset) - bisect_left(self.breaks, offset))

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
        return self.to_document(span[0]), self.end_to_document(span[1])


def view_positions(text: str) -> TextPositions:
    """The position map of a text as the source view shows it (long lines cut); any thread."""
    return TextPositions(text, MAX_DISPLAY_LINE)


def line_of(text: str, offset: int) -> int:
    """1-based line number of an offset, counting "\\r\\n", "\\n" and lone "\\r" as one break each."""
    head = text[:offset]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1
