"""The sidecar keeps the reviewer's work beside the report: restore, text changes, corruption, write errors."""
import errno
import json
import os
import shutil

import pytest

from conftest import ROOT
from gkdesk.parsing import read_report
from gkdesk.sidecar import (
    CORRUPT,
    NONE,
    RESTORED,
    REVIEWED,
    TEXT_CHANGED,
    Sidecar,
    SidecarWriteError,
    sidecar_path,
    text_digest,
)

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
CELL = ("t3", 2, 0)  # 表三 （一）予以公开·自然人


@pytest.fixture
def report_file(tmp_path):
    target = tmp_path / "report.txt"
    shutil.copy(SAMPLE, target)
    return target


def _edited(path):
    report = read_report(path)
    report.set_value(CELL, 21, user="张三")
    report.set_value(("t2", 1, 0), 4, user="张三")
    report.review_status = REVIEWED
    return report


def test_sidecar_sits_beside_the_report(report_file):
    assert sidecar_path(report_file) == report_file.with_name("report.txt.gkdesk.json")


def test_no_sidecar_means_nothing_restored(report_file):
    report = read_report(report_file)
    result = Sidecar.for_report(report_file).load_into(report)
    assert result.status == NONE and report.corrections == {} and report.history == []


def test_corrections_history_and_status_round_trip(report_file):
    report = _edited(report_file)
    Sidecar.for_report(report_file).save(report)

    reopened = read_report(report_file)
    result = Sidecar.for_report(report_file).load_into(reopened)
    assert result.status == RESTORED and result.restored == 2
    assert reopened.value(CELL) == 21 and reopened.extracted(CELL) == 12
    assert reopened.value(("t2", 1, 0)) == 4
    assert reopened.review_status == REVIEWED
    assert [(c.addr, c.extracted, c.value, c.user) for c in reopened.history] == [
        (CELL, 12, 21, "张三"),
        (("t2", 1, 0), 3, 4, "张三"),
    ]
    assert all(c.time for c in reopened.history)


def test_sidecar_json_names_cells_values_and_text_hash(report_file):
    report = _edited(report_file)
    Sidecar.for_report(report_file).save(report)
    data = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    assert data["text_sha256"] == text_digest(report.text)
    assert {"cell": ["t3", 2, 0], "extracted": 12, "value": 21}.items() <= data["corrections"][0].items()
    assert data["review_status"] == "reviewed"


def test_blank_stays_blank_not_zero(report_file):
    report = read_report(report_file)
    report.set_value(("t3", 0, 0), None)
    Sidecar.for_report(report_file).save(report)
    reopened = read_report(report_file)
    Sidecar.for_report(report_file).load_into(reopened)
    assert reopened.value(("t3", 0, 0)) is None and ("t3", 0, 0) in reopened.corrections


def test_atomic_write_leaves_no_temp_file(report_file):
    Sidecar.for_report(report_file).save(_edited(report_file))
    assert sorted(p.name for p in report_file.parent.iterdir()) == ["report.txt", "report.txt.gkdesk.json"]


def test_changed_report_text_keeps_both(report_file):
    Sidecar.for_report(report_file).save(_edited(report_file))
    report_file.write_text(report_file.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")

    reopened = read_report(report_file)
    sidecar = Sidecar.for_report(report_file)
    result = sidecar.load_into(reopened)
    assert result.status == TEXT_CHANGED and "已改变" in result.message
    assert reopened.corrections == {} and reopened.review_status == ""  # nothing applied silently
    assert sidecar.pending_changes(reopened) == {CELL: 21, ("t2", 1, 0): 4}

    # A save after new work keeps the pending set in the file.
    reopened.set_value(("t4", 0, 0), 2)
    sidecar.save(reopened)
    again = Sidecar.for_report(report_file)
    third = read_report(report_file)
    assert again.load_into(third).status == RESTORED
    assert again.pending_changes(third) == {CELL: 21, ("t2", 1, 0): 4}
    assert third.value(("t4", 0, 0)) == 2

    # Resolving the pending set archives its audit trail rather than dropping it.
    again.resolve_pending()
    again.save(third)
    data = json.loads(sidecar_path(report_file).read_text(encoding="utf-8"))
    assert "pending" not in data
    assert data["archived"][0]["corrections"][0]["cell"] == ["t3", 2, 0]


def test_corrupt_sidecar_is_moved_aside(report_file):
    path = sidecar_path(report_file)
    path.write_text('{"text_sha256": "x", "corrections": [{"cell": ', encoding="utf-8")
    report = read_report(report_file)
    result = Sidecar.for_report(report_file).load_into(report)
    assert result.status == CORRUPT and "已损坏" in result.message
    assert not path.exists() and result.moved_to is not None and result.moved_to.exists()
    assert result.moved_to.name.startswith("report.txt.gkdesk.json.corrupt-")
    assert report.corrections == {}


def test_wrong_shape_counts_as_corrupt(report_file):
    sidecar_path(report_file).write_text(json.dumps({"text_sha256": "x", "corrections": [{"cell": ["t9", 0, 0], "value": 1}]}), encoding="utf-8")
    result = Sidecar.for_report(report_file).load_into(read_report(report_file))
    assert result.status == CORRUPT


def test_correction_outside_the_tables_is_kept_pending(report_file):
    report = _edited(report_file)
    sidecar = Sidecar.for_report(report_file)
    data = sidecar.payload(report)
    data["corrections"].append({"cell": ["t3", 40, 0], "extracted": 1, "value": 2, "time": "", "user": ""})
    sidecar_path(report_file).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    reopened = read_report(report_file)
    fresh = Sidecar.for_report(report_file)
    result = fresh.load_into(reopened)
    assert result.status == RESTORED and result.restored == 2 and "未应用" in result.message
    assert [c.addr for c in fresh.pending.corrections] == [("t3", 40, 0)]


@pytest.mark.parametrize("err, words", [(errno.ENOSPC, "磁盘空间已满"), (errno.EACCES, "不可写")])
def test_write_failure_says_why_and_keeps_old_file(report_file, monkeypatch, err, words):
    sidecar = Sidecar.for_report(report_file)
    report = _edited(report_file)
    sidecar.save(report)
    before = sidecar_path(report_file).read_bytes()

    def failing_fsync(fd):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    report.set_value(("t4", 0, 0), 3)
    with pytest.raises(SidecarWriteError) as info:
        sidecar.save(report)
    assert words in str(info.value) and "仍保留在程序中" in str(info.value)
    assert sidecar_path(report_file).read_bytes() == before
    assert not any(".tmp" in p.name for p in report_file.parent.iterdir())
