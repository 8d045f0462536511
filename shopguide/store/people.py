"""Customers and their timeline: notes, purchases, follow-ups, consents; the privacy log."""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime
from typing import Any

from shopguide.store import text as _text
from shopguide.store.connection import json_column, now, parse_time, stamp
from shopguide.store.core import StoreBase, from_cents, to_cents
from shopguide.store.errors import StoreError
from shopguide.store.models import (
    CONSENT_MARKETING,
    Consent,
    Customer,
    FollowUp,
    Note,
    PrivacyLogEntry,
    Purchase,
)

# The latest decision for a purpose, if it is a grant that has not expired.
_MARKETING_SQL = """(
    SELECT k.granted AND (k.expiry IS NULL OR k.expiry >= date('now', 'localtime'))
    FROM consents k WHERE k.customer_id = c.id AND k.purpose = 'marketing'
    ORDER BY k.id DESC LIMIT 1)"""
_CUSTOMER_SELECT = (
    f"SELECT c.*, coalesce({_MARKETING_SQL}, 0) AS consent_marketing FROM customers c"
)


def new_customer_id() -> str:
    return "c-" + secrets.token_hex(5)


def customer_from_row(row: dict[str, Any]) -> Customer:
    return Customer(
        id=row["id"],
        name=row["name"],
        phone=row["phone"],
        email=row["email"],
        tags=tuple(json.loads(row["tags"] or "[]")),
        preferred_language=row["preferred_language"],
        sizes=dict(json.loads(row["sizes"] or "{}")),
        brands=tuple(json.loads(row["brands"] or "[]")),
        budget_min=from_cents(row["budget_min_cents"]),
        budget_max=from_cents(row["budget_max_cents"]),
        consent_marketing=bool(row["consent_marketing"]),
    )


def customer_to_row(c: Customer) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "phone": c.phone or None,
        "email": c.email or None,
        "tags": json_column(list(c.tags)),
        "preferred_language": c.preferred_language or None,
        "sizes": json_column(dict(c.sizes)),
        "brands": json_column(list(c.brands)),
        "budget_min_cents": None if c.budget_min is None else to_cents(c.budget_min),
        "budget_max_cents": None if c.budget_max is None else to_cents(c.budget_max),
    }


def _note(r: dict[str, Any]) -> Note:
    return Note(r["id"], r["customer_id"], r["text"], bool(r["pinned"]),
                parse_time(r["created"]), parse_time(r["updated"]))


def _purchase(r: dict[str, Any]) -> Purchase:
    return Purchase(r["id"], r["customer_id"], r["sku"], r["quantity"],
                    from_cents(r["price_cents"]) or 0.0, date.fromisoformat(r["date"]))


def _followup(r: dict[str, Any]) -> FollowUp:
    return FollowUp(r["id"], r["customer_id"], date.fromisoformat(r["due"]), r["text"],
                    bool(r["done"]), parse_time(r["created"]))


def _consent(r: dict[str, Any]) -> Consent:
    return Consent(r["id"], r["customer_id"], r["purpose"], bool(r["granted"]),
                   parse_time(r["date"]), r["source"],
                   date.fromisoformat(r["expiry"]) if r["expiry"] else None)


def _day(value: date | str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(value).isoformat()


# A setting present while an erasure has not finished scrubbing the file.
WIPE_PENDING = "wipe_pending"


class PeopleMixin(StoreBase):
    # -- customers -----------------------------------------------------------
    def customer(self, customer_id: str) -> Customer | None:
        rows = self.query(f"{_CUSTOMER_SELECT} WHERE c.id = ?", (customer_id,))
        return customer_from_row(rows[0]) if rows else None

    def search_customers(self, text: str = "", limit: int = 50, offset: int = 0) -> list[Customer]:
        """Customers whose name, phone (any part of it), email or tags match every word
        of ``text``, by name; all customers by name when ``text`` has no words.
        (Name order, not bm25: a list the clerk scans, and twice as fast on broad
        searches such as one surname among 100k customers.)"""
        match = _text.prefix_query(text)
        if match is None:
            sql = f"{_CUSTOMER_SELECT} ORDER BY c.name, c.id LIMIT ? OFFSET ?"
            rows = self.query(sql, (int(limit), int(offset)))
        else:
            sql = (
                f"{_CUSTOMER_SELECT} JOIN customers_fts f ON f.rowid = c.pk "
                "WHERE customers_fts MATCH ? ORDER BY c.name, c.id LIMIT ? OFFSET ?"
            )
            rows = self.query(sql, (match, int(limit), int(offset)))
        return [customer_from_row(r) for r in rows]

    def count_customers(self, text: str = "") -> int:
        match = _text.prefix_query(text)
        if match is None:
            return int(self.conn.execute("SELECT count(*) FROM customers").fetchone()[0])
        return int(self.conn.execute(
            "SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?", (match,)
        ).fetchone()[0])

    def save_customer(self, customer: Customer, *, consent_source: str = "counter") -> Customer:
        """Insert or update by id (a new id when empty). A changed ``consent_marketing``
        is recorded as a new consent decision, never by rewriting the old one."""
        if not customer.name.strip():
            raise StoreError("a customer needs a name")
        if customer.preferred_language not in (None, "", "zh", "en"):
            raise StoreError("preferred language must be 'zh' or 'en'")
        for name, items in (("tags", customer.tags), ("brands", customer.brands),
                            ("sizes", [*customer.sizes, *customer.sizes.values()])):
            for item in items:
                if ";" in item or (name == "sizes" and "=" in item) or not item.strip():
                    raise StoreError(f"{name}: {item!r} is empty or contains a separator")
        row = customer_to_row(customer)
        if not row["id"]:
            row["id"] = new_customer_id()
        with self.transaction() as conn:
            time_now = now()
            sets = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
            conn.execute(
                f"INSERT INTO customers ({', '.join(row)}, created, updated) "
                f"VALUES ({', '.join('?' * len(row))}, ?, ?) "
                f"ON CONFLICT (id) DO UPDATE SET {sets}, updated = excluded.updated",
                (*row.values(), time_now, time_now),
            )
            current = self.customer(row["id"])
            assert current is not None
            if current.consent_marketing != customer.consent_marketing:
                self.add_consent(row["id"], CONSENT_MARKETING, customer.consent_marketing,
                                 source=consent_source)
                from shopguide.privacy import log as plog  # every consent change is logged

                plog.record(self, plog.CONSENT_GRANT if customer.consent_marketing
                            else plog.CONSENT_WITHDRAW, customer_id=row["id"],
                            detail=f"{CONSENT_MARKETING} via {consent_source}",
                            reason="profile edited")
        saved = self.customer(row["id"])
        assert saved is not None
        return saved

    def delete_customer(self, customer_id: str) -> bool:
        """Deletes the customer with their notes, follow-ups, consents and linked
        conversations; purchases are kept without the person (sales totals stay)."""
        with self.transaction() as conn:
            return conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,)).rowcount > 0

    def wipe_free_space(self) -> None:
        """After an erasure: rebuild the FTS indexes (deleted words otherwise linger in
        old index segments), VACUUM away free pages and empty the WAL file."""
        from shopguide.store.schema import FTS_TABLES

        with self.transaction() as conn:
            for table in FTS_TABLES:
                conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with self.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (WIPE_PENDING,))

    @staticmethod
    def mark_wipe_pending(conn: Any) -> None:
        """Inside an erasure's transaction: the file still needs ``wipe_free_space``. If the
        process dies before that (a power cut), the next open finishes it."""
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')",
                     (WIPE_PENDING,))

    def wipe_pending(self) -> bool:
        return self.conn.execute("SELECT 1 FROM settings WHERE key = ?",
                                 (WIPE_PENDING,)).fetchone() is not None

    # -- notes -----------------------------------------------------------------
    def notes(self, customer_id: str) -> list[Note]:
        """Pinned notes first, then newest first."""
        rows = self.query("SELECT * FROM notes WHERE customer_id = ? "
                          "ORDER BY pinned DESC, created DESC, id DESC", (customer_id,))
        return [_note(r) for r in rows]

    def note(self, note_id: int) -> Note | None:
        rows = self.query("SELECT * FROM notes WHERE id = ?", (note_id,))
        return _note(rows[0]) if rows else None

    def add_note(self, customer_id: str, text: str, pinned: bool = False,
                 created: datetime | None = None) -> Note:
        when = stamp(created)
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO notes (customer_id, text, pinned, created, updated) "
                "VALUES (?, ?, ?, ?, ?)", (customer_id, text, int(pinned), when, when))
        note = self.note(int(cur.lastrowid or 0))
        assert note is not None
        return note

    def update_note(self, note_id: int, text: str | None = None,
                    pinned: bool | None = None) -> Note | None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE notes SET text = coalesce(?, text), pinned = coalesce(?, pinned), "
                "updated = ? WHERE id = ?",
                (text, None if pinned is None else int(pinned), now(), note_id))
        return self.note(note_id)

    def delete_note(self, note_id: int) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount > 0

    # -- purchases ---------------------------------------------------------------
    def purchases(self, customer_id: str) -> list[Purchase]:
        rows = self.query("SELECT * FROM purchases WHERE customer_id = ? "
                          "ORDER BY date DESC, id DESC", (customer_id,))
        return [_purchase(r) for r in rows]

    def add_purchase(self, customer_id: str, sku: str, quantity: int, price: float,
                     date: date | str) -> Purchase:
        if quantity <= 0:
            raise StoreError("quantity must be at least 1")
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO purchases (customer_id, sku, quantity, price_cents, date) "
                "VALUES (?, ?, ?, ?, ?)", (customer_id, sku, int(quantity), to_cents(price),
                                           _day(date)))
        return _purchase(self.query("SELECT * FROM purchases WHERE id = ?", (cur.lastrowid,))[0])

    # -- follow-ups --------------------------------------------------------------
    def followups(self, customer_id: str) -> list[FollowUp]:
        """Open ones first, soonest due first; then done ones, latest first."""
        rows = self.query(
            "SELECT * FROM followups WHERE customer_id = ? "
            "ORDER BY done, CASE WHEN done THEN NULL ELSE due END, due DESC, id",
            (customer_id,))
        return [_followup(r) for r in rows]

    def open_followups(self, until: date | None = None) -> list[FollowUp]:
        """Every customer's open follow-ups due on or before ``until`` (all when None)."""
        sql = "SELECT * FROM followups WHERE done = 0"
        params: tuple[Any, ...] = ()
        if until is not None:
            sql += " AND due <= ?"
            params = (_day(until),)
        return [_followup(r) for r in self.query(sql + " ORDER BY due, id", params)]

    def add_followup(self, customer_id: str, due: date | str, text: str) -> FollowUp:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO followups (customer_id, due, text, done, created) "
                "VALUES (?, ?, ?, 0, ?)", (customer_id, _day(due), text, now()))
        return _followup(self.query("SELECT * FROM followups WHERE id = ?", (cur.lastrowid,))[0])

    def set_followup_done(self, followup_id: int, done: bool = True) -> bool:
        with self.transaction() as conn:
            return conn.execute("UPDATE followups SET done = ? WHERE id = ?",
                                (int(done), followup_id)).rowcount > 0

    # -- consents ------------------------------------------------------------------
    def consents(self, customer_id: str) -> list[Consent]:
        """The customer's consent history, oldest first."""
        rows = self.query("SELECT * FROM consents WHERE customer_id = ? ORDER BY id",
                          (customer_id,))
        return [_consent(r) for r in rows]

    def add_consent(self, customer_id: str, purpose: str, granted: bool, source: str,
                    expiry: date | None = None, when: datetime | None = None) -> Consent:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO consents (customer_id, purpose, granted, date, source, expiry) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (customer_id, purpose, int(granted), stamp(when),
                 source, _day(expiry) if expiry else None))
        return _consent(self.query("SELECT * FROM consents WHERE id = ?", (cur.lastrowid,))[0])

    def consent_in_force(self, customer_id: str, purpose: str, today: date | None = None) -> bool:
        """The latest decision for ``purpose`` is a grant that has not expired."""
        history = [c for c in self.consents(customer_id) if c.purpose == purpose]
        return bool(history) and history[-1].in_force(today)

    # -- privacy log -----------------------------------------------------------------
    def log_privacy(self, action: str, reason: str = "") -> PrivacyLogEntry:
        """Record what was done and why. Callers must not put personal data here."""
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO privacy_log (time, action, reason) VALUES (?, ?, ?)",
                               (now(), action, reason))
        r = self.query("SELECT * FROM privacy_log WHERE id = ?", (cur.lastrowid,))[0]
        return PrivacyLogEntry(r["id"], parse_time(r["time"]), r["action"], r["reason"])

    def privacy_log(self, limit: int = 500) -> list[PrivacyLogEntry]:
        rows = self.query("SELECT * FROM privacy_log ORDER BY id DESC LIMIT ?", (int(limit),))
        return [PrivacyLogEntry(r["id"], parse_time(r["time"]), r["action"], r["reason"])
                for r in rows]
