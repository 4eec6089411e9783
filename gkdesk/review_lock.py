"""One editor per report: an exclusive lock file beside it while a window has it open.

`X.txt` gets `X.txt.gkdesk.lock`, created exclusively (O_EXCL, which local disks and SMB shares
honour) and holding who has it: user, machine, process, since when. A second window finds it,
opens the report read-only and names the holder. A lock is stale when its process is gone (same
machine) or it has not been refreshed for STALE_SECONDS (another machine: the holder refreshes
it while open); a stale lock may be taken over. The lock is advisory: the sidecar's writes are
merged in any case (gkdesk.sidecar_merge), so even two editors that ignore it lose nothing.
"""
from __future__ import annotations

import atexit
import getpass
import json
import os
import secrets
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LOCK_SUFFIX = ".gkdesk.lock"
REFRESH_SECONDS = 60  # the window touches its lock this often
STALE_SECONDS = 15 * 60


def lock_path(report_path: str | Path) -> Path:
    p = Path(report_path)
    return p.with_name(p.name + LOCK_SUFFIX)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return "未知用户"


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file says."""

    user: str
    host: str
    pid: int
    since: str
    token: str = ""
    age_seconds: float = 0.0

    @property
    def stale(self) -> bool:
        if self.host == socket.gethostname():
            return not process_alive(self.pid)
        return self.age_seconds > STALE_SECONDS

    def message(self) -> str:
        """For the reviewer: who has the report open, and what they may do."""
        since = self.since.replace("T", " ")
        text = f"该报告正由 {self.user}（计算机 {self.host}）自 {since} 起打开审核，本窗口以只读方式打开，修改不会保存。"
        if self.stale:
            text += "该锁定看起来已失效（对方程序可能已异常退出），可以接管编辑。"
        return text


@dataclass
class ReviewLock:
    """A lock this process holds; release() when the window closes the report (and, at the
    latest, when the process exits)."""

    path: Path
    token: str
    refreshed: float = 0.0

    def __post_init__(self) -> None:
        _held[str(self.path)] = self
        self.refreshed = time.monotonic()

    def refresh(self) -> bool:
        """Touch the lock, at most every REFRESH_SECONDS (so another machine sees it is alive);
        False if it is no longer ours."""
        if time.monotonic() - self.refreshed < REFRESH_SECONDS:
            return True
        self.refreshed = time.monotonic()
        holder = read_holder(self.path)
        if holder is None or holder.token != self.token:
            return False
        try:
            os.utime(self.path)
        except OSError:
            return False
        return True

    def release(self) -> None:
        _held.pop(str(self.path), None)
        holder = read_holder(self.path)
        if holder is not None and holder.token == self.token:
            try:
                self.path.unlink()
            except OSError:
                pass


@dataclass(frozen=True)
class LockResult:
    lock: ReviewLock | None  # ours, when we got it
    holder: Holder | None = None  # the other editor, when we did not
    message: str = ""

    @property
    def read_only(self) -> bool:
        return self.lock is None and self.holder is not None


_held: dict[str, ReviewLock] = {}


@atexit.register
def _release_all() -> None:
    for lock in list(_held.values()):
        lock.release()


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, another user's
    return True


def read_holder(path: Path) -> Holder | None:
    try:
        from .sidecar import read_regular_file

        raw = read_regular_file(path)
        age = time.time() - path.stat().st_mtime
    except OSError:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]), str(data.get("token", "")), age)
    except (ValueError, KeyError, TypeError, AttributeError):
        # Damaged or not ours: a lock of no one, stale once it is old.
        return Holder("未知用户", "未知计算机", 0, "", "", age)


def _create(path: Path, content: bytes) -> None:
    """Create `path` with `content`, failing with FileExistsError if it exists: the content is
    written to a temporary file first and linked into place, so no one reads a half-written lock
    (where links are not supported, an exclusive create and a write)."""
    temp = path.with_name(f".~gkdesk-{path.name}.tmp{secrets.token_hex(6)}")
    try:
        with open(temp, "xb") as handle:
            handle.write(content)
        try:
            os.link(temp, path)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here (some network shares)
    finally:
        try:
            temp.unlink()
        except OSError:
            pass
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def _content(token: str) -> bytes:
    return json.dumps(
        {"user": _user(), "host": socket.gethostname(), "pid": os.getpid(),
         "since": datetime.now().isoformat(timespec="seconds"), "token": token},
        ensure_ascii=False,
    ).encode("utf-8")


def acquire(report_path: str | Path) -> LockResult:
    """Take the report's lock, or say who has it. A folder where no lock can be made (read-only)
    gives no lock and no holder: the sidecar's own write will say it cannot save."""
    path = lock_path(report_path)
    token = secrets.token_hex(8)
    for _ in range(3):
        try:
            _create(path, _content(token))
        except FileExistsError:
            holder = read_holder(path)
            if holder is None:  # released between our attempt and the read: try again
                continue
            mine = _held.get(str(path))
            if mine is not None and holder.token == mine.token:
                return LockResult(mine)  # this process has it already (the report is reopened)
            if holder.host == socket.gethostname() and holder.stale:
                # Its process on this machine is gone (killed, crashed): nobody can be editing,
                # so the report opens for editing and the work the sidecar kept is restored.
                return take_over(report_path, holder)
            return LockResult(None, holder, holder.message())
        except OSError:
            return LockResult(None)
        return LockResult(ReviewLock(path, token))
    return LockResult(None)


def take_over(report_path: str | Path, holder: Holder) -> LockResult:
    """Take a lock from `holder` (the reviewer chose to, after a stale-lock message): the lock is
    replaced only if it is still that holder's."""
    from .atomic import AtomicWriteError, write_atomically

    path = lock_path(report_path)
    current = read_holder(path)
    if current is not None and current.token != holder.token:
        return LockResult(None, current, current.message())  # someone else took it meanwhile
    token = secrets.token_hex(8)
    try:
        write_atomically(path, lambda handle: handle.write(_content(token)))
    except AtomicWriteError:
        return LockResult(None)
    return LockResult(ReviewLock(path, token))
