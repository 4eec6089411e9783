"""Tables drawn with box-drawing characters or full-width bars (│ ┃ ║ ｜, rules of ─ ━ ═ with
┼ ├ ┤ …) read as their ASCII pipes and rules do (tokens.Tokenizer): every cell of every table."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from report_factory import render, values_for

_BARS = "│┃║｜"
_RULES = [("─", "┼", "├", "┤"), ("━", "╋", "┣", "┫"), ("═", "╬", "╠", "╣"), ("-", "+", "+", "+")]


def _drawn(text: str, bar: str, rule: tuple[str, ...], ruled: bool) -> str:
    out = []
    for line in text.split("\n"):
        if " | " in line or line.endswith(" |"):
            cells = line.split(" | ")
            drawn = bar + " " + f" {bar} ".join(c.rstrip(" |") for c in cells) + f" {bar}"
            if ruled:
                widths = [len(c.rstrip(" |")) + 2 for c in cells]
                out.append(rule[2] + rule[1].join(rule[0] * w for w in widths) + rule[3])
            out.append(drawn)
        else:
            out.append(line)
    return "\n".join(out)


@settings(max_examples=30, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 50), bar=st.sampled_from(_BARS),
       rule=st.sampled_from(_RULES), ruled=st.booleans())
def test_tables_drawn_with_box_characters_are_read_as_pipe_tables(version, seed, bar, rule, ruled):
    values = values_for(version, seed)
    report = parse_text(_drawn(render(version, values, "pipes"), bar, rule, ruled))
    assert report.tables["t2"].values() == values["t2"]
    assert report.tables["t3"].values() == values["t3"]
    assert report.tables["t4"].values() == [values["t4"]]
