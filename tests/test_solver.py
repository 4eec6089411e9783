"""The solver: one scoring of candidate readings, ties and margins, no repair of the document."""
from hypothesis import given, settings, strategies as st

from gkdesk import relations
from gkdesk.model import Cell, ParseNote, Table
from gkdesk.parsing import parse_text
from gkdesk.parsing.solver import MAX_COMBINATIONS, SETTINGS, Candidate, Choice, Generator, score, settle_choices, solve
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


def test_the_readings_one_generator_gives_are_scored_alike_and_can_tie():
    """A generator may read a region several ways (each continuation of a table past the next
    heading): each reading is scored as any other, and two that fit alike are a tie."""
    a, b = _consistent_t4(), _consistent_t4()
    a[0], a[1] = b[1], b[0]
    several = Generator(1.0, lambda made: [Candidate(_t4(a), [], "甲", 1.0), Candidate(_t4(b), [], "乙", 1.0)])
    chosen = solve([several], 15)
    row = chosen.table.cells[0]
    assert row[0].value is None and row[1].value is None and row[0].inferred
    assert any(n.code == "ambiguous_reading" for n in chosen.notes)
    worse = list(b)
    worse[4] += 3  # breaks two groups' 总计
    worse[9] += 3
    chosen = solve([Generator(1.0, lambda made: [Candidate(_t4(worse), [], "乙", 1.0), Candidate(_t4(a), [], "甲", 1.0)])], 15)
    assert chosen.table.values()[0] == a and chosen.generator == "甲"


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


# ---------------------------------------------------------------- choices a reading leaves open


def _placed(value) -> Cell:
    return Cell(value, str(value), (0, 1), 0.5, True, "推定")


def _choice(at: list[int], options: list[list[int]], merged: list | None = None) -> Choice:
    """A choice over 表四 cells `at`; its merge records the options it is given."""

    def merge(kept):
        if merged is not None:
            merged.append(kept)
        return [Cell(None, "", None, 0.0, True, "未定") for _ in at], ParseNote("open", f"{len(kept)} 种", "t4")

    return Choice([(0, c) for c in at], [[_placed(v) for v in opt] for opt in options], merge)


def test_a_choice_the_relations_single_out_is_taken_with_its_margin():
    v = _consistent_t4()
    merged: list = []
    cand = Candidate(_t4(v), [], "甲", choices=[_choice([0, 1], [[v[0] + 1, v[1]], [v[0], v[1]]], merged)])
    settle_choices(cand)
    row = cand.table.cells[0]
    assert [row[0].value, row[1].value] == [v[0], v[1]] and merged == [] and cand.notes == []
    margin = SETTINGS.violation  # the other option breaks one relation
    assert abs(row[0].confidence - margin / (margin + 1)) < 1e-9
    assert row[1].confidence == 0.5  # both options read it alike
    # Scored as any reading: the settled candidate scores as the same table read so directly.
    direct = _t4(v)
    direct.cells[0][0], direct.cells[0][1] = _placed(v[0]), _placed(v[1])
    assert score(cand) == score(Candidate(direct, [], "甲"))


def test_options_the_relations_cannot_tell_apart_are_merged_with_one_note():
    v = _consistent_t4()
    v[0], v[1] = 3, 5
    v[4] = sum(v[:4])
    merged: list = []
    cand = Candidate(_t4(v), [], "甲", choices=[_choice([0, 1], [[3, 5], [5, 3]], merged)])
    at_best = settle_choices(cand)
    assert merged == [[0, 1]]
    assert [n.message for n in cand.notes] == ["2 种"]
    assert cand.table.cells[0][0].value is None and cand.table.cells[0][0].confidence == 0.0
    # The reading is weighed against others as at its best: the doubt is its own, not a worse reading.
    direct = _t4(v)
    direct.cells[0][0], direct.cells[0][1] = _placed(3), _placed(5)
    assert at_best == score(Candidate(direct, [], "甲")) > score(cand)


def test_choices_sharing_a_relation_are_settled_together():
    # Neither alone tells: the total's options both fit some option of the cell, only one pair fits.
    v = _consistent_t4()
    merged: list = []
    choices = [_choice([0], [[v[0] + 3], [v[0]]], merged), _choice([4], [[v[4] + 1], [v[4]]], merged)]
    cand = Candidate(_t4(v), [], "甲", choices=choices)
    settle_choices(cand)
    assert cand.table.values()[0] == v and merged == []


def test_choices_of_independent_relations_are_settled_apart():
    # Group 1's choice ties (a swap inside a sum); group 0's is told by its own total.
    v = _consistent_t4()
    v[5], v[6] = 2, 7
    v[9] = sum(v[5:9])
    merged: list = []
    choices = [_choice([0], [[v[0] + 1], [v[0]]], merged), _choice([5, 6], [[2, 7], [7, 2]], merged)]
    cand = Candidate(_t4(v), [], "甲", choices=choices)
    settle_choices(cand)
    assert cand.table.cells[0][0].value == v[0]
    assert merged == [[0, 1]]


def test_too_many_combinations_are_left_open_not_guessed():
    v = _consistent_t4()
    # The five cells of one group total, four options each: 4**5 combinations share a relation.
    assert 4**5 > MAX_COMBINATIONS
    merged: list = []
    choices = [_choice([c], [[v[c] + k] for k in range(4)], merged) for c in range(5)]
    cand = Candidate(_t4(v), [], "甲", choices=choices)
    settle_choices(cand)
    assert merged == [[0, 1, 2, 3]] * 5
    assert len(cand.notes) == 5
