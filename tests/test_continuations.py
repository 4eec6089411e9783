"""The pieces of reading a table continued past the next heading (gkdesk.parsing.continuations)."""
from gkdesk.parsing.continuations import stretches, without
from gkdesk.parsing.reading_order import StreamRun


def _runs(*sizes: int) -> list[StreamRun]:
    return [StreamRun(list(range(n)), 0, ()) for n in sizes]


def test_stretches_are_consecutive_blocks_holding_exactly_what_is_lacking():
    runs = _runs(1, 2, 3, 1, 2)  # 9 values for a next table of 6 cells: 3 to spare
    got = [[len(r.tokens) for r in s] for s in stretches(7, 10, runs, 6)]
    assert got == [[1, 2], [3], [1, 2]]  # 3 lacking: the first two blocks, the third, the last two


def test_no_stretch_where_the_next_table_has_no_values_to_spare_or_nothing_is_lacking():
    runs = _runs(1, 2, 3, 1, 2)
    assert stretches(7, 10, runs, 7) == []  # 2 to spare, 3 lacking
    assert stretches(10, 10, runs, 6) == []


def test_the_values_taken_are_blanked_and_every_offset_kept():
    text = "abcdefghij"
    assert without(text, []) is text
    assert without(text, [(5, 7), (1, 3)]) == "a  de  hij"
    assert without(text, [(1, 4), (2, 5)]) == "a    fghij"  # overlapping spans of two tables
