"""The one atomic file write (gkdesk.atomic) that the sidecar and the workbook export share."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from gkdesk import atomic
from gkdesk.atomic import CREATE, REPLACE, WRITE, AtomicWriteError, write_atomically


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_new_content_replaces_the_old_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, lambda handle: handle.write(b"new"))
    assert target.read_bytes() == b"new" and _names(tmp_path) == ["a.json"]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failing_writer_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")

    def half_then_full(handle):
        handle.write(b"ne")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(AtomicWriteError) as failure:
        write_atomically(target, half_then_full)
    assert failure.value.stage == WRITE and failure.value.reason == "磁盘空间已满"
    assert target.read_bytes() == b"old" and _names(tmp_path) == ["a.json"]


def test_an_error_that_is_not_about_the_disk_propagates_unchanged_without_temp(tmp_path):
    target = tmp_path / "a.json"

    def bug(handle):
        handle.write(b"x")
        raise ValueError("not serializable")

    with pytest.raises(ValueError):
        write_atomically(target, bug)
    assert _names(tmp_path) == []


def test_missing_folder_fails_at_create(tmp_path):
    with pytest.raises(AtomicWriteError) as failure:
        write_atomically(tmp_path / "gone" / "a.json", lambda handle: handle.write(b"x"))
    assert failure.value.stage == CREATE


def test_target_held_open_fails_at_replace_after_retries_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    attempts = []

    def refuse(src, dst):  # what Windows does while Excel holds the file open
        attempts.append(dst)
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    with pytest.raises(AtomicWriteError) as failure:
        write_atomically(target, lambda handle: handle.write(b"new"))
    assert failure.value.stage == REPLACE and isinstance(failure.value.error, PermissionError)
    assert len(attempts) == (atomic._REPLACE_ATTEMPTS if os.name == "nt" else 1)
    assert target.read_bytes() == b"old" and _names(tmp_path) == ["a.xlsx"]


def test_temp_names_say_whose_they_are_and_fit_the_file_system():
    short = atomic._temp_path(Path("/x/报告.txt.gkdesk.json"))
    assert short.parent == Path("/x") and short.name.startswith(atomic.TEMP_PREFIX + "报告.txt.gkdesk.json.tmp")
    long = atomic._temp_path(Path("/x/" + "长" * 90 + ".gkdesk.json"))
    assert len(long.name.encode()) <= 255 and ".gkdesk.json.tmp" in long.name


def test_a_folder_is_swept_of_stale_temporary_files_once_a_process(tmp_path):
    """A batch opens thousands of reports of one folder: listing it for each was the folder's
    size in every opening."""
    import os
    import time

    def stale(name: str) -> Path:
        path = tmp_path / (atomic.TEMP_PREFIX + name + ".tmp0123456789ab")
        path.write_bytes(b"x")
        day_ago = time.time() - 25 * 3600
        os.utime(path, (day_ago, day_ago))
        return path

    first = stale("a.xlsx")
    assert atomic.remove_stale_temp_files_once(tmp_path) == 1 and not first.exists()
    second = stale("b.xlsx")
    assert atomic.remove_stale_temp_files_once(tmp_path) == 0 and second.exists()
    assert atomic.remove_stale_temp_files(tmp_path) == 1  # the sweep itself still finds it
