"""The gkdesk command line with a PDF reader that dies natively on a marked file, for the tests
of a batch outliving a crash in PDFium (tests/test_batch_crash.py).

    python tests/fuzz/crashing_reader.py extract -j 2 a.pdf b.txt ...

A PDF holding CRASH_MARK ends the process that reads it with os.abort() (SIGABRT, as PDFium's
own assertions do): no exception, no cleanup, whatever process it runs in. Test-only: the
patch lives here, in the process this script starts (and the workers it forks); the window's
test (tests/test_ui_crashing_pdf.py) puts `crashing` in its own process, for the children the
window forks.
"""
from __future__ import annotations

import os
import sys

CRASH_MARK = b"%gkdesk-test: abort the reader here"


def crashing(real, spare_pid: int | None = None):
    """`real` (pdf_reader.read_pdf) aborting its process on a marked PDF. In the process
    `spare_pid` (a test's own, whose window must read PDFs in a child) it raises AssertionError
    instead, so that a test of the window fails rather than ending the test run."""

    def read_pdf(path, progress=None):
        with open(path, "rb") as handle:
            if CRASH_MARK in handle.read():
                if os.getpid() == spare_pid:
                    raise AssertionError(f"{path} was read in the window's own process")
                os.abort()
        return real(path, progress)

    return read_pdf


def main(argv: list[str]) -> int:
    from gkdesk.cli import main as cli_main
    from gkdesk.readers import pdf_reader

    pdf_reader.read_pdf = crashing(pdf_reader.read_pdf)
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
