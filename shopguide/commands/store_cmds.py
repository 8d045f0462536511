"""``shopguide import``, ``shopguide export`` and ``shopguide db info|check|backup``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import a store folder or one CSV/TOML file",
                       description="Import products.csv, faq.csv, customers.csv and store.toml "
                       "(and purchases.csv, followups.csv, notes.csv, consents.csv) from a "
                       "folder, or one such file. All or nothing: any problem and the store "
                       "is left as it was.")
    p.add_argument("path", metavar="STORE_DIR|FILE")
    p.add_argument("--check", action="store_true",
                   help="only check the files; change nothing")
    p.add_argument("--all-warnings", action="store_true",
                   help="list every warning kept (the first 1,000), not only the first 50")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="write the store as a store folder")
    p.add_argument("folder", metavar="DIR")
    p.set_defaults(handler=cmd_export)

    db = sub.add_parser("db", help="store file: info, integrity check, backup")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = dbsub.add_parser("info", help="settings, row counts, schema version, size")
    p.add_argument("path", nargs="?", metavar="STORE", help="store file (default: --store …)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_db_info)
    p = dbsub.add_parser("check", help="integrity check and schema version; exit 1 on failure")
    p.add_argument("path", nargs="?", metavar="STORE", help="store file (default: --store …)")
    p.set_defaults(handler=cmd_db_check)
    p = dbsub.add_parser("backup", help="online backup, safe while ShopGuide is running")
    p.add_argument("dest", nargs="?", metavar="PATH",
                   help="backup file or folder (default: backups/ beside the store)")
    p.set_defaults(handler=cmd_db_backup)


def _err(message: str) -> int:
    print(f"shopguide: {message}", file=sys.stderr)
    return 1


def _store_path(args: argparse.Namespace, explicit: str | None = None) -> Path:
    from shopguide.store.location import resolve_store_path

    return Path(explicit) if explicit else resolve_store_path(args)


def cmd_import(args: argparse.Namespace) -> int:
    from shopguide.store import ImportFailed, StoreError
    from shopguide.guide.catalog_text import audit_record
    from shopguide.store.importer import SHOWN_WARNINGS, import_path
    from shopguide.store.location import is_demo_seed, open_from_args

    try:
        store = open_from_args(args)
    except StoreError as exc:
        return _err(str(exc))
    if not args.check and is_demo_seed(store):
        store.close()
        return _replace_demo_seed(args)
    try:
        progress = _progress_line()
        if args.check:
            store.conn.execute("BEGIN IMMEDIATE")
            try:
                report = import_path(store, args.path, audit_record, progress)
            finally:
                store.conn.execute("ROLLBACK")
        else:
            report = import_path(store, args.path, audit_record, progress)
    except ImportFailed as exc:
        return _err(str(exc))
    except StoreError as exc:
        return _err(str(exc))
    finally:
        store.close()
        if progress:
            print(file=sys.stderr)  # end the progress line
    for line in report.lines(None if args.all_warnings else SHOWN_WARNINGS):
        print(line)
    if args.check:
        print("checked only: nothing was changed")
    return 0


def _progress_line() -> Any:
    """Rows read and rows a second, rewritten in place on a terminal (a catalog of a million
    rows takes minutes); nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        return None
    start = time.monotonic()

    def show(name: str, rows: int) -> None:
        rate = rows / max(time.monotonic() - start, 1e-6)
        print(f"\r{name}: {rows:,} rows read ({rate:,.0f} rows/s)", end="", file=sys.stderr,
              flush=True)

    return show


def _replace_demo_seed(args: argparse.Namespace) -> int:
    """The first import into the first-run demo copy builds the merchant's own store beside
    it and swaps it in only when the import succeeded, so the shop never mixes with the
    demo and a failed import still changes nothing."""
    from shopguide.store import ImportFailed, StoreError, open_store
    from shopguide.guide.catalog_text import audit_record
    from shopguide.store.importer import SHOWN_WARNINGS, import_path
    from shopguide.store.location import resolve_store_path

    target = resolve_store_path(args)
    if Path(f"{target}-wal").exists():
        # The last connection to close removes the WAL: one still there means ShopGuide
        # has this store open, and swapping the file under it would corrupt it.
        return _err(f"{target} is open in another ShopGuide (its -wal file exists): close "
                    "the app, then import again")
    fresh = target.with_name(target.name + ".importing")
    for leftover in (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        with open_store(fresh) as store:
            report = import_path(store, args.path, audit_record, _progress_line())
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (ImportFailed, StoreError) as exc:
        fresh.unlink(missing_ok=True)
        return _err(str(exc))
    Path(f"{target}-shm").unlink(missing_ok=True)  # the closed demo copy's index, if any
    os.replace(fresh, target)
    for line in report.lines(None if args.all_warnings else SHOWN_WARNINGS):
        print(line)
    print(f"replaced the demo store made on first run: {target} now holds only your shop")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from shopguide.store import StoreError
    from shopguide.store.exporter import export_store
    from shopguide.store.location import open_from_args

    try:
        with open_from_args(args, create=False) as store:
            written = export_store(store, args.folder)
    except (StoreError, OSError) as exc:
        return _err(str(exc))
    for name, count in written.items():
        print(f"{name}: {count} rows")
    print(f"exported to {args.folder}")
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    from shopguide.store import StoreError
    from shopguide.store.maintenance import info

    try:
        data = info(_store_path(args, args.path))
    except StoreError as exc:
        return _err(str(exc))
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print(f"store:    {data['path']}")
    for key, value in sorted(data["settings"].items()):
        print(f"{key + ':':<10}{value}")
    print(f"schema:   version {data['schema_version']} "
          f"(this ShopGuide: {data['supported_version']})")
    print(f"size:     {data['size_bytes'] / 1024:.1f} KiB ({data['journal_mode']} journal)")
    for table, count in data["counts"].items():
        print(f"  {table:<14}{count:>8}")
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from shopguide.store import StoreError
    from shopguide.store.maintenance import check

    try:
        path = _store_path(args, args.path)
    except StoreError as exc:
        return _err(str(exc))
    result = check(path)
    print(f"checking {path}")
    for line in result.lines:
        print("  " + line)
    print("store OK" if result.ok else "store has problems")
    return 0 if result.ok else 1


def cmd_db_backup(args: argparse.Namespace) -> int:
    from shopguide.store import StoreError
    from shopguide.store.maintenance import backup

    try:
        dest = backup(_store_path(args), Path(args.dest) if args.dest else None)
    except (StoreError, OSError) as exc:
        return _err(str(exc))
    print(f"backup written to {dest} ({dest.stat().st_size / 1024:.1f} KiB)")
    return 0
