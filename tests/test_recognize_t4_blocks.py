"""表四 as pdftotext's default mode prints it: header words, then its values one a line in blocks,
the blocks not always in the table's order (a later group's block before an earlier group's
总计). Placed by the 总计 relations and the stream's order, never a wrong value unmarked; a
document's own error stands as printed."""
import random

from hypothesis import assume, given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.schema import T4
from report_factory import _t4, render, values_for

HEADER = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]


def _consistent_t4(rng: random.Random) -> list[int]:
    out = []
    for _ in range(3):
        part = [rng.randint(0, 60) for _ in range(4)]
        out += part + [sum(part)]
    return out


def _holds(row: list[int]) -> bool:
    return all(sum(row[g : g + 4]) == row[g + 4] for g in (0, 5, 10))


def _blocks(rng: random.Random, n: int = 15) -> list[range]:
    """The row cut into blocks of adjacent cells."""
    cuts = sorted(rng.sample(range(1, n), rng.randint(2, 6)))
    return [range(a, b) for a, b in zip([0, *cuts], [*cuts, n])]


def _stream(values: list[int], blocks: list[range], rng: random.Random) -> list[str]:
    """Header words, then each block's values one a line (blank lines between), header words
    between the blocks."""
    words = [c.label for c in T4.columns]
    lines = HEADER[:]
    for block in blocks:
        lines += [rng.choice(words), ""]
        for c in block:
            lines += [str(values[c]), ""]
    return lines


def _read(values: list[int], lines: list[str]):
    report_values = values_for("2021", 1)
    report_values["t4"] = values
    text = render("2021", report_values, "tabs")
    text = text.replace("\n".join(_t4(values, "tabs")), "\n".join(lines))
    return parse_text(text).tables["t4"].cells[0]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.booleans())
def test_blocks_in_any_order_are_placed_or_marked(seed, shuffled):
    rng = random.Random(seed)
    values = _consistent_t4(rng)
    blocks = _blocks(rng)
    if shuffled:  # one block printed after the next one
        k = rng.randrange(len(blocks) - 1)
        blocks[k], blocks[k + 1] = blocks[k + 1], blocks[k]
        # Read in stream order, the figures still keep every 总计 (two blocks of one group, two
        # whole groups): no relation can tell, and the stream's order is all there is.
        assume(not _holds([values[c] for block in blocks for c in block]))
    cells = _read(values, _stream(values, blocks, rng))
    for c, cell in enumerate(cells):
        assert cell.value == values[c] or cell.inferred, (c, cell.value, values[c])
    if not shuffled:
        assert [cell.value for cell in cells] == values


def test_a_later_groups_block_before_an_earlier_total_is_placed_by_the_totals():
    """r011's order: 复议's four, 复议后起诉's four, 复议's 总计, 直接起诉's five, 复议后起诉's
    总计. 复议 comes first in the stream: read; the two 起诉 groups have one shape and no order
    tells them apart: marked."""
    values = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    blocks = [range(0, 4), range(10, 14), range(4, 5), range(5, 10), range(14, 15)]
    cells = _read(values, _stream(values, blocks, random.Random(1)))
    assert [c.value for c in cells[:5]] == values[:5] and not any(c.inferred for c in cells[:5])
    for c, cell in enumerate(cells[5:], start=5):
        assert cell.value == values[c] or cell.inferred


def test_the_documents_own_error_stands_as_printed():
    """A 总计 that is not its group's sum, every block in order: no order of the blocks keeps the
    relations, so the figures stand where the stream puts them."""
    values = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]
    cells = _read(values, _stream(values, [range(0, 14), range(14, 15)], random.Random(2)))
    assert [c.value for c in cells] == values
