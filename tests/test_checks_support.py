"""Builders shared by the checks tests: consistent reports from a few numbers, and corpus paths.

(No tests here; the name keeps it beside the tests it serves.)
"""
from __future__ import annotations

from pathlib import Path

from gkdesk.model import Cell, Report, Table
from gkdesk.parsing import parse_text
from gkdesk.schema import T3_TOTAL_COLUMN, table_spec

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEN = SHARED / "corpus" / "gen"
SEEDS = SHARED / "seeds"

T2_2021 = [[0, 0, 5], [1, 0, 3], [12], [4], [0], [0.5]]
T2_2019 = [[0, 1, 5], [1, 2, 3], [10, -2, 12], [3, 0, 1], [5, 1, 4], [0, 0, 0], [2, -1], [3, 12.5]]

DEFAULT_TEXT = """某某局2023年政府信息公开工作年度报告
本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
本局认真做好政府信息公开工作。
二、主动公开政府信息情况
本局按要求主动公开政府信息。
三、收到和处理政府信息公开申请情况
本局依法办理政府信息公开申请。
四、政府信息公开行政复议、行政诉讼情况
详见下表。
五、存在的主要问题及改进情况
信息公开的及时性有待提高。
六、其他需要报告的事项
无。
"""


def t3_values(version="2021", received=(3, 1, 0, 0, 0, 0), carried_in=(1, 0, 0, 0, 0, 0), carried_over=(0,) * 6):
    """A consistent 表三: every result in （一）予以公开, totals filled in."""
    spec = table_spec(version, "t3")
    rows = [[0] * 7 for _ in spec.rows]
    total_row = spec.row_index("（七）总计")
    carry_row = spec.row_index("四、结转下年度继续办理")
    for c in range(6):
        rows[0][c] = received[c]
        rows[1][c] = carried_in[c]
        rows[carry_row][c] = carried_over[c]
        done = received[c] + carried_in[c] - carried_over[c]
        rows[2][c] = done
        rows[total_row][c] = done
    for row in rows:
        row[T3_TOTAL_COLUMN] = sum(row[:6])
    return rows


def t4_values(review=(1, 0, 0, 0), direct=(0, 0, 0, 0), after=(0, 0, 0, 0)):
    out = []
    for group in (review, direct, after):
        out += list(group) + [sum(group)]
    return out


def make_report(
    text: str = DEFAULT_TEXT,
    version: str = "2021",
    year: int | None = 2023,
    t2=None,
    t3=None,
    t4=None,
    tables=("t2", "t3", "t4"),
) -> Report:
    """A report whose sections and metadata come from `text` and whose tables hold the values given."""
    report = parse_text(text)
    report.tables = {}
    values = {
        "t2": t2 if t2 is not None else (T2_2021 if version == "2021" else T2_2019),
        "t3": t3 if t3 is not None else t3_values(version),
        "t4": [t4 if t4 is not None else t4_values()],
    }
    for table_id in tables:
        spec = table_spec(version, table_id)
        table = Table.blank(spec)
        for r, row in enumerate(values[table_id]):
            table.cells[r] = [Cell(v, "" if v is None else str(v)) for v in row]
        report.tables[table_id] = table
    report.format = version
    report.year = year
    report.notes = []
    return report


HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def document(sentence: str, section: str = "三", year: int = 2023) -> str:
    """A report text with the six official headings and `sentence` as the body of `section`."""
    lines = [f"某某局{year}年政府信息公开工作年度报告"]
    for number, heading in HEADINGS.items():
        lines.append(heading)
        lines.append(sentence if number == section else "本局认真做好相关工作。")
    return "\n".join(lines) + "\n"
