"""One-shot work off the GUI thread: the app's one idiom for it (model loads, privacy jobs).

A ``BackgroundJob`` runs one callable on a plain Python thread and reports its outcome with
a queued signal, which Qt delivers in the thread the job object was created in: the GUI
thread for a privacy job, the guide worker's thread for a model load. The long-lived guide
thread that owns the store connection is the other pattern (``worker.py``); the customer
list's pager keeps its own connection on one pooled thread (``customers/pager.py``).

Why a plain thread, not a QThread or superqt's ``thread_worker``: a job may outlive the
window that started it (an erasure must finish), and a QThread object destroyed while it
runs aborts the process; Python itself waits for a non-daemon thread at exit. Every job is
kept in one registry until its report has been handled and its thread has ended, so its
QObject is never freed on the wrong thread, and ``wait_for_running`` lets the app wait for
all of them at exit (a daemon thread still inside torch's import or a weights read when the
interpreter finalises aborts the process).

Messages never carry customer data to the log: the caller's ``describe`` turns an
exception into the user's message; only the exception's type is logged.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ui.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)

_RUNNING: set[BackgroundJob] = set()
_REPORTED: list[BackgroundJob] = []  # released on the next turn of their thread's event loop
RELEASE_RETRY_MS = 20  # how soon a reported job whose thread is still ending is looked at again


class BackgroundJob(QObject):
    """Run ``work()`` once on a thread of its own; ``succeeded(result)`` or ``failed(message)``
    arrive in the thread this object lives in."""

    succeeded = Signal(object)
    failed = Signal(str)
    # Internal: the thread's outcome, queued to the thread this object lives in.
    _finished = Signal(bool, object)

    def __init__(self, name: str, work: Callable[[], Any],
                 describe: Callable[[BaseException], str], daemon: bool = False) -> None:
        # No parent: the job must outlive a panel closed while it runs.
        super().__init__()
        self.name = name
        self._work = work
        self._describe = describe
        self._daemon = daemon
        self._thread: threading.Thread | None = None
        self._finished.connect(self._report)

    def start(self) -> BackgroundJob:
        if self._thread is not None:
            raise RuntimeError("a BackgroundJob runs once")
        _RUNNING.add(self)
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=self._daemon)
        self._thread.start()
        return self

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the thread ends (at exit and in tests; never on the GUI thread)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.is_running()

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - reported to its owner, never raised in a thread
            log.warning("%s failed: %s", self.name, type(exc).__name__)
            try:
                message = self._describe(exc)
            except Exception:  # noqa: BLE001 - a message is owed whatever went wrong
                message = type(exc).__name__
            self._finished.emit(False, message)
        else:
            self._finished.emit(True, result)

    def _report(self, ok: bool, payload: object) -> None:
        """In the owner's thread: pass the outcome on, then let the job go."""
        try:
            if ok:
                self.succeeded.emit(payload)
            else:
                self.failed.emit(str(payload))
        finally:
            # Not now: if the registry held the last reference, the job would be freed inside
            # the delivery of its own signal (Qt: "shared QObject was deleted directly", then a
            # corrupted heap). The next turn of this thread's event loop lets it go.
            _REPORTED.append(self)
            QTimer.singleShot(0, _release_reported)


def _release_reported() -> None:
    """Let reported jobs go, each once its thread has ended: the thread still holds the job
    (its frame, ``Thread._target``) for a moment after it reported, and if the registry let
    go first, the job would be freed in that thread, a QObject destroyed outside its own
    thread (a corrupted heap: seen as segfaults painting a later window under load)."""
    alive = [job for job in _REPORTED if job.is_running()]
    for job in _REPORTED:
        if job not in alive:
            _RUNNING.discard(job)
    _REPORTED[:] = alive
    if alive:
        QTimer.singleShot(RELEASE_RETRY_MS, _release_reported)


class StoreJob(BackgroundJob):
    """Run ``work(store)`` on a thread of its own, on a store connection of its own (SQLite
    connections must not cross threads): opened for the work, closed after it. An exception
    of the ``expected`` types says what is wrong in words meant for the merchant; anything
    else is a bug, named by its type only (its message could quote customer data)."""

    def __init__(self, prefix: str, kind: str, store_path: str | Path,
                 work: Callable[[Any], Any], expected: tuple[type[BaseException], ...]) -> None:
        self.kind = kind  # for the log and for tests
        path = Path(store_path)

        def run() -> Any:
            from shopguide.store import open_store

            store = open_store(path, create=False)
            try:
                return work(store)
            finally:
                try:
                    store.close()
                except Exception as exc:  # noqa: BLE001 - the work is done; say so, go on
                    log.warning("%s%s: closing its store failed: %s", prefix, kind,
                                type(exc).__name__)

        def describe(exc: BaseException) -> str:
            return (str(exc) or type(exc).__name__) if isinstance(exc, expected) \
                else type(exc).__name__

        super().__init__(prefix + kind, run, describe)


def running(prefix: str = "") -> list[BackgroundJob]:
    """Jobs whose thread is still at work (an erasure can outlive its window)."""
    return [job for job in _RUNNING if job.is_running() and job.name.startswith(prefix)]


def wait_for_running(timeout_s: float, prefix: str = "") -> bool:
    """Wait for running jobs, ``timeout_s`` in all; True if none is left."""
    deadline = time.monotonic() + timeout_s
    for job in running(prefix):
        job.wait(max(0.0, deadline - time.monotonic()))
    return not running(prefix)
