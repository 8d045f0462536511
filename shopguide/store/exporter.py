"""``shopguide export DIR``: write the store back as a store folder ``import`` reads.

Same formats as the import (see importer.py), UTF-8 with a BOM so spreadsheet
programs show Chinese correctly, CRLF line ends per RFC 4180. Export → import
gives back every product, FAQ row, synonym, customer, note, purchase, follow-up and
consent decision. Conversations and the privacy log are not part of a store
folder and are not exported.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from shopguide.store.csvfile import escape_cell
from shopguide.store.import_rows import (
    CONSENT_COLUMNS,
    CUSTOMER_COLUMNS,
    FAQ_COLUMNS,
    FOLLOWUP_COLUMNS,
    NOTE_COLUMNS,
    PRODUCT_COLUMNS,
    PURCHASE_COLUMNS,
    SYNONYM_COLUMNS,
    Column,
)


def money(cents: int | None) -> str:
    if cents is None:
        return ""
    whole, part = divmod(int(cents), 100)
    return f"{whole}.{part:02d}" if part else str(whole)


def _list(value: str | None) -> str:
    return ";".join(json.loads(value or "[]"))


def _names(columns: Sequence[Column]) -> list[str]:
    return [c.name for c in columns]


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> int:
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else escape_cell(v) if isinstance(v, str) else v
                             for v in row])
            count += 1
    os.replace(tmp, path)
    return count


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes, \uXXXX included).
    return json.dumps(value, ensure_ascii=False)


def export_store(store: Any, folder: str | Path) -> dict[str, int]:
    """Write the store folder; returns rows written per file. Relationship files
    (notes, purchases, follow-ups, consents) are written only when they have rows."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    conn = store.conn
    written: dict[str, int] = {}
    settings = store.settings()
    (folder / "store.toml").write_text(
        f"name = {_toml_string(settings.name)}\n"
        f"language = {_toml_string(settings.language)}\n"
        f"currency = {_toml_string(settings.currency)}\n", encoding="utf-8")

    # A read transaction, so the files describe one moment even while the app writes.
    conn.execute("BEGIN")
    try:
        written.update(_catalog(conn, folder))
        written.update(_people(conn, folder))
    finally:
        conn.execute("COMMIT")
    return written


def _catalog(conn: Any, folder: Path) -> dict[str, int]:
    rows = [dict(zip([d[0] for d in cur.description], r))
            for cur in [conn.execute("SELECT * FROM products ORDER BY id")] for r in cur]
    extra_cols = sorted({k for r in rows for k in json.loads(r["extra"] or "{}")})
    header = _names(PRODUCT_COLUMNS) + extra_cols

    def product_rows() -> Iterable[list[Any]]:
        for r in rows:
            extra = json.loads(r["extra"] or "{}")
            yield [r["sku"], r["name"], r["category"], money(r["price_cents"]), r["brand"],
                   r["currency"], r["stock"], r["aisle"], _list(r["sizes"]), _list(r["colors"]),
                   _list(r["tags"]), r["description"], r["image"], r["name_en"], r["name_zh"],
                   r["description_en"], r["description_zh"]] + [extra.get(k) for k in extra_cols]

    out = {"products.csv": _write_csv(folder / "products.csv", header, product_rows())}
    faq = conn.execute("SELECT id, question, answer, alternates, tags FROM faq ORDER BY pk")
    out["faq.csv"] = _write_csv(folder / "faq.csv", _names(FAQ_COLUMNS), (
        [i, q, a, _list(alt), _list(tags)] for i, q, a, alt, tags in faq))
    synonyms = [[t, _list(m), lang] for t, m, lang in conn.execute(
        "SELECT term, means, lang FROM synonyms ORDER BY term, lang")]
    path = folder / "synonyms.csv"
    if synonyms:
        out["synonyms.csv"] = _write_csv(path, _names(SYNONYM_COLUMNS), synonyms)
    elif path.exists():
        path.unlink()  # a stale file from an earlier export would come back on import
    return out


def _people(conn: Any, folder: Path) -> dict[str, int]:
    marketing = dict(conn.execute(
        "SELECT customer_id, granted AND (expiry IS NULL OR expiry >= date('now', 'localtime')) "
        "FROM consents WHERE id IN (SELECT max(id) FROM consents WHERE purpose = 'marketing' "
        "GROUP BY customer_id)").fetchall())
    first_note = dict(conn.execute(
        "SELECT customer_id, text FROM notes WHERE id IN "
        "(SELECT min(id) FROM notes GROUP BY customer_id)").fetchall())

    def customer_rows() -> Iterable[list[Any]]:
        for (cid, name, phone, email, tags, lang, sizes, brands, lo, hi) in conn.execute(
                "SELECT id, name, phone, email, tags, preferred_language, sizes, brands, "
                "budget_min_cents, budget_max_cents FROM customers ORDER BY pk"):
            size_map = json.loads(sizes or "{}")
            budget = "" if lo is None and hi is None else f"{money(lo)}-{money(hi)}"
            yield [cid, name, phone, email, _list(tags), lang,
                   ";".join(f"{k}={v}" for k, v in size_map.items()), _list(brands), budget,
                   "yes" if marketing.get(cid) else "no", first_note.get(cid)]

    out = {"customers.csv": _write_csv(folder / "customers.csv", _names(CUSTOMER_COLUMNS),
                                       customer_rows())}
    extensions = {
        "consents.csv": (CONSENT_COLUMNS, (
            "SELECT customer_id, purpose, CASE granted WHEN 1 THEN 'yes' ELSE 'no' END, "
            "date, source, expiry FROM consents ORDER BY id")),
        "notes.csv": (NOTE_COLUMNS, (
            "SELECT customer_id, text, CASE pinned WHEN 1 THEN 'yes' ELSE 'no' END, "
            "created, updated FROM notes ORDER BY id")),
        "purchases.csv": (PURCHASE_COLUMNS, (
            "SELECT customer_id, sku, date, quantity, price_cents FROM purchases "
            "WHERE customer_id IS NOT NULL ORDER BY id")),
        "followups.csv": (FOLLOWUP_COLUMNS, (
            "SELECT customer_id, due, text, CASE done WHEN 1 THEN 'yes' ELSE 'no' END, "
            "created FROM followups ORDER BY id")),
    }
    for name, (columns, sql) in extensions.items():
        rows = [list(r) for r in conn.execute(sql)]
        if name == "purchases.csv":
            for r in rows:
                r[4] = money(r[4])
        path = folder / name
        if rows:
            out[name] = _write_csv(path, _names(columns), rows)
        elif path.exists():
            path.unlink()  # a stale file from an earlier export would come back on import
    return out
