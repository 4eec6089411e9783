"""How the window words the official form and the findings, in the UI language.

The core names cells and words findings in Chinese (gkdesk.messages). Here the same names and
messages are put together from translated pieces: the form's words in context "schema", the
message templates in context "findings" (both in resources/i18n/*.ts, written by
scripts/build_translations.py from the schema and the message catalogue). In Chinese every
piece translates to itself, so the window shows exactly what the CLI shows.
"""
from __future__ import annotations

from ..checks.naming import cell_ref
from ..findings import Finding
from ..messages import render
from ..model import Report
from ..numbers import format_number
from .i18n import translate
from .textpos import line_of

SCHEMA_CONTEXT = "schema"
FINDINGS_CONTEXT = "findings"

__all__ = ["blank_word", "cell_name", "finding_location", "finding_text", "schema_text", "shown_number"]


def schema_text(text: str) -> str:
    """A text of the official form (a label, title, heading) in the UI language."""
    return translate(SCHEMA_CONTEXT, text) if text else ""


def _template(text: str) -> str:
    return translate(FINDINGS_CONTEXT, text)


def cell_name(report: Report, addr) -> str:
    """A cell as the form names it (表三 （七）总计·自然人), in the UI language."""
    return render(cell_ref(report, addr), _template, schema_text)


def finding_text(finding: Finding) -> str:
    """A finding's message in the UI language (a message without a catalogue key as it is)."""
    return render(finding.structured(), _template, schema_text)


def blank_word() -> str:
    """What a message calls a blank cell (空白)."""
    return render(None, _template, schema_text)


def shown_number(value) -> str:
    """A value in a sentence: its digits, or the word for blank."""
    return format_number(value, blank=blank_word())


def finding_location(report: Report, finding: Finding, line=None) -> str:
    """Where a finding is: its first cell (and how many more), else the line of its text.

    `line(offset)`: the line number of a text offset (TextPositions.line_of, made once per
    report); by default the breaks before the offset are counted."""
    cells = [tuple(c) for c in finding.cells]
    if cells:
        first = cell_name(report, cells[0]) if cells[0][0] in report.tables else str(cells[0])
        if len(cells) > 1:
            return translate("Names", "%1 等 %2 格").replace("%1", first).replace("%2", str(len(cells)))
        return first
    if finding.span is not None:
        return translate("Names", "第 %1 行").replace("%1", str(line(finding.span[0]) if line else line_of(report.text, finding.span[0])))
    return ""
