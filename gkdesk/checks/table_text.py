"""Table text left among the narrative's sentences: not statements to read.

A flattened web page or a cut-off table region leaves pieces of a table outside the spans the
recognizer gave its tables (`…采购项目数量采购总金额政府集中采购13575394432.52元`). Such a piece
is told by its header labels run together: a narrative never writes two of the form's column
headers back to back. From such a run, the piece goes on over anything a table is made of
(labels of rows and columns, numbers, units, ordinals, separators); the sentence is read only
outside it.

A line of table text alone in a sentence (a table's header rows above its recognized span:
`行政复议 行政诉讼`, `未经复议直接起诉 复议后起诉`) is told by being made of nothing else: of
two labels at least, or of one header label. OCR misreads a character or two (`未经复议直接美`
for 未经复议直接起诉), so such a line may have two characters wrong, dropped or added in all, one
at most in a label of 4-7 characters (`_misread_label`); a narrative sentence is never a label alone.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..schema import TableSpec, normalize_label
from .grammar import trie_pattern
from .layout import per_spec

_GAP = 0  # characters between two header labels of one run: none (a narrative puts 、 between)
# What else a table's text is made of, one definition: numbers (digits and their marks) and
# units, the filler of a line of table text (_LINE_FILLER, _FILLER_CHARS); after a run of header
# labels also separators and ordinals (_FILLER), which a line of labels alone never has (its
# punctuation would be a sentence's).
_NUMBER_MARKS = ".%/-—"  # with the digits
_UNITS = ("万元", "元")  # longest first
_SEPARATORS = ",()、:;|"
_ORDINAL = "[一二三四五六七八九十]、"


def _filler_pattern(separators: str = "", ordinals: tuple[str, ...] = ()) -> str:
    """Numbers and units, with `separators` among the numbers' characters and `ordinals`."""
    return "|".join((rf"[\d{re.escape(_NUMBER_MARKS + separators)}]+", *_UNITS, *ordinals))


_FILLER = _filler_pattern(_SEPARATORS, (_ORDINAL,))


@per_spec
def _labels(spec: TableSpec) -> tuple[set[str], set[str]]:
    """(header labels: leaf columns and 第…项 groups, 4+ characters; every label of the table)."""
    headers: set[str] = set()
    every: set[str] = set()
    for r, row in enumerate(spec.rows):
        every.update(normalize_label(x) for x in (row.label, *row.path, *row.anchors))
        for col in spec.row_columns(r):
            # Leaf labels only: a column group (行政复议, 行政诉讼) is a narrative's word too.
            headers.update(normalize_label(x) for x in (col.label, col.short))
            every.update(normalize_label(x) for x in col.path)
        headers.update(normalize_label(x) for x in row.path if re.search("第.+项", x))
    for x in (spec.label_header, *spec.cues):
        headers.add(normalize_label(x))
    headers = {h for h in headers if len(h) >= 4}
    every |= headers
    every |= {normalize_label(c.label) for r in range(len(spec.rows)) for c in spec.row_columns(r)}
    return headers, {x for x in every if x}


_MISREAD_MIN = 4  # shorter labels (总计, 危及) are taken as written only
_LINE_MISREADS = 2  # characters misread in one line of table text: "a character or two"
# A line of table text has no sentence punctuation outside its labels (a narrative puts 、 or ，
# between two labels), and a misread label ends before any: 尚未审结。 is a sentence's end.
_LINE_FILLER = _filler_pattern()
_PUNCTUATION = re.compile("[。,，、;；:：!！?？]")
_SENTENCE_END = re.compile("[。;；!！?？]")
_FILLER_CHARS = frozenset("0123456789" + _NUMBER_MARKS + "".join(_UNITS))  # of line filler
_LONGEST_LINE = 200  # characters: a line of header labels is far shorter


def _misreads_allowed(label: str) -> int:
    """Characters of a label OCR may have got wrong: one in 4-7, two in 8 or more."""
    return 1 if len(label) < 8 else 2


@dataclass(frozen=True)
class _Patterns:
    header: re.Pattern  # a header label, as written
    body: re.Pattern  # a run of labels and filler, as written
    unit: re.Pattern  # one label or one line filler, as written
    headers: frozenset[str]
    alphabet: frozenset[str]  # the characters of the labels and of line filler
    # Two characters that follow each other in a line of labels as written: inside a label, or
    # a label's last and a label's first (a filler character goes with any).
    pairs: frozenset[str]
    # Labels of 4+ characters by their first and by their second character: the candidates of a
    # misread label (a misread or loss of both of its first two characters is not looked for).
    by_first: dict[str, tuple[str, ...]]
    by_second: dict[str, tuple[str, ...]]


_PATTERNS: dict[tuple[int, ...], tuple[tuple[TableSpec, ...], _Patterns]] = {}


def _patterns(specs: tuple[TableSpec, ...]) -> _Patterns:
    key = tuple(map(id, specs))
    hit = _PATTERNS.get(key)
    if hit is None or any(a is not b for a, b in zip(hit[0], specs)):
        headers: set[str] = set()
        every: set[str] = set()
        for spec in specs:
            h, e = _labels(spec)
            headers |= h
            every |= e
        by_first: dict[str, list[str]] = {}
        by_second: dict[str, list[str]] = {}
        for label in sorted(every):
            if len(label) >= _MISREAD_MIN:
                by_first.setdefault(label[0], []).append(label)
                by_second.setdefault(label[1], []).append(label)
        every_pattern = trie_pattern(sorted(every))
        found = _Patterns(
            header=re.compile(trie_pattern(sorted(headers))),
            body=re.compile(f"(?:{every_pattern}|{_FILLER})+"),
            unit=re.compile(f"{every_pattern}|{_LINE_FILLER}"),
            headers=frozenset(headers),
            alphabet=frozenset("".join(every)) | _FILLER_CHARS,
            pairs=frozenset(
                {w[i : i + 2] for w in every for i in range(len(w) - 1)}
                | {a[-1] + b[0] for a in every for b in every}
            ),
            by_first={k: tuple(v) for k, v in by_first.items()},
            by_second={k: tuple(v) for k, v in by_second.items()},
        )
        hit = _PATTERNS[key] = (specs, found)
    return hit[1]


def _misread_ends(label: str, text: str, pos: int, budget: int) -> list[tuple[int, int]]:
    """(end, misread characters) such that text[pos:end] is `label` with at most
    min(_misreads_allowed(label), budget) characters changed, dropped or added (edit distance)."""
    k = min(_misreads_allowed(label), budget)
    window = text[pos : pos + len(label) + k]
    if sum(ch in window for ch in label) < len(label) - k:
        return []  # too few of its characters there (most narrative text, at no DP cost)
    for stop in _PUNCTUATION.finditer(window):
        if stop.group() not in label:  # 。 after 尚未审结 ends a sentence; (单位:万元) has its :
            window = window[: stop.start()]
            break
    # Edit distance of label against every prefix of window: one row per label character.
    row = list(range(len(window) + 1))
    for i, ch in enumerate(label, start=1):
        prev, row[0] = row[0], i
        for j in range(1, len(window) + 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (window[j - 1] != ch))
            prev, row[j] = row[j], cur
        if min(row) > k:
            return []
    return [(pos + j, row[j]) for j in range(max(1, len(label) - k), len(window) + 1) if row[j] <= k]


def _misread_label(p: _Patterns, text: str, pos: int, budget: int) -> list[tuple[int, int, str]]:
    """(end, misread characters, label) of every label that text[pos:] is, read with at most
    `budget` characters wrong (and at most those its length allows)."""
    if pos >= len(text) or budget <= 0:
        return []
    candidates = set(p.by_first.get(text[pos], ()))
    candidates.update(p.by_second.get(text[pos], ()))  # its first character lost
    if pos + 1 < len(text):
        candidates.update(p.by_second.get(text[pos + 1], ()))
    return [(end, cost, label) for label in sorted(candidates) for end, cost in _misread_ends(label, text, pos, budget)]


def _grown(p: _Patterns, text: str, pos: int) -> int:
    """The end of the table text from pos on: labels and filler, with a character or two misread."""
    budget = _LINE_MISREADS
    while pos < len(text):
        m = p.body.match(text, pos)
        if m and m.end() > pos:
            pos = m.end()
            continue
        misread = _misread_label(p, text, pos, budget)
        if not misread:
            break
        end, cost, _ = max(misread)
        pos, budget = end, budget - cost
    return pos


def _is_table_line(p: _Patterns, text: str) -> bool:
    """Whether text is made of table labels and filler only, with a character or two misread in
    all (a label of 4-7 characters one, 8+ two), and two labels at least or one header label."""
    if not text or len(text) > _LONGEST_LINE:
        return False
    # A misread brings at most one character that no label has; a full stop, ; ! or ? is in no
    # label and never misread (the line would end a sentence).
    if _SENTENCE_END.search(text) or len(set(text) - p.alphabet) > _LINE_MISREADS:
        return False
    # A misread character breaks at most two pairs of neighbours (an added one two, a lost one
    # one); a narrative's line breaks far more (仍存, 存在, 在一 … are in no label).
    filler = _FILLER_CHARS
    broken = sum(1 for a, b in zip(text, text[1:]) if a + b not in p.pairs and a not in filler and b not in filler)
    if broken > 2 * _LINE_MISREADS:
        return False
    # As written, longest label first (most lines of table text are), then with misreads.
    labels = heads = pos = 0
    while pos < len(text) and (m := p.unit.match(text, pos)) and m.end() > pos:
        if not re.fullmatch(_LINE_FILLER, m.group()):
            labels, heads = labels + 1, heads + (m.group() in p.headers)
        pos = m.end()
    if pos == len(text) and (labels >= 2 or heads >= 1):
        return True
    # best[i][e]: (labels, header labels) of the best reading of text[:i] with e misreads
    best: list[list[tuple[int, int] | None]] = [[None] * (_LINE_MISREADS + 1) for _ in range(len(text) + 1)]
    best[0][0] = (0, 0)
    for i in range(len(text)):
        for used, got in enumerate(best[i]):
            if got is None:
                continue
            labels, heads = got
            steps: list[tuple[int, int, str | None]] = []
            m = p.unit.match(text, i)
            if m and m.end() > i:
                word = m.group()
                steps.append((m.end(), 0, word if not re.fullmatch(_LINE_FILLER, word) else None))
            steps += [s for s in _misread_label(p, text, i, _LINE_MISREADS - used) if s[1] > 0]
            for end, cost, label in steps:
                new = (labels + (label is not None), heads + (label in p.headers))
                old = best[end][used + cost]
                if old is None or new > old:
                    best[end][used + cost] = new
    return any(got is not None and (got[0] >= 2 or got[1] >= 1) for got in best[-1])


def table_pieces(specs: tuple[TableSpec, ...], text: str, lines: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Where table text lies in a squeezed sentence: (start, end) pieces, in order. `lines`:
    where the sentence's lines of the source begin (besides 0), if it runs over several."""
    p = _patterns(specs)
    header = p.header
    pieces: list[tuple[int, int]] = []
    last = None  # the previous header label (start, end)
    count = 0
    for m in header.finditer(text):
        if pieces and m.start() < pieces[-1][1]:
            continue
        if last is not None and m.start() - last[1] <= _GAP:
            count += 1
            if count == 2:
                pieces.append((run_start, _grown(p, text, m.end())))
                last, count = None, 0
                continue
        else:
            run_start, count = m.start(), 1
        last = (m.start(), m.end())
    bounds = [0, *sorted(x for x in lines if 0 < x < len(text)), len(text)]
    for a, b in zip(bounds, bounds[1:]):
        if b > a and _is_table_line(p, text[a:b]):
            pieces.append((a, b))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(pieces):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def outside_pieces(specs: tuple[TableSpec, ...], text: str, lines: Sequence[int] = ()) -> list[tuple[int, int]]:
    """The parts of a squeezed sentence that are not table text."""
    out = []
    pos = 0
    for a, b in table_pieces(specs, text, lines):
        if a > pos:
            out.append((pos, a))
        pos = b
    if pos < len(text):
        out.append((pos, len(text)))
    return out
