"""How the workbook names things for people: cells as the form names them, statuses, formats."""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING
from ..model import Report
from ..schema import FORMATS, format_spec

REVIEW_STATUS_NAMES = {"": "未复核", "reviewed": "已复核", "changed_after_review": "修改后待复核"}
SEVERITY_NAMES = {ERROR: "错误", WARNING: "警告"}
KIND_NAMES = {"arithmetic": "勾稽关系", "narrative": "文字表述", "structure": "结构"}


def review_status_name(status: str) -> str:
    return REVIEW_STATUS_NAMES.get(status, status)


def format_name(version: str | None) -> str:
    return format_spec(version).name if version in FORMATS else "（未识别）"


def report_format_name(report: Report) -> str:
    """The report's format, saying so when a table follows the other version."""
    name = format_name(report.format)
    odd = sorted(
        f"{t.spec.number}为{format_name(t.version)}"
        for t in report.tables.values()
        if t.version and report.format and t.version != report.format
    )
    return name + (f"（{'，'.join(odd)}）" if odd else "")


def cell_label(report: Report, addr) -> str:
    """A cell as the official form names it, for the table version the report has."""
    table = report.tables.get(addr[0])
    version = (table.version if table is not None else "") or report.format or FORMATS[0]
    try:
        return format_spec(version).cell_name(tuple(addr))
    except (IndexError, KeyError):
        return f"{addr[0]}[{addr[1]},{addr[2]}]"


def report_title(report: Report) -> str:
    agency = report.agency or "（单位未识别）"
    year = f"{report.year}年" if report.year else "（年度未识别）"
    return f"{agency}{year}政府信息公开工作年度报告"


_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def suggested_filename(report: Report) -> str:
    """A Windows-safe file name for the report's workbook (for a save dialog)."""
    name = _UNSAFE_FILENAME.sub("_", report_title(report)).strip(" .")
    return f"{name[:120]}（审核）.xlsx"
