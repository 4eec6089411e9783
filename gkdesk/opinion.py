"""审核意见: the reviewer's words back to the agency, and a draft made from the open findings.

The draft says each problem as the form names it ("表三 （七）总计·自然人 为 41，按各办理结果之和
应为 42，请核实。"): the first sentence of the finding's message, which the checks already word
in the form's terms, then what the agency should do. Dismissed findings are left out.
"""
from __future__ import annotations

from typing import Iterable

from .decisions import decision_for
from .findings import ERROR, WARNING, Finding
from .model import Report

_ASK = "请核实"


def problem_sentence(finding: Finding) -> str:
    """The finding as one request: its first sentence, then 请核实."""
    text = finding.message.strip()
    first = text.split("。", 1)[0].strip().rstrip("，；;,. ")
    return f"{first}，{_ASK}。" if first else ""


def draft_opinion(report: Report, findings: Iterable[Finding]) -> str:
    """A draft 审核意见 from the findings not dismissed: errors first, one numbered line each."""
    kept = [f for f in findings if f.severity in (ERROR, WARNING) and not _dismissed(report, f)]
    kept.sort(key=lambda f: f.severity != ERROR)
    lines: list[str] = []
    for f in kept:
        sentence = problem_sentence(f)
        if sentence and sentence not in lines:
            lines.append(sentence)
    agency = report.agency or "贵单位"
    year = f"{report.year}年" if report.year else ""
    if not lines:
        return f"经审核，{agency}{year}政府信息公开工作年度报告未发现需要核实的问题。"
    head = f"经审核，{agency}{year}政府信息公开工作年度报告有以下 {len(lines)} 处问题需要核实并修改："
    return "\n".join([head] + [f"{n}. {line}" for n, line in enumerate(lines, 1)])


def opinion_text(report: Report, findings: Iterable[Finding]) -> tuple[str, bool]:
    """The opinion to send: the reviewer's own when written, else the draft; and whether it is a draft."""
    if report.opinion.strip():
        return report.opinion, False
    return draft_opinion(report, findings), True


def _dismissed(report: Report, finding: Finding) -> bool:
    decision = decision_for(report, finding)
    return decision is not None and decision.dismissed
