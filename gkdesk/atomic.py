"""Writing a file so that it holds either its old content or the new one, never a part.

The content goes to a new temporary file in the target's folder (so the final rename never
crosses file systems), is flushed and fsynced, takes the old file's permissions, and replaces
the target in one os.replace; then the folder is synced so the rename survives a power cut.
On any failure the temporary file is removed and the target is untouched. The one writer of
the review sidecar, exported workbooks and CSV; save_workbook adds what a workbook needs (a
target open in Excel or WPS is refused in the reviewer's words).
"""
from __future__ import annotations

import errno
import os
import secrets
import shutil
import threading
import time
from pathlib import Path
from typing import BinaryIO, Callable

from .errors import ExportError, TargetExistsError, TargetLockedError

TEMP_PREFIX = ".~gkdesk-"  # temporary files; one left behind was cut off by a kill or power cut
_NAME_MAX = 255  # bytes of a file name on the usual file systems
_REPLACE_ATTEMPTS = 5
_REPLACE_PAUSE = 0.1  # seconds; virus scanners and sync clients hold a new file for a moment

# Where a write failed.
CREATE = "create"  # no temporary file could be made in the folder
WRITE = "write"  # writing or syncing the content failed
REPLACE = "replace"  # the target could not be replaced (on Windows: held open by a program)


class AtomicWriteError(Exception):
    """A write failed at `stage` with `error`; the target is unchanged and no temporary file is left."""

    def __init__(self, path: Path, stage: str, error: OSError):
        super().__init__(f"cannot write {path} ({stage}): {error}")
        self.path = path
        self.stage = stage
        self.error = error

    @property
    def reason(self) -> str:
        """Why, in words for the reviewer."""
        return failure_reason(self.error)


def failure_reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "磁盘空间已满"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(error, PermissionError):
        return "文件夹不可写（只读或没有权限）"
    return error.strerror or str(error)


def write_atomically(path: str | Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write `path` through write(handle) atomically and durably; AtomicWriteError on failure.

    Anything else write() raises also removes the temporary file and propagates unchanged.
    """
    path = Path(path)
    folder = path.parent
    temp = _temp_path(path)
    try:
        # Exclusive and new ("x"): two writers never share a temporary file; permissions are
        # 0o666 less the umask, like any new file.
        handle = open(temp, "xb")
    except OSError as exc:
        raise AtomicWriteError(path, CREATE, exc) from exc
    try:
        try:
            with handle:
                write(handle)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise AtomicWriteError(path, WRITE, exc) from exc
        _keep_mode(path, temp)
        try:
            _replace(temp, path)
        except OSError as exc:
            raise AtomicWriteError(path, REPLACE, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(folder)
    return path


STALE_TEMP_SECONDS = 24 * 3600  # a temporary file this old was left by a kill or a power cut


def remove_stale_temp_files(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove the temporary files of writes that never finished, older than a day; how many."""
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(TEMP_PREFIX) and ".tmp" in entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass
    return removed


_SWEPT: set[str] = set()  # folders remove_stale_temp_files_once has swept in this process
_SWEPT_LOCK = threading.Lock()


def remove_stale_temp_files_once(folder: Path) -> int:
    """remove_stale_temp_files, the first time this process asks it of `folder`.

    Opening a report sweeps its folder; a batch opens thousands of one folder, and listing the
    folder for each made every opening cost the folder's size (2.9 ms a report in one of 5,000).
    A temporary file goes stale only after a day, so one sweep a process is enough."""
    key = os.fspath(folder)
    with _SWEPT_LOCK:
        if key in _SWEPT:
            return 0
        _SWEPT.add(key)
    return remove_stale_temp_files(folder)


def _temp_path(path: Path) -> Path:
    """A new name beside the target that says whose temporary file it is (at most 255 bytes)."""
    suffix = f".tmp{secrets.token_hex(6)}"
    name = path.name
    while len((TEMP_PREFIX + name + suffix).encode("utf-8", "surrogateescape")) > _NAME_MAX:
        name = name[1:]  # keep the end: .xlsx or .gkdesk.json says what the file is
    return path.with_name(TEMP_PREFIX + name + suffix)


def _keep_mode(path: Path, temp: Path) -> None:
    """Give the new file the permissions the old one had (best effort)."""
    try:
        if path.exists():
            shutil.copymode(path, temp)
    except OSError:
        pass


def _replace(temp: Path, path: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            # Windows refuses to replace a file another program holds open, often only for a moment.
            if os.name != "nt" or attempt + 1 == _REPLACE_ATTEMPTS:
                raise
            time.sleep(_REPLACE_PAUSE)


def _remove(temp: Path) -> None:
    try:
        temp.unlink()
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no folder handles for this."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- workbooks

def office_lock_file(path: Path) -> Path | None:
    """The owner file Excel, WPS or LibreOffice keeps beside a workbook it has open."""
    name = path.name
    for candidate in ("~$" + name, ".~lock." + name + "#"):
        lock = path.with_name(candidate)
        if lock.exists():
            return lock
    return None


def _locked_message(path: Path, lock: Path | None = None) -> str:
    text = f"无法写入“{path.name}”：该文件正被其他程序（如 Excel 或 WPS）打开，或没有写入权限。请关闭该文件后重试，原文件未被改动。"
    if lock is not None:
        text += f"（若该文件并未打开，可能是程序异常退出留下的锁定文件“{lock.name}”，删除它后重试。）"
    return text


def save_workbook(workbook, path: str | Path, overwrite: bool = True) -> Path:
    """Write an openpyxl workbook to `path` atomically; ExportError subclasses on failure."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"“{path}”是一个文件夹，请指定要保存的文件名。", "target is a directory")
    if path.exists() and not overwrite:
        raise TargetExistsError(f"文件“{path.name}”已存在。", "target exists")
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"文件夹不存在：{folder}", "folder does not exist")
    lock = office_lock_file(path)
    if lock is not None and path.exists():
        raise TargetLockedError(_locked_message(path, lock), "target is open in an office program")
    try:
        return write_atomically(path, workbook.save)
    except AtomicWriteError as failure:
        raise _export_error(failure) from None


def _export_error(failure: AtomicWriteError) -> ExportError:
    path, exc = failure.path, failure.error
    if failure.stage == CREATE:
        if isinstance(exc, PermissionError):
            return ExportError(f"没有权限在文件夹“{path.parent}”中写入文件，请另选保存位置。", "folder not writable")
        return ExportError(f"无法在“{path.parent}”中创建文件：{exc.strerror or exc}", str(exc))
    if failure.stage == REPLACE and isinstance(exc, PermissionError):
        # Windows refuses to replace a file another program holds open.
        return TargetLockedError(_locked_message(path), "target locked")
    return ExportError(f"保存“{path.name}”失败：{exc.strerror or exc}（磁盘已满或没有写入权限？）原文件未被改动。", str(exc))
