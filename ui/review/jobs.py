"""The review window's store calls, each a ``BackgroundJob`` on a connection of its own.

The review reads every saved turn and re-answers questions through a fresh engine: tens to
hundreds of milliseconds on a real store, too long for the GUI thread. Each call opens the
store for itself (SQLite connections are per thread), runs one core function and closes
it, like the privacy jobs. The guide worker sees an applied action at its next question:
the store's caches are keyed on SQLite's ``data_version``, which another connection's
commit moves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shopguide.store import open_store
from shopguide.store.errors import StoreError
from ui import background
from ui.background import BackgroundJob
from ui.qt import QObject, is_alive

log = logging.getLogger(__name__)

PREFIX = "review-"


def describe(exc: BaseException) -> str:
    """A ReviewError (a StoreError) says what is wrong in words meant for the merchant;
    anything else is a bug, named by its type (its message could quote a shopper)."""
    return (str(exc) or type(exc).__name__) if isinstance(exc, (StoreError, OSError)) \
        else type(exc).__name__


class StoreJob(BackgroundJob):
    """Run ``work(store)`` on a thread and a store connection of its own."""

    def __init__(self, kind: str, store_path: str | Path,
                 work: Callable[[Any], Any]) -> None:
        self.kind = kind
        path = Path(store_path)

        def run() -> Any:
            store = open_store(path, create=False)
            try:
                return work(store)
            finally:
                try:
                    store.close()
                except Exception as exc:  # noqa: BLE001 - the work is done; say so, go on
                    log.warning("review %s: closing its store failed: %s", kind,
                                type(exc).__name__)

        super().__init__(PREFIX + kind, run, describe)


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
    job = StoreJob(kind, store_path, work)

    # Plain callables, not a receiver QObject: the report must not depend on an object
    # that Qt may delete while the report is on its way.
    def report(callback: Callable[[Any], None], payload: Any) -> None:
        if is_alive(owner):
            callback(payload)

    job.succeeded.connect(lambda result: report(done, result))
    job.failed.connect(lambda message: report(failed, message))
    return job.start()
