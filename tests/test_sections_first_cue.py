"""A table's first header cue, found in growing prefixes of its section (sections._first_cue),
is where a search of the whole normalized section finds it: cues near the start, far beyond the
first prefix, cut by white space and line breaks, or absent."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.parsing.sections import _first_cue
from gkdesk.schema import normalize_label, squeeze

CUES = ("勾稽关系", "申请人情况", "自然人")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _whole_section_cue(text: str, start: int, end: int, cues) -> int | None:
    """The definition: the earliest cue in the normalized section, back to its line's start."""
    squeezed, index = squeeze(text[start:end])
    found = [i for i in (squeezed.find(normalize_label(c)) for c in cues) if i >= 0]
    if not found:
        return None
    at = start + index[min(found)]
    return max(text.rfind("\n", start, at) + 1, start)


def _spread(word: str, gaps: list[str]) -> str:
    """The word with white space (a converter's line breaks, full-width spaces) between its characters."""
    return "".join(ch + (gaps[k] if k < len(gaps) else "") for k, ch in enumerate(word))


filler = st.text(alphabet="申请人情况自然其他数量（）() \n\t\u300012", max_size=40)


@SETTINGS
@given(
    pieces=st.lists(st.tuples(filler, st.sampled_from(CUES + ("",)), st.lists(st.sampled_from(["", " ", "\n", "\u3000"]), max_size=5)), max_size=6),
    padding=st.integers(0, 6000),
    cut=st.floats(0, 1),
)
def test_prefix_search_finds_the_cue_the_whole_section_shows(pieces, padding, cut):
    text = "表三" + "的" * padding + "".join(f + _spread(cue, gaps) for f, cue, gaps in pieces)
    start = 2 + int(padding * cut)
    assert _first_cue(text, start, len(text), CUES) == _whole_section_cue(text, start, len(text), CUES)
    assert _first_cue(text, 0, start, CUES) == _whole_section_cue(text, 0, start, CUES)


def test_a_longer_cue_cut_by_the_prefix_end_is_not_passed_over():
    """The prefix ends inside 申请人情况 while a shorter cue inside it (请人) lies wholly before
    the prefix's end: the longer one, which starts a line earlier, is the first cue."""
    cues = ("申请人情况", "请人")
    text = "的" * 1020 + "申\n请人情况 1 2 3"
    assert _first_cue(text, 0, len(text), cues) == _whole_section_cue(text, 0, len(text), cues) == 0
