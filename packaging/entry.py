"""Entry point of the frozen application: the same `main` as the `gkdesk` console script."""
import multiprocessing
import sys

from gkdesk.cli import main

if __name__ == "__main__":
    # Batch workers (gkdesk.batch_pool) are started by spawning this executable on Windows:
    # freeze_support() makes such a child run its job instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
