"""Tables a converter dropped, leaving only their title and a placeholder ('[TABLE]', pandoc
plain): no cell of them is claimed, not even as blank; the table is reported missing."""
import re

from gkdesk.parsing import parse_text
from report_factory import render, values_for


def _drop_table_bodies(text: str) -> str:
    """Sections 三 and 四 reduced to a sentence, the table's title and a placeholder."""
    text = re.sub(
        r"(三、收到和处理政府信息公开申请情况\n).*?(?=\n四、政府信息公开行政复议)",
        r"\1本年度共收到政府信息公开申请191件，上年结转1件，办结189件。\n\n表三 收到和处理政府信息公开申请情况\n\n[TABLE]\n",
        text,
        flags=re.S,
    )
    return re.sub(
        r"(四、政府信息公开行政复议、行政诉讼情况\n).*?(?=\n五、)",
        r"\1本年度被申请行政复议2件。\n\n表四 政府信息公开行政复议、行政诉讼情况\n\n[TABLE]\n",
        text,
        flags=re.S,
    )


def test_placeholder_tables_are_missing_not_blank():
    values = values_for("2021", seed=3)
    text = _drop_table_bodies(render("2021", values, "tabs"))
    assert "[TABLE]" in text and "（七）总计" not in text and "结果维持" not in text
    report = parse_text(text, "utf-8", None)
    assert [[c.value for c in row] for row in report.tables["t2"].cells] == values["t2"]
    assert "t3" not in report.tables and "t4" not in report.tables
    messages = [n.message for n in report.notes]
    assert "未找到表三" in messages and "未找到表四" in messages


def test_t4_with_its_column_header_but_no_values_is_still_a_table_of_blanks():
    values = values_for("2021", seed=3)
    text = render("2021", values, "tabs")
    body = re.search(r"四、政府信息公开行政复议、行政诉讼情况\n(.*?)\n五、", text, flags=re.S).group(1)
    header_only = "\n".join(line for line in body.split("\n") if not re.search(r"\d", line))
    assert "结果维持" in header_only
    report = parse_text(text.replace(body, header_only), "utf-8", None)
    assert [c.value for c in report.tables["t4"].cells[0]] == [None] * 15
