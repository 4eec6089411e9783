"""Make report texts for tests: any values, any format version, several extracted layouts.

The labels come from the schema, so the texts are what a converter would make of an official form.
"""
from __future__ import annotations

from gkdesk.schema import SECTIONS, T4, table_spec


def values_for(version: str, seed: int = 1) -> dict:
    """Consistent tables (every relation holds) with varied numbers."""
    t2 = [[(seed * (r + 3) + c) % 9 for c, _ in enumerate(table_spec(version, "t2").row_columns(r))]
          for r in range(len(table_spec(version, "t2").rows))]
    spec3 = table_spec(version, "t3")
    leaves = [r for r, row in enumerate(spec3.rows) if row.result_leaf]
    t3 = [[0] * 7 for _ in spec3.rows]
    for k, r in enumerate(leaves):
        for c in range(6):
            t3[r][c] = (seed + k * 3 + c * 5) % 7 if c in (0, 1, 4) else 0
    total_row = len(spec3.rows) - 2
    for c in range(6):
        t3[total_row][c] = sum(t3[r][c] for r in leaves)
        t3[total_row + 1][c] = c % 2  # 结转下年度
        t3[1][c] = 1 if c == 0 else 0  # 上年结转
        t3[0][c] = t3[total_row][c] + t3[total_row + 1][c] - t3[1][c]
    for row in t3:
        row[6] = sum(row[:6])
    t4 = []
    for g in range(3):
        part = [seed % 3, g, 0, 1]
        t4 += part + [sum(part)]
    return {"t2": t2, "t3": t3, "t4": t4}


def _fmt(v) -> str:
    return "" if v is None else str(v)


def render(version: str, values: dict, layout: str = "tabs", year: int | None = None,
           agency: str = "测试区数据局", narrative: dict | None = None, labels: dict | None = None,
           tables_after: bool = False) -> str:
    """A whole report. layout: tabs | pipes | cells | spaces | closed_lines. labels: (table id, row) -> the row
    label to print instead of the form's (a document's misprint). tables_after: the tables after
    all the sections, as a converter writing a document's paragraphs and then its tables does."""
    year = year or (2023 if version == "2021" else 2020)
    narrative = narrative or {}
    out = [agency, f"{year}年政府信息公开工作年度报告", ""]
    tables = {
        "二": _t2(version, values["t2"], layout, labels or {}),
        "三": _t3(version, values["t3"], layout, labels or {}),
        "四": _t4(values["t4"], layout),
    }
    for sec in SECTIONS:
        out.append(sec.heading)
        out.append(narrative.get(sec.number, f"{year}年，本机关认真做好相关工作。"))
        if sec.number in tables and not tables_after:
            out += tables[sec.number]
        out.append("")
    if tables_after:
        for table in tables.values():
            out += table + [""]
    return "\n".join(out) + "\n"


def _row(cells: list[str], layout: str) -> list[str]:
    if layout == "tabs":
        return ["\t".join(cells)]
    if layout == "pipes":
        return [" | ".join(cells) + " |"]
    if layout == "cells":
        return ["\t" + c for c in cells] + [""]
    if layout == "spaces":
        return ["    ".join(c if c else " " for c in cells)]
    if layout == "closed_lines":  # a cell per line closed by " |", blank "|", then a spanning cell's "||"
        return [f"{c} |" if c else "|" for c in cells] + ["||"]
    raise ValueError(layout)


def _t2(version, rows, layout, labels=None):
    spec = table_spec(version, "t2")
    out, last_group = [], None
    for r, row in enumerate(spec.rows):
        cols = spec.row_columns(r)
        if row.path != last_group:
            out += _row([row.path[0]], layout)
            out += _row(["信息内容"] + [c.label for c in cols], layout)
            last_group = row.path
        out += _row([(labels or {}).get(("t2", r), row.label)] + [_fmt(v) for v in rows[r]], layout)
    return out


def _t3(version, rows, layout, labels=None):
    spec = table_spec(version, "t3")
    out = _row([spec.note, "申请人情况"], layout)
    out += _row(["自然人", "法人或其他组织", "总计"], layout)
    out += _row([c.short or c.label for c in spec.columns[1:6]], layout)
    for r, row in enumerate(spec.rows):
        label = (labels or {}).get(("t3", r), row.label)
        out += _row(list(row.path[-1:]) + [label] + [_fmt(v) for v in rows[r]], layout)
    return out


def _t4(values, layout):
    out = _row(["行政复议", "行政诉讼"], layout)
    out += _row(["未经复议直接起诉", "复议后起诉"], layout)
    out += _row([c.label for c in T4.columns], layout)
    out += _row([_fmt(v) for v in values], layout)
    return out
