"""Find the six sections of a report and the region of each table.

A heading is found by its ordinal (四、 四. 4、 …) and its words, compared by edit distance
with the schema's heading (`heading_distance`): a document's own misprint (`行政法复议`), a
missing or extra character, still finds its section. Section numbers only go up."""
from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate

from ..model import Section
from ..schema import (
    FORMATS,
    SECTION_OF_TABLE,
    SECTIONS,
    TABLE_IDS,
    SectionSpec,
    TableSpec,
    normalize_label,
    squeeze,
    squeezed_offset,
    table_spec,
)

_ARABIC = {str(i + 1): s.number for i, s in enumerate(SECTIONS)}
# A heading line: optional markup, then 二、 / 2、 / 2. / 2．, then the heading words.
# Before the numeral: white space, a page break, markdown marks, or a Word bookmark artifact.
_HEADING = re.compile(
    r"^[ \t\f\u3000#*>]*(?:\[bookmark:[^\]\n]*\][ \t]*)*(?:(?P<cn>[一二三四五六])\s*[、.．，,]|(?P<ar>[1-6１-６])\s*[、.．)）])[ \t\u3000*]*(?P<rest>\S.*)$",
    re.M,
)


def find_sections(text: str) -> dict[str, Section]:
    """Sections by their headings, in order; a heading must name its section's subject."""
    found: list[tuple[str, int, int, str]] = []  # (number, start, body_start, heading)
    order = [s.number for s in SECTIONS]
    last_index = -1
    for m in _HEADING.finditer(text):
        number = m.group("cn") or _ARABIC.get(_to_ascii_digit(m.group("ar") or ""), "")
        if not number:
            continue
        index = order.index(number)
        spec = SECTIONS[index]
        rest = normalize_label(m.group("rest"))[:40]
        # Its words begin the line: a keyword further on is another heading run into this line
        # (表三's 四、结转下年度继续办理 and then 四、政府信息公开行政复议… in one line of text),
        # which is then looked for in the line.
        words = _words(spec)
        opening = normalize_label(m.group("rest")[: len(words) + 2 * max_edits(words)])
        start = m.start()
        if any(k in opening for k in spec.keywords) or _near(spec, rest):
            body = _heading_end(spec, text, m.start("rest"), m.end())
        else:
            hit = _near_heading(text[: m.end()], spec, m.start("rest"))
            if hit is None:
                continue
            start, body = hit
        if index <= last_index:
            continue  # a later heading of an earlier number: a table row or a quotation
        found.append((number, start, body, text[start:body].strip()))
        last_index = index
    if len(found) < 3:
        found = _inline_headings(text, found)
    sections: dict[str, Section] = {}
    for k, (number, start, body, heading) in enumerate(found):
        end = found[k + 1][1] if k + 1 < len(found) else len(text)
        # A heading "line" can run on past the next heading in text without line breaks.
        sections[number] = Section(number, heading, (start, end), min(body, end))
    return sections


def _heading_end(spec: SectionSpec, text: str, start: int, end: int) -> int:
    """Where the body starts after a heading whose line runs from `start` to `end`: the line's
    end, unless the line runs on well past the heading's words (text whose lines are pages or
    paragraphs), where the body starts right after them."""
    words = _words(spec)
    if end - start <= len(words) + 2 * max_edits(words):
        return end
    return _words_end(words, text, start) or end


def _words_end(words: str, text: str, at: int) -> int | None:
    """Where the heading's `words` end if they begin `text` at `at`, within max_edits."""
    reach = 2 * (len(words) + max_edits(words))
    squeezed, index = squeeze(text[at : at + reach])
    if _fewest_edits(words, squeezed) > max_edits(words):
        return None
    edits, length = heading_distance(words, squeezed)
    return at + index[length - 1] + 1 if length and edits <= max_edits(words) else None


def _to_ascii_digit(s: str) -> str:
    return chr(ord(s) - 0xFEE0) if s and "１" <= s <= "６" else s


def _inline_headings(text: str, found):
    """Flat text with no line breaks: look for the headings anywhere, in order — as written,
    else by their ordinal and words within a few edits."""
    result = list(found)
    have = {f[0] for f in result}
    pos = 0
    for spec in SECTIONS:
        if spec.number in have:
            continue
        heading = spec.heading
        idx = text.find(heading, pos)
        if idx >= 0:
            end = idx + len(heading)
        else:
            hit = _near_heading(text, spec, pos)
            if hit is None:
                continue
            idx, end = hit
        result.append((spec.number, idx, end, text[idx:end]))
        pos = end
    result.sort(key=lambda f: f[1])
    # keep order monotone in section number
    out, last = [], -1
    order = [s.number for s in SECTIONS]
    for f in result:
        i = order.index(f[0])
        if i > last:
            out.append(f)
            last = i
    return out


@cache
def _words(spec: SectionSpec) -> str:
    """The heading's words, normalized, without its ordinal (asked for every line tried as a heading)."""
    return normalize_label(spec.heading.split("、", 1)[1])


def max_edits(words: str) -> int:
    """Edits a heading may differ by and still be itself: one per four characters, at least one."""
    return max(1, len(words) // 4)


def heading_distance(words: str, text: str) -> tuple[int, int]:
    """(edits, length): the least edit distance between `words` and a prefix of `text`, and
    that prefix's length (semi-global alignment: the text may go on after the heading)."""
    limit = len(words) + max_edits(words)
    text = text[:limit]
    prev = list(range(len(text) + 1))  # words[:0] against text[:j]: j insertions
    for i, w in enumerate(words, 1):
        cur = [i] + [0] * len(text)
        for j, ch in enumerate(text, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ch != w))
        prev = cur
    best = min(range(len(prev)), key=lambda j: (prev[j], -j))
    return prev[best], best


def _fewest_edits(words: str, text: str) -> int:
    """A lower bound of heading_distance(words, text)'s edits, at the cost of a character count:
    a character of `words` that no character of the text's compared prefix can match costs an
    edit. Nearly every line tried as a heading is far from it, so the alignment is seldom run."""
    compared = text[: len(words) + max_edits(words)]
    return len(words) - sum(min(n, compared.count(ch)) for ch, n in _char_counts(words))


@cache
def _char_counts(words: str) -> tuple[tuple[str, int], ...]:
    return tuple((ch, words.count(ch)) for ch in dict.fromkeys(words))


def _near(spec: SectionSpec, rest: str) -> bool:
    words = _words(spec)
    limit = max_edits(words)
    return _fewest_edits(words, rest) <= limit and heading_distance(words, rest)[0] <= limit


_ORDINAL_MARK = "、.．，,)）"


def _near_heading(text: str, spec: SectionSpec, pos: int) -> tuple[int, int] | None:
    """The first place after `pos` where the section's ordinal and a mark stand before words
    within max_edits of its heading: (start, end) in `text`."""
    words = _words(spec)
    numeral = str(SECTIONS.index(spec) + 1)
    ordinal = re.compile(f"[{spec.number}{numeral}{chr(ord(numeral) + 0xFEE0)}]\\s*[{re.escape(_ORDINAL_MARK)}]\\s*")
    for m in ordinal.finditer(text, pos):
        end = _words_end(words, text, m.end())
        if end is not None:
            return m.start(), end
    return None


def table_region(text: str, sections: dict[str, Section], spec: TableSpec) -> tuple[int, int] | None:
    """Where a table's rows and values can be: its section, from the table's first header cue."""
    number = SECTION_OF_TABLE[spec.id]
    section = sections.get(number)
    if section is not None:
        start, end = section.body_start, section.span[1]
    else:
        start, end = _guess_region(text, sections, spec)
        if start is None:
            return None
    cue = _first_cue(text, start, end, spec.cues)
    if cue is not None:
        start = cue
    elif section is None:
        return None
    return start, end


def table_printed_after(text: str, sections: dict[str, Section], spec: TableSpec) -> tuple[int, int] | None:
    """Where a table stands that was printed after the sections rather than in its own (a
    converter that writes a document's paragraphs and then its tables: python-docx's
    paragraphs, then its tables): from its first cue past its section to the first cue of a
    later table, or the end of the section it stands in. None if its section is unknown or no
    cue stands past it."""
    section = sections.get(SECTION_OF_TABLE[spec.id])
    if section is None:
        return None
    cue = _first_table_cue(text, section.span[1], spec.cues)
    if cue is None:
        return None
    within = [s.span[1] for s in sections.values() if s.span[0] <= cue < s.span[1]]
    end = min(within) if within else len(text)
    for later in TABLE_IDS[TABLE_IDS.index(spec.id) + 1 :]:
        nxt = _first_cue(text, cue, end, table_spec(spec.version or FORMATS[0], later).cues)
        if nxt is not None and nxt > cue:
            end = nxt
            break
    return cue, end


def _guess_region(text, sections, spec):
    """A table whose section heading is missing: from its first cue to the next known section."""
    cue = _first_cue(text, 0, len(text), spec.cues)
    if cue is None:
        return None, None
    later = [s.span[0] for s in sections.values() if s.span[0] > cue]
    return cue, min(later) if later else len(text)


def _first_table_cue(text: str, start: int, cues: tuple[str, ...]) -> int | None:
    """The first line from `start` on holding a cue that is no sentence (其中自然人申请3件。 names
    a column in passing; a table's line ends in no full stop)."""
    for _ in range(_SENTENCES_PASSED):  # a narrative naming a column in every sentence ends the look
        cue = _first_cue(text, start, len(text), cues)
        if cue is None:
            return None
        end = text.find("\n", cue)
        end = len(text) if end < 0 else end
        if "。" not in text[cue:end]:
            return cue
        start = end + 1
    return None


_SENTENCES_PASSED = 50


def _first_cue(text: str, start: int, end: int, cues: tuple[str, ...]) -> int | None:
    """Offset of the line holding the first header cue in text[start:end], or None.

    A table's cue stands near its section's start: the section is normalized from its start in
    growing prefixes, and the search stops at the first prefix that holds a cue with room for
    the longest cue after it (an earlier one would lie inside the prefix and have been found;
    the normalized prefix is the start of the normalized section, character by character)."""
    region = text[start:end]
    needles = [normalize_label(cue) for cue in cues]
    longest = max((len(n) for n in needles), default=0)
    size = _FIRST_LOOK
    while True:
        prefix = region[:size]
        squeezed = normalize_label(prefix)
        first = min((i for i in (squeezed.find(n) for n in needles) if i >= 0), default=None)
        if len(prefix) == len(region) or (first is not None and first + longest <= len(squeezed)):
            break
        size *= 4
    if first is None:
        return None
    if len(prefix) <= _CHUNK:
        best = start + squeezed_offset(prefix, first)
    else:
        best = start + _squeezed_by_chunks(region)[1](first)
    line_start = text.rfind("\n", start, best) + 1
    return max(line_start, start)


_FIRST_LOOK = 1024  # characters of a section first normalized in the search for its cue
_CHUNK = 1 << 16


def _squeezed_by_chunks(region: str):
    """normalize_label(region) and a function from its offsets to the region's.

    The offsets of only one chunk are ever computed: a section can be megabytes long (a broken
    file without line breaks), and an index of every character would cost seconds and memory."""
    size = _CHUNK
    chunks = [region[k : k + size] for k in range(0, len(region), size)]
    squeezed_chunks = [normalize_label(c) for c in chunks]
    ends = list(accumulate(len(c) for c in squeezed_chunks))

    indexes: dict[int, list[int]] = {}  # chunk -> its offsets, computed once (one per cue found)

    def offset_of(i: int) -> int:
        c = bisect.bisect_right(ends, i)
        if c not in indexes:
            indexes[c] = squeeze(chunks[c])[1]
        return c * size + indexes[c][i - (ends[c - 1] if c else 0)]

    return "".join(squeezed_chunks), offset_of
