"""``shopguide import``: bring a store folder (or one file) into the store, all or nothing.

Files (``/work/shared/spec/data-formats.md`` is the contract): ``store.toml``,
``products.csv``, ``faq.csv``, ``synonyms.csv``, ``customers.csv``. UTF-8 (a BOM is fine), RFC 4180,
header names case-insensitive, list cells separated by ``;``.

ShopGuide also reads and writes four optional files for a store's relationship
data, so a store folder can carry a full customer history (``shopguide export``
writes them; the demo store uses them):

``purchases.csv``  customer_id, sku, date (YYYY-MM-DD), quantity (≥ 1, default 1),
                   price (unit price, ≥ 0, at most 2 decimals)
``followups.csv``  customer_id, due (YYYY-MM-DD), text, done (yes/no, default no),
                   created (ISO 8601)
``notes.csv``      customer_id, text, pinned (yes/no), created, updated (ISO 8601)
``consents.csv``   customer_id, purpose (marketing, history, …), granted (yes/no),
                   date (ISO 8601), source (default ``import``), expiry (YYYY-MM-DD)

``customer_id`` must be in customers.csv or already in the store. Re-importing is
safe: products update by sku, FAQ by id, customers by id (a missing customer id
is derived from name, phone and email, so the same file maps to the same people);
a note, purchase, follow-up or consent that is already there is not added twice.
A column left out of a file keeps the stored values; an empty cell clears one.

Every file is checked completely before anything is written; any problem (file,
row, column, what is wrong) and nothing changes. The write is one transaction.
"""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from shopguide.store import csvfile
from shopguide.store import import_rows as ir
from shopguide.store.core import default_currency
from shopguide.store.errors import ImportFailed, Problem, StoreError
from shopguide.store.import_audit import PARALLEL_BYTES, BatchAuditor
from shopguide.store.import_write import Writer

# Import order matters: customers before the files that refer to them.
FILES: dict[str, tuple[ir.Column, ...]] = {
    "products.csv": ir.PRODUCT_COLUMNS,
    "faq.csv": ir.FAQ_COLUMNS,
    "synonyms.csv": ir.SYNONYM_COLUMNS,
    "customers.csv": ir.CUSTOMER_COLUMNS,
    "consents.csv": ir.CONSENT_COLUMNS,
    "notes.csv": ir.NOTE_COLUMNS,
    "purchases.csv": ir.PURCHASE_COLUMNS,
    "followups.csv": ir.FOLLOWUP_COLUMNS,
}
# For a single file with another name: which table its header fits.
_SNIFF = (("products.csv", {"sku", "price"}), ("faq.csv", {"question", "answer"}),
          ("synonyms.csv", {"term", "means"}),
          ("purchases.csv", {"customer_id", "sku"}), ("followups.csv", {"customer_id", "due"}),
          ("consents.csv", {"customer_id", "purpose"}), ("notes.csv", {"customer_id", "text"}),
          ("customers.csv", {"name"}))

# Test hook: after the products are written, inside the transaction, create this
# file and sleep, so a test can kill the process mid-import.
PAUSE_ENV = "SHOPGUIDE_TEST_IMPORT_PAUSE"


SHOWN_WARNINGS = 50  # warnings an import prints unless asked for all
KEPT_WARNINGS = 1000  # catalog-text warnings kept per file; the rest are only counted


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    counts: dict[str, Counts] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    settings_changed: bool = False
    warnings_not_kept: int = 0  # catalog-text warnings beyond the first KEPT_WARNINGS

    def lines(self, shown: int | None = SHOWN_WARNINGS) -> list[str]:
        """The counts, then the warnings: the first ``shown`` (None: all that were kept) and
        a line saying how many more there are."""
        out = [f"{t}: {c.added} added, {c.updated} updated, {c.unchanged} unchanged"
               for t, c in self.counts.items()]
        if self.settings_changed:
            out.append("store.toml: settings updated")
        listed = self.warnings if shown is None else self.warnings[:shown]
        out += [f"warning: {w}" for w in listed]
        more = len(self.warnings) - len(listed) + self.warnings_not_kept
        if more:
            out.append(f"… and {more:,} more warnings ({len(self.warnings) + self.warnings_not_kept:,}"
                       " in all)" + (" (shopguide import --all-warnings lists the first "
                                     f"{KEPT_WARNINGS:,})" if shown is not None else ""))
        return out


def find_files(path: Path) -> tuple[dict[str, Path], Path | None, list[Problem]]:
    """The CSV files to import by kind, the store.toml if any, and problems."""
    if path.is_dir():
        by_lower = {p.name.lower(): p for p in path.iterdir() if p.is_file()}
        files = {name: by_lower[name] for name in FILES if name in by_lower}
        toml = by_lower.get("store.toml")
        if not files and not toml:
            return {}, None, [Problem(str(path), "no store files here (expected products.csv, "
                                                  "faq.csv, synonyms.csv, customers.csv or "
                                                  "store.toml)")]
        return files, toml, []
    if not path.exists():
        return {}, None, [Problem(str(path), _missing(path))]
    name = path.name.lower()
    if name == "store.toml":
        return {}, path, []
    if name in FILES:
        return {name: path}, None, []
    table = csvfile.read_csv(path, (), ())
    header = set(table.columns)
    for kind, needed in _SNIFF:
        if needed <= header:
            return {kind: path}, None, []
    return {}, None, table.problems or [Problem(path.name, "cannot tell what this file holds: "
                                                "name it products.csv, faq.csv or customers.csv")]


_LOOP = "a link that leads back to itself (a loop of symbolic links); point it at the store folder"


def _missing(path: Path) -> str:
    if not path.is_symlink():
        return "no such file or folder"
    try:
        path.resolve(strict=True)
    except RuntimeError:  # how Python up to 3.12 reports a loop
        return _LOOP
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _LOOP
    return f"a link to {os.readlink(path)}, which does not exist"


def read_settings(path: Path) -> tuple[dict[str, str], list[Problem], list[Problem]]:
    problems: list[Problem] = []
    warnings: list[Problem] = []
    text, problem = csvfile.decode(path.read_bytes(), path.name)
    if problem:
        return {}, [problem], []
    try:
        data = tomllib.loads(text or "")
    except tomllib.TOMLDecodeError as exc:
        return {}, [Problem(path.name, f"not valid TOML: {exc}")], []
    out: dict[str, str] = {}
    for key, value in data.items():
        if key not in ("name", "language", "currency"):
            warnings.append(Problem(path.name, f"unknown setting '{key}' ignored"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(path.name, f"'{key}' must be a non-empty text value"))
        elif key == "language" and value not in ("zh", "en"):
            problems.append(Problem(path.name, f"language '{value}' is not 'zh' or 'en'"))
        elif key == "currency" and not (len(value) == 3 and value.isalpha()):
            problems.append(Problem(path.name, f"currency '{value}' is not a 3-letter ISO "
                                               "4217 code like CNY or USD"))
        else:
            out[key] = value.strip().upper() if key == "currency" else value.strip()
    return out, problems, warnings


# (file kind, parsed record) → (column, message) warnings; the guide supplies the check of
# catalog text (shopguide/guide/catalog_text.py), which the store layer does not import.
Audit = Callable[[str, dict[str, Any]], list[tuple[str, str]]]


# Called with (file name, rows read so far) as a large file is read: the CLI's progress line.
Progress = Callable[[str, int], None]
BATCH = 2000  # product rows checked and written at a time


def import_path(store: Any, path: str | Path, audit: Audit | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Check every file under ``path`` and write them all in one transaction.

    products.csv is read, checked and written in batches inside that transaction, so a
    catalog of a million rows needs the memory of one batch; any problem in any file rolls
    everything back. Raises ImportFailed (listing every problem found) without changing
    anything.
    """
    path = Path(path)
    files, toml, problems = find_files(path)
    warnings: list[Problem] = []
    settings: dict[str, str] = {}
    if toml:
        settings, toml_problems, toml_warnings = read_settings(toml)
        problems += toml_problems
        warnings += toml_warnings
    damage = _damage(store) if files else None
    if damage:
        raise StoreError(damage)
    current = store.settings()
    language = settings.get("language", current.language)
    currency = settings.get("currency") or (
        current.currency if "language" not in settings else default_currency(language))
    folder = path if path.is_dir() else path.parent
    salt_row = store.conn.execute("SELECT value FROM settings WHERE key = 'id_salt'").fetchone()
    salt = salt_row[0] if salt_row else secrets.token_hex(8)
    ctx = ir.Context(folder=folder, currency=currency, salt=salt)
    writer = Writer(store, ctx)
    report = ImportReport(warnings=warnings)
    # Into an empty catalog, the values written are the vocabulary: kept without a scan.
    seen = _Seen() if "products.csv" in files and _empty(store) else None
    with store.transaction() as conn:
        if not salt_row:
            conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('id_salt', ?)",
                         (salt,))
        if settings:
            before = store.settings()
            store.set_settings(**settings)
            report.settings_changed = store.settings() != before
        if "products.csv" in files:
            found, report.warnings_not_kept = _stream_products(
                files["products.csv"], ctx, writer, audit, warnings, write=not problems,
                progress=progress, seen=seen)
            problems += found
            _test_pause()
        records: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for kind, file in files.items():
            if kind != "products.csv":
                problems += _read_records(kind, file, ctx, audit, records, warnings)
        problems += writer.check_references(records, warnings)
        if problems:
            raise ImportFailed(problems)  # the transaction rolls back what was written
        for kind in FILES:
            if kind in records:
                writer.write(kind, records[kind])
        writer.finish()
    if seen is not None and hasattr(store, "keep_vocabulary"):
        store.keep_vocabulary(seen.vocabulary())
    elif "products.csv" in files and hasattr(store, "vocabulary"):
        store.vocabulary()  # built now and kept with the index's stamp, not at the 1st question
    if "products.csv" in files and hasattr(store, "keep_word_stats"):
        store.keep_word_stats()  # the same for the words' counts (word_stats.py)
    report.counts = {k.removesuffix(".csv"): Counts(*v) for k, v in writer.counts.items()}
    return report


class _Seen:
    """The distinct catalog values of the products written (for an empty store's vocabulary)."""

    def __init__(self) -> None:
        self.values: dict[str, set[str]] = {k: set() for k in
                                            ("category", "brand", "tags", "sizes", "colors")}

    def add(self, records: list[tuple[int, dict[str, Any]]]) -> None:
        v = self.values
        for _, rec in records:
            v["category"].add(rec["category"])
            if rec.get("brand"):
                v["brand"].add(rec["brand"])
            for column in ("tags", "sizes", "colors"):
                v[column].update(rec.get(column) or ())

    def vocabulary(self) -> Any:
        from shopguide.store.catalog import vocabulary_of

        v = self.values
        return vocabulary_of(v["category"], v["brand"], v["tags"], v["sizes"], v["colors"])


def _empty(store: Any) -> bool:
    try:
        return store.conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None
    except sqlite3.Error:
        return False


def _stream_products(file: Path, ctx: ir.Context, writer: Writer, audit: Audit | None,
                     warnings: list[Problem], write: bool, progress: Progress | None,
                     seen: _Seen | None = None) -> tuple[list[Problem], int]:
    """Read, check and (while no problem has been found) write products.csv batch by batch;
    the catalog-text check runs beside the writing (import_audit.py)."""
    columns = FILES["products.csv"]
    table = csvfile.CsvTable(file.name)
    rows = csvfile.stream_csv(file, ir.required_names(columns), ir.known_names(columns), table)
    auditor = BatchAuditor(audit, "products.csv", _size(file) > PARALLEL_BYTES,
                           KEPT_WARNINGS) if audit else None
    batch: list[tuple[int, dict[str, str]]] = []
    done = 0

    def flush() -> None:
        nonlocal done
        records = ir.products(table, ctx, batch, warn_unknown=done == 0)
        if auditor:
            auditor.add(records)
        if write and not table.problems:
            writer.write("products.csv", records)
            if seen is not None:
                seen.add(records)
        done += len(batch)
        batch.clear()
        if progress:
            progress(file.name, done)

    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                flush()
        if batch or done == 0:
            flush()
        found = auditor.results() if auditor else []
    finally:
        if auditor:
            auditor.close()
    warnings.extend(table.warnings)
    warnings.extend(Problem(file.name, message, row_no, column)
                    for row_no, column, message in found)
    return table.problems, auditor.dropped if auditor else 0


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _read_records(kind: str, file: Path, ctx: ir.Context, audit: Audit | None,
                  records: dict[str, list[tuple[int, dict[str, Any]]]],
                  warnings: list[Problem]) -> list[Problem]:
    """A file other than products.csv, whole (their sizes are a shop's, not a catalog's)."""
    columns = FILES[kind]
    table = csvfile.read_csv(file, ir.required_names(columns), ir.known_names(columns))
    if not table.problems:
        if kind == "faq.csv":
            records[kind] = ir.faq(table, ctx)
        elif kind == "synonyms.csv":
            records[kind] = ir.synonyms(table, ctx)
        elif kind == "customers.csv":
            records[kind] = ir.customers(table, ctx)
        else:
            records[kind] = ir.simple(table, columns)
    warnings += table.warnings
    if audit and kind in records:
        warnings += [Problem(file.name, message, row_no, column)
                     for row_no, rec in records[kind] for column, message in audit(kind, rec)]
    return table.problems


def _damage(store: Any) -> str | None:
    """Writing into a damaged store can spread the damage: say so instead. A quick check
    reads every page once (a second or two for a large store, small beside an import)."""
    try:
        verdict = store.conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    if verdict == "ok":
        return None
    first = next((ln for ln in verdict.splitlines() if ln.strip() and not ln.startswith("***")),
                 verdict)
    return (f"{store.path}: the store is damaged ({first}), so nothing was "
            "imported. Run 'shopguide db check' for details, then restore a backup "
            "('shopguide db backup' makes them) or import into a new store file.")


def _test_pause() -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker:
        Path(marker).write_text("paused inside the import transaction\n")
        time.sleep(120)
