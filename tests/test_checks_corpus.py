"""The checks on the shared corpus: planted faults found, clean documents without errors.

False alarms are judged on documents whose tables are recognized exactly (the same rule as
score.py's "ok"), so that a recognition slip elsewhere does not count against the checks.
"""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import GEN, SEEDS  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.findings import ERROR, NARRATIVE  # noqa: E402
from gkdesk.reports import load_report  # noqa: E402

pytestmark = pytest.mark.skipif(not GEN.is_dir(), reason="shared corpus not available")


def _cases():
    if not GEN.is_dir():
        return []
    out = []
    for truth_path in sorted(GEN.glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for doc in sorted(GEN.glob(truth_path.stem + "__*.txt")):
            out.append(pytest.param(truth, doc, id=doc.name))
    return out


def _same(want, have) -> bool:
    """score.py's rule: a blank in the truth may be read as blank or 0."""
    if want is None:
        return have in (None, 0)
    return have is not None and abs(float(want) - float(have)) < 1e-6


def _flat(table_id, values):
    return list(values) if table_id == "t4" else [v for row in values for v in row]


def _exact(report, truth) -> bool:
    got = report.to_json()
    if str(got["format"]) != str(truth["format"]):
        return False
    for table_id in ("t2", "t3", "t4"):
        if truth[table_id] is None:
            continue
        if got[table_id] is None:
            return False
        want, have = _flat(table_id, truth[table_id]), _flat(table_id, got[table_id])
        if len(want) != len(have) or not all(map(_same, want, have)):
            return False
    return True


@pytest.mark.parametrize("truth, doc", _cases())
def test_corpus_document(truth, doc):
    report = load_report(doc)
    if not _exact(report, truth):
        pytest.skip("tables not recognized exactly (recognizer's work, not the checks')")
    findings = check_report(report)
    for planted in truth.get("planted") or []:
        cell = tuple(planted["cell"])
        assert any(f.kind == planted["kind"] and cell in f.cells for f in findings), planted["note"]
    if not truth.get("planted") and not truth.get("inconsistencies"):
        assert [f.message for f in findings if f.severity == ERROR] == []
    # A narrative finding must concern a statement the truth marks inconsistent.
    inconsistent = {tuple(c["cells"][0]) for c in truth.get("narrative_claims", []) if not c["consistent"]}
    for f in findings:
        if f.kind == NARRATIVE:
            assert any(cell in inconsistent for cell in f.cells), f.message


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed reports not available")
@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_reports_give_no_narrative_finding(name):
    (path,) = SEEDS.glob(name + "_*.txt")
    findings = check_report(load_report(path))
    assert [f.message for f in findings if f.kind == NARRATIVE] == []
    assert [f.message for f in findings if f.severity == ERROR] == []
