"""The bundle's entry point: the same ``shopguide`` command as the pip install.

Logging is set up here, before anything else, so the packaged app always writes
its log to the user's log folder even if the CLI grows other entry points.
"""

from __future__ import annotations

import multiprocessing
import sys


def _main() -> int:
    from shopguide.cli import main
    from shopguide.logging_setup import setup_logging

    setup_logging()
    return main()


if __name__ == "__main__":
    # A frozen app must let multiprocessing's children (a DataLoader's workers
    # during training) start without re-running the app.
    multiprocessing.freeze_support()
    sys.exit(_main())
