"""Uncertainty a reviewer can trust (issue 12, item 4), over the whole shared corpus.

Every cell whose recognized value differs from the ground truth must be blank or marked
inferred (its provenance says it was not read in place): no wrong value is shown unmarked.
Documents where that does not hold yet are listed in KNOWN_GAPS with the measured reason; the
xfail is strict, so a document that comes to hold must leave the table.
"""
import json
import re
from pathlib import Path

import pytest

from conftest import SHARED
from gkdesk.reports import load_report

CORPUS = SHARED / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md", ".docx", ".pdf")

# document (path under corpus/ or seeds/) -> why a wrong value is still shown unmarked.
KNOWN_GAPS: dict[str, str] = {}


def _truth_path(doc: Path) -> Path:
    return doc.with_name(re.sub(r"(__[^.]*)?(\.[a-z0-9]+)*$", "", doc.name) + ".json")


def _cases():
    if not CORPUS.exists():
        return []
    docs = []
    for part in ("gen", "real", "originals"):
        for doc in sorted((CORPUS / part).iterdir()):
            if doc.suffix.lower() in DOCUMENT_SUFFIXES and _truth_path(doc).exists():
                docs.append((f"{part}/{doc.name}", _truth_path(doc), doc))
    for truth in sorted((CORPUS / "seeds").glob("*.json")):
        doc = SHARED / "seeds" / (truth.stem + ".txt")
        if doc.exists():
            docs.append((f"seeds/{doc.name}", truth, doc))
    cases = []
    for name, truth, doc in docs:
        marks = [pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=True)] if name in KNOWN_GAPS else []
        cases.append(pytest.param(truth, doc, id=name, marks=marks))
    return cases


def _differs(truth, got) -> bool:
    if truth is None:
        return got not in (None, 0)  # a blank shown as 0 is the scorer's equal, and sums alike
    return got is None or abs(float(truth) - float(got)) > 1e-9


def unmarked_wrong_cells(report, truth: dict) -> list[tuple]:
    """(table, row, column, truth, shown) of every wrong value shown without a mark."""
    out = []
    for table_id in ("t2", "t3", "t4"):
        expected = truth.get(table_id)
        table = report.tables.get(table_id)
        if expected is None or table is None:
            continue
        rows = [expected] if table_id == "t4" else expected
        for r, row in enumerate(rows):
            if row is None or r >= len(table.cells):
                continue
            for c, want in enumerate(row):
                if c >= len(table.cells[r]):
                    continue
                cell = table.cells[r][c]
                if cell.value is not None and not cell.inferred and _differs(want, cell.value):
                    out.append((table_id, r, c, want, cell.value))
    return out


@pytest.mark.parametrize("truth_path, doc", _cases())
def test_no_wrong_value_is_shown_unmarked(truth_path: Path, doc: Path):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    report = load_report(doc)
    assert unmarked_wrong_cells(report, truth) == []
