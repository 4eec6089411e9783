"""Recognition of the three tables in every layout, both versions, and odd cell contents."""
import pytest

from gkdesk.parsing import parse_text
from report_factory import render, values_for

LAYOUTS = ["tabs", "pipes", "cells", "spaces"]


def _as_truth(report):
    out = report.to_json()
    return {k: out[k] for k in ("t2", "t3", "t4")}


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_reads_exactly(version, layout):
    values = values_for(version, seed=3)
    report = parse_text(render(version, values, layout))
    assert report.format == version
    assert _as_truth(report) == values
    assert not report.notes


def test_format_version_comes_from_the_table_not_the_year():
    values = values_for("2019")
    report = parse_text(render("2019", values, "tabs", year=2023))
    assert report.format == "2019"
    assert report.year == 2023


def test_every_value_keeps_its_span():
    values = values_for("2021", seed=5)
    text = render("2021", values, "tabs")
    report = parse_text(text)
    for table in report.tables.values():
        for row in table.cells:
            for cell in row:
                assert cell.span is not None
                assert text[cell.span[0]:cell.span[1]] == cell.raw


def test_full_width_digits_thousands_decimals_units_and_null_marks():
    values = values_for("2021")
    text = render("2021", values, "tabs")
    text = text.replace("行政许可\t" + str(values["t2"][2][0]), "行政许可\t１，２３４")
    text = text.replace("行政事业性收费\t" + str(values["t2"][5][0]), "行政事业性收费\t12.5万元")
    text = text.replace("规章\t" + "\t".join(map(str, values["t2"][0])), "规章\t/\t—\t无")
    report = parse_text(text)
    t2 = report.to_json()["t2"]
    assert t2[2] == [1234]
    assert t2[5] == [12.5]
    assert t2[0] == [None, None, None]


def test_blank_cells_stay_blank_not_zero():
    values = values_for("2021")
    values["t3"][5] = [0, None, None, None, None, None, 0]
    report = parse_text(render("2021", values, "tabs"))
    assert report.to_json()["t3"][5] == [0, None, None, None, None, None, 0]


def test_mixed_versions_keep_each_tables_rows():
    v21, v19 = values_for("2021"), values_for("2019")
    text = render("2021", v21, "tabs")
    start = text.index("三、收到和处理")
    end = text.index("四、政府信息公开行政复议")
    text19 = render("2019", v19, "tabs")
    part19 = text19[text19.index("三、收到和处理"):text19.index("四、政府信息公开行政复议")]
    report = parse_text(text[:start] + part19 + text[end:])
    assert report.format == "2021"  # the version of 表二
    assert report.tables["t3"].version == "2019"
    assert report.to_json()["t3"] == v19["t3"]


def test_narrative_numbers_before_a_table_are_not_values():
    values = values_for("2021")
    text = render("2021", values, "tabs", narrative={"三": "本年度共收到政府信息公开申请99件，办结98件。"})
    assert parse_text(text).to_json()["t3"] == values["t3"]


def test_traditional_characters_are_read():
    from gkdesk.traditional import TO_SIMPLIFIED

    to_trad = {s: t for t, s in TO_SIMPLIFIED.items()}
    values = values_for("2021", seed=4)
    text = "".join(to_trad.get(ch, ch) for ch in render("2021", values, "pipes"))
    assert "公開" in text and "申請" in text  # really traditional
    report = parse_text(text)
    assert report.format == "2021"
    assert _as_truth(report) == values


def test_traditional_forms_used_only_in_phrases_are_read():
    """OpenCC writes 复 as 複 in 重複 and 複議, and as 覆 in 答覆: each alone converts to 復."""
    values = values_for("2021", seed=5)
    text = render("2021", values, "tabs")
    for simplified, traditional in (("重复申请", "重複申請"), ("行政复议", "行政複議"), ("答复", "答覆")):
        text = text.replace(simplified, traditional)
    assert "重複申請" in text and "行政複議" in text
    report = parse_text(text)
    assert _as_truth(report) == values


def test_zeros_that_cannot_be_placed_all_show_zero_marked_inferred():
    values = values_for("2021")
    text = render("2021", values, "tabs")
    row = "三、本年度办理结果\t（一）予以公开\t" + "\t".join(map(str, values["t3"][2]))
    assert row in text
    values["t3"][2] = [0, 0, 0, 0, 0, 0, 0]
    # The row as PDF text without positions: two zeros separated by single spaces.
    report = parse_text(text.replace(row, "（一）予以公开 0 0"))
    cells = report.tables["t3"].cells[2]
    assert [c.value for c in cells] == [0] * 7
    assert all(c.inferred and c.confidence < 0.5 for c in cells)
    assert sum(1 for c in cells if c.span) == 2  # only what was read has a source span
