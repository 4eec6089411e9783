"""What must hold for ANY input: the soundness properties of a parsed report and its findings.

The property "every recognized value appears at its span", precisely:

* every non-blank value (Cell.value not None) has a span, 0 <= start < end <= len(text), unless
  the recognizer filled it in itself and says so (Cell.inferred with a note);
* the value is a finite int or float and parse_number(cell.raw) gives it;
* on one line, the text at the span reads as that number: parse_number(text[start:end]) == value,
  except for an inferred value (Cell.inferred) split from a run of digits, whose span covers the
  run: its digits occur in the digits at its span;
* across lines (a number wrapped inside one grid cell, whose fragments the tokenizer joins), the
  span runs from the first fragment to the last: the number's characters occur in order in
  text[start:end], which begins with the first and ends with the last.
"""
from __future__ import annotations

import json
import math
import unicodedata

from gkdesk.errors import GkdeskError
from gkdesk.model import Report
from gkdesk.parsing.tokens import parse_number
from gkdesk.schema import FORMATS, table_spec


def _inside(span, length: int, what: str) -> None:
    assert span is not None, what
    start, end = span
    assert 0 <= start <= end <= length, f"{what}: span {span} outside text of {length} characters"


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _digits(s: str) -> str:
    """The decimal digits of s as ASCII, read as parse_number reads them (any script's digits)."""
    return "".join(str(unicodedata.decimal(ch)) for ch in unicodedata.normalize("NFKC", s) if ch.isdecimal())


def assert_cell_sound(text: str, cell, where: str) -> None:
    if cell.span is not None:
        _inside(cell.span, len(text), where)
    if cell.value is None:
        return
    value = cell.value
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{where}: {value!r}"
    assert math.isfinite(value), f"{where}: {value!r}"
    if cell.span is None:
        # Only a value the recognizer says it filled in itself (Cell.inferred, with the reason in
        # its note: a scrambled table whose every value read is 0) stands nowhere in the text.
        assert cell.inferred and cell.note, f"{where}: value {value!r} without a span"
        return
    start, end = cell.span
    assert start < end, f"{where}: empty span for value {value!r}"
    at = text[start:end]
    assert parse_number(cell.raw) == value, f"{where}: raw {cell.raw!r} does not read as {value!r}"
    if "\n" in at:
        raw = "".join(cell.raw.split())
        assert raw and at[0] == raw[0] and at[-1] == raw[-1] and _is_subsequence(raw, at), (
            f"{where}: wrapped value {cell.raw!r} is not read from {at!r}"
        )
    elif parse_number(at) != value:
        assert cell.inferred and _digits(cell.raw) in _digits(at), (
            f"{where}: text at span {at!r} does not read as {value!r}"
        )


def assert_report_sound(report: Report, text: str) -> None:
    """The report describes `text`, every span lies inside it, every value is read at its span."""
    assert isinstance(report, Report)
    assert report.text == text
    n = len(text)
    if report.title_span is not None:
        _inside(report.title_span, n, "title")
    for number, section in report.sections.items():
        _inside(section.span, n, f"section {number}")
        assert section.span[0] <= section.body_start <= section.span[1], f"section {number}"
    for note in report.notes:
        assert note.message, note
        if note.span is not None:
            _inside(note.span, n, f"note {note.code}")
    for table_id, table in report.tables.items():
        assert table.id == table_id
        if table.span is not None:
            _inside(table.span, n, f"{table_id} span")
        assert len(table.cells) == len(table.spec.rows)
        for r, row in enumerate(table.cells):
            assert len(row) == len(table.spec.row_columns(r)), f"{table_id} row {r}"
            for c, cell in enumerate(row):
                assert_cell_sound(text, cell, f"{table_id}[{r}][{c}]")
    data = report.to_json()
    json.dumps(data, ensure_ascii=False, allow_nan=False)
    for table_id in ("t2", "t3", "t4"):
        assert (data[table_id] is None) == (table_id not in report.tables)


def assert_findings_sound(report: Report, findings) -> None:
    """Findings name cells of tables the report has, and sentence spans inside its text."""
    for finding in findings:
        assert finding.message, finding
        if finding.span is not None:
            _inside(tuple(finding.span), len(report.text), f"finding {finding.rule}")
        for addr in finding.cells:
            table = report.tables.get(addr[0])
            if table is not None:
                assert 0 <= addr[1] < len(table.cells) and 0 <= addr[2] < len(table.cells[addr[1]]), addr
            else:
                # A cell of a table the report lacks (e.g. the text contradicts itself about it):
                # still a cell of the official form.
                assert any(addr in set(table_spec(v, addr[0]).addresses()) for v in FORMATS), addr
        json.dumps(finding.to_json(), ensure_ascii=False, allow_nan=False)


def assert_clear_error(exc: BaseException) -> None:
    """A refusal the reviewer can read: a GkdeskError with a Chinese message, no traceback text."""
    assert isinstance(exc, GkdeskError), f"{type(exc).__name__}: {exc}"
    message = exc.message_zh
    assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert "Traceback" not in message


def assert_file_opens_soundly(data: bytes, name: str) -> None:
    """`data` saved as a file called `name` opens as a sound report with sound findings, or is
    refused with a clear message."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        assert_path_opens_soundly(path)


def assert_path_opens_soundly(path) -> None:
    """The file at `path` opens as a sound report with sound findings, or is refused with a
    clear message."""
    from gkdesk.checks import check_report
    from gkdesk.errors import InputError
    from gkdesk.reports import load_report

    try:
        report = load_report(path)
    except InputError as exc:
        assert_clear_error(exc)
        return
    assert_report_sound(report, report.text)
    assert_findings_sound(report, check_report(report))
