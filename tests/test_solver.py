"""The solver: one scoring of candidate readings, ties and margins, no repair of the document."""
from hypothesis import given, settings, strategies as st

from gkdesk import relations
from gkdesk.model import Cell, Table
from gkdesk.parsing import parse_text
from gkdesk.parsing.solver import SETTINGS, Candidate, Generator, score, solve
from gkdesk.schema import T4
from report_factory import render, values_for


def _t4(values, inferred=False, spans=True) -> Table:
    cells = [[Cell(v, str(v), (i, i + 1) if spans else None, 0.9, inferred, "推定" if inferred else "") for i, v in enumerate(values)]]
    return Table(T4, cells)


def _consistent_t4() -> list[int]:
    return values_for("2021")["t4"]


def _gen(table: Table, cost: float = 0.0, name: str = "甲", calls: list | None = None) -> Generator:
    def read(made):
        if calls is not None:
            calls.append(name)
        return Candidate(table, [], name, cost)

    return Generator(cost, read)


def _broken(values: list[int]) -> int:
    return relations.violations(T4, relations.grid_lookup("t4", [values]))


def test_values_read_in_place_stand_though_they_break_a_relation():
    read = _consistent_t4()
    read[4] += 1  # the document's own 总计 is off by one
    assert _broken(read) == 1
    repaired = _consistent_t4()
    chosen = solve([_gen(_t4(read)), _gen(_t4(repaired, inferred=True), cost=1.0, name="乙")], 15)
    assert chosen.table.values()[0] == read
    assert chosen.generator == "甲"


def test_a_close_tie_that_disagrees_leaves_the_cells_blank_with_one_note():
    a, b = _consistent_t4(), _consistent_t4()
    a[0], a[1] = b[1], b[0]  # two readings that swap two cells of one group
    assert a != b
    chosen = solve([_gen(_t4(a)), _gen(_t4(b), name="乙")], 15)
    row = chosen.table.cells[0]
    differing = [c for c in range(15) if a[c] != b[c]]
    assert all(row[c].value is None and row[c].inferred for c in differing)
    assert all(row[c].value == a[c] for c in range(15) if c not in differing)
    notes = [n for n in chosen.notes if n.code == "ambiguous_reading"]
    assert len(notes) == 1
    assert "甲" in notes[0].message and "乙" in notes[0].message


def test_a_cells_confidence_is_its_margin_over_the_runner_up():
    a = _consistent_t4()
    b = list(a)
    b[2] += 3
    chosen = solve([_gen(_t4(a)), _gen(_t4(b, inferred=True), name="乙")], 15)
    margin = score(Candidate(_t4(a), [], "")) - score(Candidate(_t4(b, inferred=True), [], ""))
    assert margin >= SETTINGS.tie
    row = chosen.table.cells[0]
    assert abs(row[2].confidence - margin / (margin + 1)) < 1e-9
    assert row[0].confidence == 0.9  # no runner-up reads it otherwise


def test_a_generator_that_cannot_come_near_the_best_is_not_run():
    calls: list[str] = []
    solve([_gen(_t4(_consistent_t4()), calls=calls), _gen(_t4(_consistent_t4()), cost=1.0, name="乙", calls=calls)], 15)
    assert calls == ["甲"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["tabs", "pipes", "cells", "spaces"]), st.integers(0, 2), st.integers(1, 9))
def test_a_documents_own_arithmetic_error_survives_recognition(layout, where, delta):
    values = values_for("2021", seed=3)
    # A wrong figure in the document: 表三 row 一's 总计, 表四's first total, or a 表三 leaf cell.
    if where == 0:
        values["t3"][0][6] += delta
    elif where == 1:
        values["t4"][4] += delta
    else:
        values["t3"][2][0] += delta
    report = parse_text(render("2021", values, layout))
    assert report.tables["t3"].values() == values["t3"]
    assert report.tables["t4"].values()[0] == values["t4"]
