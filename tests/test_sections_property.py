"""Section headings found by their ordinal and words within a few edits (parsing/sections.py).

Real reports misprint their headings (`四、政府信息公开行政法复议、行政诉讼情况`), drop or add a
character, or number them `四.` / `4、`. Every heading of the schema, so mutated, is still
found, on its own line and in flat text without line breaks alike.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.parsing.sections import _fewest_edits, find_sections, heading_distance, max_edits
from gkdesk.schema import SECTIONS, normalize_label
from report_factory import render, values_for
from test_digit_runs_property import one_line

_FILLER = "法的和在有为了中本年度工作"  # characters a misprint may bring in
_MARKS = ["、", ".", "．", "，"]


@st.composite
def mutated_heading(draw, number: int):
    spec = SECTIONS[number]
    words = spec.heading.split("、", 1)[1]
    edits = draw(st.integers(1, max_edits(normalize_label(words))), label="edits")
    chars = list(words)
    for _ in range(edits):
        kind = draw(st.sampled_from(["delete", "insert", "substitute"]))
        at = draw(st.integers(0, len(chars) - 1))
        if kind == "delete" and len(chars) > 3:
            del chars[at]
        elif kind == "insert":
            chars.insert(at, draw(st.sampled_from(_FILLER)))
        else:
            chars[at] = draw(st.sampled_from(_FILLER))
    arabic = draw(st.booleans())
    ordinal = str(number + 1) if arabic else spec.number
    mark = draw(st.sampled_from(_MARKS[:3] if arabic else _MARKS))
    return f"{ordinal}{mark}{''.join(chars)}"


@st.composite
def mutated_headings(draw):
    return [draw(mutated_heading(k)) for k in range(len(SECTIONS))]


def _report(headings: list[str], flat: bool) -> str:
    text = render("2021", values_for("2021", 2), layout="pipes")
    for spec, heading in zip(SECTIONS, headings):
        text = text.replace(spec.heading, heading, 1)
    return one_line(text, "") if flat else text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_headings(), st.booleans())
def test_mutated_headings_still_find_their_sections(headings, flat):
    text = _report(headings, flat)
    sections = find_sections(text)
    assert sorted(sections) == sorted(s.number for s in SECTIONS), [h for h in headings]
    for spec, heading in zip(SECTIONS, headings):
        assert sections[spec.number].span[0] == text.index(heading), (spec.number, heading)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_headings())
def test_tables_are_read_under_mutated_headings(headings):
    values = values_for("2021", 2)
    report = parse_text(_report(headings, flat=True))
    assert report.tables["t4"].values() == [values["t4"]]
    assert report.tables["t2"].values() == values["t2"]


def test_other_words_are_not_a_heading():
    words = normalize_label("政府信息公开行政复议、行政诉讼情况")
    assert heading_distance(words, normalize_label("结转下年度继续办理"))[0] > max_edits(words)
    assert heading_distance(words, normalize_label("政府信息公开行政法复议、行政诉讼情况"))[0] == 1


_HEADING_CHARS = "".join(sorted(set("".join(normalize_label(s.heading) for s in SECTIONS)))) + _FILLER


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SECTIONS), st.text(_HEADING_CHARS, max_size=40), st.data())
def test_the_character_count_bound_never_exceeds_the_alignment(spec, text, data):
    """_fewest_edits lets find_sections skip the alignment of a line far from a heading: it must
    be a lower bound of the edits the alignment finds, for texts near the heading and far."""
    words = normalize_label(spec.heading.split("、", 1)[1])
    near = data.draw(st.sampled_from([text, words[: len(text) % (len(words) + 1)] + text, words + text]))
    assert _fewest_edits(words, near) <= heading_distance(words, near)[0]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_headings(), st.sets(st.integers(0, len(SECTIONS) - 1), min_size=1), st.sampled_from(["pipes", "spaces"]))
def test_a_heading_line_running_on_into_its_body_opens_the_body_after_its_words(headings, joined, layout):
    """A heading whose line goes on with the section's text (a page or paragraph kept as one
    line): the body starts after the heading's words, so a table begun on that line is read."""
    values = values_for("2021", 2)
    lines = render("2021", values, layout=layout).split("\n")
    for spec, heading in zip(SECTIONS, headings):
        at = lines.index(spec.heading)
        lines[at] = heading
        if SECTIONS.index(spec) in joined:  # the heading, its sentence and (a table's section) its first row
            k = 3 if spec.number in "二三四" else 2
            lines[at : at + k] = [" ".join(lines[at : at + k])]
    text = "\n".join(lines)
    sections = find_sections(text)
    for spec, heading in zip(SECTIONS, headings):
        section = sections[spec.number]
        assert section.span[0] == text.index(heading) and section.body_start <= text.index(heading) + len(heading) + 2
    report = parse_text(text)
    assert report.tables["t4"].values() == [values["t4"]]
    assert report.tables["t2"].values() == values["t2"]
    assert report.tables["t3"].values() == values["t3"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_headings(), st.sampled_from(["pipes", "spaces"]))
def test_a_table_row_numbered_like_a_section_before_its_heading_on_one_line_is_no_heading(headings, layout):
    """表三's last row (四、结转下年度继续办理 …) and section 四's heading after it on one line (a
    page kept as one line): the row starts no section, the heading after it does."""
    values = values_for("2021", 2)
    lines = render("2021", values, layout=layout).split("\n")
    for spec, heading in zip(SECTIONS, headings):
        lines[lines.index(spec.heading)] = heading
    four = lines.index(headings[3])
    row = next(i for i in range(four - 1, 0, -1) if lines[i].strip())  # 表三's last row
    assert lines[row].lstrip(" |").startswith("四、结转下年度继续办理")
    lines[row : four + 2] = [" ".join(lines[row : four + 2])]
    text = "\n".join(lines)
    assert find_sections(text)["四"].span[0] == text.index(headings[3])
    report = parse_text(text)
    assert report.tables["t3"].values() == values["t3"]
    assert report.tables["t4"].values() == [values["t4"]]
