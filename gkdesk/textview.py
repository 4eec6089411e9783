"""Plain-text rendering of a report's tables for the terminal (`gkdesk extract`)."""
from __future__ import annotations

from .model import Report
from .numbers import format_number
from .schema import row_display

BLANK = "（空）"


def _fmt(value) -> str:
    return format_number(value, blank=BLANK)


def format_tables(report: Report) -> str:
    lines = [
        f"文件：{report.source_path}",
        f"单位：{report.agency or '（未识别）'}  年度：{report.year or '（未识别）'}  "
        f"格式：{report.format or '（未识别）'}  编码：{report.encoding}",
    ]
    for table_id in ("t2", "t3", "t4"):
        table = report.tables.get(table_id)
        if table is None:
            continue
        spec = table.spec
        lines.append(f"\n{spec.number} {spec.title}")
        if table_id == "t4":
            for c, col in enumerate(spec.columns):
                lines.append(f"  {'·'.join(col.header_path)}: {_fmt(report.value(('t4', 0, c)))}")
            continue
        for r, row in enumerate(spec.rows):
            cols = spec.row_columns(r)
            values = "  ".join(
                f"{col.short or col.label}={_fmt(report.value((table_id, r, c)))}" for c, col in enumerate(cols)
            )
            lines.append(f"  {row_display(row)}: {values}")
    for note in report.notes:
        lines.append(f"注意：{note.message}")
    return "\n".join(lines)
