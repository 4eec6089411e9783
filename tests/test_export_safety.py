"""Safe output: no half-written files, locked targets, no silent overwrite, clear import errors."""
from __future__ import annotations

import os

import openpyxl
import pytest

from gkdesk import atomic
from gkdesk.errors import GkdeskError
from gkdesk.export import (
    TargetExistsError,
    TargetLockedError,
    WorkbookImportError,
    export_report,
    export_summary,
    import_workbook,
    suggested_filename,
)

from test_export_support import sample_report


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(atomic.TEMP_PREFIX)]


def test_existing_file_is_not_overwritten_when_asked_not_to(tmp_path):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"reviewer's earlier file")
    with pytest.raises(TargetExistsError) as err:
        export_report(sample_report("2021"), target, findings=[], overwrite=False)
    assert "已存在" in str(err.value)
    assert target.read_bytes() == b"reviewer's earlier file"


def test_locked_target_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")

    def refuse(src, dst):  # what Windows does while Excel holds the file open
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    with pytest.raises(TargetLockedError) as err:
        export_report(sample_report("2021"), target, findings=[])
    assert "Excel" in str(err.value) and "原文件未被改动" in str(err.value)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_office_lock_file_is_reported(tmp_path):
    target = tmp_path / "r.xlsx"
    export_report(sample_report("2021"), target, findings=[])
    before = target.read_bytes()
    (tmp_path / "~$r.xlsx").write_bytes(b"owner")
    with pytest.raises(TargetLockedError) as err:
        export_report(sample_report("2019"), target, findings=[])
    assert "~$r.xlsx" in str(err.value)
    assert target.read_bytes() == before


def test_a_crash_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    from openpyxl import Workbook

    def crash(self, handle):
        handle.write(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", crash)
    with pytest.raises(GkdeskError) as err:
        export_report(sample_report("2021"), target, findings=[])
    assert "原文件未被改动" in str(err.value)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_written_file_has_ordinary_permissions(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    path = export_report(sample_report("2021"), tmp_path / "r.xlsx", findings=[])
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(GkdeskError) as err:
        export_report(sample_report("2021"), tmp_path / "无此文件夹" / "r.xlsx", findings=[])
    assert "文件夹不存在" in str(err.value)


def test_foreign_workbook_gets_a_clear_message(tmp_path):
    path = tmp_path / "别人的表.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "单位"
    wb.save(path)
    with pytest.raises(WorkbookImportError) as err:
        import_workbook(path)
    assert "不是 gkdesk 导出的报告工作簿" in str(err.value)


def test_damaged_and_non_xlsx_files_get_clear_messages(tmp_path):
    fake = tmp_path / "x.xlsx"
    fake.write_text("not a zip")
    with pytest.raises(WorkbookImportError) as err:
        import_workbook(fake)
    assert "已损坏" in str(err.value)
    # a gkdesk workbook whose hidden data was tampered with
    path = export_report(sample_report("2021"), tmp_path / "r.xlsx", findings=[])
    wb = openpyxl.load_workbook(path)
    ws = wb["_gkdesk"]
    ws["A2"] = ws["A2"].value[:-10]
    wb.save(path)
    with pytest.raises(WorkbookImportError) as err:
        import_workbook(path)
    assert "已损坏或被改动" in str(err.value)


def test_summary_workbook_is_not_a_report(tmp_path):
    path = export_summary([sample_report("2021")], tmp_path / "s.xlsx", findings=[[]])
    with pytest.raises(WorkbookImportError) as err:
        import_workbook(path)
    assert "汇总表" in str(err.value)


def test_suggested_filename_is_windows_safe():
    report = sample_report("2021")
    report.agency = 'A/B:C*局?"<>|'
    name = suggested_filename(report)
    assert name.endswith(".xlsx") and not any(ch in name for ch in '\\/:*?"<>|')
    assert "2023年" in name


def test_summary_of_nothing_is_refused(tmp_path):
    with pytest.raises(GkdeskError) as err:
        export_summary([], tmp_path / "s.xlsx")
    assert "没有可汇总的报告" in str(err.value)
    assert not (tmp_path / "s.xlsx").exists()
