"""The short mutex held around one read-merge-write of a sidecar, by writers of any process.

A file beside the sidecar (`X.gkdesk.json.writing`) made exclusively and holding its holder's
pid, machine and token from the start: it is written to a temporary file, locked, and linked
into place, so nobody ever finds it empty or its holder's kernel lock not yet taken. While held,
the holder keeps an exclusive kernel lock on it (flock; on Windows a byte-range lock), which the
system drops when the holder dies, however it dies.

A waiter that finds the mutex takes its kernel lock itself to judge it: if it gets it, the
holder is gone; it checks that the file it locked is still the one at the path (another waiter
may have broken it and a new holder made a new one) and removes it, holding the lock all along,
so two waiters never both break one mutex nor one of them a live holder's. A file without the
kernel-lock mark (a gkdesk before it, or a folder without links) is judged by its pid (a dead
process of this machine), by being empty for a moment, or by its age.
"""
from __future__ import annotations

import errno
import os
import secrets
import socket
import threading
import time
from pathlib import Path

from .errors import SidecarWriteError

# The write mutex is held for one read-merge-write (milliseconds); one older than this was
# left by a process that died while writing (judged so only when no kernel lock says more).
MUTEX_STALE_SECONDS = 30
UNNAMED_MUTEX_SECONDS = 2.0  # an empty mutex (made by an exclusive create, then killed) after this
MUTEX_WAIT_SECONDS = 10
KERNEL_LOCKED = "flock"
_NO_ROOM = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EROFS)  # the mark of a holder that keeps the kernel lock while it holds the mutex


def mutex_path(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name + ".writing")


class WriteMutex:
    """Held around one read-merge-write (a context manager); SidecarWriteError after
    MUTEX_WAIT_SECONDS of another live holder."""

    def __init__(self, sidecar: Path):
        self.path = mutex_path(sidecar)
        self.fd: int | None = None
        self._in_process = _thread_lock(self.path)

    def __enter__(self) -> "WriteMutex":
        deadline = time.monotonic() + MUTEX_WAIT_SECONDS
        # One thread of this process at a time: where flock is emulated by record locks (NFS)
        # the kernel lock is the process's, and a second thread would get it too.
        if not self._in_process.acquire(timeout=MUTEX_WAIT_SECONDS):
            raise _timeout(self.path)
        try:
            self._enter(deadline)
        except BaseException:
            self._in_process.release()
            raise
        return self

    def _enter(self, deadline: float) -> None:
        pause = 0.002
        while True:
            try:
                if self._take():
                    return
            except OSError as exc:
                if isinstance(exc, PermissionError) or exc.errno in _NO_ROOM:
                    return  # a read-only folder or a full disk: the atomic write says so, in its words
                raise SidecarWriteError(f"无法写入修改记录：{exc.strerror or exc}", str(exc)) from exc
            self._break_if_stale()
            if time.monotonic() > deadline:
                raise _timeout(self.path)
            time.sleep(pause)
            pause = min(pause * 2, 0.05)

    def _take(self) -> bool:
        """Put a mutex of ours in place, its kernel lock held before anyone can see it; False if
        one is there."""
        content = f"{os.getpid()} {socket.gethostname()} {secrets.token_hex(6)}"
        if os.name == "nt":  # a file open there cannot be unlinked, the temporary one included
            return self._take_by_exclusive_create(content)
        temp = self.path.with_name(f".~gkdesk-{self.path.name}.tmp{secrets.token_hex(6)}")
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        try:
            os.write(fd, _marked(content, _try_lock(fd)))
            try:
                os.link(temp, self.path)
            except FileExistsError:
                return False
            except OSError:  # no hard links here (some network shares): an exclusive create
                os.close(fd)
                fd = -1
                return self._take_by_exclusive_create(content)
            self.fd, fd = fd, -1
            return True
        finally:
            if fd >= 0:
                os.close(fd)
            _unlink(temp)

    def _take_by_exclusive_create(self, content: str) -> bool:
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        except FileExistsError:
            return False
        os.write(fd, _marked(content, _try_lock(fd)))
        self.fd = fd
        return True

    def _break_if_stale(self) -> None:
        try:
            fd = _open_to_lock(self.path)
        except OSError:
            return  # gone already (released or broken): take it on the next turn
        try:
            got_lock = _try_lock(fd)
            if not got_lock:
                return  # its holder lives (or, without the mark, someone is judging it too)
            holder = _read(fd).split()
            # A holder that marks the mutex keeps its kernel lock while it holds it: with that
            # lock in our hands, the holder is gone.
            stale = KERNEL_LOCKED in holder or _stale_by_content(holder, self.path)
            if stale and _still_at(fd, self.path):
                fd = _remove_locked(fd, self.path)
        finally:
            if fd >= 0:
                os.close(fd)

    def __exit__(self, *exc) -> None:
        try:
            if self.fd is not None:
                fd, self.fd = self.fd, None
                fd = _remove_locked(fd, self.path) if _still_at(fd, self.path) else fd
                if fd >= 0:
                    os.close(fd)
        finally:
            self._in_process.release()


def _timeout(path: Path) -> SidecarWriteError:
    return SidecarWriteError(
        f"修改记录 {path.name} 正被另一程序写入，等待超时；修改仍保留在程序中，稍后会再次保存。", "write mutex timeout"
    )


def _marked(content: str, locked: bool) -> bytes:
    return f"{content} {KERNEL_LOCKED}".encode() if locked else content.encode()


def _remove_locked(fd: int, path: Path) -> int:
    """Remove the mutex file whose kernel lock `fd` holds; the fd still to close (-1 if closed).

    POSIX: unlinked while locked, then closed, so a waiter that locks it next finds it is no
    longer the file at the path. Windows cannot remove a file open anywhere: closed first; a
    new holder's file at the path is open by its holder, so the removal cannot touch it."""
    if os.name == "nt":
        os.close(fd)
        _unlink(path)
        return -1
    _unlink(path)
    return fd


_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    with _thread_locks_guard:
        return _thread_locks.setdefault(str(path), threading.Lock())


def _open_to_lock(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR)  # an exclusive record lock (flock on NFS) needs write access
    except PermissionError:
        return os.open(path, os.O_RDONLY)


def _stale_by_content(holder: list[str], path: Path) -> bool:
    """A mutex without the kernel-lock mark: a dead process of this machine, empty for a moment,
    or old."""
    from .review_lock import process_alive

    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    dead_here = (len(holder) >= 2 and holder[1] == socket.gethostname() and holder[0].isdigit()
                 and not process_alive(int(holder[0])))
    unnamed = not holder and age > UNNAMED_MUTEX_SECONDS
    return age > MUTEX_STALE_SECONDS or dead_here or unnamed


def _still_at(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _read(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 512).decode("utf-8", "replace")
    except OSError:
        return ""


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        """An exclusive lock on the file's first byte, without waiting; False if held or unsupported."""
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """An exclusive flock, without waiting; False if held or unsupported (some shares)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False
