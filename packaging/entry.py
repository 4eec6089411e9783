"""Entry point of the frozen application: the same `main` as the `gkdesk` console script."""
import sys

from gkdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
