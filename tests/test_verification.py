"""The queue of uncertain values and the reviewer's confirmations (core, no Qt)."""
from __future__ import annotations

import json

from gkdesk.model import Cell, ParseNote
from gkdesk.parsing import parse_text
from gkdesk.sidecar import Sidecar
from gkdesk.verification import (
    CORRECTED,
    INFERRED,
    READ,
    VERIFIED,
    alternatives,
    cell_state,
    states_json,
    uncertain_cells,
    verify,
)

from report_factory import render, values_for


def _report(tmp_path):
    text = render("2021", values_for("2021", seed=3))
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_text(text, source_path=str(path))
    assert not uncertain_cells(report), "a cleanly read report has nothing to verify"
    t3 = report.tables["t3"]
    t3.cells[2][0] = Cell(t3.cells[2][0].value, t3.cells[2][0].raw, t3.cells[2][0].span, 0.6, True, "由总计推定")
    t3.cells[3][1] = Cell(t3.cells[3][1].value, t3.cells[3][1].raw, t3.cells[3][1].span, 0.5, False, "")
    t3.cells[4][0] = Cell(None, "", None, 0.0, True, "有几种读法")
    report.notes.append(ParseNote("ambiguous_split", "…", "t3", 4, candidates=((1, 2, 0, 0, 0, 0, 3), (12, 0, 0, 0, 0, 0, 12))))
    return report, path


def test_queue_lists_inferred_low_confidence_and_open_cells_in_form_order(tmp_path):
    report, _ = _report(tmp_path)
    queue = uncertain_cells(report)
    assert [u.addr for u in queue] == [("t3", 2, 0), ("t3", 3, 1), ("t3", 4, 0)]
    assert queue[2].alternatives == (1, 12)
    assert alternatives(report, ("t3", 4, 6)) == (3, 12)
    assert cell_state(report, ("t3", 2, 0)) == INFERRED
    assert cell_state(report, ("t3", 0, 0)) == READ


def test_verifying_removes_a_value_from_the_queue_until_its_value_changes(tmp_path):
    report, _ = _report(tmp_path)
    verify(report, ("t3", 2, 0), user="审核员甲")
    assert [u.addr for u in uncertain_cells(report)] == [("t3", 3, 1), ("t3", 4, 0)]
    assert cell_state(report, ("t3", 2, 0)) == VERIFIED
    # Typing a value is a correction, not a verification.
    report.set_value(("t3", 3, 1), 7)
    assert cell_state(report, ("t3", 3, 1)) == CORRECTED
    assert [u.addr for u in uncertain_cells(report)] == [("t3", 4, 0)]
    # A verified value the reviewer then changes is corrected, and back again is uncertain.
    report.set_value(("t3", 2, 0), 99)
    assert cell_state(report, ("t3", 2, 0)) == CORRECTED
    report.set_value(("t3", 2, 0), report.extracted(("t3", 2, 0)))
    assert cell_state(report, ("t3", 2, 0)) == VERIFIED  # the value verified is shown again
    assert states_json(report)["t3"] == [[2, 0, VERIFIED], [3, 1, CORRECTED], [4, 0, INFERRED]]


def test_verifications_survive_the_sidecar_and_stay_distinct_from_corrections(tmp_path):
    report, path = _report(tmp_path)
    verify(report, ("t3", 2, 0), user="审核员甲")
    report.set_value(("t3", 3, 1), 7)
    side = Sidecar.for_report(path)
    side.save(report)
    data = json.loads(side.path.read_text(encoding="utf-8"))
    assert [v["cell"] for v in data["verified"]] == [["t3", 2, 0]]
    assert data["verified"][0]["user"] == "审核员甲"
    assert [c["cell"] for c in data["corrections"]] == [["t3", 3, 1]]

    again, _ = _report(tmp_path)
    Sidecar.for_report(path).load_into(again)
    assert cell_state(again, ("t3", 2, 0)) == VERIFIED
    assert cell_state(again, ("t3", 3, 1)) == CORRECTED
    assert [u.addr for u in uncertain_cells(again)] == [("t3", 4, 0)]


def test_a_sidecar_with_a_malformed_verification_is_not_applied(tmp_path):
    report, path = _report(tmp_path)
    side = Sidecar.for_report(path)
    side.save(report)
    data = json.loads(side.path.read_text(encoding="utf-8"))
    data["verified"] = [{"cell": ["t3", True, "x"], "value": "1"}]
    side.path.write_text(json.dumps(data), encoding="utf-8")
    again, _ = _report(tmp_path)
    result = Sidecar.for_report(path).load_into(again)
    assert again.verified == {}
    assert result.message  # the reviewer is told the file could not be read


def test_workbook_keeps_read_inferred_verified_and_corrected_apart(tmp_path):
    from gkdesk.export import import_workbook
    from gkdesk.export.report_workbook import STATE_FONTS, build_report_workbook

    report, _ = _report(tmp_path)
    verify(report, ("t3", 2, 0), user="审核员甲")
    report.set_value(("t3", 3, 1), 7)
    wb = build_report_workbook(report)
    ws = wb["表三"]
    positions = {}
    for row in ws.iter_rows():
        for c in row:
            if c.font is not None and c.font.color is not None and c.font.color.rgb in {"00" + v[0] for v in STATE_FONTS.values()} | {"FF" + v[0] for v in STATE_FONTS.values()}:
                positions[(c.row, c.column)] = c.font.color.rgb[-6:]
    # three marked values: one verified (green), one corrected (blue), two inferred (orange)
    colours = sorted(positions.values())
    assert colours.count(STATE_FONTS[VERIFIED][0]) == 1
    assert colours.count(STATE_FONTS[CORRECTED][0]) == 1
    assert colours.count(STATE_FONTS[INFERRED][0]) == 1  # the open cell (4, 0) is blank: nothing to colour
    legend = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("图例：")]
    assert len(legend) == 1 and "已对照原文核对" in legend[0]
    sheet = wb["数值核对"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0][4] == "审核员甲" and rows[0][5] == "有效"

    path = tmp_path / "out.xlsx"
    wb.save(path)
    back = import_workbook(path)
    assert back.verified == report.verified
    assert cell_state(back, ("t3", 2, 0)) == VERIFIED and cell_state(back, ("t3", 3, 1)) == CORRECTED
