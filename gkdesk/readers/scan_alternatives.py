"""A misread figure of a scan decided among the recognizer's own alternatives by the table's relations.

OCR keeps, for each digit it was unsure of, the next likeliest digits at the same place
(readers/ocr_lines.py). Where a relation of the table is broken and changing the fewest unsure
cells of it to one of their alternative readings makes every relation those cells are in hold
in exactly one way, that reading is taken, and the cell is marked inferred with a note saying
what OCR read and why it was changed. Where several readings fit, or none, nothing changes.
The relations are evaluated by the one evaluator (gkdesk/relations.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, product

from .. import relations
from ..numbers import format_number
from ..schema import table_relations

DIGITS = "0123456789"
# Cells changed together to mend one broken relation: more would let the alternatives fit
# almost any sum.
MAX_CHANGED = 2
# Unsure cells in broken relations beyond which only single cells are changed (the pairs of
# a few hundred cells would take long and fit by chance).
MAX_POOL = 40
# Readings kept per cell besides the one OCR gave (the likeliest first).
MAX_READINGS = 4
# Readings of one cell tried at most (products of its unsure characters' alternatives).
MAX_COMBINATIONS = 64


@dataclass(frozen=True)
class Reading:
    value: int | float
    prob: float  # the product of its characters' probabilities


def readings_of(chars: list[dict], sure: float, parse) -> list[Reading]:
    """The other figures the characters of one cell (in reading order) may be read as: each
    digit below `sure`, and each character that is no digit, replaced by its alternative
    digits; likeliest first."""
    options = []
    for ch in chars:
        text, conf = ch["text"], float(ch.get("conf", 1.0))
        alts = [(a, p) for a, p in ch.get("alts", ()) if a in DIGITS]
        if (text in DIGITS and conf >= sure) or not alts:
            options.append([(text, 1.0)])
            continue
        options.append([(text, conf)] + alts)
    count = 1
    for o in options:
        count *= len(o)
    if count <= 1 or count > MAX_COMBINATIONS:
        return []
    as_read = "".join(ch["text"] for ch in chars)
    found: dict[int | float, float] = {}
    for choice in product(*options):
        text = "".join(t for t, _ in choice)
        if text == as_read:
            continue
        value = parse(text)
        if value is None:
            continue
        prob = 1.0
        for _, p in choice:
            prob *= p
        found[value] = max(found.get(value, 0.0), prob)
    ranked = sorted(found.items(), key=lambda kv: -kv[1])[:MAX_READINGS]
    return [Reading(v, p) for v, p in ranked]


def decide(table, readings: dict[tuple[int, int], list[Reading]]) -> list[tuple[int, int]]:
    """Mend the table's broken relations with the cells' alternative readings where exactly one
    way fits; returns the (row, column) of the cells changed (marked inferred, with a note)."""
    spec = table.spec
    rels = table_relations(spec)
    if not rels or not readings:
        return []
    values = {(spec.id, r, c): cell.value for r, row in enumerate(table.cells) for c, cell in enumerate(row)}
    options = {(spec.id, r, c): rs for (r, c), rs in readings.items() if rs}
    changed: list[tuple[int, int]] = []
    progress = True
    while progress:
        progress = False
        for rel in rels:
            if not relations.state(0, rel, values.get).broken:
                continue
            fix = _unique_fix(rel, rels, values, options)
            if fix is None:
                continue
            for addr, reading in fix:
                _, r, c = addr
                cell = table.cells[r][c]
                values[addr] = reading.value
                options.pop(addr, None)  # a cell is changed once
                _take(cell, reading)
                changed.append((r, c))
            progress = True
    return changed


def _unique_fix(rel, rels, values, options):
    """The one smallest set of alternative readings, one of them of a cell of rel, the others
    of unsure cells of any broken relation, that makes every relation the changed cells are in
    hold; None when there is none or more than one."""
    broken = [r for r in rels if relations.state(0, r, values.get).broken]
    pool = [a for a in dict.fromkeys(a for r in broken for a in r.cells) if a in options]
    mine = {a for a in rel.cells if a in options}
    if not mine:
        return None
    touching = {a: [r for r in rels if a in r.cells] for a in pool}
    most = MAX_CHANGED if len(pool) <= MAX_POOL else 1
    for k in range(1, most + 1):
        fits = []
        for group in combinations(pool, k):
            if mine.isdisjoint(group):
                continue
            checks = {id(r): r for a in group for r in touching[a]}.values()
            for choice in product(*(options[a] for a in group)):
                trial = dict(values)
                trial.update({a: rd.value for a, rd in zip(group, choice)})
                if all(not relations.state(0, r, trial.get).broken for r in checks):
                    fits.append(tuple(zip(group, choice)))
                    if len(fits) > 1:
                        return None
        if fits:
            return fits[0]
    return None


def _take(cell, reading: Reading) -> None:
    note = (
        f"扫描件文字识别（OCR）把此格读作“{cell.raw.strip()}”，把握不大；其备选读法 "
        f"{format_number(reading.value)} 使表内勾稽关系成立，已按此填入，请对照原件核对"
    )
    cell.value = reading.value
    cell.inferred = True
    cell.confidence = min(cell.confidence, reading.prob)
    cell.note = f"{cell.note}；{note}" if cell.note else note
