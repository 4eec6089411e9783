"""Helpers for the export tests: reports built straight from truth-shaped values, workbook reading."""
from __future__ import annotations

import json
from pathlib import Path

from gkdesk.model import Cell, ParseNote, Report, Table
from gkdesk.schema import table_spec

from conftest import SHARED


def table_version(table_id: str, rows: list | None, report_format: str) -> str:
    """The version of a table as the truth has it (a 23-row 表三 is the 2019 one, whatever the format)."""
    if table_id == "t3" and rows is not None:
        return "2019" if len(rows) == 23 else "2021"
    return report_format


def report_from_values(values: dict, text: str = "", source_path: str = "truth.json") -> Report:
    """A Report whose recognized tables are `values` (truth-format shape: t4 a flat list, null blank)."""
    report = Report(
        text=text or f"{values.get('agency', '')}{values.get('year', '')}年政府信息公开工作年度报告\n",
        source_path=source_path,
        format=values["format"],
        year=values.get("year"),
        agency=values.get("agency", ""),
    )
    for table_id in ("t2", "t3", "t4"):
        rows = values.get(table_id)
        if rows is None:
            continue
        spec = table_spec(table_version(table_id, rows, values["format"]), table_id)
        grid = [rows] if table_id == "t4" else rows
        report.tables[table_id] = Table(spec, [[Cell(v, raw="" if v is None else str(v)) for v in row] for row in grid])
    return report


def corpus_truths() -> list[tuple[str, dict]]:
    """One truth per document id over the whole shared corpus (gen, originals and seeds)."""
    seen: dict[str, tuple[str, dict]] = {}
    for path in sorted((SHARED / "corpus").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not {"format", "t2", "t3", "t4"} <= data.keys():
            continue
        seen.setdefault(path.stem, (str(path), data))
    return list(seen.values())


def sample_values(version: str) -> dict:
    """Varied values: blanks, zeros, a negative 本年增/减, decimal amounts."""
    t2 = {
        "2021": [[1, 0, 12], [None, 3, 40], [17], [0], [None], [12.345]],
        "2019": [[1, 2, 3], [4, 5, 6], [7, -2, 9], [10, 0, 12], [None, 1, 2], [3, 4, 5], [6, -1], [2, 1234.56]],
    }[version]
    rows = 25 if version == "2021" else 23
    t3 = [[(r * 7 + c) % 11 if (r + c) % 5 != 4 else None for c in range(7)] for r in range(rows)]
    t4 = [0, 1, 2, None, 3, 4, 0, 0, 0, 4, 1, 1, 1, 1, 4]
    agency = "测试区数据局" if version == "2021" else "样例县审计局"
    return {"format": version, "year": 2023 if version == "2021" else 2020, "agency": agency, "t2": t2, "t3": t3, "t4": t4}


def sample_report(version: str) -> Report:
    report = report_from_values(
        sample_values(version),
        text="测试报告原文\x0c第二页\n表三 一、本年新收 5 件\n",  # a form feed, as pdftotext writes
        source_path=f"C:\\报告\\sample-{version}.txt",
    )
    report.encoding = "gb18030"
    report.title_span = (0, 6)
    report.notes.append(ParseNote("row_missing", "示例提示：某行未识别。", "t3", 3, (1, 4)))
    report.set_value(("t3", 0, 0), 99, user="张三")
    report.set_value(("t2", 0, 1), None, user="李四")
    report.set_value(("t3", 0, 0), 98, user="张三")
    report.review_status = "reviewed"
    return report


def sheet_grid(ws) -> dict[tuple[int, int], object]:
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}


def test_report_from_values_keeps_blanks_and_versions():
    values = sample_values("2019")
    report = report_from_values(values)
    assert report.tables["t3"].version == "2019"
    assert report.value(("t2", 4, 0)) is None
    assert report.value(("t2", 7, 1)) == 1234.56
    assert report.current_values("t4") == values["t4"]
