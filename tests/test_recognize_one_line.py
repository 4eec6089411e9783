"""A whole report on one line (an HTML page's text joined with spaces): each table's header
words run straight into its first row's label, which is still that row."""
import re

from gkdesk.parsing import parse_text
from gkdesk.parsing.tables import _is_header_prefix
from gkdesk.schema import normalize_label, table_spec
from report_factory import render, values_for


def _one_line(text: str) -> str:
    return re.sub(r"[\t\n ]+", " ", text).strip()


def test_report_on_one_line_keeps_every_first_row():
    for version in ("2021", "2019"):
        values = values_for(version, seed=3)
        report = parse_text(_one_line(render(version, values, "tabs")), "utf-8", None)
        for table_id in ("t2", "t3"):
            assert [[c.value for c in row] for row in report.tables[table_id].cells] == values[table_id]
        assert [c.value for c in report.tables["t4"].cells[0]] == values["t4"]


def test_sentence_text_before_an_anchor_is_not_a_header():
    spec = table_spec("2021", "t3")
    assert _is_header_prefix(normalize_label("去年没有结转。申请人情况 自然人 法人或其他组织 总计"), spec)
    assert not _is_header_prefix(normalize_label("全年共收到申请，其中"), spec)
    assert not _is_header_prefix(normalize_label("申请人情况。本机关在报告期内的"), spec)
