"""Guard against a PySide6 build that drops references to None, True and False.

PySide6 6.12.0 on CPython 3.11 returns these singletons without taking a reference: every
void method (QWidget.update), every QModelIndex.data() that yields None, every Signal.emit()
(which returns True). CPython 3.12 made the singletons immortal, so there it is harmless; on
3.11 a reference count reaches zero after a few thousand calls and the interpreter aborts
("deallocating None") — a crash in the middle of a review. Python 3.12+ or PySide6 6.11 avoid
it; this guard covers an environment that has the bad combination anyway: it measures the leak
once and, only if present, gives the three singletons a reference count so large it cannot run
out (what CPython 3.12 does for its immortal objects).
"""
from __future__ import annotations

import sys

_PROBE_CALLS = 64
_RESERVE = 1 << 40
protected = False
_checked = False


def leaks_singleton_references() -> bool:
    """Does this PySide6 drop references to None (void calls) or True (Signal.emit)?"""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("")
        probe.ping.emit()
    lost_none = before[0] - sys.getrefcount(None)
    lost_true = before[1] - sys.getrefcount(True)
    return max(lost_none, lost_true) >= _PROBE_CALLS // 2


def protect_singletons() -> bool:
    """Apply the guard if this PySide6 needs it; True when applied (idempotent)."""
    global protected, _checked
    if _checked or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return protected
    _checked = True
    if not leaks_singleton_references():
        return False
    import ctypes

    for obj in (None, True, False):
        before = sys.getrefcount(obj)
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt: the first field of PyObject
        refcount.value += _RESERVE
        # Other references may come and go meanwhile (ctypes' first use creates some), so allow slack.
        if abs(sys.getrefcount(obj) - before - _RESERVE) > 10_000:  # not the layout we expect: undo, stop
            refcount.value -= _RESERVE
            return False
    protected = True
    return True
