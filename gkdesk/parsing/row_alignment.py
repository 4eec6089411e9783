"""Rows of a table found by aligning the schema's row labels with the label text of a region.

The label text comes as one stream (a tokenizer's label tokens joined, or a flat text), so a
label wrapped over lines, cut by a page break or split into cells reads whole. Each row is
looked for by its forms (its label without the numbering, and its anchors): first as written,
then, for a row still missing, by a local alignment that bears a wrong, missing or extra
character (`其他法律行政止公开`, a cut `行政规范性文�`). A monotone dynamic programme over the
rows in the schema's order keeps the placements of greatest total similarity: each row at
most once and in order, rows and text skipped as needed. Numbering is evidence, not text:
1. 1、 (1) ⑴ ① 一、 (一) are one ordinal, compared with the row's own.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter

from ..schema import TableSpec, normalize_label, normalized_anchors, ordinal_before, split_ordinal

MIN_SIMILARITY = 0.59  # below this an aligned label is not evidence of its row
_MIN_FUZZY_CHARS = 4  # shorter forms are recognized only as written
_GAP_COST = 0.6  # a character missing or extra; a wrong character costs 1
_ORDINAL_BONUS = 0.15
_ORDINAL_PENALTY = 0.15
_BASE = 0.5  # a placement gains its similarity less this, so a poor one gains little
_MAX_OCCURRENCES = 200  # per form: a broken file repeating a label is not searched without end
_MAX_SEEDS = 64  # per bigram of a form, in one gap
_GAP_REACH = 240  # label characters searched per missing row beyond its neighbours


@dataclass(frozen=True)
class Form:
    text: str  # normalized, without numbering
    needs_ordinal: bool  # short or written with its ordinal in the schema ("3.其他", "(七)总计")


@dataclass(frozen=True)
class RowPattern:
    ordinal: int | None
    forms: tuple[Form, ...]  # longest first


@dataclass(frozen=True)
class RowMatch:
    row: int
    start: int  # offsets in the stream
    end: int
    similarity: float  # 1.0 for a form found as written, +- the ordinal's evidence
    exact: bool


@dataclass
class Alignment:
    matches: list[RowMatch]
    rows: int  # rows of the spec

    @property
    def fit(self) -> float:
        """How well the spec's rows fit the text: similarity found less one per row missing."""
        return sum(m.similarity for m in self.matches) - (self.rows - len(self.matches))


@cache
def row_patterns(spec: TableSpec) -> tuple[RowPattern, ...]:
    """Per row: its ordinal and the forms it is recognized by (computed once per spec)."""
    out = []
    for row, anchors in zip(spec.rows, normalized_anchors(spec)):
        ordinal, core = split_ordinal(normalize_label(row.label))
        forms: dict[str, Form] = {}
        for text in (core, *anchors):
            own, rest = split_ordinal(text)
            if rest and rest not in forms:
                needs = own is not None or len(rest) < 3
                forms[rest] = Form(rest, needs and ordinal is not None)
        out.append(RowPattern(ordinal, tuple(sorted(forms.values(), key=lambda f: -len(f.text)))))
    return tuple(out)


Admissible = Callable[[int], bool]


def align_rows(spec: TableSpec, stream: str, admissible: Admissible | None = None,
               bare_ordinals: bool = True) -> Alignment:
    """The rows of `spec` placed in the normalized label stream, in the schema's order.

    `admissible(start)` refuses placements that cannot be a row's label (inside a sentence).
    `bare_ordinals`: a lone digit right before a label may be its ordinal (① normalizes to 1);
    not so in flat text, where the digits before a label are the previous row's values."""
    patterns = row_patterns(spec)
    ok = admissible or (lambda _start: True)
    candidates: list[tuple[int, int, int, float, bool]] = []
    for r, pattern in enumerate(patterns):
        candidates += _exact(r, pattern, stream, ok, bare_ordinals)
    chosen = _best_chain(candidates)
    placed = {c[0] for c in chosen}
    missing = [r for r in range(len(patterns)) if r not in placed]
    if missing:
        for r in missing:
            lo, hi = _gap(chosen, r, len(stream), missing)
            candidates += _aligned(r, patterns[r], stream, lo, hi, ok, bare_ordinals)
        chosen = _best_chain(candidates)
    matches = [RowMatch(r, s, e, round(sim, 3), exact) for r, s, e, sim, exact in chosen]
    return Alignment(matches, len(patterns))


def _ordinal_term(pattern: RowPattern, stream: str, start: int, bare: bool) -> tuple[float, bool]:
    """The bonus or penalty the ordinal before `start` gives, and whether it is the row's own."""
    if pattern.ordinal is None:
        return 0.0, False
    found = ordinal_before(stream, start)
    if found is not None and not bare and start > 0 and stream[start - 1].isdigit():
        found = None  # flat text: a digit right before the label is the last row's value
    if found is None:
        return 0.0, False
    return (_ORDINAL_BONUS, True) if found == pattern.ordinal else (-_ORDINAL_PENALTY, False)


def _exact(r: int, pattern: RowPattern, stream: str, ok: Admissible, bare: bool):
    out = []
    for form in pattern.forms:
        at, seen = stream.find(form.text), 0
        while at >= 0 and seen < _MAX_OCCURRENCES:
            seen += 1
            term, own = _ordinal_term(pattern, stream, at, bare)
            if (own or not form.needs_ordinal) and ok(at):
                out.append((r, at, at + len(form.text), 1.0 + term, True))
            at = stream.find(form.text, at + 1)
    return out


def _gap(chosen, r: int, size: int, missing: list[int]) -> tuple[int, int]:
    """The stretch of the stream between the rows placed before and after row r."""
    before = [c for c in chosen if c[0] < r]
    after = [c for c in chosen if c[0] > r]
    lo = before[-1][2] if before else 0
    hi = after[0][1] if after else size
    unplaced = sum(1 for m in missing if (before[-1][0] if before else -1) < m < (after[0][0] if after else 10**6))
    reach = _GAP_REACH * unplaced
    if not after:
        hi = min(hi, lo + reach)
    if not before:
        lo = max(lo, hi - reach)
    return lo, hi


def _aligned(r: int, pattern: RowPattern, stream: str, lo: int, hi: int, ok: Admissible, bare: bool):
    """Placements of row r in stream[lo:hi] by local alignment of its longer forms."""
    out = []
    for form in pattern.forms:
        if len(form.text) < _MIN_FUZZY_CHARS or form.needs_ordinal:
            continue
        for start, end, score in local_alignments(form.text, stream, lo, hi):
            sim = score / len(form.text)
            if sim < MIN_SIMILARITY or not ok(start):
                continue
            term, _own = _ordinal_term(pattern, stream, start, bare)
            out.append((r, start, end, min(sim, 0.95) + term, False))
    return out


def local_alignments(pattern: str, text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, float]]:
    """(start, end, score) of the best local alignments of `pattern` in text[lo:hi]: a match
    scores 1, a wrong character -1, a missing or extra one -_GAP_COST. Only windows around the
    places where two consecutive characters of the pattern occur are aligned."""
    hi = len(text) if hi is None else hi
    m = len(pattern)
    diagonals: set[int] = set()
    for k in range(m - 1):
        bigram, at, seen = pattern[k : k + 2], text.find(pattern[k : k + 2], lo, hi), 0
        while at >= 0 and seen < _MAX_SEEDS:
            diagonals.add(at - k)
            seen += 1
            at = text.find(bigram, at + 1, hi)
    if not diagonals:
        return []
    windows: list[list[int]] = []
    for d in sorted(diagonals):
        if windows and d - 3 <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], d + m + 3)
        else:
            windows.append([d - 3, d + m + 3])
    out = []
    need = MIN_SIMILARITY * m
    for a, b in windows:
        a, b = max(lo, a), min(hi, b)
        present = set(text[a:b])
        if sum(1 for ch in pattern if ch in present) < need:
            continue  # too few of the pattern's characters there to align well: not worth aligning
        found = _smith_waterman(pattern, text, a, b)
        if found is not None:
            out.append(found)
    return out


def _smith_waterman(pattern: str, text: str, lo: int, hi: int) -> tuple[int, int, float] | None:
    """The best local alignment of pattern in text[lo:hi]: (start, end, score).

    It depends on the window's text alone: the same label text comes back in every version's
    alignment and in every report, so the alignments of short windows are remembered."""
    if hi - lo > _REMEMBERED_WINDOW:
        return _best_local_alignment(pattern, text, lo, hi)
    found = _remembered_alignment(pattern, text[lo:hi])
    return None if found is None else (found[0] + lo, found[1] + lo, found[2])


_REMEMBERED_WINDOW = 1000  # characters; a longer window (a broken file) is aligned each time


@lru_cache(maxsize=4096)
def _remembered_alignment(pattern: str, window: str) -> tuple[int, int, float] | None:
    return _best_local_alignment(pattern, window, 0, len(window))


def _best_local_alignment(pattern: str, text: str, lo: int, hi: int) -> tuple[int, int, float] | None:
    """The best local alignment of pattern in text[lo:hi] (see _smith_waterman).

    The dynamic programme over pattern positions (rows) and text positions (columns), computed
    only where a cell can score above zero: a row whose pattern character is the column's, a
    row or the one below a cell that scored in the last column, and the rows below a cell whose
    score still exceeds a gap. Every other cell is zero (the same cells, values and first best
    as the full table, which cost the flat text's long windows most of their time)."""
    m = len(pattern)
    at = text.find(pattern, lo, hi) if m else -1
    if at >= 0:
        # The pattern as written (most windows: the same label elsewhere): no alignment scores
        # more than its m matches, and the first cell to reach m ends its first occurrence.
        return at, at + m, float(m)
    rows_of = _rows_of(pattern)
    last: dict[int, tuple[float, int]] = {}  # row -> (score, origin) of the last column's cells above zero
    best = (0.0, lo, lo)
    for j in range(lo, hi):
        matching = rows_of.get(text[j], ())
        if not last and not matching:
            continue  # a column of zeros after a column of zeros
        rows = set(matching)
        for i in last:
            rows.add(i)
            if i < m:
                rows.add(i + 1)
        order = sorted(rows)
        column: dict[int, tuple[float, int]] = {}
        k, n, i = 0, len(order), order[0]
        left_score, left_origin = 0.0, j + 1  # the cell above, in this column
        while True:
            above = last.get(i - 1)
            diag, diag_origin = (above[0], above[1]) if above is not None else (0.0, j)
            if pattern[i - 1] == text[j]:
                s, o = diag + 1.0, diag_origin
            else:
                s, o = diag - 1.0, diag_origin
            same = last.get(i)
            if same is not None and same[0] - _GAP_COST > s:  # an extra character in the text
                s, o = same[0] - _GAP_COST, same[1]
            if left_score - _GAP_COST > s:  # a character of the pattern missing
                s, o = left_score - _GAP_COST, left_origin
            if s <= 0:
                s, o = 0.0, j + 1
            else:
                column[i] = (s, o)
                if s > best[0]:
                    best = (s, o, j + 1)
            while k < n and order[k] <= i:
                k += 1
            if s > _GAP_COST and i < m:
                left_score, left_origin, i = s, o, i + 1
            elif k < n:
                left_score, left_origin = (s, o) if order[k] == i + 1 else (0.0, j + 1)
                i = order[k]
            else:
                break
        last = column
    return (best[1], best[2], best[0]) if best[0] > 0 else None


@cache
def _rows_of(pattern: str) -> dict[str, tuple[int, ...]]:
    """For each character of the pattern, the (1-based) rows where it stands."""
    rows: dict[str, list[int]] = {}
    for i, ch in enumerate(pattern, 1):
        rows.setdefault(ch, []).append(i)
    return {ch: tuple(at) for ch, at in rows.items()}


def _best_chain(candidates):
    """The placements, one a row, in the rows' order and left to right without overlap, whose
    gains sum highest; among equals the earliest."""
    if not candidates:
        return []
    order = sorted(range(len(candidates)), key=lambda k: (candidates[k][1], candidates[k][0]))
    nrows = max(c[0] for c in candidates) + 1
    best_end: list[tuple[float, int]] = [(0.0, -1)] * nrows  # row -> (chain value, candidate)
    pending: list[tuple[int, int, float]] = []  # (end, candidate, value) not yet usable
    back: dict[int, int] = {}
    value_of: dict[int, float] = {}
    top = (0.0, -1)
    for k in order:
        r, start, _end, sim, _exact = candidates[k]
        while pending and pending[0][0] <= start:
            _, done, value = heapq.heappop(pending)
            rr = candidates[done][0]
            if value > best_end[rr][0]:
                best_end[rr] = (value, done)
        prev = max(best_end[:r], key=itemgetter(0), default=(0.0, -1))
        gain = sim - _BASE
        if gain <= 0:
            continue
        value = gain + max(prev[0], 0.0)
        back[k] = prev[1] if prev[0] > 0 else -1
        value_of[k] = value
        heapq.heappush(pending, (candidates[k][2], k, value))
        if value > top[0]:
            top = (value, k)
    chain = []
    k = top[1]
    while k >= 0:
        chain.append(candidates[k])
        k = back[k]
    return chain[::-1]


def align_labels(spec: TableSpec, pieces: Sequence[str], admissible: Callable[[int, int], bool] | None = None,
                 bare_ordinals: bool = True) -> tuple[list[tuple[RowMatch, int, int]], float]:
    """The rows of `spec` among label pieces (normalized strings in reading order): each
    match with the piece its label starts in and the offset there, and the alignment's fit.
    `admissible(piece, offset)` refuses a start inside a sentence."""
    stream = "".join(pieces)
    owner, offset = [], []
    for i, piece in enumerate(pieces):
        owner.extend([i] * len(piece))
        offset.extend(range(len(piece)))
    ok = (lambda s: admissible(owner[s], offset[s])) if admissible else None
    alignment = align_rows(spec, stream, ok, bare_ordinals)
    return [(m, owner[m.start], offset[m.start]) for m in alignment.matches], alignment.fit
