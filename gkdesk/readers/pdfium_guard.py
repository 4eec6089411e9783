"""One lock for PDFium: the library is not thread-safe (pypdfium2's documentation says so), and
the window reads a report on one thread while the page view renders a page on another."""
from __future__ import annotations

import os
import threading

PDFIUM_LOCK = threading.RLock()

if hasattr(os, "register_at_fork"):
    # A fork (gkdesk.isolated_job, from the window's worker threads) waits until no thread is
    # inside PDFium: the child would otherwise start with PDFium halfway through a call and this
    # lock held by a thread it does not have (its first PDF would wait forever). The forking
    # thread holds the lock across the fork; both sides then release their copy.
    os.register_at_fork(
        before=PDFIUM_LOCK.acquire,
        after_in_parent=PDFIUM_LOCK.release,
        after_in_child=PDFIUM_LOCK.release,
    )
