"""File names (issue 15): any bytes the OS allows work in every command; out they are printable
(a GBK name reads as its Chinese), in JSON the same string as given."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fuzz import hostile
from gkdesk.file_names import json_text, printable
from gkdesk.reports import load_report
from gkdesk.sidecar import Sidecar

pytestmark = pytest.mark.skipif(os.name != "posix", reason="names that are not UTF-8 are a POSIX matter")


def _cli(*args, cwd):
    done = subprocess.run([sys.executable, "-m", "gkdesk", *args], capture_output=True, cwd=cwd)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")  # strict: all of it is UTF-8


def test_a_gbk_name_prints_as_its_chinese_and_json_keeps_the_string():
    name = os.fsdecode("/报告/".encode() + "政府信息公开年度报告".encode("gbk") + b".txt")
    assert printable(f"{name}: 错误：找不到文件：“{name}”") == "/报告/政府信息公开年度报告.txt: 错误：找不到文件：“/报告/政府信息公开年度报告.txt”"
    assert json.loads(json_text({"file": name}))["file"] == name
    assert printable(os.fsdecode(b"\xff\xfe\x80a.txt")) == "\\xff\\xfe\\x80a.txt"


@pytest.mark.parametrize("make", [hostile.gbk_named, hostile.raw_byte_named], ids=["gbk", "raw-bytes"])
def test_every_command_takes_the_name(tmp_path, make):
    path = make(tmp_path)
    for command in ("extract", "check"):
        status, out, err = _cli(command, "--json", path.name, cwd=tmp_path)
        assert status in (0, 1) and "Traceback" not in err, err
        assert json.loads(out)["file"] == path.name
        status, out, err = _cli(command, path.name, cwd=tmp_path)
        assert "Traceback" not in err and printable(path.name) in out + err
    status, out, err = _cli("export", path.name, "--csv", "cells.csv", cwd=tmp_path)
    assert status == 0 and "Traceback" not in err, err
    assert printable(path.name) in (tmp_path / "cells.csv").read_text(encoding="utf-8-sig")
    status, out, err = _cli("export", path.name, "-o", "out", cwd=tmp_path)
    assert status == 0 and "Traceback" not in err, err
    if make is hostile.gbk_named:
        assert "政府信息公开年度报告" in out


def test_the_sidecar_of_a_gbk_named_report_saves_and_restores(tmp_path):
    path = hostile.gbk_named(tmp_path)
    report = load_report(path)
    sidecar = Sidecar.for_report(path)
    sidecar.load_into(report)
    cell = next(iter(report.addresses()))
    report.set_value(cell, 42)
    sidecar.save(report)
    again = load_report(path)
    Sidecar.for_report(path).load_into(again)
    assert again.value(cell) == 42
