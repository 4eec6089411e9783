"""An input file's bytes, refused with a clear message when the file cannot be a report:
missing, a folder, larger than its limit, empty, or unreadable."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .limits import MB


def too_large(size: int, limit: int) -> InputError:
    return InputError(f"文件过大（{size // MB} MB），超过 {limit // MB} MB 的上限，未读取。", f"file too large: {size} bytes")


def empty_file() -> InputError:
    return InputError("文件是空的。", "empty file")


def checked_size(path: Path, limit: int) -> int:
    """The size of a file that exists, is not a folder and is at most `limit` bytes."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"找不到文件：{path}", f"file not found: {path}") from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if path.is_dir():
        raise InputError(f"这是一个文件夹，不是报告文件：{path}", "is a directory")
    if size > limit:
        raise too_large(size, limit)
    return size


def read_input_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a file checked by checked_size, and not empty."""
    if checked_size(path, limit) == 0:
        raise empty_file()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> InputError:
    import errno

    if exc.errno == errno.ELOOP:
        return InputError(f"无法读取文件：{path}（符号链接指向自身，形成循环）", str(exc))
    return InputError(f"无法读取文件：{path}（{exc.strerror or exc}）", str(exc))
