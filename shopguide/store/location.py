"""Which store file a command works on: --store, SHOPGUIDE_STORE, the user data
folder, or (--demo) a fresh copy of the bundled demo store."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sqlite3
import tempfile
import threading
from argparse import Namespace
from pathlib import Path
from typing import Any

from shopguide import config
from shopguide.store import LATEST_VERSION, Store, open_store
from shopguide.store.errors import StoreError

_DEMO_LOCK = threading.Lock()
# Marks the demo copy a first run puts at the default path: the merchant's first import
# replaces it instead of merging the shop into the demo (see commands/store_cmds.py).
DEMO_SEED_SETTING = "demo_seed"
_DEMO_FILES = ("store.toml", "products.csv", "faq.csv", "synonyms.csv", "customers.csv",
               "consents.csv", "notes.csv", "purchases.csv", "followups.csv")


def resolve_store_path(args: Namespace | Any) -> Path:
    """The store file for these command-line arguments (creating the demo copy
    for --demo; the same ``args`` always gives the same copy)."""
    store = getattr(args, "store", None)
    demo = getattr(args, "demo", False)
    if store and demo:
        raise StoreError("use either --store or --demo, not both (--demo never touches "
                         "a real store)")
    if demo:
        with _DEMO_LOCK:  # threads opening their own Store share one demo copy
            cached = getattr(args, "_demo_store_path", None)
            if cached is None:
                cached = fresh_demo_store()
                try:
                    args._demo_store_path = cached
                except AttributeError:
                    pass
        return Path(cached)
    if store:
        return Path(store).expanduser()
    path = config.default_store_path()
    if not os.environ.get("SHOPGUIDE_STORE") and not path.exists():
        _first_run(path)
    return path


def _first_run(path: Path) -> None:
    """The user's own store starts as the demo store, so the first window is not empty.

    Only the default location gets this: an explicit --store or SHOPGUIDE_STORE naming a
    new file means a new, empty store (for ``import``). The copy is made beside the
    target and renamed into place, so a crash never leaves half a store behind.
    """
    if not (config.demo_store_dir() / "products.csv").is_file():
        return
    with _DEMO_LOCK:
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".first-run")
        fresh_demo_store(target=partial)
        with sqlite3.connect(str(partial)) as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')",
                         (DEMO_SEED_SETTING,))
        conn.close()
        os.replace(partial, path)


def is_demo_seed(store: Store) -> bool:
    """Is this the demo copy made on first run, never imported into since?"""
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?",
                             (DEMO_SEED_SETTING,)).fetchone()
    return bool(row and row[0] == "1")


def open_from_args(args: Namespace | Any, create: bool = True) -> Store:
    return open_store(resolve_store_path(args), create=create)


def _demo_fingerprint(folder: Path) -> str:
    h = hashlib.sha1(f"schema {LATEST_VERSION}".encode())
    for name in _DEMO_FILES:
        path = folder / name
        if path.is_file():
            h.update(name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def fresh_demo_store(target: Path | None = None) -> Path:
    """A new store file holding the bundled demo store, deleted when the process ends
    (unless ``target`` is given). The demo import runs once per version of the demo
    files; later copies come from a cached template with SQLite's backup API."""
    folder = config.demo_store_dir()
    template = config.user_data_dir() / "cache" / f"demo-{_demo_fingerprint(folder)}.sqlite"
    if not template.exists():
        _build_template(folder, template)
    if target is None:
        workdir = Path(tempfile.mkdtemp(prefix="shopguide-demo-"))
        atexit.register(shutil.rmtree, workdir, ignore_errors=True)
        target = workdir / "demo.sqlite"
    src = sqlite3.connect(str(template))
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
    finally:
        dest.close()
        src.close()
    return target


def _build_template(folder: Path, template: Path) -> None:
    from shopguide.store.importer import import_path

    template.parent.mkdir(parents=True, exist_ok=True)
    tmp = template.with_name(f"{template.stem}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    store = open_store(tmp)
    try:
        if any((folder / name).is_file() for name in _DEMO_FILES):
            import_path(store, folder)
        else:
            store.set_settings(name="ShopGuide Demo", language="zh", currency="CNY")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        store.close()
    for leftover in (tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(tmp, template)
    for old in template.parent.glob("demo-*.sqlite"):
        if old != template:  # built from older demo files or an older schema
            old.unlink(missing_ok=True)
