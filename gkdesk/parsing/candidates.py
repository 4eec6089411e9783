"""The generators of candidate readings of one table region, for the solver (solver.py).

Each generator reads the region its own way and returns a Candidate with its own notes (never
a shared list that a losing reading would have to take back):

* by row labels — the schema's rows found by their labels, values read along each row (tables.py);
* by digit runs — a table flattened into runs of digits, split by the relations (digit_runs.py);
* by reading order — values printed apart from their labels, in blocks placed into columns by
  the table's shape and relations (reading_order.py; pdftotext's and pdfminer's orders).

A generator's cost says how far its reading departs from the text as laid out: reading labels
in place costs nothing; reading another format version than the labels show, or reordering
the text, costs a little, so it wins only where it reads clearly more.
"""
from __future__ import annotations

from functools import cached_property

from ..model import ParseNote, Table
from ..schema import T4, TableSpec
from .digit_runs import may_hold_runs, recover_flat
from .reading_order import reads_out_of_order, read_reordered, read_t4_stream, rows_left_empty, value_runs, values_left_out
from .solver import Candidate, Choice, Generator
from .tables import recognize_rows_table, recognize_t4
from .tokens import Token, tokenize

# The generators' own costs (see the module docstring).
OTHER_VERSION_COST = 2.0
DIGIT_RUNS_COST = 1.0
REORDER_COST = 1.0

BY_LABELS = "按行标签读取"
BY_DIGIT_RUNS = "按连写数字拆分"
BY_ORDER = "按文本顺序还原"


class Region:
    """One table region of a document, its tokens cut once for every generator."""

    def __init__(self, text: str, bounds: tuple[int, int]):
        self.text = text
        self.bounds = bounds

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text, *self.bounds)

    @cached_property
    def stand_alone_values(self):
        """The values alone on their lines (reading_order.value_runs), found once."""
        return value_runs(self.text, self.tokens)


def _label_reading(made: list[Candidate]) -> Candidate | None:
    return next((c for c in made if c.generator == BY_LABELS), None)


def rows_table_generators(region: Region, spec: TableSpec, other: TableSpec) -> list[Generator]:
    """表二/表三: by labels (of the version the labels show; of the other only if those are not
    found), by digit runs, by reading order."""

    def by_labels(spec: TableSpec, cost: float):
        def read(made: list[Candidate]) -> Candidate | None:
            if _label_reading(made) is not None:
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
        if labels is None:
            return None
        read = read_reordered(region.text, region.tokens, labels.table)
        if read is None:
            return None
        table, notes = read
        return Candidate(table, notes, BY_ORDER, REORDER_COST,
                         left_out=values_left_out(region.tokens, lambda: region.stand_alone_values, table))

    return [
        Generator(0.0, by_labels(spec, 0.0)),
        Generator(OTHER_VERSION_COST, by_labels(other, OTHER_VERSION_COST)),
        Generator(DIGIT_RUNS_COST, by_digit_runs),
        Generator(REORDER_COST, by_order),
    ]


def t4_generators(region: Region) -> list[Generator]:
    """表四: by its header, by digit runs, by the stream order of its values."""

    def by_header(made: list[Candidate]) -> Candidate | None:
        notes: list[ParseNote] = []
        choices: list[Choice] = []
        table = recognize_t4(region.tokens, notes, choices)
        return None if table is None else Candidate(table, notes, BY_LABELS, choices=choices)

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
        read = read_t4_stream(region.text, region.bounds, header.table)
        if read is None:
            return None
        table, notes = read
        return Candidate(table, notes, BY_ORDER, REORDER_COST)

    return [
        Generator(0.0, by_header),
        Generator(DIGIT_RUNS_COST, by_digit_runs),
        Generator(REORDER_COST, by_order),
    ]


def _read_whole(table: Table) -> bool:
    return all(c.span for c in table.cells[0])
