"""The store: one SQLite file holding a shop's catalog, policies and customers.

    from shopguide.store import open_store
    with open_store(path) as store:
        for product, score in store.search_products("跑鞋", max_price=500):
            ...

One ``Store`` per thread: a worker thread opens its own with ``open_store(store.path)``.
The CLI and the app find the file with ``location.open_from_args(args)``
(--store, SHOPGUIDE_STORE, the user data folder, or --demo).

What a Store offers (see the mixins for details):

* catalog.py: product/products/all_products/count_products/save_product/delete_product,
  search_products (FTS + filters), vocabulary, faq/all_faq/search_faq/save_faq.
* people.py: customer/search_customers/count_customers/save_customer/delete_customer,
  notes, purchases, follow-ups, consents (a history), privacy log, wipe_free_space.
* chat.py: conversations and messages, ratings, retention.
* core.py: settings/set_settings, transaction() (all or nothing, nestable), counts,
  and ``conn`` (sqlite3) for anything else.

Import and export of store folders: importer.py and exporter.py. Schema and
migrations: schema.py. Full-text details (Chinese and English): text.py, ranking.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from shopguide.store import connection, schema
from shopguide.store.catalog import CatalogMixin, Vocabulary
from shopguide.store.chat import ChatMixin
from shopguide.store.errors import (
    ImportError_,
    ImportFailed,
    Problem,
    SchemaTooNewError,
    StoreError,
)
from shopguide.store.people import PeopleMixin
from shopguide.store.word_stats import WordStatsMixin

LATEST_VERSION = schema.LATEST_VERSION
log = logging.getLogger(__name__)


class Store(CatalogMixin, WordStatsMixin, PeopleMixin, ChatMixin):
    """A connection to one store file, with the catalog, customer and chat API."""

    def __repr__(self) -> str:
        return f"<Store {self.path}>"


def open_store(path: str | Path, create: bool = True) -> Store:
    """Open (or create) the store at ``path`` and bring its schema up to date.

    WAL mode, foreign keys on, busy timeout set. A store saved by a newer
    ShopGuide raises SchemaTooNewError and is left untouched; a file that is not
    a ShopGuide store raises StoreError.
    """
    path = Path(path)
    if str(path) != ":memory:":
        connection.check_file(path, create)
        if path.exists() and not connection.writable(path):
            return _open_read_only(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = connection.connect(path)
    try:
        connection.prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    store = Store(conn, path)
    if store.wipe_pending():
        # An erasure was cut off (power cut, kill) after its rows went but before the file
        # was scrubbed: the deleted words may still be in old index segments. Finish it.
        log.warning("an interrupted erasure left the store unscrubbed; scrubbing it now")
        store.wipe_free_space()
    return store


def _open_read_only(path: Path) -> Store:
    """A store on a read-only file or folder (a CD, a locked-down kiosk image, a share
    mounted read-only) can still answer shoppers; anything that would write says why not."""
    conn = connection.connect(path, readonly=True)
    try:
        found = connection.schema_version(conn)
        if found > LATEST_VERSION:
            raise SchemaTooNewError(path, found, LATEST_VERSION)
        if found < LATEST_VERSION:
            raise StoreError(
                f"{path}: this store is read-only and was saved by an older ShopGuide; "
                "updating it needs write access. Make the file and its folder writable, "
                "then open it again.")
    except BaseException:
        conn.close()
        raise
    store = Store(conn, path)
    store.readonly = True
    return store


__all__ = [
    "LATEST_VERSION",
    "ImportError_",
    "ImportFailed",
    "Problem",
    "SchemaTooNewError",
    "Store",
    "StoreError",
    "Vocabulary",
    "open_store",
]
