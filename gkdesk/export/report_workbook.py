"""One report's workbook: 表二/表三/表四 as the official form, 校验结果, 修改记录, 说明."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..findings import ERROR, WARNING, Finding
from ..model import Correction, Report, _user_name
from ..schema import FORMATS, TABLE_IDS, format_spec, table_spec
from ..form_layout import form_layout
from ..atomic import save_workbook
from .marker import KIND_REPORT, write_marker
from .names import (
    KIND_NAMES,
    SEVERITY_NAMES,
    cell_label,
    format_name,
    report_format_name,
    report_title,
    review_status_name,
)
from .payload import report_to_data
from .sheet import SheetBuilder, Styles, draw_form, info_sheet, print_setup, section_heading, title_rows
from .widths import column_widths

TABLE_SHEETS = {"t2": "表二", "t3": "表三", "t4": "表四"}
FINDINGS_SHEET, CORRECTIONS_SHEET, INFO_SHEET = "校验结果", "修改记录", "说明"
BLANK_TEXT = "（空白）"


def resolve_findings(report: Report, findings) -> tuple[list[Finding], bool]:
    """The findings to show and whether the report was checked at all.

    Given findings are used as they are; otherwise the checks engine runs if installed.
    """
    if findings is not None:
        return list(findings), True
    try:
        from ..checks import check_report
    except ImportError:  # the checks engine is not part of this installation
        return [], False
    return list(check_report(report)), True


def export_report(report: Report, path: str | Path, findings: list[Finding] | None = None, overwrite: bool = True) -> Path:
    """Write `report` (with its corrections) to `path` as a workbook in the official layout.

    findings: the remaining findings to list (None: run the checks, when available).
    overwrite: False raises TargetExistsError when `path` exists (the window asks first).
    Raises ExportError / TargetLockedError with a Chinese message; the target is never half written.
    """
    workbook = build_report_workbook(report, findings)
    return save_workbook(workbook, path, overwrite=overwrite)


def build_report_workbook(report: Report, findings: list[Finding] | None = None, now: datetime | None = None):
    from openpyxl import Workbook

    now = now or datetime.now()
    findings, checked = resolve_findings(report, findings)
    workbook = Workbook()
    workbook.remove(workbook.active)
    styles = Styles()
    positions = {}
    for table_id in TABLE_IDS:
        ws = workbook.create_sheet(TABLE_SHEETS[table_id])
        cells = _table_sheet(ws, styles, report, table_id)
        if cells is not None:
            positions[table_id] = {"sheet": ws.title, "cells": cells}
    _findings_sheet(workbook.create_sheet(FINDINGS_SHEET), styles, report, findings, checked)
    _corrections_sheet(workbook.create_sheet(CORRECTIONS_SHEET), styles, report)
    _info_sheet(workbook.create_sheet(INFO_SHEET), styles, report, findings, checked, now)
    payload = {"report": report_to_data(report), "positions": positions, "exported": now.isoformat(timespec="seconds")}
    write_marker(workbook, KIND_REPORT, __version__, payload)
    props = workbook.properties
    props.title = report_title(report)
    props.creator = props.lastModifiedBy = _user_name() or "gkdesk"
    props.keywords = "gkdesk"
    props.description = f"gkdesk {__version__}"
    return workbook


def _report_spec(report: Report, table_id: str):
    return report.spec_for(table_id) or table_spec(report.format or FORMATS[0], table_id)


def _table_sheet(ws, styles: Styles, report: Report, table_id: str):
    """Draw one table; returns the value cells' (row, column) in address order, or None if absent."""
    table = report.tables.get(table_id)
    spec = table.spec if table is not None else _report_spec(report, table_id)
    layout = form_layout(spec)
    widths = column_widths(spec)
    builder = SheetBuilder(ws, styles, widths)
    top = title_rows(builder, report_title(report), section_heading(table_id), layout.column_count)
    below = draw_form(builder, layout, top, 1, report.value, present=table is not None)
    remarks = []
    if table is None:
        remarks.append(f"注：报告中未识别到{spec.number}，表中数值为空。")
    elif table.missing_rows:
        rows = "、".join(spec.rows[r].label for r in table.missing_rows if r < len(spec.rows))
        remarks.append(f"注：报告中未识别到以下行：{rows}。")
    for offset, remark in enumerate(remarks, start=1):
        builder.text(below + offset, 1, remark, styles.remark, cols=layout.column_count)
    builder.finish()
    width_units = sum(widths)
    header = (top, top + layout.header_rows - 1) if layout.header_rows else None
    from openpyxl.utils import get_column_letter

    freeze = f"{get_column_letter(layout.label_columns + 1)}{top + layout.header_rows}"
    print_setup(ws, width_units, header, freeze)
    if table is None:
        return None
    return [[top + row, 1 + col] for row, col in map(layout.position, spec.addresses())]


# ------------------------------------------------------------ findings and corrections


def _list_sheet(ws, styles: Styles, headings: list[tuple[str, float]]) -> SheetBuilder:
    builder = SheetBuilder(ws, styles, [w for _, w in headings])
    for col, (name, _) in enumerate(headings, start=1):
        builder.text(1, col, name, styles.column_head)
    ws.freeze_panes = "A2"
    return builder


def _excerpt(report: Report, span) -> str:
    if not span:
        return ""
    text = re.sub(r"\s+", " ", report.text[span[0] : span[1]]).strip()
    return text if len(text) <= 150 else text[:150] + "…"


def _findings_sheet(ws, styles: Styles, report: Report, findings: list[Finding], checked: bool) -> None:
    headings = [("序号", 6), ("严重程度", 9), ("类别", 9), ("规则", 24), ("问题说明", 48), ("涉及单元格", 36), ("应为", 8), ("原文", 40)]
    builder = _list_sheet(ws, styles, headings)
    if not checked:
        builder.text(2, 1, "未运行检查（本机未安装检查模块）。", styles.text, cols=len(headings))
    elif not findings:
        builder.text(2, 1, "未发现问题。", styles.text, cols=len(headings))
    for i, finding in enumerate(findings, start=1):
        row = i + 1
        values = [
            i,
            SEVERITY_NAMES.get(finding.severity, finding.severity),
            KIND_NAMES.get(finding.kind, finding.kind),
            finding.rule,
            finding.message,
            "\n".join(cell_label(report, a) for a in finding.cells),
            finding.expected,
            _excerpt(report, finding.span),
        ]
        for col, value in enumerate(values, start=1):
            style = styles.text_center if col in (1, 2, 3, 7) else styles.text
            builder.value(row, col, value, style)
    builder.finish()
    print_setup(ws, sum(w for _, w in headings), (1, 1), "A2")


def _correction_states(report: Report, entries: list[Correction]) -> list[str]:
    """Per entry of the audit trail: in force, reverted, or replaced by a later change."""
    last = {tuple(c.addr): i for i, c in enumerate(entries)}
    states = []
    for i, corr in enumerate(entries):
        addr = tuple(corr.addr)
        if last[addr] != i:
            states.append("已被后续修改取代")
        elif addr in report.corrections:
            states.append("有效")
        else:
            states.append("已恢复为识别值")
    return states


def _corrections_sheet(ws, styles: Styles, report: Report) -> None:
    headings = [("序号", 6), ("单元格", 44), ("识别值", 10), ("修改为", 10), ("修改时间", 20), ("修改人", 12), ("状态", 16)]
    builder = _list_sheet(ws, styles, headings)
    entries = report.history or list(report.corrections.values())
    if not entries:
        builder.text(2, 1, "没有修改。", styles.text, cols=len(headings))
    states = _correction_states(report, entries)
    for i, corr in enumerate(entries, start=1):
        values = [
            i,
            cell_label(report, corr.addr),
            BLANK_TEXT if corr.extracted is None else corr.extracted,
            BLANK_TEXT if corr.value is None else corr.value,
            corr.time.replace("T", " "),
            corr.user,
            states[i - 1],
        ]
        for col, value in enumerate(values, start=1):
            builder.value(i + 1, col, value, styles.text if col == 2 else styles.text_center)
    builder.finish()
    print_setup(ws, sum(w for _, w in headings), (1, 1), "A2")


def _info_sheet(ws, styles: Styles, report: Report, findings, checked: bool, now: datetime) -> None:
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    notice = format_spec(report.format).notice if report.format in FORMATS else ""
    rows = [
        ("单位", report.agency or "（未识别）"),
        ("年度", report.year),
        ("报告格式", report_format_name(report) + (f"（{notice}）" if notice else "")),
        ("审核状态", review_status_name(report.review_status)),
        ("检查结果", f"{errors} 个错误，{warnings} 个警告" if checked else "未运行检查"),
        ("修改", f"{len(report.corrections)} 个单元格已修改（修改记录 {len(report.history)} 条）"),
        ("来源文件", report.source_path or "（无）"),
        ("文件编码", report.encoding),
        ("导出时间", now.strftime("%Y-%m-%d %H:%M:%S")),
        ("导出人", _user_name() or "（未知）"),
        ("gkdesk 版本", __version__),
        ("识别提示", "\n".join(n.message for n in report.notes) or "无"),
        ("说明", "表中数值为审核修改后的数值；空白单元格表示报告未填写（不是 0）。"
         "本工作簿含隐藏的 gkdesk 数据（报告原文、识别结果与修改记录），用 gkdesk 可重新打开继续审核。"),
    ]
    info_sheet(ws, styles, rows, (16, 70))


__all__ = ["export_report", "build_report_workbook", "resolve_findings", "TABLE_SHEETS", "format_name"]
