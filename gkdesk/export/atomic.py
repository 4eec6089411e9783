"""Saving a workbook so that a crash or a locked target never costs a file.

The workbook is written to a temporary file in the target's folder, flushed to disk, and
moved over the target in one step (os.replace). If the target is held open by Excel or
WPS, the move fails, the temporary file is removed and the old target is untouched.
"""
from __future__ import annotations

import os
import secrets
import shutil
import time
from pathlib import Path

from .errors import ExportError, TargetExistsError, TargetLockedError

TEMP_PREFIX = ".~gkdesk-"
_REPLACE_RETRIES = 3  # virus scanners and sync clients hold new files for a moment


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
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"文件夹不存在：{folder}", "folder does not exist")
    lock = office_lock_file(path)
    if lock is not None and path.exists():
        raise TargetLockedError(_locked_message(path, lock), "target is open in an office program")
    temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}.xlsx.part"
    try:
        # 0o666 less the umask, like any new file (mkstemp would make it private to the user)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except PermissionError:
        raise ExportError(f"没有权限在文件夹“{folder}”中写入文件，请另选保存位置。", "folder not writable") from None
    except OSError as exc:
        raise ExportError(f"无法在“{folder}”中创建文件：{exc.strerror or exc}", str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            workbook.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, temp)
        _replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise ExportError(
            f"保存“{path.name}”失败：{exc.strerror or exc}（磁盘已满或没有写入权限？）原文件未被改动。", str(exc)
        ) from None
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(folder)
    return path


def _keep_mode(path: Path, temp: Path) -> None:
    """Give the new file the permissions the old one had (best effort)."""
    try:
        if path.exists():
            shutil.copymode(path, temp)
    except OSError:
        pass


def _replace(temp: Path, path: Path) -> None:
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            # Windows refuses to replace a file another program holds open.
            if attempt + 1 == _REPLACE_RETRIES:
                _remove(temp)
                raise TargetLockedError(_locked_message(path), "target locked") from None
            time.sleep(0.2)


def _remove(temp: Path) -> None:
    try:
        temp.unlink()
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
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
