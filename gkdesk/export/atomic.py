"""Saving a workbook so that a crash or a locked target never costs a file.

The workbook is written atomically (gkdesk.atomic: a temporary file in the target's folder,
synced, moved over the target in one step). If the target is held open by Excel or WPS,
the move fails, the temporary file is removed and the old target is untouched; the errors
say so in the reviewer's words.
"""
from __future__ import annotations

from pathlib import Path

from ..atomic import CREATE, REPLACE, AtomicWriteError, write_atomically
from .errors import ExportError, TargetExistsError, TargetLockedError


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
