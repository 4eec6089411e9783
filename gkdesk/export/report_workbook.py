"""One report's workbook: 表二/表三/表四 as the official form, 校验结果, 已排除的问题, 审核意见, 修改记录, 说明.

Cells a finding names are filled (error / warning colour) and carry the finding's message as a
comment, so the workbook shows what the window shows."""
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
from .form_pages import table_remarks
from .payload import report_to_data
from ..verification import CORRECTED, INFERRED, STATE_LABELS, VERIFIED, cell_state
from .sheet import SheetBuilder, Styles, draw_form, info_sheet, print_setup, section_heading, title_rows
from .widths import column_widths

TABLE_SHEETS = {"t2": "表二", "t3": "表三", "t4": "表四"}
FINDINGS_SHEET, CORRECTIONS_SHEET, INFO_SHEET = "校验结果", "修改记录", "说明"
DISMISSED_SHEET, OPINION_SHEET = "已排除的问题", "审核意见"
BLANK_TEXT = "（空白）"
# Fills of the cells findings name: the window's error and warning tints.
PROBLEM_FILLS = {ERROR: "F8C9C4", WARNING: "FCE8B2"}


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


def export_report(
    report: Report,
    path: str | Path,
    findings: list[Finding] | None = None,
    overwrite: bool = True,
    ignored_corrections: int = 0,
) -> Path:
    """Write `report` (with its corrections) to `path` as a workbook in the official layout.

    findings: the findings to list (None: run the checks, when available); those the reviewer
    dismissed (report.decisions) go to their own sheet, out of the counts.
    overwrite: False raises TargetExistsError when `path` exists (the window asks first).
    ignored_corrections: how many saved corrections were left out on purpose (--ignore-corrections).
    Raises ExportError / TargetLockedError with a Chinese message; the target is never half written.
    """
    workbook = build_report_workbook(report, findings, ignored_corrections=ignored_corrections)
    return save_workbook(workbook, path, overwrite=overwrite)


def build_report_workbook(
    report: Report, findings: list[Finding] | None = None, now: datetime | None = None, ignored_corrections: int = 0
):
    from openpyxl import Workbook

    from ..decisions import decision_for

    now = now or datetime.now()
    every, checked = resolve_findings(report, findings)
    decided = [(f, decision_for(report, f)) for f in every]
    findings = [f for f, d in decided if d is None or not d.dismissed]
    dismissed = [(f, d) for f, d in decided if d is not None and d.dismissed]
    workbook = Workbook()
    workbook.remove(workbook.active)
    styles = Styles()
    positions = {}
    for table_id in TABLE_IDS:
        ws = workbook.create_sheet(TABLE_SHEETS[table_id])
        cells = _table_sheet(ws, styles, report, table_id)
        if cells is not None:
            positions[table_id] = {"sheet": ws.title, "cells": cells}
            _mark_problems(ws, report, table_id, cells, findings)
            _mark_states(ws, report, table_id, cells)
    _findings_sheet(workbook.create_sheet(FINDINGS_SHEET), styles, report, findings, checked, {id(f): d for f, d in decided})
    _dismissed_sheet(workbook.create_sheet(DISMISSED_SHEET), styles, report, dismissed)
    _opinion_sheet(workbook.create_sheet(OPINION_SHEET), styles, report, findings)
    _corrections_sheet(workbook.create_sheet(CORRECTIONS_SHEET), styles, report)
    _verified_sheet(workbook.create_sheet(VERIFIED_SHEET), styles, report)
    _info_sheet(workbook.create_sheet(INFO_SHEET), styles, report, findings, checked, now, len(dismissed), ignored_corrections)
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
    remarks = table_remarks(report, table_id)  # the printed pages say the same (form_pages)
    for offset, remark in enumerate(remarks, start=1):
        builder.text(below + offset, 1, remark, styles.remark, cols=layout.column_count)
    builder.finish()
    if table is not None:
        # One unmerged cell whose text runs on to the right: a legend, not part of the form.
        legend = ws.cell(row=below + len(remarks) + 1, column=1, value=STATE_LEGEND)
        styles.apply(legend, styles.remark)
        from copy import copy

        alignment = copy(legend.alignment)
        alignment.wrap_text = False
        legend.alignment = alignment
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


def _mark_problems(ws, report: Report, table_id: str, cells: list, findings: list[Finding]) -> None:
    """Fill the cells findings name (the worst severity's colour) and comment them with the messages."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    where = dict(zip(report.tables[table_id].spec.addresses(), cells))
    worst: dict = {}
    said: dict = {}
    for f in findings:
        if f.severity not in PROBLEM_FILLS:
            continue  # an info finding is not a problem
        for addr in dict.fromkeys(tuple(c) for c in f.cells):
            if addr not in where:
                continue
            if worst.get(addr) != ERROR:
                worst[addr] = f.severity
            said.setdefault(addr, []).append(f"【{SEVERITY_NAMES.get(f.severity, f.severity)}】{rule_name(f)}：{f.message}")
    for addr, severity in worst.items():
        row, col = where[addr]
        cell = ws.cell(row=row, column=col)
        colour = PROBLEM_FILLS[severity]
        cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
        text = "\n".join(said[addr])
        text = text if len(text) <= 2000 else text[:2000] + "…"
        comment = Comment(text, "gkdesk")
        comment.width, comment.height = 360, min(60 + 18 * text.count("\n") + len(text) // 2, 480)
        cell.comment = comment


def rule_name(finding: Finding) -> str:
    """The rule's Chinese title; a rule without one is named by its kind (never its internal id)."""
    try:
        from ..checks.rules import rule_title
    except ImportError:  # the checks engine is not part of this installation
        rule_title = None
    title = rule_title(finding.rule) if rule_title else finding.rule
    return title if title != finding.rule else KIND_NAMES.get(finding.kind, "其他")


def _decision_text(decision) -> str:
    if decision is None:
        return ""
    note = f"：{decision.note}" if decision.note else ""
    return f"{decision.reason}{note}（{decision.user or '审核人'} {decision.time.replace('T', ' ')}）"


def _findings_sheet(ws, styles: Styles, report: Report, findings: list[Finding], checked: bool, decisions=None) -> None:
    decisions = decisions or {}
    headings = [("序号", 6), ("严重程度", 9), ("类别", 9), ("规则", 24), ("问题说明", 48), ("涉及单元格", 36), ("应为", 8), ("原文", 40), ("审核处理", 24)]
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
            rule_name(finding),
            finding.message,
            "\n".join(cell_label(report, a) for a in finding.cells),
            finding.expected,
            _excerpt(report, finding.span),
            _decision_text(decisions.get(id(finding))),
        ]
        for col, value in enumerate(values, start=1):
            style = styles.text_center if col in (1, 2, 3, 7) else styles.text
            builder.value(row, col, value, style)
    builder.finish()
    print_setup(ws, sum(w for _, w in headings), (1, 1), "A2")


def _dismissed_sheet(ws, styles: Styles, report: Report, dismissed: list) -> None:
    """The findings the reviewer dismissed (原文如此 / 不适用), with their notes: out of the counts, kept on record."""
    headings = [("序号", 6), ("严重程度", 9), ("规则", 24), ("问题说明", 48), ("处理", 10), ("审核说明", 36), ("处理人", 12), ("处理时间", 20)]
    builder = _list_sheet(ws, styles, headings)
    if not dismissed:
        builder.text(2, 1, "没有已排除的问题。", styles.text, cols=len(headings))
    for i, (finding, decision) in enumerate(dismissed, start=1):
        values = [
            i,
            SEVERITY_NAMES.get(finding.severity, finding.severity),
            rule_name(finding),
            finding.message,
            decision.reason,
            decision.note,
            decision.user,
            decision.time.replace("T", " "),
        ]
        for col, value in enumerate(values, start=1):
            builder.value(i + 1, col, value, styles.text if col in (3, 4, 6) else styles.text_center)
    builder.finish()
    print_setup(ws, sum(w for _, w in headings), (1, 1), "A2")


def _opinion_sheet(ws, styles: Styles, report: Report, findings: list[Finding]) -> None:
    """审核意见: the reviewer's text, or the draft made from the open findings (said so)."""
    from ..opinion import opinion_text

    text, draft = opinion_text(report, findings)
    builder = SheetBuilder(ws, styles, [90])
    builder.text(1, 1, report_title(report) + " 审核意见", styles.column_head)
    builder.text(2, 1, text, styles.text)
    if draft:
        builder.text(3, 1, "（审核人尚未填写审核意见，以上为 gkdesk 根据未排除的问题生成的草稿。）", styles.remark)
    builder.finish()
    print_setup(ws, 90, None, None)


# How a value's origin shows in the table sheets: read in place (plain), inferred and not yet
# verified, verified against the original by the reviewer, corrected by the reviewer.
STATE_FONTS = {INFERRED: ("B45F06", True, False), VERIFIED: ("38761D", False, False), CORRECTED: ("1F4E79", False, True)}
STATE_LEGEND = (
    "图例：黑字 = 在原文该处识别；橙色斜体 = 推定或把握不大（未在原文该处读出，尚未核对）；"
    "绿字 = 审核人员已对照原文核对；蓝色粗体 = 审核人员修改。"
)
VERIFIED_SHEET = "数值核对"


def _mark_states(ws, report: Report, table_id: str, cells: list) -> None:
    """Each value's state in its font, so verified and corrected values stay distinct."""
    from copy import copy

    for addr, (row, col) in zip(report.tables[table_id].spec.addresses(), cells):
        look = STATE_FONTS.get(cell_state(report, addr))
        if look is None:
            continue
        cell = ws.cell(row=row, column=col)
        font = copy(cell.font)
        font.color, font.italic, font.bold = look[0], look[1], look[2] or bool(font.bold)
        cell.font = font


def _verified_sheet(ws, styles: Styles, report: Report) -> None:
    headings = [("序号", 6), ("单元格", 44), ("核对的数值", 12), ("核对时间", 20), ("核对人", 12), ("现状", 16)]
    builder = _list_sheet(ws, styles, headings)
    entries = list(report.verified.values())
    if not entries:
        builder.text(2, 1, "没有核对记录。", styles.text, cols=len(headings))
    for i, v in enumerate(entries, start=1):
        state = cell_state(report, v.addr)
        values = [
            i,
            cell_label(report, v.addr),
            BLANK_TEXT if v.value is None else v.value,
            v.time.replace("T", " "),
            v.user,
            STATE_LABELS.get(state, state) if state != VERIFIED else "有效",
        ]
        for col, value in enumerate(values, start=1):
            builder.value(i + 1, col, value, styles.text if col == 2 else styles.text_center)
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


def values_statement(report: Report, ignored_corrections: int = 0) -> str:
    """Which values the tables hold: the reviewer's, or the recognized ones (and why)."""
    if ignored_corrections:
        return f"表中数值为识别值，未包含审核时保存的 {ignored_corrections} 处修改（导出时选择了忽略修改）。"
    if report.corrections:
        return f"表中数值为审核修改后的数值（{len(report.corrections)} 个单元格已修改，见“修改记录”）。"
    return "表中数值为识别值（审核中没有修改）。"


def _info_sheet(
    ws, styles: Styles, report: Report, findings, checked: bool, now: datetime, dismissed: int = 0, ignored: int = 0
) -> None:
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    excluded = f"（另有 {dismissed} 条已由审核人排除，见“{DISMISSED_SHEET}”）" if dismissed else ""
    notice = format_spec(report.format).notice if report.format in FORMATS else ""
    rows = [
        ("单位", report.agency or "（未识别）"),
        ("年度", report.year),
        ("报告格式", report_format_name(report) + (f"（{notice}）" if notice else "")),
        ("审核状态", review_status_name(report.review_status)),
        ("检查结果", f"{errors} 个错误，{warnings} 个警告{excluded}" if checked else "未运行检查"),
        ("数值", values_statement(report, ignored)),
        ("修改", f"{len(report.corrections)} 个单元格已修改（修改记录 {len(report.history)} 条）"),
        ("来源文件", report.source_path or "（无）"),
        ("文件编码", report.encoding),
        ("导出时间", now.strftime("%Y-%m-%d %H:%M:%S")),
        ("导出人", _user_name() or "（未知）"),
        ("gkdesk 版本", __version__),
        ("识别提示", "\n".join(n.message for n in report.notes) or "无"),
        ("说明", "空白单元格表示报告未填写（不是 0）；有问题的单元格以颜色标出（红色为错误，黄色为警告），批注中写明问题。"
         "本工作簿含隐藏的 gkdesk 数据（报告原文、识别结果与修改记录），用 gkdesk 可重新打开继续审核。"),
    ]
    info_sheet(ws, styles, rows, (16, 70))


__all__ = ["export_report", "build_report_workbook", "resolve_findings", "TABLE_SHEETS", "format_name"]
