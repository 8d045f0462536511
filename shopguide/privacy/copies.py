"""The copies of a store that ShopGuide made, and cleaning an erased person out of them.

A merchant who erases a customer expects the person gone from the machine, not
only from the live store. ShopGuide makes two kinds of copies:

* ``<store>.v<N>-backup.sqlite`` beside the store, written before a schema
  upgrade (kept at the old version so the merchant can go back);
* ``shopguide db backup`` copies: ``backups/<store>-<time>.sqlite`` by default,
  anywhere with ``--dest``; each one is recorded in the store it came from
  (``maintenance.record_backup``), so a copy elsewhere is found too.

Each copy is cleaned in place: the same rows go as in the live store (for its
own schema version), then FTS merge, VACUUM and a rollback journal, so no free
page or -wal file keeps the text. A copy is left alone when it carries another
store's identity. A ``.part`` file is a copy that never finished (a crash during
``db backup``); it is no backup and is deleted. A copy that cannot be cleaned
(read-only, damaged, locked) is reported with the reason: it still holds data.

The copy's own privacy log is not given an entry; the erasure (and how many
copies were cleaned) is logged in the live store.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from shopguide.privacy import scrub
from shopguide.store import connection, maintenance
from shopguide.store.errors import StoreError

_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass
class Copies:
    copies: list[Path] = field(default_factory=list)  # whole copies to clean
    unfinished: list[Path] = field(default_factory=list)  # .part files to delete
    gone: list[Path] = field(default_factory=list)  # recorded, but deleted since


@dataclass
class CopyOutcome:
    path: Path
    held_person: bool = False  # the copy had rows of (or mentions of) the person
    removal: scrub.Removal | None = None
    problem: str | None = None  # set: the copy could not be cleaned and may hold data
    foreign: bool = False  # another store's copy; not touched


def find(store_path: Path, conn: sqlite3.Connection) -> Copies:
    """Every copy of the store at ``store_path`` that ShopGuide made."""
    out = Copies()
    if str(store_path) == ":memory:":
        return out
    store_path = store_path.resolve()
    stem = re.escape(store_path.stem)
    # (\w+, so a copy's own -wal/-shm/-journal files are not taken for copies)
    migration = re.compile(rf"{stem}\.v\d+-backup(\.\w+)?")
    dated = re.compile(rf"{stem}-\d{{8}}-\d{{6}}\.sqlite")
    candidates = [p for p in store_path.parent.iterdir() if migration.fullmatch(p.name)]
    folder = store_path.parent / "backups"
    if folder.is_dir():
        for p in folder.iterdir():
            if dated.fullmatch(p.name):
                candidates.append(p)
            elif p.name.endswith(".part") and dated.fullmatch(p.name[:-5]):
                out.unfinished.append(p)
    for p in maintenance.recorded_backups(conn):
        part = p.with_name(p.name + ".part")
        if part.exists():
            out.unfinished.append(part)
        if p.exists():
            candidates.append(p)
        elif not part.exists():
            out.gone.append(p)
    seen: set[Path] = set()
    for p in sorted(candidates):
        real = p.resolve()
        if real != store_path and real not in seen and p.is_file():
            seen.add(real)
            out.copies.append(p)
    out.unfinished = sorted(set(out.unfinished))
    return out


@contextmanager
def _peek(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only look into a copy. A read-only connection cannot remove the -wal and
    -shm files it creates beside a WAL-mode copy (the pre-upgrade copies are), so
    the ones it made are removed here once it is closed (nothing is in them)."""
    before = {s for s in _SIDECARS if Path(f"{path}{s}").exists()}
    conn = connection.connect(path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()
        for s in set(_SIDECARS) - before:
            try:
                Path(f"{path}{s}").unlink(missing_ok=True)
            except OSError:
                pass  # a read-only folder: then none was created either


def holds(path: Path, customer_id: str) -> bool | None:
    """Whether the copy has a row for the person; None when it cannot be read."""
    try:
        with _peek(path) as conn:
            return conn.execute("SELECT 1 FROM customers WHERE id = ?",
                                (customer_id,)).fetchone() is not None
    except (StoreError, sqlite3.Error):
        return None


def clean(path: Path, customer_id: str, idents: list[str], *, anonymise_purchases: bool,
          identity: str | None) -> CopyOutcome:
    """Remove the person from one copy and leave no free page or journal holding them."""
    out = CopyOutcome(path)
    if not writable(path):
        # Nothing to clean is no problem; anything of theirs in it is.
        touches = _touches(path, customer_id, idents, identity)
        if touches is False:
            return out
        out.held_person = bool(touches)
        out.problem = ("read-only (the file or its folder cannot be written)" if touches
                       else "read-only, and it cannot be read to check it")
        return out
    try:
        conn = connection.connect(path)
    except StoreError as exc:
        out.problem = f"cannot be opened as a ShopGuide store ({_why(exc)})"
        return out
    try:
        theirs = _identity(conn)
        if identity and theirs and theirs != identity:
            out.foreign = True
            return out
        # The copy's own row may hold a phone or e-mail the person changed since.
        idents = sorted(set(idents) | set(scrub.identifiers(conn, customer_id)))
        conn.execute("BEGIN IMMEDIATE")
        try:
            out.removal = scrub.remove_person(conn, customer_id, idents,
                                              anonymise_purchases=anonymise_purchases)
            out.held_person = out.removal.changed > 0
            if out.held_person:
                scrub.optimize_indexes(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        # Free pages may hold text deleted earlier (or by the steps above; secure_delete
        # is on, but VACUUM is what also drops the FTS segments' old pages).
        if out.held_person or conn.execute("PRAGMA freelist_count").fetchone()[0]:
            # A rollback journal, not WAL: the copy stays one file and no -wal keeps
            # old pages once the VACUUM commits.
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("VACUUM")
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            out.problem = f"damaged after cleaning ({verdict})"
    except sqlite3.Error as exc:
        out.problem = _why(exc)
    finally:
        conn.close()
    left = [s for s in _SIDECARS if _nonempty(Path(f"{path}{s}"))]
    if left and out.problem is None and out.held_person:
        out.problem = f"its {', '.join(left)} file is still there (another program has it open?)"
    return out


def remove_unfinished(path: Path) -> str | None:
    """Delete a half-written copy; the reason it could not be, or None."""
    try:
        path.unlink(missing_ok=True)
        for s in _SIDECARS:
            Path(f"{path}{s}").unlink(missing_ok=True)
    except OSError as exc:
        return f"an unfinished backup copy that cannot be deleted ({exc.strerror or exc})"
    return None


def _identity(conn: sqlite3.Connection) -> str | None:
    try:
        return maintenance.store_identity(conn)
    except sqlite3.Error:
        return None


def _nonempty(p: Path) -> bool:
    return p.exists() and p.stat().st_size > 0


def _why(exc: BaseException) -> str:
    text = str(exc)
    if "readonly" in text:
        return f"read-only ({text})"
    if "malformed" in text or "not a database" in text:
        return f"damaged ({text}); delete it, it cannot be cleaned"
    return text


def writable(path: Path) -> bool:
    """Cleaning rewrites the file and creates a journal beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _touches(path: Path, customer_id: str, idents: list[str],
             identity: str | None) -> bool | None:
    """Whether a copy has the person's row or mentions them; None when unreadable."""
    try:
        with _peek(path) as conn:
            theirs = _identity(conn)
            if identity and theirs and theirs != identity:
                return False  # another store's copy
            if conn.execute("SELECT 1 FROM customers WHERE id = ?",
                            (customer_id,)).fetchone():
                return True
            have = scrub.tables(conn)
            likes = " OR ".join("instr(lower({col}), ?) > 0" for _ in idents)
            for table, col in scrub.TEXT_COLUMNS:
                if table in have and idents and conn.execute(
                        f"SELECT 1 FROM {table} WHERE {likes.format(col=col)} LIMIT 1",
                        [i.lower() for i in idents]).fetchone():
                    return True
            return False
    except (StoreError, sqlite3.Error):
        return None
