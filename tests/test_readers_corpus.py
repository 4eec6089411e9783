"""The shared corpus's original documents (.docx, .html, .pdf) against their ground truth."""
import json
from pathlib import Path

import pytest

from conftest import SHARED
from gkdesk.readers import read_document
from gkdesk.reports import load_report

ORIGINALS = SHARED / "corpus" / "originals"
SUFFIXES = (".docx", ".html", ".pdf")


def _cases():
    if not ORIGINALS.exists():
        return []
    return [
        pytest.param(truth, doc, id=doc.name)
        for truth in sorted(ORIGINALS.glob("*.json"))
        for doc in sorted(ORIGINALS.glob(truth.stem + ".*"))
        if doc.suffix in SUFFIXES
    ]


def _cells(table_id, rows):
    if table_id == "t4":
        rows = [rows]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            yield (table_id, r, c), value


@pytest.mark.parametrize("truth_path, doc", _cases())
def test_original_is_read_exactly(truth_path: Path, doc: Path):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    report = load_report(doc)
    got = report.to_json()
    assert (got["format"], report.year, report.agency) == (truth["format"], truth["year"], truth["agency"])
    wrong = []
    for table_id in ("t2", "t3", "t4"):
        assert got[table_id] is not None, table_id
        got_cells = dict(_cells(table_id, got[table_id]))
        for key, value in _cells(table_id, truth[table_id]):
            g = got_cells.get(key, "missing")
            # Blank is not zero: a null in the truth must come out null.
            if not (g == value and (g is None) == (value is None)):
                wrong.append((key, value, g))
    assert wrong == []


@pytest.mark.parametrize("truth_path, doc", [c for c in _cases() if c.values[1].suffix == ".pdf"][:2])
def test_table_three_split_by_a_page_break_is_one_table(truth_path: Path, doc: Path):
    document = read_document(doc)
    spans = [t for t in document.tables if "申请人情况" in document.text[t.span[0] : t.span[1]]]
    assert len(spans) == 1
    t3 = spans[0]
    assert "四、结转下年度继续办理" in document.text[t3.span[0] : t3.span[1]]
