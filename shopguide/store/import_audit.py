"""The catalog-text check of an import, beside the write instead of before it.

Checking every description sentence (``guide/catalog_text.py``: prices, stock figures,
discounts, instructions) costs about as much as writing the row, and both are Python that
holds the GIL. For a large products.csv the check runs in a second process, batch by batch,
while this one writes: on two cores the import takes about as long as the slower of the two
instead of their sum. A small file is checked here (starting a process would cost more).
Only a few batches wait for the checker at a time, so memory stays bounded.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections import deque
from collections.abc import Callable
from typing import Any

Audit = Callable[[str, dict[str, Any]], list[tuple[str, str]]]
Records = list[tuple[int, dict[str, Any]]]
Found = list[tuple[int, str, str]]  # (row, column, message)

PARALLEL_BYTES = 4 << 20  # files above this are checked in a second process
IN_FLIGHT = 4  # batches handed to the checker and not yet back


def check_batch(audit: Audit, kind: str, records: Records) -> Found:
    return [(row_no, column, message)
            for row_no, rec in records for column, message in audit(kind, rec)]


class BatchAuditor:
    """Feed batches with ``add``; ``results`` gives the findings in file order, the first
    ``keep`` of them (``dropped`` counts the rest: a catalog copied from a marketplace can
    hold hundreds of thousands, which nobody reads and memory need not hold)."""

    def __init__(self, audit: Audit, kind: str, parallel: bool, keep: int = 1000) -> None:
        self.audit, self.kind = audit, kind
        self.keep = keep
        self.dropped = 0
        self._found: Found = []
        self._pending: deque[cf.Future[Found]] = deque()
        self._pool: cf.ProcessPoolExecutor | None = None
        if parallel and _picklable(audit):
            # spawn, not fork: the caller may hold threads and an open SQLite connection.
            self._pool = cf.ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"))

    def add(self, records: Records) -> None:
        if self._pool is None:
            self._take(check_batch(self.audit, self.kind, records))
            return
        self._pending.append(self._pool.submit(check_batch, self.audit, self.kind, records))
        while len(self._pending) > IN_FLIGHT:
            self._take(self._pending.popleft().result())

    def _take(self, found: Found) -> None:
        room = max(0, self.keep - len(self._found))
        self._found += found[:room]
        self.dropped += max(0, len(found) - room)

    def results(self) -> Found:
        try:
            while self._pending:
                self._take(self._pending.popleft().result())
        finally:
            self.close()
        return self._found

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _picklable(fn: Any) -> bool:
    """A module-level function reaches the second process by name; a closure does not."""
    return getattr(fn, "__qualname__", "") == getattr(fn, "__name__", None) and \
        "<" not in getattr(fn, "__qualname__", "<")
