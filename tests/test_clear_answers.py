"""Clear answers (issue 15): folders that hold no report, links that loop, sidecars that are not
files or hold values no reviewer typed, and temporary files a kill left behind."""
from __future__ import annotations

import json
import os
import threading
import time

import pytest

from fuzz import hostile
from fuzz.bounded_run import run_cli
from gkdesk import atomic
from gkdesk.reports import load_report
from gkdesk.sidecar import CORRUPT, NONE, RESTORED, Sidecar, sidecar_path
from report_factory import render, values_for


@pytest.mark.parametrize("make,says", [
    (hostile.folder_with_suffix, "文件夹"),
    (hostile.empty_folder, "文件夹"),
    pytest.param(hostile.symlink_loop, "循环", marks=pytest.mark.skipif(os.name != "posix", reason="symlinks")),
])
def test_a_folder_without_reports_or_a_loop_gets_a_message_and_exit_2(tmp_path, make, says):
    path = make(tmp_path)
    run = run_cli("check", "--json", str(path))
    lines = run.lines()
    assert run.returncode == 2 and lines and all(says in line["error"] for line in lines), run.stdout
    assert "Traceback" not in run.stderr


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(render("2021", values_for("2021"), "tabs"), encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_sidecar_that_is_a_fifo_is_refused_without_blocking(report_file):
    os.mkfifo(sidecar_path(report_file))
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("r", Sidecar.for_report(report_file).load_into(load_report(report_file))), daemon=True)
    worker.start()
    worker.join(10)
    assert "r" in result, "loading a FIFO sidecar blocked"
    assert result["r"].status == NONE and "不是普通文件" in result["r"].message


def _saved_with(report_file, cell, value):
    report = load_report(report_file)
    sidecar = Sidecar.for_report(report_file)
    sidecar.load_into(report)
    report.set_value(("t3", 2, 0), 5)
    sidecar.save(report)
    data = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    data["corrections"][0]["cell"], data["corrections"][0]["value"] = cell, value
    sidecar_path(report_file).write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("cell,value", [(["t3", True, False], 1), (["t3", 2, 0], 1e308), (["t3", 2, 0], -5),
                                        (["t3", 2, 0], 2.5), (["t3", -1, 0], 3), (["t3", 10**9, 0], 3), (["t3", 2.0, 0], 3)])
def test_sidecar_cells_and_values_no_reviewer_typed_set_the_sidecar_aside(report_file, cell, value):
    _saved_with(report_file, cell, value)
    report = load_report(report_file)
    result = Sidecar.for_report(report_file).load_into(report)
    assert result.status == CORRUPT and result.moved_to is not None and "已损坏" in result.message
    assert not report.corrections and not sidecar_path(report_file).exists()


def test_a_valid_correction_is_still_restored(report_file):
    _saved_with(report_file, ["t3", 2, 0], 7)
    report = load_report(report_file)
    assert Sidecar.for_report(report_file).load_into(report).status == RESTORED and report.value(("t3", 2, 0)) == 7


def test_temporary_files_older_than_a_day_are_removed_on_open(report_file):
    old = report_file.with_name(atomic.TEMP_PREFIX + report_file.name + ".gkdesk.json.tmp0123456789ab")
    new = report_file.with_name(atomic.TEMP_PREFIX + report_file.name + ".gkdesk.json.tmpba9876543210")
    other = report_file.with_name("别人的.tmp")
    for p in (old, new, other):
        p.write_bytes(b"x")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    os.utime(other, (day_ago, day_ago))
    Sidecar.for_report(report_file).load_into(load_report(report_file))
    assert not old.exists() and new.exists() and other.exists()
