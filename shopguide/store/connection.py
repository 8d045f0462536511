"""Opening a store file: pragmas, SQL functions, schema checks and migrations."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from shopguide.store import schema, text
from shopguide.store.errors import SchemaTooNewError, StoreError

BUSY_TIMEOUT_MS = 10_000
MMAP_BYTES = 2 << 30  # SQLite lowers it to its build's limit (2 GiB by default)


def register_functions(conn: sqlite3.Connection) -> None:
    """The functions the schema's triggers call to keep the FTS indexes in sync."""
    det = {"deterministic": True}
    conn.create_function("sg_index_text", -1, text.index_text, **det)
    conn.create_function("sg_index_list", 1, text.index_list, **det)
    conn.create_function("sg_person_text", 4, text.person_text, **det)
    conn.create_function("sg_category_keys", 1, text.category_keys, **det)
    conn.create_function("sg_facets", 4, text.facet_text, **det)
    # Same name, six arguments: the v7 facets (price and stock words too).
    conn.create_function("sg_facets", 6, text.facet_text_v7, **det)
    conn.create_function("sg_fold", 1, lambda v: None if v is None else text.fold(v), **det)


def writable(path: Path) -> bool:
    """Can we write the store, and its folder (WAL keeps -wal and -shm files beside it)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def check_file(path: Path, create: bool = False) -> None:
    """What is wrong with the file at ``path`` before SQLite sees it, in the merchant's
    words: nothing there (unless ``create``), a folder, or an empty file (SQLite would
    take it as a new, empty store and the guide would tell every shopper "can't help")."""
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no store here. Check the path, or create the store by "
                             f"importing a catalog into it: shopguide --store {path} import FOLDER")
    elif path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    elif path.stat().st_size == 0:
        raise StoreError(
            f"{path}: the file is empty (0 bytes) and holds no store; a copy or a save was "
            "cut short. Restore it from a backup, or delete it and run 'shopguide import' to "
            "start a new store.")


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode; every write goes in an explicit transaction."""
    try:
        if readonly:
            # A read-only folder cannot hold the -shm file a WAL reader needs: then the
            # file is read as immutable (no one can change it there anyway).
            flags = "mode=ro" if os.access(path.parent, os.W_OK) else "mode=ro&immutable=1"
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?{flags}", uri=True, isolation_level=None
            )
        else:
            conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Our triggers call our own functions; allow that even where the build
        # defaults trusted_schema to off.
        conn.execute("PRAGMA trusted_schema = ON")
        # Deleted customer data is overwritten, not left in free pages.
        conn.execute("PRAGMA secure_delete = ON")
        # Ranking reads scattered pages of the product index (bm25 reads every
        # candidate's positions and row length). Read through a memory map they cost
        # no read() call and copy each: ~10% less CPU for a broad filtered query at
        # 1M products. The map is address space backed by the file, not extra memory.
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        register_functions(conn)
        _check_is_store(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a ShopGuide store or damaged ({exc})") from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _check_is_store(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == schema.APPLICATION_ID:
        return
    if app_id != 0:
        raise StoreError(f"{path}: this SQLite file belongs to another application")
    has_tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if has_tables:
        raise StoreError(f"{path}: this SQLite file is not a ShopGuide store")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def prepare(conn: sqlite3.Connection, path: Path, target: int = schema.LATEST_VERSION) -> int:
    """Turn on WAL and bring the schema up to ``target``. Returns the version found.

    A store with data gets a backup copy before its first migration step, so a
    merchant can always go back to the version that worked.
    """
    found = schema_version(conn)
    if found > schema.LATEST_VERSION:
        raise SchemaTooNewError(path, found, schema.LATEST_VERSION)
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal" and str(path) != ":memory:":
        raise StoreError(f"{path}: cannot switch the store to WAL mode (got {mode})")
    conn.execute("PRAGMA synchronous = NORMAL")
    if found >= target:
        return found
    if found > 0:
        backup_before_migration(conn, path, found)
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the write lock.
        current = schema_version(conn)
        if current > schema.LATEST_VERSION:
            raise SchemaTooNewError(path, current, schema.LATEST_VERSION)
        if current == 0:
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        for version in range(current, target):
            schema.MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return found


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path | None:
    if str(path) == ":memory:":
        return None
    target = path.with_name(f"{path.stem}.v{version}-backup{path.suffix or '.sqlite'}")
    if target.exists():
        return target
    # Recorded in the store (and so in the copy), so erasing a customer finds the copy
    # even after the store file is renamed (shopguide.privacy.copies).
    from shopguide.store.maintenance import record_backup

    record_backup(conn, target.resolve())
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def json_column(value: Any) -> str:
    """How a list or map is stored in a column: compact JSON (no spaces after separators:
    a byte per item on every row of a million-row catalog), text kept as UTF-8, a map's
    keys sorted so equal values are equal text (an import compares rows as text)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=isinstance(value, dict))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def stamp(moment: datetime | None) -> str:
    """How times are stored: UTC, ISO 8601 with microseconds (so text order is time
    order). A naive datetime is taken as local time."""
    if moment is None:
        return now()
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def parse_time(value: str | None) -> datetime:
    if not value:
        return datetime.fromtimestamp(0, timezone.utc)
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
