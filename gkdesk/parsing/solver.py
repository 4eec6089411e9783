"""The choice among candidate readings of one table: one scoring, one settings object.

Generators (candidates.py) each read a table region their own way and return a Candidate with
its own notes. The solver scores every candidate the same way — cells read in place, cells
inferred, cells of the form left unread, values of the text read nowhere, relations broken (by the one evaluator,
gkdesk/relations.py), the generator's own cost — and keeps the best. It never repairs the document: a relation broken by values read in
place costs little, far less than a cell not read, so a report that breaks its own sums keeps
its figures. Candidates of the same table that come within `tie` of the best and disagree on
cells are a tie: those cells are left blank, marked, and one note lists the alternatives.
Elsewhere a cell some runner-up reads otherwise gets the margin as its confidence.

A reading may leave parts open between a few options the text allows alike (a row's values
that the column positions put in several column sets; the blank columns of a table printed
column after column): each is a Choice. The solver settles them with the same scoring, every
combination of options of choices that share a relation tried together: a combination the
relations single out wins, and options within `tie` of the best stay open, their cells merged
by the choice (what every option agrees on is kept) and one note per choice listing them.
The reading is weighed against the other generators' at its best combination: options left
open are its own doubt about the text, not a worse reading of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product
from typing import Callable, Iterable

from .. import relations as rel_eval
from ..model import Cell, ParseNote, Table
from ..schema import row_display, table_relations


@dataclass(frozen=True)
class Settings:
    in_place: float = 1.0  # a cell read where the text puts it
    inferred: float = 0.5  # a cell placed, split or filled by inference
    unread: float = 1.0  # a cell of the form the reading found nothing for (structural completeness)
    violation: float = 0.5  # each relation the candidate breaks (documents break their own)
    # A value of the text the candidate placed nowhere: lost, and some cell claims wrongly in
    # its stead (the cell it belongs to shows another value or a blank).
    left_out: float = 2.0
    tie: float = 0.5  # readings this close that disagree on cells are a tie


SETTINGS = Settings()


@dataclass
class Candidate:
    """One generator's reading of a table, with the notes that reading gives."""

    table: Table
    notes: list[ParseNote]
    generator: str  # what read it, in the reviewer's words (for the ambiguity note)
    cost: float = 0.0  # the generator's own cost: how far its reading departs from the layout
    score: float = field(default=0.0, compare=False)
    # Values of the region this reading placed nowhere (counted where a reading may leave some:
    # a label reading with rows left empty, a reading by order).
    left_out: int = 0
    choices: list["Choice"] = field(default_factory=list)  # parts left open, settled by solve()


@dataclass
class Choice:
    """Cells of a reading the text leaves open between options: the cells at `at` (row, column)
    hold one of `options` (each a list of Cells in `at`'s order). When several options stay
    within the tie, `merge` gives the cells shown for them and the note saying so."""

    at: list[tuple[int, int]]
    options: list[list[Cell]]
    merge: Callable[[list[int]], tuple[list[Cell], ParseNote]]
    # The notes each option's reading gives, added with it (with the first when merged).
    option_notes: list[list[ParseNote]] = field(default_factory=list)


# Combinations of options tried together for choices that share relations (2 options each: 8 choices).
MAX_COMBINATIONS = 256


@dataclass
class Generator:
    """A reading not yet made: its cost is known before it runs, so the solver can skip it
    when even a perfect reading at that cost could not come near the best so far."""

    cost: float
    # Gets the readings made so far; gives a reading, several (one per way it can read the
    # region, e.g. each possible continuation of a table), or None.
    read: Callable[[list[Candidate]], Candidate | list[Candidate] | None]


def cell_count(table: Table) -> int:
    return sum(len(row) for row in table.cells)


def cell_points(c: Cell, settings: Settings = SETTINGS) -> float:
    """What one cell adds to a reading's score."""
    if c.inferred and c.confidence > 0:
        if c.value is not None or c.span is not None:
            return settings.inferred  # placed, split or filled by inference
        return 0.0  # inferred blank, which claims nothing
    if c.span is not None and not c.inferred:
        return settings.in_place
    return -settings.unread  # nothing found, or left undetermined (confidence 0)


def score(candidate: Candidate, settings: Settings = SETTINGS) -> float:
    table = candidate.table
    total = sum(cell_points(c, settings) for row in table.cells for c in row)
    total -= settings.left_out * candidate.left_out
    broken = rel_eval.violations(table.spec, rel_eval.grid_lookup(table.spec.id, table.values()))
    return total - settings.violation * broken - candidate.cost


def solve(generators: Iterable[Generator], ncells: int, settings: Settings = SETTINGS) -> Candidate | None:
    """The best reading of the generators', ties and margins marked on its cells and notes."""
    made: list[Candidate] = []
    for gen in generators:
        best = max((c.score for c in made), default=None)
        if best is not None and ncells * settings.in_place - gen.cost <= best - settings.tie:
            continue  # not even a perfect reading at this cost could come near
        read = gen.read(made)
        readings = read if isinstance(read, list) else [] if read is None else [read]
        for cand in readings:
            cand.score = settle_choices(cand, settings)
            made.append(cand)
    if not made:
        return None
    winner = max(made, key=lambda c: c.score)  # the first of equals: the cheaper generator
    rivals = [c for c in made if c is not winner and c.table.spec == winner.table.spec]
    _mark_alternatives(winner, rivals, settings)
    return winner


def settle_choices(candidate: Candidate, settings: Settings = SETTINGS) -> float:
    """The candidate's open choices settled into its table (see the module docstring), and its
    score: that of its best combination. Options left tied are the reading's own doubt, not a
    worse reading of the text: against other generators' readings it counts as at its best,
    and only then are the tied cells merged (left open, marked)."""
    if not candidate.choices:
        return score(candidate, settings)
    table = candidate.table
    rels = table_relations(table.spec)
    touching = [
        {i for i, rel in enumerate(rels) if any((r, c) in at for _, r, c in rel.cells)}
        for at in (set(ch.at) for ch in candidate.choices)
    ]
    open_choices: list[tuple[Choice, list[int]]] = []
    for group in _linked(touching):
        open_choices += _settle_group(table, candidate.notes, [candidate.choices[k] for k in group],
                                      [rels[i] for i in sorted(set().union(*(touching[k] for k in group)))], settings)
    at_best = score(candidate, settings)
    for choice, kept in open_choices:
        _merge(table, candidate.notes, choice, kept)
    candidate.choices = []
    return at_best


def _linked(touching: list[set[int]]) -> list[list[int]]:
    """Groups of choices linked through relations they share (a choice no relation touches is
    a group of its own)."""
    groups: list[tuple[list[int], set[int]]] = []
    for k, rels in enumerate(touching):
        joined = [g for g in groups if g[1] & rels]
        members, shared = [k], set(rels)
        for g in joined:
            members += g[0]
            shared |= g[1]
            groups.remove(g)
        groups.append((sorted(members), shared))
    return sorted(g[0] for g in groups)


def _settle_group(table: Table, notes: list[ParseNote], choices: list[Choice], rels,
                  settings: Settings) -> list[tuple[Choice, list[int]]]:
    """Every combination of the choices' options, scored as score() scores a reading (the cells
    the options give, the relations they touch): the best is put in the table and settles each
    choice it alone keeps within the tie; the others are returned with their tied options."""
    sizes = [len(ch.options) for ch in choices]
    count = 1
    for n in sizes:
        count *= n
    if count > MAX_COMBINATIONS:
        for ch in choices:  # the first options stand in for the score; nothing is guessed
            for (r, c), cell in zip(ch.at, ch.options[0]):
                table.cells[r][c] = cell
        return [(ch, list(range(len(ch.options)))) for ch in choices]
    grid = [list(row) for row in table.values()]
    get = rel_eval.grid_lookup(table.spec.id, grid)
    points = [[sum(cell_points(c, settings) for c in opt) for opt in ch.options] for ch in choices]
    scored: list[tuple[float, tuple[int, ...]]] = []
    for combo in product(*(range(n) for n in sizes)):
        for ch, o in zip(choices, combo):
            for (r, c), cell in zip(ch.at, ch.options[o]):
                grid[r][c] = cell.value
        broken = sum(1 for rel in rels if abs(rel_eval.residual(rel, get)) > rel_eval.EPS)
        scored.append((sum(p[o] for p, o in zip(points, combo)) - settings.violation * broken, combo))
    best, best_combo = max(scored, key=lambda sc: sc[0])  # the first of equals
    still_open = []
    for k, ch in enumerate(choices):
        kept = sorted({combo[k] for s, combo in scored if best - s < settings.tie})
        if len(kept) > 1:
            for (r, c), cell in zip(ch.at, ch.options[best_combo[k]]):
                table.cells[r][c] = cell
            still_open.append((ch, kept))
            continue
        chosen = kept[0]
        runner_up = max(((s, combo[k]) for s, combo in scored if combo[k] != chosen), default=None)
        margin = best - runner_up[0] if runner_up else float("inf")
        other = ch.options[runner_up[1]] if runner_up else ch.options[chosen]
        for (r, c), cell, alt in zip(ch.at, ch.options[chosen], other):
            if alt.value != cell.value:
                cell = replace(cell, confidence=min(cell.confidence, margin / (margin + 1.0)))
            table.cells[r][c] = cell
        notes.extend(ch.option_notes[chosen] if ch.option_notes else [])
    return still_open


def merged_cells(options: list[list[Cell]], unsure_note: str, zero_note: str) -> list[Cell]:
    """The cells shown for options that cannot be told apart, cell by cell: a value every
    option reads alike stands (the first option's cell); a cell only 0 or blank under every
    option is 0 or blank, which no sum tells apart: it shows 0, marked; a cell no option reads
    stays the first's blank; any other is left unfilled, marked, confidence 0."""
    out = []
    for cells in zip(*options):
        read = [c for c in cells if c.span is not None]
        if not read or (len(read) == len(cells) and len({c.value for c in read}) == 1):
            out.append(cells[0] if not read else read[0])
        elif all(c.value == 0 for c in read):
            out.append(Cell(0, read[0].raw, read[0].span, 0.2, True, zero_note))
        else:
            out.append(Cell(None, "", None, 0.0, True, unsure_note))
    return out


def _merge(table: Table, notes: list[ParseNote], choice: Choice, kept: list[int]) -> None:
    cells, note = choice.merge(kept)
    for (r, c), cell in zip(choice.at, cells):
        table.cells[r][c] = cell
    notes.extend(choice.option_notes[kept[0]] if choice.option_notes else [])
    notes.append(note)


def _mark_alternatives(winner: Candidate, rivals: list[Candidate], settings: Settings) -> None:
    table = winner.table
    tied_cells: dict[tuple[int, int], list[tuple[Candidate, Cell]]] = {}
    for rival in sorted(rivals, key=lambda c: -c.score):
        margin = winner.score - rival.score
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                other = rival.table.cells[r][c]
                if other.value == cell.value or other.span is None:
                    continue  # the rival agrees, or has nothing to say about this cell
                if margin < settings.tie:
                    tied_cells.setdefault((r, c), []).append((rival, other))
                else:
                    cell.confidence = min(cell.confidence, margin / (margin + 1.0))
    if not tied_cells:
        return
    shown: list[str] = []
    for (r, c), others in sorted(tied_cells.items()):
        cell = table.cells[r][c]
        values = [_show(cell.value)] + [_show(o.value) for _, o in others]
        shown.append(f"{_cell_name(table, r, c)}：{'或'.join(dict.fromkeys(values))}")
        table.cells[r][c] = Cell(None, "", None, 0.0, True, _TIED_CELL)
    readers = "、".join(dict.fromkeys([winner.generator] + [o.generator for v in tied_cells.values() for o, _ in v]))
    more = f" 等 {len(shown)} 格" if len(shown) > 6 else ""
    winner.notes.append(
        ParseNote(
            "ambiguous_reading",
            f"{table.spec.number}有几种读法（{readers}）同样符合文本和勾稽关系，以下各格不能确定，未填入："
            f"{'；'.join(shown[:6])}{more}，请对照原文填写",
            table.spec.id,
        )
    )


_TIED_CELL = "文本有几种读法同样符合，此格的数值不能确定，未填入，请对照原文填写"


def _show(value) -> str:
    return "空白" if value is None else str(value)


def _cell_name(table: Table, r: int, c: int) -> str:
    spec = table.spec
    columns = spec.row_columns(r)
    col = columns[c].short or columns[c].label if c < len(columns) else str(c + 1)
    if len(spec.rows) == 1:
        return col
    return f"“{row_display(spec.rows[r])}”{col}"
