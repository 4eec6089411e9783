"""A Report as plain JSON data and back, losslessly: what a gkdesk workbook keeps hidden.

Fields are copied generically from the model's dataclasses, so a field added to the model
later is kept too; only the parts that are not plain data (table specs, tuples) are named.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import fields

from ..decisions import Decision
from ..model import Cell, Correction, ParseNote, Report, Section, Table
from ..schema import TABLE_IDS, table_spec

# Fields stored as tuples in the model (JSON only has lists).
_TUPLE_FIELDS = {"span", "addr", "title_span"}
_NESTED = {"sections", "tables", "notes", "corrections", "history", "decisions", "verified"}


def _plain(obj) -> dict:
    out = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def _build(cls, data: dict):
    names = {f.name for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in names:
            continue  # written by a newer gkdesk: ignore what this one does not know
        if key in _TUPLE_FIELDS and isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def report_to_data(report: Report) -> dict:
    data = {f.name: getattr(report, f.name) for f in fields(report) if f.name not in _NESTED}
    data["title_span"] = list(report.title_span) if report.title_span else None
    data["sections"] = {k: _plain(s) for k, s in report.sections.items()}
    data["tables"] = {
        table_id: {
            "version": table.spec.version,
            "span": list(table.span) if table.span else None,
            "complete": table.complete,
            "missing_rows": list(table.missing_rows),
            "cells": [[_plain(cell) for cell in row] for row in table.cells],
        }
        for table_id, table in report.tables.items()
    }
    data["notes"] = [_plain(n) for n in report.notes]
    data["corrections"] = [_plain(c) for c in report.corrections.values()]
    data["history"] = [_plain(c) for c in report.history]
    data["decisions"] = [d.to_json() for d in report.decisions.values()]
    data["verified"] = [v.to_json() for v in report.verified.values()]
    return data


def _spec(table_id: str, version: str, report_format: str | None):
    # 表四 is shared by both versions (its spec version is "").
    return table_spec(version or report_format or "2021", table_id)


def report_from_data(data: dict) -> Report:
    simple = {k: v for k, v in data.items() if k not in _NESTED}
    report = _build(Report, simple)
    report.sections = {k: _build(Section, v) for k, v in data.get("sections", {}).items()}
    for table_id in TABLE_IDS:
        raw = data.get("tables", {}).get(table_id)
        if raw is None:
            continue
        spec = _spec(table_id, raw["version"], report.format)
        cells = [[_build(Cell, c) for c in row] for row in raw["cells"]]
        if len(cells) != len(spec.rows) or any(len(row) != len(spec.row_columns(r)) for r, row in enumerate(cells)):
            raise ValueError(f"table {table_id} does not match its format")
        report.tables[table_id] = Table(
            spec,
            cells,
            tuple(raw["span"]) if raw.get("span") else None,
            raw.get("complete", True),
            list(raw.get("missing_rows", [])),
        )
    report.notes = [_build(ParseNote, n) for n in data.get("notes", [])]
    for note in report.notes:  # JSON made the alternatives lists; the model keeps tuples
        note.candidates = tuple(tuple(c) for c in note.candidates or ())
    report.history = [_build(Correction, c) for c in data.get("history", [])]
    # In the model a correction in force is the same object as its entry in the history.
    latest = {c.addr: c for c in report.history}
    corrections = [_build(Correction, c) for c in data.get("corrections", [])]
    report.corrections = {c.addr: latest[c.addr] if latest.get(c.addr) == c else c for c in corrections}
    decisions = [Decision.from_json(d) for d in data.get("decisions", [])]
    report.decisions = {d.fingerprint: d for d in decisions}
    from ..verification import Verification

    report.verified = {v.addr: v for v in (Verification.from_json(d) for d in data.get("verified", []))}
    return report


# ------------------------------------------------------------ text form, in cell-sized pieces

CHUNK_CHARS = 15000  # an Excel cell holds 32,767 UTF-16 units; 15,000 code points always fit
_NOT_IN_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def dumps(obj) -> str:
    """JSON that an .xlsx cell can hold (json already escapes control characters)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _NOT_IN_XML.sub(lambda m: "\\u%04x" % ord(m.group()), text)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or [""]
