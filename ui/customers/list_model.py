"""The customer list as a lazily paged Qt model, smooth with 100,000 customers.

Rows arrive a page at a time through ``canFetchMore``/``fetchMore``: the view
asks for more only as the user scrolls near the end, so a store of any size
costs one page at start. Pages are read by ``CustomerPager`` on a background
thread with its own connection (a broad search ranks thousands of matches, too
slow for the GUI thread) and inserted when they arrive; an answer for a search
that was replaced meanwhile is dropped.
"""

from __future__ import annotations

from typing import Any

from shopguide.store.models import Customer
from ui.customers.pager import CustomerPager
from ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

PAGE_SIZE = 100

CustomerRole = Qt.ItemDataRole.UserRole + 1
SubtitleRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CustomerListModel(QAbstractListModel):
    """Customers matching a search text (name, phone or tag), in the store's order."""

    pageLoaded = Signal()  # rows were added (or the search found nothing more)
    countChanged = Signal(int)  # matches in the store, not rows loaded
    loadFailed = Signal(str)

    def __init__(self, store: Any, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        if not 0 < page_size <= 500:
            raise ValueError(f"page_size must be 1..500, got {page_size}")
        self._page = page_size
        self._rows: list[Customer] = []
        self._text = ""
        self._generation = 0
        self._exhausted = False
        self._pending = False
        self.total: int | None = None
        self._pager = CustomerPager(store.path, self)
        self._pager.pageReady.connect(self._page_ready)
        self._pager.countReady.connect(self._count_ready)
        self._pager.failed.connect(self._failed)
        self._start()

    # --- searching --------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return self._text

    @property
    def loading(self) -> bool:
        return self._pending

    def set_search(self, text: str) -> None:
        """Show the customers matching ``text``; the first page is requested at once."""
        text = text.strip()
        if text == self._text:
            return
        self._text = text
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a customer was added or renamed)."""
        self.beginResetModel()
        self._rows = []
        self.endResetModel()
        self._start()

    def _start(self) -> None:
        self._generation += 1
        self._exhausted = False
        self.total = None
        self._request(with_count=True)

    def _request(self, with_count: bool = False) -> None:
        self._pending = True
        self._pager.request(self._generation, self._text, self._page, len(self._rows), with_count)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the requested pages are read (tests); rows arrive as queued signals."""
        return self._pager.wait(msecs)

    def close(self) -> None:
        self._pager.close()

    # --- lazy paging ------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and not self._exhausted and not self._pending

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request()

    def _page_ready(self, generation: int, offset: int, rows: list[Customer]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return  # an answer to a search that was replaced
        self._pending = False
        # Offsets shift if customers are added meanwhile; never show one twice.
        known = {c.id for c in self._rows[-self._page * 2 :]}
        fresh = [c for c in rows if c.id not in known]
        if len(rows) < self._page:
            self._exhausted = True
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        elif rows:
            self._exhausted = True  # only repeats: the list moved under us; stop here
        self.pageLoaded.emit()

    def _count_ready(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self.total = count
            self.countChanged.emit(count)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._pending = False
            self._exhausted = True
            self.loadFailed.emit(message)

    # --- reading ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name
        if role == CustomerRole:
            return c
        if role == SubtitleRole:
            return subtitle(c)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            sub = subtitle(c)
            return f"{c.name}, {sub}" if sub else c.name
        return None

    def customer_at(self, row: int) -> Customer | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, customer_id: str) -> int:
        """The row showing ``customer_id`` among the rows loaded so far, or -1."""
        for i, c in enumerate(self._rows):
            if c.id == customer_id:
                return i
        return -1

    def update_customer(self, customer: Customer) -> None:
        """Show a saved customer's new values in place (no re-query, the scroll stays)."""
        row = self.row_of(customer.id)
        if row >= 0:
            self._rows[row] = customer
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)


def subtitle(c: Customer) -> str:
    """The second line under a name: phone and tags, whichever there are."""
    parts = [p for p in (c.phone, " · ".join(c.tags)) if p]
    return "  ".join(parts)
