"""The pandas frames of many reports and `gkdesk export --csv` (core, no Qt)."""
from __future__ import annotations

import pandas as pd

from gkdesk.cli import main
from gkdesk.export.frames import CELL_COLUMNS, cells_frame, wide_frame
from gkdesk.parsing import parse_text
from gkdesk.schema import table_spec
from tests.report_factory import render, values_for


def _report(version="2021", seed=1, agency="测试区数据局", blank=None):
    values = values_for(version, seed)
    if blank:
        table, r, c = blank
        values[table][r][c] = None
    return parse_text(render(version, values, agency=agency), source_path=f"{agency}.txt")


def test_long_frame_has_one_row_per_official_cell_with_provenance():
    report = _report()
    frame = cells_frame([report])
    expected = sum(table_spec("2021", t).cell_count() for t in ("t2", "t3", "t4"))
    assert list(frame.columns) == list(CELL_COLUMNS)
    assert len(frame) == expected
    first = frame.iloc[0]
    assert first["cell"] == "表二 规章·本年制发件数"
    start, end = first["span_start"], first["span_end"]
    assert report.text[start:end] == str(report.value(("t2", 0, 0)))


def test_blank_stays_blank_and_corrections_are_marked():
    report = _report(blank=("t2", 0, 1))
    report.set_value(("t3", 0, 0), 999)
    frame = cells_frame([report])
    blank = frame[(frame["table"] == "表二") & (frame["row"] == 0) & (frame["col"] == 1)].iloc[0]
    assert pd.isna(blank["value"]) and pd.isna(blank["extracted"])  # <NA>, not 0
    changed = frame[frame["corrected"]]
    assert len(changed) == 1
    assert changed.iloc[0]["value"] == 999
    assert changed.iloc[0]["extracted"] == report.extracted(("t3", 0, 0))
    assert str(frame["value"].dtype) == "Int64"


def test_amounts_with_decimals_keep_them():
    report = _report()
    fee = next(a for a in report.addresses() if a[0] == "t2" and "金额" in report.tables["t2"].spec.row_columns(a[1])[a[2]].label)
    report.set_value(fee, 1.25)
    frame = cells_frame([report])
    assert str(frame["value"].dtype) == "Float64"
    assert 1.25 in set(frame["value"].dropna())


def test_wide_frame_keeps_every_report_and_groups_by_agency():
    a = _report(seed=1, agency="甲局")
    b = _report(seed=2, agency="乙局")
    empty = parse_text("这不是年度报告。\n", source_path="none.txt")
    wide = wide_frame([a, b, empty])
    assert list(wide["agency"]) == ["甲局", "乙局", ""]
    assert wide.loc[0, "表三 （七）总计·总计"] == a.value(("t3", len(a.tables["t3"].spec.rows) - 2, 6))
    assert wide.iloc[2, 3:].isna().all()  # a report without tables: blanks, not zeros
    totals = cells_frame([a, b]).groupby("agency")["value"].sum()
    assert totals["甲局"] == sum(a.value(x) or 0 for x in a.addresses())


def test_cli_writes_csv_that_excel_and_pandas_read(tmp_path):
    paths = []
    for seed, agency in ((1, "甲局"), (2, "乙局")):
        path = tmp_path / f"{agency}.txt"
        path.write_text(render("2021", values_for("2021", seed), agency=agency), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "cells.csv"
    assert main(["export", "--csv", str(out), *paths]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel/WPS detect UTF-8
    back = pd.read_csv(out, encoding="utf-8-sig")
    assert set(back["agency"]) == {"甲局", "乙局"}
    assert len(back) == 2 * len(cells_frame([_report()]))


def test_cli_csv_reports_unreadable_inputs(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(render("2021", values_for("2021")), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 400)
    out = tmp_path / "cells.csv"
    assert main(["export", "--csv", str(out), str(good), str(bad)]) == 2
    assert out.exists()
    assert "bad.txt" in capsys.readouterr().err


def test_cli_csv_without_pandas_says_so(tmp_path, capsys, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    good = tmp_path / "good.txt"
    good.write_text(render("2021", values_for("2021")), encoding="utf-8")
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    assert main(["export", "--csv", str(tmp_path / "c.csv"), str(good)]) == 2
    assert "pandas" in capsys.readouterr().err
    assert not (tmp_path / "c.csv").exists()
