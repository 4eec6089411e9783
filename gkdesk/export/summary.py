"""The batch summary a district's office needs: every agency's numbers and the district total.

Sheets: 汇总表二/汇总表三/汇总表四 (the sums in the official layout, with what was left
out of which rows), 各单位数据 (one row per report, every table cell a column headed by
the official labels), 说明.

Built from SummaryRows (gkdesk.export.summary_rows: each report's values and finding counts,
not the report) into a write-only workbook whose rows go to the file as they are made, so
the memory a summary needs does not grow with the thousands of reports in its rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..findings import Finding
from ..model import CHANGED_AFTER_REVIEW, REVIEWED, Report, _user_name
from ..form_layout import form_layout
from ..schema import FORMATS, TABLE_IDS, TableSpec, row_display, table_spec
from ..atomic import save_workbook
from ..errors import ExportError
from .marker import KIND_SUMMARY, write_marker
from .names import format_name, report_format_name, review_status_name
from .sheet import StreamingSheetBuilder, Styles, cell_rows_sheet, draw_form, info_sheet, print_setup, section_heading
from .summary_rows import SummaryRow, live_findings, summary_row
from .totals import CellKey, TableTotal, cell_key, table_totals
from .widths import column_widths

DATA_SHEET, INFO_SHEET = "各单位数据", "说明"
TOTAL_SHEETS = {"t2": "汇总表二", "t3": "汇总表三", "t4": "汇总表四"}
FIXED_COLUMNS = (
    ("序号", 6),
    ("单位", 24),
    ("年度", 7),
    ("格式", 12),
    ("审核状态", 9),
    ("错误数", 7),
    ("警告数", 7),
    ("修改数", 7),
    ("来源文件", 28),
)
HEADER_ROWS = 3
# The printable per-table sheets name the report only (the rest is on 各单位数据).
PRINT_FIXED_COLUMNS = (("序号", 5), ("单位", 20), ("年度", 6))
PRINT_SHEETS = {"t2": "各单位表二", "t3": "各单位表三", "t4": "各单位表四"}
NAMES_SHOWN = 20  # reports named in a remark before "等"


def export_summary(
    reports: list[Report],
    path: str | Path,
    findings: list[list[Finding] | None] | None = None,
    title: str | None = None,
    skipped: list[tuple[str, str]] | tuple = (),
    overwrite: bool = True,
    sources: list[str] | None = None,
    repeated: list[str] | tuple = (),
) -> Path:
    """Write the summary workbook of `reports` to `path` (atomically, like export_report).

    findings: per report (same order) its findings, or None to run the checks when available.
    skipped: (file, reason) of inputs that could not be read, listed in 说明.
    sources: per report the file it was opened from (default: its source_path); for a report
    reopened from a workbook that is the workbook, not the text the agency started from.
    repeated: warnings about reports of an agency and year met twice (counted once), listed in 说明.
    Raises ExportError when there is no report, like export_report otherwise.
    """
    if not reports:
        raise ExportError("没有可汇总的报告。", "no reports to summarize")
    rows = summary_rows(reports, findings)
    sources = list(sources) if sources is not None else [r.source_path for r in reports]
    return export_summary_rows(rows, path, title, skipped, overwrite, sources, repeated)


def export_summary_rows(
    rows: list[SummaryRow],
    path: str | Path,
    title: str | None = None,
    skipped=(),
    overwrite: bool = True,
    sources: list[str] | None = None,
    repeated=(),
) -> Path:
    """export_summary of reports already reduced to their SummaryRows (a batch's workers send
    those, not the reports)."""
    if not rows:
        raise ExportError("没有可汇总的报告。", "no reports to summarize")
    workbook = build_summary_workbook(rows, title, skipped, sources=sources, repeated=repeated)
    return save_workbook(workbook, path, overwrite=overwrite)


def summary_rows(reports: list[Report], findings: list[list[Finding] | None] | None = None) -> list[SummaryRow]:
    """Per report its SummaryRow; findings as export_summary takes them."""
    return [
        summary_row(report, live_findings(report, findings[i] if findings is not None else None, findings is not None))
        for i, report in enumerate(reports)
    ]


def summary_title(reports) -> str:
    years = sorted({r.year for r in reports if r.year})
    span = ""
    if len(years) == 1:
        span = f"{years[0]}年度"
    elif years:
        span = f"{years[0]}—{years[-1]}年度"
    return f"政府信息公开工作年度报告汇总（{span}{'，' if span else ''}共{len(reports)}份报告）"


def build_summary_workbook(rows: list[SummaryRow], title=None, skipped=(), now: datetime | None = None, sources=None, repeated=()):
    """The summary as a write-only workbook (its sheets are written as they are built; save it once)."""
    from openpyxl import Workbook

    now = now or datetime.now()
    reports = list(rows)
    title = title or summary_title(reports)
    counts = [r.counts for r in reports]
    workbook = Workbook(write_only=True)
    styles = Styles()
    for table_id in TABLE_IDS:
        _total_sheet(cell_rows_sheet(workbook, TOTAL_SHEETS[table_id]), styles, reports, table_id, title)
    sources = list(sources) if sources is not None else [r.source_path for r in reports]
    _data_sheet(cell_rows_sheet(workbook, DATA_SHEET), styles, reports, counts, sources)
    for table_id in TABLE_IDS:  # the same data, one table a sheet, set up for printing
        _data_sheet(cell_rows_sheet(workbook, PRINT_SHEETS[table_id]), styles, reports, counts, sources, table_id)
    _info_sheet(cell_rows_sheet(workbook, INFO_SHEET), styles, reports, counts, list(skipped), now, list(repeated))
    write_marker(workbook, KIND_SUMMARY, __version__)
    props = workbook.properties
    props.title = title
    props.creator = props.lastModifiedBy = _user_name() or "gkdesk"
    props.keywords = "gkdesk"
    return workbook


def _broken_rows(reports: list[SummaryRow], table_id: str, indices) -> dict[str, list[int]]:
    """{row label: reports} of the rows of `table_id` in a relation that does not hold."""
    out: dict[str, list[int]] = {}
    for i in indices:
        table = reports[i].tables.get(table_id)
        if table is None:
            continue
        for r in table.broken_rows:
            row = table.spec.rows[r]
            label = row_display(row) if row.label else table.spec.number
            if i not in out.setdefault(label, []):
                out[label].append(i)
    return out


def report_name(reports: list[SummaryRow], i: int) -> str:
    report = reports[i]
    name = report.agency or Path(report.source_path).name or "（未识别单位）"
    return f"{name}（{report.year}年）" if report.year else name


def _names(reports, indices) -> str:
    shown = "、".join(report_name(reports, i) for i in indices[:NAMES_SHOWN])
    return shown + (f"等{len(indices)}份" if len(indices) > NAMES_SHOWN else "")


# ------------------------------------------------------------ district totals


def _total_remarks(total: TableTotal, reports: list[SummaryRow]) -> list[str]:
    spec = total.spec
    lines = [
        f"本表{'按' + format_name(spec.version) if spec.version else ''}汇总 {len(total.counted)} 份报告的{spec.number}"
        "（审核修改后的数值；空白按 0 计，各报告均为空白的单元格保留空白）。"
    ]
    if total.without_table:
        lines.append(f"未识别到{spec.number}、未计入的报告（{len(total.without_table)}份）：{_names(reports, total.without_table)}。")
    if total.other_version:
        lines.append(f"{spec.number}为其他格式、另行汇总的报告（{len(total.other_version)}份）：{_names(reports, total.other_version)}。")
    by_reports: dict[tuple[int, ...], list[int]] = {}
    for row, indices in sorted(total.left_out.items()):
        by_reports.setdefault(tuple(indices), []).append(row)
    for indices, rows in by_reports.items():
        labels = "；".join(row_display(spec.rows[r]) for r in rows)
        lines.append(f"以下行未计入 {len(indices)} 份报告（其{spec.number}没有这些行）：{labels}。未计入的报告：{_names(reports, list(indices))}。")
    by_rows: dict[tuple[str, ...], list[int]] = {}
    for i, labels in total.unplaced.items():
        by_rows.setdefault(tuple(labels), []).append(i)
    for labels, indices in by_rows.items():
        lines.append(
            f"{_names(reports, indices)}的{spec.number}中，{'；'.join(labels)} 在本表中没有对应行，其数值未计入任何分项，"
            "因此本表各分项之和可能与总计不一致。"
        )
    for label, indices in _broken_rows(reports, spec.id, total.counted).items():
        lines.append(f"注意：“{label}”的合计含有勾稽关系不成立的报告（{len(indices)}份）：{_names(reports, indices)}。")
    return lines


def _total_sheet(ws, styles: Styles, reports: list[SummaryRow], table_id: str, title: str) -> None:
    blocks = table_totals(reports, table_id)
    layouts = [form_layout(b.spec) for b in blocks]
    width = max(l.column_count for l in layouts)
    each = [column_widths(b.spec) for b in blocks]
    widths = [max(w[c] if c < len(w) else 0 for w in each) for c in range(width)]
    builder = StreamingSheetBuilder(ws, styles, widths)
    builder.text(1, 1, title, styles.title, cols=width)
    builder.text(2, 1, section_heading(table_id), styles.heading, cols=width)
    row = 3
    first_header = None
    for block, layout in zip(blocks, layouts):
        if len(blocks) > 1:
            builder.text(row, 1, f"{format_name(block.spec.version)}（{len(block.counted)}份报告）", styles.heading, cols=width)
            row += 1
        else:
            builder.fix_height(row, 6.0)
            row += 1
        if first_header is None:
            first_header = row
        row = draw_form(builder, layout, row, 1, block.value)
        for remark in _total_remarks(block, reports):
            builder.text(row, 1, remark, styles.remark, cols=width)
            row += 1
        row += 1
    layout = layouts[0]
    header = (first_header, first_header + layout.header_rows - 1) if layout.header_rows and len(blocks) == 1 else None
    freeze = f"A{first_header + layout.header_rows}" if len(blocks) == 1 else "A3"
    print_setup(ws, sum(widths), header, freeze)  # before the rows: a write-only sheet writes its settings first
    builder.finish()


# ------------------------------------------------------------ one row per report


@dataclass(frozen=True)
class DataColumn:
    table_id: str
    key: CellKey
    table_head: str  # 表三 收到和处理政府信息公开申请情况
    row_head: str  # （三）不予公开 1.属于国家秘密 / 行政诉讼·复议后起诉
    column_head: str  # 自然人 / 结果维持
    versions: frozenset  # format versions that have this cell


def _specs_for(reports: list[SummaryRow], table_id: str) -> list[TableSpec]:
    versions = {r.tables[table_id].spec.version for r in reports if table_id in r.tables}
    if not versions:
        fallback = [r.format for r in reports if r.format] or [FORMATS[0]]
        versions = {max(set(fallback), key=fallback.count)}
    ordered = [v for v in FORMATS + ("",) if v in versions]
    return [table_spec(v or FORMATS[0], table_id) for v in ordered]


def data_columns(reports: list[SummaryRow]) -> list[DataColumn]:
    """Every cell of 表二/表三/表四 the batch's formats have, in the official order.

    Cells of one version only are inserted after their predecessor in that version's order,
    so a 2019 （六）其他处理 column sits where 2019 has it.
    """
    out: list[DataColumn] = []
    for table_id in TABLE_IDS:
        specs = _specs_for(reports, table_id)
        merged: list[CellKey] = []
        where: dict[CellKey, tuple[TableSpec, int, int]] = {}
        versions: dict[CellKey, set] = {}
        for spec in specs:
            previous = None
            for _, r, c in spec.addresses():
                key = cell_key(spec, r, c)
                versions.setdefault(key, set()).add(spec.version)
                if key not in where:
                    where[key] = (spec, r, c)
                    at = merged.index(previous) + 1 if previous in where and previous in merged else len(merged)
                    merged.insert(at, key)
                previous = key
        all_versions = {s.version for s in specs}
        for key in merged:
            spec, r, c = where[key]
            row = spec.rows[r]
            column = spec.row_columns(r)[c]
            if row.label:
                row_head, column_head = row_display(row), column.short or column.label
            else:  # 表四: the column's groups, then its own label
                row_head, column_head = "·".join(column.header_path[:-1]), column.header_path[-1]
            only = versions[key]
            if only != all_versions:
                row_head += "（仅" + "、".join(format_name(v) for v in sorted(only, reverse=True)) + "）"
            out.append(DataColumn(table_id, key, f"{spec.number} {spec.title}", row_head, column_head, frozenset(only)))
    return out


def _data_sheet(ws, styles: Styles, reports: list[SummaryRow], counts, sources: list[str], table_id: str | None = None) -> None:
    """One row per report; every cell a column, or (table_id) the cells of one table, for print.

    The sheet's settings first, then the header, then each report's row as it is made."""
    columns = [c for c in data_columns(reports) if table_id is None or c.table_id == table_id]
    fixed_columns = FIXED_COLUMNS if table_id is None else PRINT_FIXED_COLUMNS
    names = [name for name, _ in fixed_columns]
    fixed = len(fixed_columns)
    widths = [w for _, w in fixed_columns] + [9.5 if table_id is None else 7.5] * len(columns)
    builder = StreamingSheetBuilder(ws, styles, widths)
    _data_sheet_setup(ws, fixed, len(columns), len(reports), table_id)
    for col, (name, _) in enumerate(fixed_columns, start=1):
        builder.text(1, col, name, styles.column_head, rows=HEADER_ROWS)
    _header_runs(builder, columns, fixed, styles)
    builder.write_rows(HEADER_ROWS)
    index = {(col.table_id, col.key): fixed + 1 + n for n, col in enumerate(columns)}
    placed: dict[int, list[tuple[int, int, int, object]]] = {}  # id(spec) -> its cells' (r, c, column, style)

    def cells_of(tid: str, spec) -> list[tuple[int, int, int, object]]:
        found = placed.get(id(spec))
        if found is None:
            found = placed[id(spec)] = [
                (r, c, index[(tid, cell_key(spec, r, c))], styles.for_kind(spec.row_columns(r)[c].kind))
                for _, r, c in spec.addresses()
                if (tid, cell_key(spec, r, c)) in index
            ]
        return found

    text_names = ("单位", "来源文件")
    absent = (None, styles.absent)
    for i, report in enumerate(reports):
        row = HEADER_ROWS + 1 + i
        count = counts[i]
        every = dict(zip((name for name, _ in FIXED_COLUMNS), [
            i + 1,
            report.agency or "（未识别）",
            report.year,
            report_format_name(report),
            review_status_name(report.review_status),
            count[0] if count else None,
            count[1] if count else None,
            len(report.corrections),
            sources[i],
        ]))
        for col, name in enumerate(names, start=1):
            builder.value(row, col, every[name], styles.text if name in text_names else styles.text_center)
        # this report's cells, column by column; a cell it has not is grey, unlike a blank it left
        cells = [absent] * len(columns)
        for tid in TABLE_IDS:
            table = report.tables.get(tid)
            if table is None or (table_id is not None and tid != table_id):
                continue
            values = table.values
            for r, c, col, style in cells_of(tid, table.spec):
                cells[col - fixed - 1] = (values[r][c], style)
        builder.values(row, fixed + 1, cells)
        builder.write_rows(row)
    builder.finish()


def _data_sheet_setup(ws, fixed: int, columns: int, reports: int, table_id: str | None) -> None:
    """Filter, print and frozen panes of a data sheet (set before its rows are written)."""
    from openpyxl.utils import get_column_letter

    last = get_column_letter(fixed + columns)
    ws.auto_filter.ref = f"A{HEADER_ROWS}:{last}{HEADER_ROWS + reports}"
    print_setup(ws, 200, (1, HEADER_ROWS), f"{get_column_letter(3)}{HEADER_ROWS + 1}")
    ws.page_setup.orientation = "landscape"
    if table_id is not None:
        # One table's columns: across as few pages as stay readable (about 30 columns a page).
        ws.page_setup.fitToWidth = max(1, -(-columns // 30))
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_cols = "A:C"
        return
    ws.page_setup.fitToWidth = 0  # hundreds of columns: print across pages, not shrunk to nothing
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_cols = "A:B"  # every printed page says which agency a row is


def _header_runs(builder: StreamingSheetBuilder, columns: list[DataColumn], fixed: int, styles: Styles) -> None:
    """Three header rows: the table, the row (or column group), the column; equal runs merged."""
    levels = (
        lambda col: (col.table_id, col.table_head),
        lambda col: (col.table_id, col.row_head),
        lambda col: (col.table_id, col.row_head, col.column_head),
    )
    texts = (lambda col: col.table_head, lambda col: col.row_head, lambda col: col.column_head)
    for level, (key, text) in enumerate(zip(levels, texts)):
        start = 0
        while start < len(columns):
            end = start
            while end + 1 < len(columns) and key(columns[end + 1]) == key(columns[start]) and (
                level == 0 or levels[level - 1](columns[end + 1]) == levels[level - 1](columns[start])
            ):
                end += 1
            # a table's title merges over dozens of columns: left-aligned it stays in view
            style = styles.label if level == 0 else styles.header
            builder.text(level + 1, fixed + 1 + start, text(columns[start]), style, cols=end - start + 1)
            start = end + 1


# ------------------------------------------------------------ 说明


def _info_sheet(ws, styles: Styles, reports, counts, skipped, now: datetime, repeated=()) -> None:
    formats = {}
    for report in reports:
        name = report_format_name(report)
        formats[name] = formats.get(name, 0) + 1
    unchecked = sum(1 for c in counts if c is None)
    reviewed = sum(1 for r in reports if r.review_status == REVIEWED)
    changed = sum(1 for r in reports if r.review_status == CHANGED_AFTER_REVIEW)
    rows = [
        ("报告数", f"{len(reports)} 份"),
        ("格式", "；".join(f"{k} {v} 份" for k, v in formats.items()) or "无"),
        ("审核状态", f"已复核 {reviewed} 份，修改后待复核 {changed} 份，未复核 {len(reports) - reviewed - changed} 份"),
        ("检查", "全部已检查" if not unchecked else f"{unchecked} 份报告未运行检查，其错误数、警告数为空"),
        ("未能读取的文件", "\n".join(f"{p}：{m}" for p, m in skipped) or "无"),
        ("重复的报告", "\n".join(repeated) or "无"),
        ("汇总时间", now.strftime("%Y-%m-%d %H:%M:%S")),
        ("汇总人", _user_name() or "（未知）"),
        ("gkdesk 版本", __version__),
        (
            "说明",
            "各汇总表为全部报告审核修改后数值之和，按各报告共有的行相加，未计入的报告与行在表下注明。"
            "各单位数据表中，空白单元格表示报告未填写（不是 0）；灰色单元格表示该报告的格式没有此项，或报告中未识别到该表。",
        ),
    ]
    info_sheet(ws, styles, rows, (18, 80))


# ------------------------------------------------------------ a batch of files


@dataclass
class SummaryBatch:
    """What a summary counts of a batch of files: each agency and year once, in input order."""

    rows: list[SummaryRow]
    sources: list[str]  # per row the file it was read from
    skipped: list[tuple[str, str]]  # (file, reason) of the files that could not be read
    repeated: list[str]  # warnings: reports of one agency and year met twice (counted once)

    def write(self, path: str | Path, overwrite: bool = True, title: str | None = None) -> Path:
        return export_summary_rows(self.rows, path, title, self.skipped, overwrite, self.sources, self.repeated)


def summary_batch(read) -> SummaryBatch:
    """The SummaryBatch of `read`: per file, in input order, (file, its SummaryRow or None,
    the reason it could not be read) — the command line's workers and the window's queue both."""
    from ..batch_inputs import one_per_agency_year

    rows, sources, skipped = [], [], []
    for path, row, error in read:
        if row is None:
            skipped.append((path, error))
            continue
        rows.append(row)
        sources.append(path)
    keep, repeated = one_per_agency_year(rows, sources)
    return SummaryBatch([rows[i] for i in keep], [sources[i] for i in keep], skipped, repeated)
