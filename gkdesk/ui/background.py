"""Run a core function off the GUI thread; hear about progress, success and failure on it.

The core function takes one argument, `progress(done, total, text)`, a plain callback, and
knows nothing of Qt. The callbacks given here are called on the GUI thread.
"""
from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressFn = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside the worker by `progress` once the operation was cancelled."""


class BackgroundOp(QObject):
    """One operation: created on the GUI thread, its signals delivered there.

    It has no Qt parent: a parent deleted while the worker still runs would delete the op's
    signals under it ("Signal source has been deleted"). The object it serves is its owner
    instead: once the owner is destroyed the op is cancelled and its callbacks are not called.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _running: set["BackgroundOp"] = set()

    def __init__(self, fn: Callable[[ProgressFn], Any], owner: QObject | None = None):
        super().__init__()
        self._fn = fn
        self._cancelled = False
        self.orphaned = False
        self.done = False
        if owner is not None:
            owner.destroyed.connect(self._orphan)

    def _orphan(self, *_: object) -> None:
        self.orphaned = True
        self._cancelled = True

    def connect_callback(self, signal: Any, callback: Callable[..., None]) -> None:
        """`callback` on `signal`, unless the owner is gone by the time it is delivered."""
        def deliver(*args: Any) -> None:
            if not self.orphaned:
                callback(*args)

        signal.connect(deliver)

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _progress(self, done: int, total: int, text: str = "") -> None:
        if self._cancelled:
            raise Cancelled()
        self.progressed.emit(done, total, text)

    def _run(self) -> None:  # on the worker thread
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self.failed.emit(Cancelled())
        except Exception as exc:  # reported to the GUI thread, never lost
            exc.gkdesk_traceback = traceback.format_exc()
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    def _finish(self) -> None:
        self.done = True
        BackgroundOp._running.discard(self)


class _Runnable(QRunnable):
    def __init__(self, op: BackgroundOp):
        super().__init__()
        self._op = op

    def run(self) -> None:
        self._op._run()


def run_in_background(
    fn: Callable[[ProgressFn], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundOp:
    """Start `fn(progress)` on `pool` (the global one by default); callbacks arrive on the GUI
    thread, and not at all once `parent` (the object they serve) is destroyed."""
    op = BackgroundOp(fn, parent)
    op.connect_callback(op.succeeded, on_success)
    if on_failure is not None:
        op.connect_callback(op.failed, on_failure)
    if on_progress is not None:
        op.connect_callback(op.progressed, on_progress)
    op.finished.connect(op._finish)
    BackgroundOp._running.add(op)  # keep it alive until it reports back
    (pool or QThreadPool.globalInstance()).start(_Runnable(op))
    return op
