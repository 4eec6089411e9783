"""Checker: findings follow the reviewer's edits; the JSON shape of findings; rule titles."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document, make_report  # noqa: E402

from gkdesk.checks import Checker, check_report, findings_to_json, rule_title  # noqa: E402
from gkdesk.findings import ERROR  # noqa: E402


def test_recheck_reflects_set_value():
    report = make_report(text=document("本年度共收到政府信息公开申请4件。"))
    checker = Checker(report)
    assert checker.findings == []
    report.set_value(("t3", 0, 0), 4)  # 自然人 3 -> 4: its row total and column balance break (总计 stays 4)
    rules = {f.rule for f in checker.recheck()}
    assert rules == {"t3.row_total", "t3.balance"}
    report.set_value(("t3", 0, 6), 5)
    report.set_value(("t3", 0, 0), 3)
    rules = {f.rule for f in checker.recheck()}
    assert "narrative.t3_received" in rules
    report.set_value(("t3", 0, 6), 4)
    assert checker.recheck() == []
    assert checker.findings == []


def test_claims_are_read_once():
    report = make_report(text=document("本年度共收到政府信息公开申请4件。"))
    checker = Checker(report)
    assert [c.stated for c in checker.claims] == [4]
    report.text = report.text.replace("4件", "9件")  # the text never changes while editing values
    assert checker.recheck() == []


def test_errors_come_first():
    report = make_report()
    report.set_value(("t4", 0, 0), None)  # a blank (warning) and a broken 总计 (error)
    findings = check_report(report)
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: s != ERROR)
    assert severities[0] == ERROR and "warning" in severities


def test_json_shape():
    report = make_report()
    report.set_value(("t3", 0, 6), 9)
    objs = findings_to_json(check_report(report))
    for obj in objs:
        assert {"rule", "kind", "severity", "cells", "message"} <= set(obj)
        assert obj["kind"] in ("arithmetic", "narrative", "structure")
        assert obj["severity"] in ("error", "warning")
        assert all(isinstance(c, list) and len(c) == 3 for c in obj["cells"])
    assert objs[0]["culprit"] == {"cell": ["t3", 0, 6], "value": 4}


def test_json_lists_ambiguous_repairs():
    report = make_report()
    report.set_value(("t4", 0, 4), 3)
    (obj,) = [o for o in findings_to_json(check_report(report)) if o["rule"] == "t4.total"]
    assert "culprit" not in obj
    assert len(obj["ambiguous_culprits"]) == 5


def test_rule_titles_are_chinese():
    assert rule_title("t3.balance") == "表三 一加二 = 三加四"
    assert rule_title("narrative.t4_review") == "正文：行政复议"
    assert rule_title("no.such.rule") == "no.such.rule"


def test_sums_broken_by_a_row_the_recognizer_missed_are_warnings_until_it_is_filled():
    from gkdesk.model import Cell
    from gkdesk.findings import WARNING

    report = make_report(text=document("本年度共收到政府信息公开申请4件。"))
    table = report.tables["t3"]
    table.cells[2] = [Cell(None) for _ in table.cells[2]]  # （一）予以公开 (3, 1, …, 4) not found
    table.missing_rows = [2]
    checker = Checker(report)
    sums = [f for f in checker.findings if f.kind == "arithmetic"]
    assert sums, "the blank row breaks 办理结果 sums"
    assert all(f.severity == WARNING and "未能从原文识别" in f.message for f in sums)
    assert all(f.culprit is None and not f.ambiguous_culprits for f in sums)
    assert any(f.rule == "structure.rows_missing" or "未找到以下行" in f.message for f in checker.findings)

    # The reviewer fills the row in, with a mistake: now the sums speak with full weight.
    for c, v in enumerate((3, 0, 0, 0, 0, 0, 4)):
        report.set_value(("t3", 2, c), v)
    broken = [f for f in checker.recheck() if f.kind == "arithmetic"]
    assert broken and all(f.severity == ERROR and "未能从原文识别" not in f.message for f in broken)


# The re-check keeps each narrative claim's outcome with the values it read and works out again
# only the claims whose cells changed (narrative.ClaimFindings): after any sequence of edits its
# findings are those of a fresh check of the report as it stands.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples"


def _sample_report():
    from gkdesk.parsing import read_report

    return read_report(next(_SAMPLE.glob("*.txt")))


_REPORT = _sample_report()
_CLAIMED = sorted({a for c in Checker(_REPORT).claims for r in (c.cells, *c.alternatives) for a in r})
_ADDRS = sorted(_REPORT.addresses())


def _parts(addr):
    from gkdesk.checks.layout import total_parts

    return total_parts(_REPORT.tables[addr[0]].spec).get(addr, ())


# A claimed total left blank stands for the sum of its parts: edits that blank one, then change
# its parts (the claim's outcome changes with cells it does not name).
_TOTALS = [a for a in _CLAIMED if _parts(a)]
_BLANK_TOTAL_THEN_PARTS = st.sampled_from(_TOTALS).flatmap(
    lambda total: st.lists(st.tuples(st.sampled_from(_parts(total)), st.integers(0, 120)), min_size=1, max_size=4).map(
        lambda parts: [(total, None), *parts]
    )
)


@settings(max_examples=40, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(_CLAIMED) | st.sampled_from(_ADDRS), st.none() | st.integers(0, 120) | st.sampled_from([0.0, 56.0])).map(
            lambda edit: [edit]
        )
        | _BLANK_TOTAL_THEN_PARTS,
        min_size=1,
        max_size=6,
    ).map(lambda runs: [edit for run in runs for edit in run])
)
def test_the_recheck_after_edits_finds_what_a_fresh_check_finds(edits):
    import copy

    report = copy.deepcopy(_REPORT)
    checker = Checker(report)
    for addr, value in edits:
        report.set_value(addr, value)
        assert checker.recheck() == check_report(report)
