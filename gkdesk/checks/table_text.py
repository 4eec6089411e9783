"""Table text left among the narrative's sentences: not statements to read.

A flattened web page or a cut-off table region leaves pieces of a table outside the spans the
recognizer gave its tables (`…采购项目数量采购总金额政府集中采购13575394432.52元`). Such a piece
is told by its header labels run together: a narrative never writes two of the form's column
headers back to back. From such a run, the piece goes on over anything a table is made of
(labels of rows and columns, numbers, units, ordinals, separators); the sentence is read only
outside it.
"""
from __future__ import annotations

import re

from ..schema import TableSpec, normalize_label
from .grammar import trie_pattern
from .layout import per_spec

_GAP = 0  # characters between two header labels of one run: none (a narrative puts 、 between)
# What else a table's text is made of: numbers, units, ordinals, separators.
_FILLER = r"[\d.,/%\-—()、:;|]+|万元|元|[一二三四五六七八九十]、"


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


_PATTERNS: dict[tuple[int, ...], tuple[tuple[TableSpec, ...], re.Pattern, re.Pattern]] = {}


def _patterns(specs: tuple[TableSpec, ...]) -> tuple[re.Pattern, re.Pattern]:
    key = tuple(map(id, specs))
    hit = _PATTERNS.get(key)
    if hit is None or any(a is not b for a, b in zip(hit[0], specs)):
        headers: set[str] = set()
        every: set[str] = set()
        for spec in specs:
            h, e = _labels(spec)
            headers |= h
            every |= e
        header = re.compile(trie_pattern(sorted(headers)))
        body = re.compile(f"(?:{trie_pattern(sorted(every))}|{_FILLER})+")
        hit = _PATTERNS[key] = (specs, header, body)
    return hit[1], hit[2]


def table_pieces(specs: tuple[TableSpec, ...], text: str) -> list[tuple[int, int]]:
    """Where table text lies in a squeezed sentence: (start, end) pieces, in order."""
    header, body = _patterns(specs)
    pieces: list[tuple[int, int]] = []
    last = None  # the previous header label (start, end)
    count = 0
    for m in header.finditer(text):
        if pieces and m.start() < pieces[-1][1]:
            continue
        if last is not None and m.start() - last[1] <= _GAP:
            count += 1
            if count == 2:
                start = run_start
                grown = body.match(text, m.end())
                end = grown.end() if grown else m.end()
                pieces.append((start, end))
                last, count = None, 0
                continue
        else:
            run_start, count = m.start(), 1
        last = (m.start(), m.end())
    return pieces


def outside_pieces(specs: tuple[TableSpec, ...], text: str) -> list[tuple[int, int]]:
    """The parts of a squeezed sentence that are not table text."""
    out = []
    pos = 0
    for a, b in table_pieces(specs, text):
        if a > pos:
            out.append((pos, a))
        pos = b
    if pos < len(text):
        out.append((pos, len(text)))
    return out
