"""How the window names cells and places findings, in the official form's words."""
from __future__ import annotations

from ..checks.naming import cell_name  # one naming for messages and the window
from ..findings import Finding
from ..model import Report
from .i18n import translate
from .textpos import line_of

__all__ = ["cell_name", "finding_location"]


def finding_location(report: Report, finding: Finding) -> str:
    """Where a finding is: its first cell (and how many more), else the line of its text."""
    cells = [tuple(c) for c in finding.cells]
    if cells:
        first = cell_name(report, cells[0]) if cells[0][0] in report.tables else str(cells[0])
        if len(cells) > 1:
            return translate("Names", "%1 等 %2 格").replace("%1", first).replace("%2", str(len(cells)))
        return first
    if finding.span is not None:
        return translate("Names", "第 %1 行").replace("%1", str(line_of(report.text, finding.span[0])))
    return ""
