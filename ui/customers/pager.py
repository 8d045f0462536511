"""Customer searches on a background thread, one page at a time.

A page of the plain list (by name) takes a few milliseconds even at 100,000
customers, but a broad search (``139``, ``VIP``) has to rank every match first:
60–200 ms there, too long for the GUI thread. So every page is read here, on one
pool thread with its own store connection (SQLite connections are per thread).

One thread, not several: requests run in order, and a request that a newer
search has already replaced is skipped without touching the database. The pool
is a child of its owner, and a QThreadPool waits for its task when it is
destroyed, so closing the window never kills a running query.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from shopguide.store import open_store
from ui.qt import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Connection:
    """The pool thread's own store, opened on first use and closed by ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store: Any = None

    def get(self) -> Any:
        if self.store is None:
            self.store = open_store(self.path, create=False)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class CustomerPager(QObject):
    """Reads customer pages off the GUI thread; answers with queued signals."""

    pageReady = Signal(int, int, object)  # generation, offset, list[Customer]
    countReady = Signal(int, int)  # generation, number of matches
    failed = Signal(int, str)  # generation, a message without customer data

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the thread, and so its connection
        self._conn = _Connection(Path(path))
        self._latest = 0
        self._lock = threading.Lock()
        self._idle = threading.Condition()
        self._pending = 0
        self._closed = False

    def request(self, generation: int, text: str, limit: int, offset: int,
                with_count: bool = False) -> None:
        """Queue a page; earlier generations still waiting are dropped."""
        if self._closed:
            return
        with self._lock:
            self._latest = generation

        def job() -> None:
            try:
                page()
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

        def page() -> None:
            with self._lock:
                if generation < self._latest:
                    return  # replaced by a newer search while it waited
            try:
                store = self._conn.get()
                rows = store.search_customers(text, limit=limit, offset=offset)
                self.pageReady.emit(generation, offset, rows)
                if with_count:
                    self.countReady.emit(generation, store.count_customers(text))
            except Exception as exc:  # noqa: BLE001 - reported to the GUI, not raised in a pool
                # The type only: the message could quote the search text (a name, a phone).
                log.warning("customer search failed: %s", type(exc).__name__)
                self.failed.emit(generation, type(exc).__name__)

        with self._idle:
            self._pending += 1
        self._pool.start(QRunnable.create(job))

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the queued pages (tests, and shutdown).

        Not QThreadPool.waitForDone: it also ends the pool's thread, and the connection that
        thread opened could then not be used by the next page (SQLite objects stay on the
        thread that made them)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0,
                                       None if msecs < 0 else msecs / 1000)

    def close(self) -> None:
        """Finish the running page, drop the rest, close the connection on its own thread."""
        if self._closed:
            return
        self._closed = True
        self._pool.clear()
        self._pool.start(QRunnable.create(self._conn.close))
        self._pool.waitForDone()
        with self._idle:  # the pages clear() dropped will never count themselves done
            self._pending = 0
            self._idle.notify_all()
