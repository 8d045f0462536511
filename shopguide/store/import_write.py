"""Writing checked import records: insert new rows, update changed ones, count both.

Runs inside the import's transaction (see importer.py); never commits itself.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from shopguide.store.connection import json_column as _dumps, now
from shopguide.store.errors import Problem
from shopguide.store.import_rows import Context
from shopguide.store.models import CONSENT_MARKETING

Records = list[tuple[int, dict[str, Any]]]
_CHUNK = 500
# Tables whose rows carry the time they last changed. Products do not (schema v11): nothing
# read it, and 32 bytes a row were 3% of a store.
_STAMPED = {"faq", "customers"}


class Writer:
    def __init__(self, store: Any, ctx: Context) -> None:
        self.store = store
        self.conn = store.conn
        self.ctx = ctx
        self.customer_status: dict[str, str] = {}
        self.pending: list[dict[str, Any]] = []  # customers' consent flag and first note
        self.counts: dict[str, list[int]] = {}

    # -- checks across files ----------------------------------------------------
    def check_references(self, records: dict[str, Records],
                         warnings: list[Problem]) -> list[Problem]:
        problems: list[Problem] = []
        in_file = {r["id"] for _, r in records.get("customers.csv", [])}
        skus = {r["sku"] for _, r in records.get("products.csv", [])}
        for kind in ("consents.csv", "notes.csv", "purchases.csv", "followups.csv"):
            for row_no, r in records.get(kind, []):
                cid = r["customer_id"]
                if cid not in in_file and not self._exists("customers", "id", cid):
                    problems.append(Problem(kind, f"customer '{cid}' is neither in "
                                                  "customers.csv nor in the store",
                                            row_no, "customer_id"))
                if kind == "purchases.csv" and r["sku"] not in skus \
                        and not self._exists("products", "sku", r["sku"]):
                    warnings.append(Problem(kind, f"sku '{r['sku']}' is not in the catalog "
                                                  "(the purchase is kept)", row_no, "sku"))
        return problems

    def _exists(self, table: str, column: str, value: str) -> bool:
        return self.conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ?",
                                 (value,)).fetchone() is not None

    def _existing(self, table: str, key: str, values: Iterable[str]) -> dict[str, dict]:
        values = list(values)
        out: dict[str, dict] = {}
        for i in range(0, len(values), _CHUNK):
            chunk = values[i: i + _CHUNK]
            cur = self.conn.execute(
                f"SELECT * FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))})", chunk)
            cols = [d[0] for d in cur.description]
            for row in cur:
                d = dict(zip(cols, row))
                out[d[key]] = d
        return out

    # -- writing ------------------------------------------------------------------
    def write(self, kind: str, records: Records) -> list[int]:
        """Write one file's records; returns [added, updated, unchanged]."""
        counts = self.counts.setdefault(kind, [0, 0, 0])  # a file written in batches adds up
        getattr(self, "_" + kind.removesuffix(".csv"))(records, counts)
        return counts

    def _upsert(self, table: str, key: str, records: Records, counts: list[int],
                prepare: Any = None) -> None:
        existing = self._existing(table, key, (r[key] for _, r in records))
        stamp = now()
        inserts: dict[tuple[str, ...], list[list[Any]]] = {}  # new rows, by their columns
        for _, rec in records:
            row = {k: v for k, v in rec.items() if not k.startswith("_")}
            for col in ("sizes", "colors", "tags", "alternates", "brands"):
                if col in row:  # lists, and the customers' sizes map (keys sorted)
                    row[col] = _dumps(row[col])
            old = existing.get(rec[key])
            if prepare:
                row = prepare(rec, row, old)
            if old is None:
                if table in _STAMPED:
                    row.update(updated=stamp)
                if table == "customers":
                    row["created"] = stamp
                inserts.setdefault(tuple(row), []).append(list(row.values()))
                counts[0] += 1
                status = "added"
            elif any(old.get(c) != v for c, v in row.items()):
                changed = {c: v for c, v in row.items() if c != key}
                if table in _STAMPED:
                    changed["updated"] = stamp
                sets = ", ".join(f"{c} = ?" for c in changed)
                self.conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?",
                                  [*changed.values(), rec[key]])
                counts[1] += 1
                status = "updated"
            else:
                counts[2] += 1
                status = "unchanged"
            if table == "customers":
                self.customer_status[rec[key]] = status
        for cols, values in inserts.items():  # one statement per batch: no Python per row
            self.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) "
                                  f"VALUES ({', '.join('?' * len(cols))})", values)

    def _products(self, records: Records, counts: list[int]) -> None:
        def prepare(rec: dict, row: dict, old: dict | None) -> dict:
            extra = json.loads(old["extra"]) if old else {}
            for k, v in rec.get("_extra", {}).items():
                if v:
                    extra[k] = v
                else:
                    extra.pop(k, None)
            row["extra"] = _dumps(extra)
            if old is None:
                row.setdefault("currency", self.ctx.currency)
            return row

        self._upsert("products", "sku", records, counts, prepare)

    def _faq(self, records: Records, counts: list[int]) -> None:
        self._upsert("faq", "id", records, counts)

    def _synonyms(self, records: Records, counts: list[int]) -> None:
        stamp = now()
        for _, rec in records:
            means = _dumps(rec["means"])
            old = self.conn.execute("SELECT means FROM synonyms WHERE term = ? AND lang = ?",
                                    (rec["term"], rec["lang"])).fetchone()
            if old is None:
                self.conn.execute("INSERT INTO synonyms (term, means, lang, updated) "
                                  "VALUES (?, ?, ?, ?)", (rec["term"], means, rec["lang"], stamp))
                counts[0] += 1
            elif old[0] != means:
                self.conn.execute("UPDATE synonyms SET means = ?, updated = ? WHERE term = ? "
                                  "AND lang = ?", (means, stamp, rec["term"], rec["lang"]))
                counts[1] += 1
            else:
                counts[2] += 1

    def _customers(self, records: Records, counts: list[int]) -> None:
        self._upsert("customers", "id", records, counts)
        self.pending = [r for _, r in records if "_consent" in r or "_note" in r]

    def finish(self) -> None:
        """The customers' consent_marketing and notes cells, after consents.csv and
        notes.csv, so an exported history comes back without an extra record."""
        counts = self.counts.get("customers.csv")
        for rec in self.pending:
            cid = rec["id"]
            changed = False
            if "_consent" in rec and self._marketing(cid) != rec["_consent"]:
                self.conn.execute(
                    "INSERT INTO consents (customer_id, purpose, granted, date, source) "
                    "VALUES (?, ?, ?, ?, 'import')",
                    (cid, CONSENT_MARKETING, int(rec["_consent"]), now()))
                self._log_consent(cid, CONSENT_MARKETING, rec["_consent"])
                changed = True
            if "_note" in rec and not self.conn.execute(
                    "SELECT 1 FROM notes WHERE customer_id = ? AND text = ?",
                    (cid, rec["_note"])).fetchone():
                stamp = now()
                self.conn.execute(
                    "INSERT INTO notes (customer_id, text, pinned, created, updated) "
                    "VALUES (?, ?, 0, ?, ?)", (cid, rec["_note"], stamp, stamp))
                changed = True
            if changed and counts and self.customer_status.get(cid) == "unchanged":
                counts[2] -= 1
                counts[1] += 1
                self.customer_status[cid] = "updated"
        self.pending = []

    def _log_consent(self, cid: str, purpose: str, granted: bool) -> None:
        """Every consent change goes to the privacy log (issue 7), imports included;
        the log masks the person (an opaque reference, no name or phone)."""
        from shopguide.privacy import log as plog

        plog.record(self.store, plog.CONSENT_GRANT if granted else plog.CONSENT_WITHDRAW,
                    customer_id=cid, detail=f"{purpose} via import", reason="store import")

    def _marketing(self, cid: str) -> bool:
        row = self.conn.execute(
            "SELECT granted, expiry FROM consents WHERE customer_id = ? AND purpose = ? "
            "ORDER BY id DESC LIMIT 1", (cid, CONSENT_MARKETING)).fetchone()
        if not row:
            return False
        return bool(row[0]) and (row[1] is None or row[1] >= _today())

    def _consents(self, records: Records, counts: list[int]) -> None:
        for _, r in records:
            source = r.get("source") or "import"
            expiry = r["expiry"].isoformat() if r.get("expiry") else None
            if self.conn.execute(
                    "SELECT 1 FROM consents WHERE customer_id = ? AND purpose = ? AND granted = ? "
                    "AND date = ? AND source = ? AND expiry IS ?",
                    (r["customer_id"], r["purpose"], int(r["granted"]), r["date"], source,
                     expiry)).fetchone():
                counts[2] += 1
                continue
            self.conn.execute(
                "INSERT INTO consents (customer_id, purpose, granted, date, source, expiry) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (r["customer_id"], r["purpose"], int(r["granted"]), r["date"], source, expiry))
            self._log_consent(r["customer_id"], r["purpose"], r["granted"])
            counts[0] += 1

    def _notes(self, records: Records, counts: list[int]) -> None:
        for _, r in records:
            old = self.conn.execute(
                "SELECT id, pinned FROM notes WHERE customer_id = ? AND text = ? ORDER BY id",
                (r["customer_id"], r["text"])).fetchone()
            pinned = int(bool(r.get("pinned")))
            if old is None:
                created = r.get("created") or now()
                self.conn.execute(
                    "INSERT INTO notes (customer_id, text, pinned, created, updated) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (r["customer_id"], r["text"], pinned, created, r.get("updated") or created))
                counts[0] += 1
            elif "pinned" in r and old[1] != pinned:
                self.conn.execute("UPDATE notes SET pinned = ? WHERE id = ?", (pinned, old[0]))
                counts[1] += 1
            else:
                counts[2] += 1

    def _purchases(self, records: Records, counts: list[int]) -> None:
        keys = [(r["customer_id"], r["sku"], r["date"].isoformat(), r.get("quantity") or 1,
                 r["price"]) for _, r in records]
        have: Counter = Counter()
        for cid in {k[0] for k in keys}:
            have.update(tuple(row) for row in self.conn.execute(
                "SELECT customer_id, sku, date, quantity, price_cents FROM purchases "
                "WHERE customer_id = ?", (cid,)))
        for key in keys:
            if have[key] > 0:
                have[key] -= 1  # the same sale, imported before
                counts[2] += 1
                continue
            self.conn.execute("INSERT INTO purchases (customer_id, sku, date, quantity, "
                              "price_cents) VALUES (?, ?, ?, ?, ?)", key)
            counts[0] += 1

    def _followups(self, records: Records, counts: list[int]) -> None:
        for _, r in records:
            due = r["due"].isoformat()
            done = int(bool(r.get("done")))
            old = self.conn.execute(
                "SELECT id, done FROM followups WHERE customer_id = ? AND due = ? AND text = ?",
                (r["customer_id"], due, r["text"])).fetchone()
            if old is None:
                self.conn.execute("INSERT INTO followups (customer_id, due, text, done, created) "
                                  "VALUES (?, ?, ?, ?, ?)",
                                  (r["customer_id"], due, r["text"], done,
                                   r.get("created") or now()))
                counts[0] += 1
            elif "done" in r and old[1] != done:
                self.conn.execute("UPDATE followups SET done = ? WHERE id = ?", (done, old[0]))
                counts[1] += 1
            else:
                counts[2] += 1


def _today() -> str:
    from datetime import date

    return date.today().isoformat()
