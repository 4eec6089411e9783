"""The choice among candidate readings of one table: one scoring, one settings object.

Generators (candidates.py) each read a table region their own way and return a Candidate with
its own notes. The solver scores every candidate the same way — cells read in place, cells
inferred, cells of the form left unread, values of the text read nowhere, relations broken (by the one evaluator,
gkdesk/relations.py), the generator's own cost — and keeps the best. It never repairs the document: a relation broken by values read in
place costs little, far less than a cell not read, so a report that breaks its own sums keeps
its figures. Candidates of the same table that come within `tie` of the best and disagree on
cells are a tie: those cells are left blank, marked, and one note lists the alternatives.
Elsewhere a cell some runner-up reads otherwise gets the margin as its confidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from .. import relations as rel_eval
from ..model import Cell, ParseNote, Table
from ..schema import row_display


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


@dataclass
class Generator:
    """A reading not yet made: its cost is known before it runs, so the solver can skip it
    when even a perfect reading at that cost could not come near the best so far."""

    cost: float
    read: Callable[[list[Candidate]], Candidate | None]  # gets the readings made so far


def cell_count(table: Table) -> int:
    return sum(len(row) for row in table.cells)


def score(candidate: Candidate, settings: Settings = SETTINGS) -> float:
    table = candidate.table
    total = 0.0
    for row in table.cells:
        for c in row:
            if c.inferred and c.confidence > 0:
                if c.value is not None or c.span is not None:
                    total += settings.inferred  # placed, split or filled by inference
                # else: inferred blank, which claims nothing
            elif c.span is not None and not c.inferred:
                total += settings.in_place
            else:
                total -= settings.unread  # nothing found, or left undetermined (confidence 0)
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
        cand = gen.read(made)
        if cand is None:
            continue
        cand.score = score(cand, settings)
        made.append(cand)
    if not made:
        return None
    winner = max(made, key=lambda c: c.score)  # the first of equals: the cheaper generator
    rivals = [c for c in made if c is not winner and c.table.spec == winner.table.spec]
    _mark_alternatives(winner, rivals, settings)
    return winner


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
