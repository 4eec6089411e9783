"""Findings as plain text for the terminal (`gkdesk check`)."""
from __future__ import annotations

from ..findings import ERROR, STRUCTURE, Finding
from ..model import Report
from .naming import cell_name, join_names
from .rules import rule_title, severity_title


def format_findings(report: Report, findings: list[Finding], label: str = "") -> str:
    """One block per file: a heading, one entry per finding, and a count."""
    lines = [f"文件：{label or report.source_path}"]
    head = [f"单位：{report.agency or '（未识别）'}", f"年度：{report.year or '（未识别）'}"]
    if report.format:
        head.append(f"格式：{report.format}")
    lines.append("  ".join(head))
    if not findings:
        lines.append("未发现问题。")
        return "\n".join(lines)
    from ..decisions import decision_for

    dismissed = 0
    for n, f in enumerate(findings, 1):
        where = f"（原文第 {_line_of(report.text, f.span[0])} 行）" if f.span else ""
        decision = decision_for(report, f)
        said = ""
        if decision is not None:
            said = f"〔{decision.reason}{'：' + decision.note if decision.note else ''}〕"
            dismissed += decision.dismissed
        lines.append(f"{n}. [{severity_title(f.severity)}] {rule_title(f.rule)}{where}{said}")
        lines.append(f"   {f.message}")
        if f.kind != STRUCTURE and len(f.cells) > 1:  # structure messages list their cells
            lines.append("   涉及单元格：" + join_names([cell_name(report, a) for a in f.cells]))
    errors = sum(f.severity == ERROR for f in findings)
    tail = f"，其中 {dismissed} 条已由审核人排除" if dismissed else ""
    lines.append(f"共 {len(findings)} 条：错误 {errors} 条，警告 {len(findings) - errors} 条{tail}。")
    return "\n".join(lines)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
