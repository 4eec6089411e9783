"""Tables printed after all the sections (parsing/sections.table_printed_after): a converter that
writes a document's paragraphs and then its tables (python-docx's `paragraphs`, then its
`tables`) leaves each section its heading and narrative, and the three tables at the end. Each
is read where it stands, also when its section's or a later section's narrative uses one of its
header words (其中自然人申请5件), and its values stay those of the form."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from gkdesk.parsing import parse_text
from report_factory import render, values_for


@settings(max_examples=30, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 60),
       layout=st.sampled_from(["tabs", "pipes", "cells", "spaces"]), cue_in_narrative=st.booleans())
def test_tables_after_the_sections_are_read_where_they_stand(version, seed, layout, cue_in_narrative):
    values = values_for(version, seed)
    cue = "本年共收到政府信息公开申请若干件，其中自然人申请5件，法人或其他组织申请2件。"
    # In its own section, and in a later one before the tables (a sentence is no table's line).
    narrative = {"三": cue, "五": cue} if cue_in_narrative else {}
    report = parse_text(render(version, values, layout, narrative=narrative, tables_after=True))
    for table_id in ("t2", "t3", "t4"):
        assert table_id in report.tables, table_id
    assert report.tables["t2"].values() == values["t2"]
    assert report.tables["t3"].values() == values["t3"]
    assert report.tables["t4"].values() == [values["t4"]]


def test_a_table_in_its_section_is_read_there_as_before():
    values = values_for("2021", 7)
    report = parse_text(render("2021", values, "tabs"))
    assert report.tables["t3"].values() == values["t3"]
    section = report.sections["三"]
    start, end = report.tables["t3"].span
    assert section.span[0] <= start and end <= section.span[1]
