"""The customer list as a lazily paged Qt model, smooth with 100,000 customers.

Rows arrive a page at a time through ``canFetchMore``/``fetchMore``: the view
asks for more only as the user scrolls near the end, so a store of any size
costs one page at start. Each page is one indexed query of at most
``PAGE_SIZE`` rows (``store.search_customers(text, limit, offset)``) on the
sidebar's own store connection; that takes a few milliseconds, so it runs on the
GUI thread. Counting and anything heavier belong to a worker.
"""

from __future__ import annotations

from typing import Any

from shopguide.store.models import Customer
from ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

PAGE_SIZE = 100  # keep ≤ 200: a page is read on the GUI thread

CustomerRole = Qt.ItemDataRole.UserRole + 1
SubtitleRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CustomerListModel(QAbstractListModel):
    """Customers matching a search text (name, phone or tag), in the store's order."""

    def __init__(self, store: Any, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        if not 0 < page_size <= 200:
            raise ValueError(f"page_size must be 1..200, got {page_size}")
        self._store = store
        self._page = page_size
        self._rows: list[Customer] = []
        self._text = ""
        self._exhausted = False
        self._load_first_page()

    # --- searching --------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return self._text

    def set_search(self, text: str) -> None:
        """Show the customers matching ``text``; the first page is read at once."""
        text = text.strip()
        if text == self._text and self._rows:
            return
        self.beginResetModel()
        self._text = text
        self._rows = []
        self._exhausted = False
        self._load_first_page()
        self.endResetModel()

    def reload(self) -> None:
        """Re-read from the first page (after a customer was added or renamed)."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._load_first_page()
        self.endResetModel()

    def _load_first_page(self) -> None:
        rows = self._store.search_customers(self._text, limit=self._page, offset=0)
        self._rows = list(rows)
        self._exhausted = len(rows) < self._page

    # --- lazy paging ------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        rows = self._store.search_customers(self._text, limit=self._page, offset=len(self._rows))
        # Offsets shift if customers are added meanwhile; never show one twice.
        known = {c.id for c in self._rows[-self._page * 2 :]}
        rows = [c for c in rows if c.id not in known]
        if len(rows) == 0:
            self._exhausted = True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        if len(rows) < self._page:
            self._exhausted = True

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
