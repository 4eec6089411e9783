"""Lines of values printed between row labels, given to the rows by their order.

Layout text (pdftotext -layout, pdfplumber's layout mode) prints a table row by row, but a
row's values are centred in its cell while a label wrapped over lines, or a sub-row label
beside a tall group cell, sits higher or lower: the values land on a line of their own,
above or below their label. Cut at the labels, such a line falls to the row before, which then
holds two lines of values while its neighbour holds none.

Rows with values on a line of their label's text are fixed. Between two fixed rows, the rows without
values and the lines of values not on any label line must correspond one to one in order
(a table prints its rows top to bottom); where they are as many, each row takes its line.
Where they are not, nothing is moved: the rows stay as cut, for the other readings to judge.
"""
from __future__ import annotations

from ..schema import split_ordinal
from .tokens import NULL, NUM, TEXT, Token

LINE_BETWEEN_LABELS_NOTE = "本行数值印在相邻行标签之间的单独一行，按行的先后顺序归入本行，请对照原件核对"
SHIFTED_NOTE = "本行数值与行标签前后错开（相邻一行多出一行数值、另一行没有数值），按行的先后顺序归入本行，请对照原件核对"
DOUBTFUL_NOTE = "本行前后相邻的行一行多出一行数值、一行数值不足，本行数值可能属于相邻的行，请对照原件核对"


def lines_to_rows(hits, cut: dict[int, list[Token]], values: dict[int, list[Token]], width, lead: list[Token] = ()):
    """{row: (its values, placed)} for the rows whose values are another than their cut gave:
    placed, a line given by the rows' order; else its own line, freed of another row's.

    hits: the rows found, in order; cut: per row its tokens, label first, up to the next row's
    label; values: per row the value tokens of its cut; width(row): the row's number of cells;
    lead: the values printed after the table's header words, before its first label."""
    moved: dict[int, tuple[list[Token], bool]] = {}
    start = 0
    while start < len(hits):
        end = start
        while end + 1 < len(hits) and width(hits[end + 1].row) == width(hits[start].row):
            end += 1
        moved.update(_stretch(hits[start : end + 1], cut, values, width(hits[start].row), lead if start == 0 else ()))
        start = end + 1
    return moved


def _stretch(hits, cut: dict[int, list[Token]], values: dict[int, list[Token]], n: int, lead=()):
    """The rows of one stretch of rows with `n` cells each (see lines_to_rows)."""
    if n < 2 or len(hits) < 2:
        return {}
    fixed: dict[int, list[Token]] = {}
    loose: list[tuple[int, list[Token]]] = []  # (index of the row whose cut holds it, its line)
    for group in _by_line(lead):
        if len(group) != n:
            return {}
        loose.append((-1, group))
    for k, hit in enumerate(hits):
        text_lines = _label_lines(cut[hit.row]) if hit.labeled else set()
        # A lone mark on a line of its own ('、' of a heading printed down the side) is no line of values.
        groups = [g for g in _by_line(values[hit.row]) if not (len(g) == 1 and g[0].kind == NULL)]
        if any(len(g) != n for g in groups):
            return {}  # a line of more or fewer values than cells: not this layout
        for group in groups:
            if group[0].line in text_lines and hit.row not in fixed:
                fixed[hit.row] = group
            else:
                loose.append((k, group))
    # Rows holding their own line alone: a lone mark beside it is dropped.
    given: dict[int, tuple[list[Token], bool]] = {row: (line, False) for row, line in fixed.items()}
    # Segments between fixed rows: a loose line in a fixed row's cut lies after its label, so
    # it belongs to the rows after it.
    bounds = [k for k, hit in enumerate(hits) if hit.row in fixed]
    unmatched = False
    for lo, hi in zip([-1] + bounds, bounds + [len(hits)]):
        rows = [hits[k].row for k in range(lo + 1, hi)]
        lines = [group for k, group in loose if lo <= k < hi]
        if len(rows) != len(lines):
            unmatched = True
            if lo >= 0 and any(k == lo for k, _ in loose):
                del given[hits[lo].row]  # its loose lines are no one's for sure: it keeps them
            continue
        for row, line in zip(rows, lines):
            given[row] = (line, True)
    if unmatched:
        # pdfminer with a wide char_margin boxes a wrapped label's value line apart and prints
        # those boxes together, elsewhere in the table: as many loose lines in the stretch as
        # rows without values still go one to one in order (the stretch's order, not each gap's).
        rows = [hit.row for hit in hits if hit.row not in fixed]
        if rows and len(rows) == len(loose):
            given = {row: (line, False) for row, line in fixed.items()}
            given.update((row, (line, True)) for row, (_, line) in zip(rows, loose))
    return {row: (line, placed) for row, (line, placed) in given.items()
            if [t for t in values[row] if t.kind in (NUM, NULL)] != line}


def _label_lines(cut: list[Token]) -> set[int]:
    """The lines of a row's label: its first token's and those of the label text after it (a
    wrapped label), not a text opening with an ordinal of its own (another row's label the
    alignment did not take: `3.其他 29 1 0 0 1 0 31` under 四's label is no line of 四's)."""
    lines = {cut[0].line} if cut and cut[0].kind == TEXT else set()
    for tok in cut[1:]:
        if tok.kind == TEXT and split_ordinal(tok.label)[0] is None:
            lines.add(tok.line)
    return lines


def _by_line(tokens: list[Token]) -> list[list[Token]]:
    groups: list[list[Token]] = []
    for tok in tokens:
        if tok.kind not in (NUM, NULL):
            continue
        if groups and groups[-1][-1].line == tok.line:
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


def values_to_rows(hits, values: dict[int, list[Token]], width, lead: list[Token] = ()):
    """({row: its new values}, rows in doubt) where a row's values were printed before its
    label with nothing else to go by (flat text): a row holding two rows' values (or values
    before the first label, `lead`) and, after it past rows of one row's values each, a row
    holding none (or a row whose label was not found). Values keep their order, so each row of the stretch takes the
    row's worth in its place: the rows whose values so change. Where the short row holds some
    values but not a row's worth, nothing adds up: nothing is moved, and the rows of one row's
    values between the two are in doubt."""
    moved: dict[int, list[Token]] = {}
    doubtful: set[int] = set()
    if not hits:
        return moved, doubtful
    # In the schema's order; a row whose label was not found holds nothing where it stands.
    found = [h.row for h in hits]
    rows: list = [None]  # None: before the first label
    for a, b in zip(found, found[1:] + [found[-1] + 1]):
        rows += [a] + [r for r in range(a + 1, b) if width(r) == width(a) == width(b)]
    held = {None: list(lead), **{r: values.get(r, []) for r in rows[1:]}}
    size = {r: width(r) for r in rows[1:]}
    size[None] = size[rows[1]]
    counts = [len(held[r]) for r in rows]
    due = [0] + [size[r] for r in rows[1:]]  # what each should hold
    for k in range(len(rows)):
        n = size[rows[k]]
        if n < 2 or counts[k] != due[k] + n:
            continue
        # The short row after it. (Before it, the labels came first and then the values of
        # both: in row order or column by column, which the count cannot tell; readings of
        # column order weigh that.)
        j = k + 1
        while j < len(rows) and size[rows[j]] == n and counts[j] == n:
            j += 1
        if not (j < len(rows) and size[rows[j]] == n and counts[j] < n):
            continue
        if counts[j]:
            doubtful.update(rows[i] for i in range(k + 1, j))
            continue
        flat = [t for r in rows[k : j + 1] for t in held[r]]
        at = 0
        for i in range(k, j + 1):
            mine = flat[at : at + due[i]]
            at += due[i]
            if rows[i] is not None and mine != held[rows[i]]:
                moved[rows[i]] = mine
            counts[i] = due[i]
    return moved, doubtful - set(moved)
