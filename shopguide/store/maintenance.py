"""``db info``, ``db check`` and ``db backup``: they work on a store as it is,
without migrating it, so they are safe on a store another ShopGuide has open.

Every backup copy is recorded in the store it was taken from (with a random
store identity that the copy carries too), so erasing a customer can find and
scrub every copy ShopGuide made, wherever ``--dest`` put it
(``shopguide.privacy.copies``).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from shopguide.store import connection, schema
from shopguide.store.errors import DiskFull, StoreError, is_full


def _open_existing(path: Path) -> sqlite3.Connection:
    connection.check_file(path)
    return connection.connect(path)


def file_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def info(path: Path) -> dict[str, Any]:
    conn = _open_existing(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        settings = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key NOT LIKE 'id\\_%' ESCAPE '\\' "
            "AND key NOT LIKE 'catalog\\_%' ESCAPE '\\'"
        ).fetchall()) if "settings" in names else {}
        return {
            "path": str(path),
            "schema_version": connection.schema_version(conn),
            "supported_version": schema.LATEST_VERSION,
            "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
            "size_bytes": file_size(path),
            "settings": settings,
            "counts": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in schema.TABLES if t in names},
        }
    finally:
        conn.close()


@dataclass
class CheckResult:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.ok = False
        self.lines.append("FAIL " + line)

    def good(self, line: str) -> None:
        self.lines.append("ok   " + line)


# FTS table -> (content table, its key column): every row must be indexed once.
_FTS_SOURCES = {"products_fts": ("products", "id"), "faq_fts": ("faq", "pk"),
                "customers_fts": ("customers", "pk")}


def check(path: Path) -> CheckResult:
    result = CheckResult()
    try:
        conn = _open_existing(path)
    except StoreError as exc:
        result.fail(str(exc))
        return result
    try:
        version = connection.schema_version(conn)
        if version > schema.LATEST_VERSION:
            result.fail(f"schema version {version} is newer than this ShopGuide "
                        f"(supports up to {schema.LATEST_VERSION})")
        elif version < schema.LATEST_VERSION:
            result.good(f"schema version {version} (will be upgraded to "
                        f"{schema.LATEST_VERSION} when opened)")
        else:
            result.good(f"schema version {version}")
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            result.good("integrity check")
        else:
            for p in problems[:20]:
                result.fail(f"integrity: {p}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            result.fail(f"{len(fk)} row(s) point at rows that do not exist "
                        f"(first in table {fk[0][0]})")
        else:
            result.good("foreign keys")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        for fts, (table, key) in _FTS_SOURCES.items():
            if fts not in names:
                continue
            try:
                conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
                missing = conn.execute(
                    f"SELECT (SELECT count(*) FROM {table} WHERE {key} NOT IN "
                    f"(SELECT rowid FROM {fts})) + (SELECT count(*) FROM {fts} WHERE rowid "
                    f"NOT IN (SELECT {key} FROM {table}))").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                result.fail(f"search index {fts}: {exc}")
                continue
            if missing:
                result.fail(f"search index {fts} is out of step with {table} ({missing} rows)")
            else:
                result.good(f"search index {fts}")
    except sqlite3.DatabaseError as exc:
        result.fail(f"database error: {exc}")
    finally:
        conn.close()
    return result


# id_* settings are internal: `db info` does not show them.
STORE_ID_SETTING = "id_store"  # random; a copy carries it, so a copy can be told apart
BACKUPS_SETTING = "id_backup_copies"  # JSON list of absolute paths of copies made


def store_identity(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?",
                       (STORE_ID_SETTING,)).fetchone()
    return row[0] if row else None


def recorded_backups(conn: sqlite3.Connection) -> list[Path]:
    """The copies ``backup`` recorded in this store (they may since have been deleted)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?",
                       (BACKUPS_SETTING,)).fetchone()
    try:
        paths = json.loads(row[0]) if row else []
    except ValueError:
        return []
    return [Path(p) for p in paths if isinstance(p, str)]


def record_backup(conn: sqlite3.Connection, dest: Path) -> None:
    """Note ``dest`` in the store (and give the store an identity if it has none)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                     (STORE_ID_SETTING, secrets.token_hex(16)))
        known = [str(p) for p in recorded_backups(conn)]
        if str(dest) not in known:
            known.append(str(dest))
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                     "DO UPDATE SET value = excluded.value",
                     (BACKUPS_SETTING, json.dumps(known, ensure_ascii=False)))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def forget_backups(conn: sqlite3.Connection, gone: list[Path]) -> None:
    """Drop copies that no longer exist from the record (the merchant deleted them)."""
    if not gone:
        return
    drop = {str(p) for p in gone}
    keep = [str(p) for p in recorded_backups(conn) if str(p) not in drop]
    conn.execute("UPDATE settings SET value = ? WHERE key = ?",
                 (json.dumps(keep, ensure_ascii=False), BACKUPS_SETTING))


def default_backup_path(store: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return store.parent / "backups" / f"{store.stem}-{stamp}.sqlite"


def backup(path: Path, dest: Path | None = None) -> Path:
    """A consistent copy through SQLite's online backup API. It reads one snapshot
    (WAL lets the app keep writing meanwhile) into a temp file that is checked,
    then renamed into place, so ``dest`` is never a half-written file."""
    dest = dest or default_backup_path(path)
    if dest.is_dir():
        dest = dest / default_backup_path(path).name
    if dest.resolve() == path.resolve():
        raise StoreError("the backup must not overwrite the store itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest = dest.resolve()
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = _open_existing(path)
    try:
        # Recorded first, so a copy is never made that an erasure could not find;
        # a store that cannot record it (read-only) gets no copy.
        try:
            record_backup(src, dest)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot note the backup in the store ({exc}); a copy "
                             "it does not know of could not be cleaned when a customer is "
                             "erased, so none was made") from exc
        try:
            out = sqlite3.connect(str(tmp))
            try:
                src.backup(out)  # all pages in one step: one consistent snapshot
                out.execute("PRAGMA journal_mode = DELETE")
                verdict = out.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                out.close()
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)  # never leave a half copy behind
            if is_full(exc):
                raise DiskFull(dest, "no backup was written") from exc
            if "malformed" in str(exc):
                raise StoreError(f"{path}: the store is damaged ({exc}); no backup was written. "
                                 "Run 'shopguide db check' for details.") from exc
            raise StoreError(f"{path}: the backup could not be written to {dest} ({exc}); "
                             "nothing was written") from exc
    finally:
        src.close()
    if verdict != "ok":
        tmp.unlink(missing_ok=True)
        first = next((ln for ln in str(verdict).splitlines()
                      if ln.strip() and not ln.startswith("***")), str(verdict))
        raise StoreError(f"{path}: the store is damaged, so its copy failed the check ({first}); "
                         "no backup was written. Run 'shopguide db check' for details.")
    tmp.replace(dest)
    return dest
