"""Rows of a table written as flat text (a web page archived with every separator lost).

A row then reads `一、本年新收政府信息公开申请数量640020470`: its label and its numbers run
together. Here the rows' labels are found in the squeezed region and the runs of value
characters between two labels are cut out, without the next label's ordinal glued to them
(`…00000002.其他`); digit_runs.py splits the runs into cells for the whole table at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import TableSpec, normalize_label, squeeze
from .row_alignment import align_rows

_VALUE_CHARS = re.compile(r"[0-9,.\-/—－]+")
_NUMBERING = re.compile(r"(\d+)[.、．]")


@dataclass
class FlatRow:
    row: int
    chunks: list[tuple[int, str]]  # (squeezed offset, text) of the value runs after its label
    last: bool = False  # the table's last row: narrative digits may follow its own


def flat_rows(text: str, region: tuple[int, int], spec: TableSpec) -> list[FlatRow] | None:
    """The value runs after each row label, or None if the region does not read as flat text."""
    squeezed = _masked(text, region, spec)
    hits = _label_hits(squeezed, spec, _table_start(squeezed, spec))
    if len(hits) < max(2, len(spec.rows) // 2):
        return None
    rows = []
    for k, (r, start, end) in enumerate(hits):
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        segment_end = nxt[1] if nxt else len(squeezed)
        chunks = _value_chunks(squeezed, end, segment_end, nxt is None, spec.rows[nxt[0]].label if nxt else "")
        rows.append(FlatRow(r, chunks, last=nxt is None))
    if sum(1 for row in rows if row.chunks) < len(rows) // 2:
        return None
    return rows


def _masked(text: str, region: tuple[int, int], spec: TableSpec) -> str:
    """The squeezed region with the column headers blotted out (`本年增/减` holds no null mark)."""
    # A line break ends a run of digits (the narrative after a table may start with a year).
    squeezed, _ = squeeze(text[region[0] : region[1]].replace("\n", "↵"))
    names = {normalize_label(col.label) for r in range(len(spec.rows)) for col in spec.row_columns(r)}
    names |= {normalize_label(a) for r in range(len(spec.rows)) for col in spec.row_columns(r) for a in col.aliases}
    for name in sorted(names, key=len, reverse=True):
        if name and _VALUE_CHARS.search(name):
            squeezed = squeezed.replace(name, "□" * len(name))
    return squeezed


def _table_start(squeezed: str, spec: TableSpec) -> int:
    """Where the table's header begins: its most specific cue (narrative before it may repeat
    row labels, e.g. 上年结转1件)."""
    for cue in spec.cues:
        i = squeezed.find(normalize_label(cue))
        if i >= 0:
            return i
    return 0


def _label_hits(squeezed: str, spec: TableSpec, pos: int = 0) -> list[tuple[int, int, int]]:
    """(row, start, end) of each row's label in the squeezed text, in the schema's order: the
    schema's labels aligned with the text (row_alignment.py). The digits before a label are
    the last row's values here, so only a digit with its mark ("2.") is read as an ordinal."""
    alignment = align_rows(spec, squeezed[pos:], bare_ordinals=False)
    return [(m.row, pos + m.start, pos + m.end) for m in alignment.matches]


def _value_chunks(squeezed: str, start: int, end: int, last: bool, next_label: str) -> list[tuple[int, str]]:
    """Runs of value characters between a label and the next one, without the next label's
    numbering (`…00000002.其他` ends row 1 with 0000000 and starts row 2 with 2.)."""
    chunks = []
    for m in _VALUE_CHARS.finditer(squeezed, start, end):
        s, e = m.start(), m.end()
        run = squeezed[s:e]
        # a trailing '.' or a thousands comma with nothing after it is punctuation
        while run and run[-1] in ".,":
            run, e = run[:-1], e - 1
        if run:
            chunks.append((s, run))
        if last and chunks:
            break  # after the last row comes narrative
    numbering = _NUMBERING.match(next_label)
    if chunks and numbering:
        s, run = chunks[-1]
        after = squeezed[s + len(run) : s + len(run) + 1]
        if after in ".、．" and run.endswith(numbering.group(1)):
            run = run[: -len(numbering.group(1))]
            chunks[-1] = (s, run)
            if not run:
                chunks.pop()
    # a label's own numbering right after it (e.g. the "1" of "1.属于") is not a value
    return [(s, run) for s, run in chunks if run]
