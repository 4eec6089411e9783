"""One lock for PDFium: the library is not thread-safe (pypdfium2's documentation says so), and
the window reads a report on one thread while the page view renders a page on another."""
from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
