"""The review window's store calls, each a ``BackgroundJob`` on a connection of its own.

The review reads every saved turn and re-answers questions through a fresh engine: tens to
hundreds of milliseconds on a real store, too long for the GUI thread. Each call opens the
store for itself (SQLite connections are per thread), runs one core function and closes
it, like the privacy jobs. The guide worker sees an applied action at its next question:
the store's caches are keyed on SQLite's ``data_version``, which another connection's
commit moves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from shopguide.store.errors import StoreError
from ui import background
from ui.background import BackgroundJob, StoreJob
from ui.qt import QObject, is_alive

PREFIX = "review-"


EXPECTED = (StoreError, OSError)  # a ReviewError is a StoreError: words for the merchant


def running() -> list[BackgroundJob]:
    return background.running(PREFIX)


def wait_for_running(timeout_s: float) -> bool:
    """In tests and at exit: wait for the review's jobs; True if none is left."""
    return background.wait_for_running(timeout_s, PREFIX)


def run_job(owner: QObject, kind: str, store_path: str | Path, work: Callable[[Any], Any],
            done: Callable[[Any], None], failed: Callable[[str], None]) -> StoreJob:
    """Start ``work(store)`` off the GUI thread; ``done(result)`` or ``failed(message)``
    run in the owner's thread, unless the owner was deleted meanwhile (a window closed
    while its job ran). The job itself is kept by ``background``'s registry until after its
    report has been delivered."""
    job = StoreJob(PREFIX, kind, store_path, work, EXPECTED)

    # Plain callables, not a receiver QObject: the report must not depend on an object
    # that Qt may delete while the report is on its way.
    def report(callback: Callable[[Any], None], payload: Any) -> None:
        if is_alive(owner):
            callback(payload)

    job.succeeded.connect(lambda result: report(done, result))
    job.failed.connect(lambda message: report(failed, message))
    return job.start()
