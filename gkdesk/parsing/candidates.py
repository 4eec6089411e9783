"""The generators of candidate readings of one table region, for the solver (solver.py).

Each generator reads the region its own way and returns a Candidate with its own notes (never
a shared list that a losing reading would have to take back):

* by the document's own cells — a reader's tables (.docx, web page, PDF) taken cell by cell as
  the reader found them (source_cells.py), rows then found by their labels as below;
* by row labels — the schema's rows found by their labels, values read along each row (tables.py),
  in the tokens lexed from the text (tokens.py);
* by digit runs — a table flattened into runs of digits, split by the relations (digit_runs.py);
* by reading order — values printed apart from their labels, in blocks placed into columns by
  the table's shape and relations (reading_order.py; pdftotext's and pdfminer's orders);
* by reading order continued past the next table's heading — the blocks of the next region
  that the next table has no cells for, one reading per stretch of them (continuations.py).

A generator's cost says how far its reading departs from the text as laid out: reading labels
in place costs nothing, in the document's cells or in the lexed text alike; reading another
format version than the labels show, reordering the text, or lexing again the rendering of
cells the document has, costs a little, so it wins only where it reads clearly more; taking
values from beyond the next heading costs more again. Where the document's cells read every
cell of the table in place, the lexed text (their own rendering) is not read at all: it could
at best read the same.
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable

from ..model import ParseNote, Table
from ..schema import T4, TableSpec
from .digit_runs import may_hold_runs, recover_flat
from .continuations import MIN_NODES, NODE_BUDGET, read_continued, stretches
from .reading_order import (
    reads_out_of_order,
    read_reordered,
    read_t4_stream,
    rows_left_empty,
    value_runs,
    values_left_out,
)
from .solver import Candidate, Choice, Generator
from .source_cells import region_tokens, tables_within
from .tables import recognize_rows_table, recognize_t4
from .tokens import Token, tokenize

# The generators' own costs (see the module docstring).
OTHER_VERSION_COST = 2.0
DIGIT_RUNS_COST = 1.0
# Reading the lexed rendering of cells the document has (its own grid at hand): it wins over
# the cells only where it reads clearly more (a cell the reader gave a label and numbers in).
RELEXED_CELLS_COST = 1.0
REORDER_COST = 1.0
CONTINUED_COST = 2.0  # reordered, and values taken from beyond the next heading

BY_CELLS = "按原文单元格读取"
BY_LABELS = "按行标签读取"
BY_DIGIT_RUNS = "按连写数字拆分"
BY_ORDER = "按文本顺序还原"
BY_CONTINUATION = "按文本顺序还原（含下一部分标题之后的数值）"


class Region:
    """One table region of a document, its tokens cut once for every generator. `tables`: the
    document's own tables (readers' SourceTable), of which the region keeps those within it.
    `following`: the next table's region, its table's number and a function giving its cell
    count (a table's last values can stand there, continuations.py)."""

    def __init__(self, text: str, bounds: tuple[int, int], tables=(),
                 following: tuple[Region, str, Callable[[], int]] | None = None):
        self.text = text
        self.bounds = bounds
        self.tables = tables_within(tables, bounds)
        self.following = following

    @cached_property
    def tokens(self) -> list[Token]:
        """The region's text lexed (tokens.py)."""
        return tokenize(self.text, *self.bounds)

    @cached_property
    def cell_tokens(self) -> list[Token] | None:
        """The region's tokens with its tables taken cell by cell (source_cells.py); None
        where the region holds no table of the document's own."""
        return region_tokens(self.text, self.bounds, self.tables) if self.tables else None

    @property
    def label_tokens(self) -> list[Token]:
        """The tokens rows are first looked for in: the document's cells, else the lexed text."""
        cells = self.cell_tokens
        return self.tokens if cells is None else cells

    @cached_property
    def stand_alone_values(self):
        """The values alone on their lines (reading_order.value_runs), found once."""
        return value_runs(self.text, self.tokens)


def _label_reading(made: list[Candidate]) -> Candidate | None:
    """The best reading by row labels so far (in the document's cells or in the lexed text)."""
    return max((c for c in made if c.generator in (BY_CELLS, BY_LABELS)), key=lambda c: c.score, default=None)


def _lexing_adds_nothing(made: list[Candidate], spec: TableSpec) -> bool:
    """Whether reading `spec` by labels in the lexed text is not worth it: a label reading of
    the text exists, or of another version (the labels it found tell the form), or the
    document's cells read every cell in place (the text is their rendering)."""
    held = _label_reading(made)
    if held is None:
        return False
    return held.generator == BY_LABELS or held.table.spec != spec or _read_in_place(held.table)


def _read_in_place(table: Table) -> bool:
    return not table.missing_rows and all(c.span is not None and not c.inferred for row in table.cells for c in row)


def rows_table_generators(region: Region, spec: TableSpec, other: TableSpec) -> list[Generator]:
    """表二/表三: by labels in the document's cells and in the lexed text (of the version the
    labels show; of the other only if those are not found), by digit runs, by reading order."""

    def by_cells(spec: TableSpec, cost: float):
        def read(made: list[Candidate]) -> Candidate | None:
            tokens = region.cell_tokens
            if tokens is None or _label_reading(made) is not None:
                return None  # no cells of the document's own, or the labels were found
            notes: list[ParseNote] = []
            choices: list[Choice] = []  # rows the positions place in several ways: the solver settles them
            table = recognize_rows_table(tokens, spec, notes, choices)
            if table is None:
                return None
            left = values_left_out(tokens, lambda: region.stand_alone_values, table) if rows_left_empty(table) else 0
            return Candidate(table, notes, BY_CELLS, cost, left_out=left, choices=choices)

        return read

    def by_labels(spec: TableSpec, cost: float):
        def read(made: list[Candidate]) -> Candidate | None:
            if _lexing_adds_nothing(made, spec):
                return None  # the labels of the version they show were found: that is the form
            notes: list[ParseNote] = []
            choices: list[Choice] = []  # rows the positions place in several ways: the solver settles them
            table = recognize_rows_table(region.tokens, spec, notes, choices)
            if table is None:
                return None
            # Rows left empty: their values may stand elsewhere, and a reading that leaves them
            # out pays for them (the reading by order places them).
            left = values_left_out(region.tokens, lambda: region.stand_alone_values, table) if rows_left_empty(table) else 0
            return Candidate(table, notes, BY_LABELS, cost, left_out=left, choices=choices)

        return read

    def by_digit_runs(made: list[Candidate]) -> Candidate | None:
        labels = _label_reading(made)
        if labels is not None and not reads_out_of_order(labels.table) and not may_hold_runs(labels.table):
            return None  # the rows hold their values: nothing is run together
        notes: list[ParseNote] = []
        table = recover_flat(region.text, region.bounds, spec, notes)
        return None if table is None else Candidate(table, notes, BY_DIGIT_RUNS, DIGIT_RUNS_COST)

    def by_order(made: list[Candidate]) -> Candidate | None:
        labels = _label_reading(made)
        if labels is None or not rows_left_empty(labels.table):
            return None  # every row found holds values where its label is (read_reordered)
        read = read_reordered(region.text, region.tokens, labels.table)
        if read is None:
            return None
        table, notes, choices = read
        return Candidate(table, notes, BY_ORDER, REORDER_COST, choices=choices,
                         left_out=values_left_out(region.tokens, lambda: region.stand_alone_values, table))

    def by_order_continued(made: list[Candidate]) -> list[Candidate] | None:
        labels = _label_reading(made)
        if labels is None or region.following is None:
            return None
        if not rows_left_empty(labels.table):
            return None  # every row found its values: nothing of the table is elsewhere
        own = sum(len(run.tokens) for run in region.stand_alone_values)
        cells = labels.table.spec.cell_count()
        if own >= cells:
            return None
        after, number, next_cells = region.following
        options = stretches(own, cells, after.stand_alone_values, next_cells())
        out = []
        for stretch in options:
            read = read_continued(region.text, region.tokens, labels.table, stretch, number,
                                  max(MIN_NODES, NODE_BUDGET // len(options)))
            if read is not None:
                table, notes, choices = read
                out.append(Candidate(table, notes, BY_CONTINUATION, CONTINUED_COST, choices=choices))
        return out

    lexed = RELEXED_CELLS_COST if region.tables else 0.0
    return [
        Generator(0.0, by_cells(spec, 0.0)),
        Generator(lexed, by_labels(spec, lexed)),
        Generator(OTHER_VERSION_COST, by_cells(other, OTHER_VERSION_COST)),
        Generator(OTHER_VERSION_COST + lexed, by_labels(other, OTHER_VERSION_COST + lexed)),
        Generator(DIGIT_RUNS_COST, by_digit_runs),
        Generator(REORDER_COST, by_order),
        Generator(CONTINUED_COST, by_order_continued),
    ]


def t4_generators(region: Region) -> list[Generator]:
    """表四: by its header (in the document's cells, and in the lexed text), by digit runs, by the
    stream order of its values."""

    def by_cells(made: list[Candidate]) -> Candidate | None:
        if region.cell_tokens is None:
            return None
        notes: list[ParseNote] = []
        choices: list[Choice] = []
        table = recognize_t4(region.cell_tokens, notes, choices)
        return None if table is None else Candidate(table, notes, BY_CELLS, choices=choices)

    def by_header(made: list[Candidate]) -> Candidate | None:
        if _lexing_adds_nothing(made, T4):
            return None
        notes: list[ParseNote] = []
        choices: list[Choice] = []
        table = recognize_t4(region.tokens, notes, choices)
        return None if table is None else Candidate(table, notes, BY_LABELS, lexed, choices=choices)

    def by_digit_runs(made: list[Candidate]) -> Candidate | None:
        header = _label_reading(made)
        if header is not None and _read_whole(header.table):
            return None
        notes: list[ParseNote] = []
        table = recover_flat(region.text, region.bounds, T4, notes)
        return None if table is None else Candidate(table, notes, BY_DIGIT_RUNS, DIGIT_RUNS_COST)

    def by_order(made: list[Candidate]) -> Candidate | None:
        header = _label_reading(made)
        if header is None or _read_whole(header.table):
            return None
        read = read_t4_stream(region.text, region.tokens, header.table)
        if read is None:
            return None
        table, notes = read
        return Candidate(table, notes, BY_ORDER, REORDER_COST)

    lexed = RELEXED_CELLS_COST if region.tables else 0.0
    return [
        Generator(0.0, by_cells),
        Generator(lexed, by_header),
        Generator(DIGIT_RUNS_COST, by_digit_runs),
        Generator(REORDER_COST, by_order),
    ]


def _read_whole(table: Table) -> bool:
    return all(c.span for c in table.cells[0])
