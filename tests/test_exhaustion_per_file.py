"""MemoryError and RecursionError are one file's error (issue 15): the file gets its error line,
the batch goes on, nothing is written half."""
from __future__ import annotations

import json

import pytest

import gkdesk.checks
import gkdesk.parsing
from gkdesk import cli
from gkdesk.errors import InputError
from gkdesk.reports import load_report
from report_factory import render, values_for


def _two_reports(tmp_path):
    text = render("2021", values_for("2021"), "tabs")
    bad, good = tmp_path / "坏.txt", tmp_path / "好.txt"
    bad.write_text(text + "\n爆", encoding="utf-8")
    good.write_text(text, encoding="utf-8")
    return bad, good


def _exhausting(error, real):
    def parse(text, *args, **kwargs):
        if "爆" in text:
            raise error
        return real(text, *args, **kwargs)

    return parse


@pytest.mark.parametrize("error", [MemoryError(), RecursionError("maximum recursion depth exceeded")])
def test_load_report_turns_exhaustion_into_the_files_error(tmp_path, monkeypatch, error):
    bad, good = _two_reports(tmp_path)
    monkeypatch.setattr(gkdesk.parsing, "parse_text", _exhausting(error, gkdesk.parsing.parse_text))
    with pytest.raises(InputError) as info:
        load_report(bad)
    assert ("内存" if isinstance(error, MemoryError) else "嵌套") in str(info.value)
    assert load_report(good).tables


@pytest.mark.parametrize("command", ["extract", "check"])
def test_the_batch_goes_on_after_a_file_exhausts_memory(tmp_path, monkeypatch, capsys, command):
    bad, good = _two_reports(tmp_path)
    monkeypatch.setattr(gkdesk.parsing, "parse_text", _exhausting(MemoryError(), gkdesk.parsing.parse_text))
    status = cli.main([command, "--json", str(bad), str(good)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(bad), str(good)]
    assert "内存" in lines[0]["error"] and "error" not in lines[1]
    assert status == 2


def test_a_check_that_recurses_too_deep_is_that_files_error(tmp_path, monkeypatch, capsys):
    bad, good = _two_reports(tmp_path)
    real = gkdesk.checks.check_report

    def check(report, previous=None):
        if "爆" in report.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(report, previous)

    monkeypatch.setattr(gkdesk.checks, "check_report", check)
    status = cli.main(["check", "--json", str(bad), str(good)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "嵌套" in lines[0]["error"] and "findings" in lines[1]
    assert status == 2
