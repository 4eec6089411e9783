"""The local alignment of row labels (row_alignment._smith_waterman) computes only the cells
that can score, shortcuts a window that holds the label as written and remembers windows: it
must give what the full Smith-Waterman table gives, cell for cell, first best included."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.parsing.row_alignment import _GAP_COST, _best_local_alignment, _smith_waterman

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _full_table(pattern: str, text: str, lo: int, hi: int):
    """The reference: every cell of the table, the first best kept (match 1, mismatch -1, gap)."""
    m = len(pattern)
    score, origin = [0.0] * (m + 1), [lo] * (m + 1)
    best = (0.0, lo, lo)
    for j in range(lo, hi):
        ch = text[j]
        diag, diag_origin = 0.0, j
        new_score, new_origin = [0.0] * (m + 1), [j + 1] * (m + 1)
        for i in range(1, m + 1):
            s, o = (diag + 1.0 if pattern[i - 1] == ch else diag - 1.0), diag_origin
            if score[i] - _GAP_COST > s:
                s, o = score[i] - _GAP_COST, origin[i]
            if new_score[i - 1] - _GAP_COST > s:
                s, o = new_score[i - 1] - _GAP_COST, new_origin[i - 1]
            if s <= 0:
                s, o = 0.0, j + 1
            diag, diag_origin = score[i], origin[i] if score[i] > 0 else j
            new_score[i], new_origin[i] = s, o
            if s > best[0]:
                best = (s, o, j + 1)
        score, origin = new_score, new_origin
    return (best[1], best[2], best[0]) if best[0] > 0 else None


chars = st.sampled_from("行政复议诉讼其他申请法律ab")


@SETTINGS
@given(
    pattern=st.text(chars, max_size=10),
    text=st.text(chars, max_size=60),
    insert=st.booleans(),
    at=st.floats(0, 1),
    bounds=st.tuples(st.floats(0, 1), st.floats(0, 1)),
)
def test_sparse_table_gives_the_full_tables_alignment(pattern, text, insert, at, bounds):
    if insert:  # the label as written somewhere in the text (the shortcut)
        k = int(len(text) * at)
        text = text[:k] + pattern + text[k:]
    lo, hi = sorted(int(len(text) * b) for b in bounds)
    expected = _full_table(pattern, text, lo, hi)
    assert _best_local_alignment(pattern, text, lo, hi) == expected
    assert _smith_waterman(pattern, text, lo, hi) == expected
    assert _smith_waterman(pattern, "的" * 7 + text, lo + 7, hi + 7) == (
        None if expected is None else (expected[0] + 7, expected[1] + 7, expected[2])
    )  # remembered by window text, shifted to where the window stands


def test_a_character_missing_from_the_text_carries_the_score_on():
    """政 matches, the label's 复 is missing from the text (a gap, -0.6), and 行 goes on from
    there (0.4 + 1 = 1.4): the cell below a weak one must still be computed."""
    pattern, text = "行政复行政复", "政行"
    assert _full_table(pattern, text, 0, 2) == (0, 2, 1.4)
    assert _best_local_alignment(pattern, text, 0, 2) == _smith_waterman(pattern, text, 0, 2) == (0, 2, 1.4)
