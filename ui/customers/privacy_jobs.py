"""Erasure and export off the GUI thread, each with its own store connection.

An erasure now cleans every backup copy of the store as well (about 90 ms a copy
plus VACUUMs: seconds with a large store or many backups), and an export writes
to whatever folder the clerk picked (a slow USB stick). Either would freeze the
window on the GUI thread, so each runs as a ``BackgroundJob`` (``ui/background.py``,
the app's one idiom for one-shot work) that opens the store for itself (SQLite
connections must not cross threads), runs the core function, closes its connection
and reports back on the GUI thread.

The job's thread is not a daemon: when the window closes during an erasure, the job
keeps running after its panel is gone and Python waits for it before it exits, so the
erasure always finishes (each file's cleaning is one atomic SQLite operation anyway, so
even a killed process leaves no half-erased file).

Messages never carry customer data to the log: only the exception's type is logged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from shopguide.privacy.erase import ErasureError
from shopguide.privacy.export import ExportError
from shopguide.store.errors import StoreError
from ui import background
from ui.background import BackgroundJob, StoreJob

# Errors the core raises with a message meant for the clerk; anything else is a bug,
# reported by its type (its message could quote customer data).
EXPECTED = (ErasureError, ExportError, StoreError, OSError)
_PREFIX = "privacy-"


class PrivacyJob(StoreJob):
    """Run ``work(store)`` on a thread and a store connection of its own."""

    def __init__(self, kind: str, store_path: str | Path,
                 work: Callable[[Any], Any]) -> None:
        super().__init__(_PREFIX, kind, store_path, work, EXPECTED)  # kind: "erase", "export"


def running() -> list[BackgroundJob]:
    """Privacy jobs whose thread is still at work (an erasure can outlive its window)."""
    return background.running(_PREFIX)


def wait_for_running(timeout_s: float) -> bool:
    """At process exit, or in tests: wait for running privacy jobs; True if none is left."""
    return background.wait_for_running(timeout_s, _PREFIX)
