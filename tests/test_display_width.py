"""display_width: the columns a monospaced rendering gives a text (space-aligned columns)."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings, strategies as st

from gkdesk.parsing.tokens import display_width


def _by_character(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=60))
def test_display_width_counts_wide_characters_twice(text):
    assert display_width(text) == _by_character(text)


def test_display_width_of_a_report_line():
    assert display_width("（一）行政许可  12") == 7 * 2 + 2 + 2  # seven wide characters, two spaces, two digits
    assert display_width("ａｂ c") == 6
