"""Bad input gets a clear message or a partial result, never a traceback."""
import json
import subprocess
import sys

import pytest

from gkdesk.errors import InputError
from gkdesk.parsing import parse_text
from gkdesk.reports import load_report
from report_factory import render, values_for


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(InputError, match="空"):
        load_report(p)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 50)
    with pytest.raises(InputError):
        load_report(p)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="找不到"):
        load_report(tmp_path / "nope.txt")


def test_old_word_format_gets_advice(tmp_path):
    p = tmp_path / "report.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(InputError, match="docx"):
        load_report(p)


def test_text_that_is_not_a_report_has_no_tables_and_says_so():
    report = parse_text("会议通知\n请各单位于下周一上午九时参加会议。\n联系电话：12345678\n")
    assert report.tables == {}
    assert {n.code for n in report.notes} == {"table_missing"}
    assert report.to_json()["t3"] is None


def test_report_cut_off_inside_table_three_gives_what_is_there():
    values = values_for("2021")
    text = render("2021", values, "tabs")
    cut = text.index("（四）无法提供") if "（四）无法提供" in text else text.index("1.本机关不掌握")
    report = parse_text(text[:cut])
    t3 = report.to_json()["t3"]
    assert t3[:4] == values["t3"][:4]
    missing = report.tables["t3"].missing_rows
    assert missing and missing[-1] == 24
    assert any(n.code == "row_missing" for n in report.notes)
    assert report.to_json()["t4"] is None


def test_cli_json_gives_an_error_line_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(render("2021", values_for("2021"), "tabs"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "gkdesk", "extract", "--json", str(bad), str(good)],
        capture_output=True, text=True, encoding="utf-8",
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["file"] for d in lines] == [str(bad), str(good)]
    assert "error" in lines[0] and "error" not in lines[1]
    assert lines[1]["format"] == "2021"
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr

