"""Erasure and export off the GUI thread, each with its own store connection.

An erasure now cleans every backup copy of the store as well (about 90 ms a copy
plus VACUUMs: seconds with a large store or many backups), and an export writes
to whatever folder the clerk picked (a slow USB stick). Either would freeze the
window on the GUI thread, so each runs as a ``PrivacyJob``: one plain Python
thread that opens the store for itself (SQLite connections must not cross
threads), runs the core function, closes its connection and reports back with a
queued signal, which Qt delivers on the GUI thread.

A plain, non-daemon ``threading.Thread`` rather than a QThread: when the window
closes during an erasure, nothing needs to wait on the GUI thread, and no QThread
object can be destroyed while it runs (that aborts the process). The job keeps
running after its panel is gone; Python waits for non-daemon threads before it
exits, so the erasure always finishes (each file's cleaning is one atomic
SQLite operation anyway, so even a killed process leaves no half-erased file).
The job object is kept in ``_RUNNING`` until its report has been handled on the
GUI thread, so its QObject is never freed on the worker thread.

Messages never carry customer data to the log: only the exception's type is logged.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shopguide.privacy.erase import ErasureError
from shopguide.privacy.export import ExportError
from shopguide.store import open_store
from shopguide.store.errors import StoreError
from ui.qt import QObject, Signal

log = logging.getLogger(__name__)

# Errors the core raises with a message meant for the clerk; anything else is a bug,
# reported by its type (its message could quote customer data).
EXPECTED = (ErasureError, ExportError, StoreError, OSError)

_RUNNING: set[PrivacyJob] = set()


class PrivacyJob(QObject):
    """Run ``work(store)`` on a thread of its own, on a store connection of its own."""

    succeeded = Signal(object)  # whatever ``work`` returned
    failed = Signal(str)  # a message for the clerk
    # Internal: the thread's outcome, queued to the GUI thread (where this object lives).
    _finished = Signal(bool, object)

    def __init__(self, kind: str, store_path: str | Path,
                 work: Callable[[Any], Any]) -> None:
        # No parent: the job must outlive a panel closed while it runs.
        super().__init__()
        self.kind = kind  # "erase" or "export": for the log and for tests
        self._path = Path(store_path)
        self._work = work
        self._thread: threading.Thread | None = None
        self._finished.connect(self._report)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a PrivacyJob runs once")
        _RUNNING.add(self)
        self._thread = threading.Thread(target=self._run, name=f"privacy-{self.kind}",
                                        daemon=False)
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the thread ends (tests; never called on the GUI thread by the app)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.is_running()

    def _run(self) -> None:
        store = None
        try:
            store = open_store(self._path, create=False)
            result = self._work(store)
        except EXPECTED as exc:
            log.warning("privacy %s failed: %s", self.kind, type(exc).__name__)
            self._finished.emit(False, str(exc) or type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never raised in a thread
            log.error("privacy %s failed unexpectedly: %s", self.kind, type(exc).__name__)
            self._finished.emit(False, type(exc).__name__)
        else:
            self._finished.emit(True, result)
        finally:
            if store is not None:
                try:
                    store.close()
                except Exception as exc:  # noqa: BLE001 - the work is done; say so, go on
                    log.warning("privacy %s: closing its store failed: %s", self.kind,
                                type(exc).__name__)

    def _report(self, ok: bool, payload: object) -> None:
        """On the GUI thread: pass the outcome on, then let the job go."""
        try:
            if ok:
                self.succeeded.emit(payload)
            else:
                self.failed.emit(str(payload))
        finally:
            _RUNNING.discard(self)


def running() -> list[PrivacyJob]:
    """Jobs whose thread is still at work (an erasure can outlive its window)."""
    return [job for job in _RUNNING if job.is_running()]


def wait_for_running(timeout_s: float) -> bool:
    """At process exit, or in tests: wait for running jobs; True if none is left."""
    for job in running():
        job.wait(timeout_s)
    return not running()
