"""Opening a workbook gkdesk wrote as the report it came from.

The hidden sheet restores the report exactly (text, recognized cells, corrections, review
status). Values someone changed afterwards in Excel or WPS on the visible sheets are not
dropped: they become corrections, attributed to the workbook's last editor, and a note
says so.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from ..errors import InputError, WorkbookImportError
from ..limits import MAX_WORKBOOK_PAYLOAD_CHARS, MAX_WORKBOOK_ROWS, check_zip, expansion_refused, read_file_bytes
from ..model import ParseNote, Report
from ..schema import ValueKind
from .marker import KIND_REPORT, KIND_SUMMARY, MARKER, MARKER_SHEET, PAYLOAD_VERSION
from .names import cell_label
from .payload import digest, report_from_data

EDITED_NOTE = "edited_in_workbook"
_NUMBER_TEXT = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _not_ours(path: Path) -> WorkbookImportError:
    return WorkbookImportError(
        f"“{path.name}”不是 gkdesk 导出的报告工作簿，无法作为报告打开。"
        "请打开报告的文本或 Word 文件，或打开由 gkdesk 导出的 .xlsx 文件。",
        "not a workbook written by gkdesk",
    )


def _damaged(path: Path) -> WorkbookImportError:
    return WorkbookImportError(
        f"“{path.name}”中 gkdesk 保存的报告数据已损坏或被改动，无法作为报告打开。", "gkdesk payload damaged"
    )


def import_workbook(path: str | Path) -> Report:
    """The Report a gkdesk report workbook holds; WorkbookImportError (Chinese message) otherwise."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"找不到文件：{path}", f"file not found: {path}")
    try:
        workbook = _guarded_load(path, data_only=True)
    except PermissionError:
        raise InputError(f"无法读取“{path.name}”：没有读取权限，或文件正被其他程序独占打开。", "permission denied") from None
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise WorkbookImportError(
            f"无法读取 Excel 文件“{path.name}”：文件已损坏，或不是 .xlsx 格式。", f"unreadable xlsx: {exc}"
        ) from None
    try:
        return _read(workbook, path)
    finally:
        workbook.close()  # read-only mode keeps the file open until closed (Windows locks it)


def _guarded_load(path: Path, **options):
    """openpyxl's read-only workbook, guarded as a .docx is: the file's size, then the zip's
    declared sizes, before openpyxl expands anything (it loads shared strings whole)."""
    from openpyxl import load_workbook

    data = read_file_bytes(path, "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        check_zip(zf)
    return load_workbook(io.BytesIO(data), read_only=True, **options)


def _read(workbook, path: Path) -> Report:
    if MARKER_SHEET not in workbook.sheetnames:
        raise _not_ours(path)
    sheet = workbook[MARKER_SHEET]
    # The header says how many rows the payload has; nothing beyond them is read (a sheet can
    # claim or hold millions), and a claim beyond the limit is refused before any row is read.
    first = next(sheet.iter_rows(max_row=1, max_col=6, values_only=True), ())
    header = [str(v) if v is not None else "" for v in first] + [""] * 6
    if header[0] != MARKER:
        raise _not_ours(path)
    if not header[1].isdigit() or int(header[1]) > PAYLOAD_VERSION:
        raise WorkbookImportError(
            f"“{path.name}”由更新版本的 gkdesk（{header[3]}）导出，请升级 gkdesk 后再打开。", "newer payload version"
        )
    if header[2] == KIND_SUMMARY:
        raise WorkbookImportError(
            f"“{path.name}”是 gkdesk 导出的汇总表，不是单份报告，无法作为报告打开。", "summary workbook"
        )
    if header[2] != KIND_REPORT or not header[4].isdigit():
        raise _damaged(path)
    count = int(header[4])
    if count > MAX_WORKBOOK_ROWS:
        raise expansion_refused(f"“{path.name}”中 gkdesk 数据表声明的行数", count, MAX_WORKBOOK_ROWS, "payload rows")
    rows = sheet.iter_rows(min_row=2, max_row=1 + count, max_col=1, values_only=True) if count else ()
    pieces, size = [], 0
    for r in rows:
        pieces.append(str(r[0]) if r and r[0] is not None else "")
        size += len(pieces[-1])
        if size > MAX_WORKBOOK_PAYLOAD_CHARS:
            raise expansion_refused(f"“{path.name}”中 gkdesk 数据的字符数", size, MAX_WORKBOOK_PAYLOAD_CHARS, "payload characters")
    text = "".join(pieces)
    if len(pieces) != count or digest(text) != header[5]:
        raise _damaged(path)
    try:
        # The digest tells damage from a whole payload, not gkdesk's from a forged one: what it
        # holds is still checked as it is read.
        payload = json.loads(text)
        report = report_from_data(payload["report"])
        _take_workbook_edits(workbook, report, payload.get("positions", {}))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        raise _damaged(path) from None
    return report


def _as_number(value, kind: ValueKind):
    """(ok, number or None) for what a value cell shows."""
    if value is None:
        return True, None
    if isinstance(value, bool):
        return False, None
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if not text:
            return True, None
        if not _NUMBER_TEXT.match(text):
            return False, None
        value = float(text)
    if isinstance(value, float) and value.is_integer() and kind is not ValueKind.AMOUNT:
        value = int(value)
    if isinstance(value, (int, float)):
        return True, value
    return False, None


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def _take_workbook_edits(workbook, report: Report, positions: dict) -> None:
    """Turn values changed on the visible sheets since export into corrections."""
    edits, skipped = [], []
    for table_id, where in positions.items():
        table = report.tables.get(table_id)
        if table is None or where.get("sheet") not in workbook.sheetnames:
            continue
        # Only as far as the form's cells reach: the visible sheets are not covered by the digest.
        cells = where.get("cells") or [(1, 1)]
        last_row, last_col = max(r for r, _ in cells), max(c for _, c in cells)
        grid = [list(r) for r in workbook[where["sheet"]].iter_rows(max_row=last_row, max_col=last_col, values_only=True)]
        changed, readable = [], True
        for addr, (row, col) in zip(table.spec.addresses(), where["cells"]):
            shown = grid[row - 1][col - 1] if row - 1 < len(grid) and col - 1 < len(grid[row - 1]) else None
            ok, number = _as_number(shown, table.spec.row_columns(addr[1])[addr[2]].kind)
            if not ok:
                readable = False  # the sheet was restructured or typed over: trust the saved data
                break
            if not _same(number, report.value(addr)):
                changed.append((addr, number))
        if readable:
            edits.extend(changed)
        else:
            skipped.append(table.spec.number)
    if edits:
        props = workbook.properties
        user = props.lastModifiedBy or ""
        when = props.modified.isoformat(timespec="seconds") if isinstance(props.modified, datetime) else None
        for addr, number in edits:
            report.set_value(addr, number, user=user)
            if when:
                report.history[-1].time = when
        names = "、".join(cell_label(report, a) for a, _ in edits[:5]) + ("等" if len(edits) > 5 else "")
        report.notes.append(
            ParseNote(EDITED_NOTE, f"导出后有 {len(edits)} 个单元格在 Excel/WPS 中被改动（{names}），已作为修改载入。")
        )
    if skipped:
        report.notes.append(
            ParseNote(
                EDITED_NOTE,
                f"工作簿中{'、'.join(skipped)}的格式已被改动，无法读取其中的数值，已按导出时保存的数据打开。",
            )
        )


def workbook_kind(path: str | Path) -> str | None:
    """"report" or "summary" for a workbook gkdesk wrote, None for any other (or unreadable) file."""
    try:
        workbook = _guarded_load(Path(path))
    except Exception:  # any file openpyxl cannot open (or gkdesk refuses) is simply not ours
        return None
    try:
        if MARKER_SHEET not in workbook.sheetnames:
            return None
        first = next(workbook[MARKER_SHEET].iter_rows(max_row=1, values_only=True), ())
        if len(first) >= 3 and first[0] == MARKER:
            return str(first[2])
        return None
    finally:
        workbook.close()
