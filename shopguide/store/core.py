"""The Store object's base: connection, transactions, settings, change tracking."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TypeVar

from shopguide.store import connection
from shopguide.store.errors import (DiskFull, StoreBusy, StoreError, StoreReadOnly, is_busy,
                                     is_full)
from shopguide.store.models import StoreSettings

_SETTING_NAMES = ("name", "language", "currency")
_S = TypeVar("_S", bound="StoreBase")


def to_cents(amount: float | str | Decimal) -> int:
    return int((Decimal(str(amount)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_cents(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def default_currency(language: str) -> str:
    return "CNY" if language == "zh" else "USD"


class StoreBase:
    """One connection to one store file. Use it from the thread that opened it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._cache: dict[str, tuple[tuple[int, int], Any]] = {}
        self._savepoints = 0
        self.readonly = False  # opened from a file or folder we may not write

    # -- lifecycle --------------------------------------------------------
    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return connection.schema_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. Takes the write lock at once (BEGIN IMMEDIATE), so two
        writers queue on busy_timeout instead of failing on a lock upgrade.
        Nested use becomes a savepoint."""
        conn = self.conn
        if conn is None:
            raise StoreError("the store is closed")
        if conn.in_transaction:
            self._savepoints += 1
            name = f"sp_{self._savepoints}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                self._cache.clear()  # see below
                raise
            conn.execute(f"RELEASE {name}")
            return
        self._begin(conn)
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            # A rollback leaves the change key where the rolled-back writes put it, so
            # derived data read inside the transaction (the synonyms a review preview
            # added) would pass for current: forget it.
            self._cache.clear()
            if isinstance(exc, (sqlite3.Error, OSError)) and is_full(exc):
                raise DiskFull(self.path) from exc
            raise

    def _begin(self, conn: sqlite3.Connection) -> None:
        if self.readonly:
            raise StoreReadOnly(self.path)
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):  # busy_timeout ran out: another writer holds the lock
                raise StoreBusy(self.path, connection.BUSY_TIMEOUT_MS / 1000) from exc
            raise

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows as dicts (column name → value)."""
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description or ()]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    # -- caching of derived data ------------------------------------------
    def _change_key(self) -> tuple[int, int]:
        """Changes when this connection writes or another one commits."""
        data_version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return (data_version, self.conn.total_changes)

    def _cached(self, name: str, build: Any) -> Any:
        key = self._change_key()
        hit = self._cache.get(name)
        if hit and hit[0] == key:
            return hit[1]
        value = build()
        self._cache[name] = (self._change_key(), value)
        return value

    # -- settings ----------------------------------------------------------
    def settings(self) -> StoreSettings:
        # (catalog_* rows are derived data kept for speed, not settings: catalog.py)
        values = dict(self.conn.execute(
            "SELECT key, value FROM settings WHERE key NOT LIKE 'catalog\\_%' ESCAPE '\\'"
        ).fetchall())
        language = values.get("language") or StoreSettings.language
        return StoreSettings(
            name=values.get("name") or StoreSettings.name,
            language=language,
            currency=values.get("currency") or default_currency(language),
        )

    def set_settings(
        self, name: str | None = None, language: str | None = None, currency: str | None = None
    ) -> StoreSettings:
        given = {"name": name, "language": language, "currency": currency}
        if language is not None and language not in ("zh", "en"):
            raise StoreError(f"store language must be 'zh' or 'en', not {language!r}")
        if currency is not None:
            currency = currency.strip().upper()
            if len(currency) != 3 or not currency.isalpha():
                raise StoreError(f"currency must be a 3-letter ISO 4217 code, not {currency!r}")
            given["currency"] = currency
        with self.transaction() as conn:
            for key in _SETTING_NAMES:
                if given[key] is not None:
                    conn.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, given[key]),
                    )
        return self.settings()

    def counts(self) -> dict[str, int]:
        from shopguide.store.schema import TABLES

        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        return {
            t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in TABLES
            if t in names
        }
