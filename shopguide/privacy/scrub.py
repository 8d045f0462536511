"""Removing one person's rows from a store file, whatever its schema version.

Shared by the erasure of the live store (``erase.py``) and of the backup copies
ShopGuide made of it (``copies.py``). A copy may come from any schema version
(a copy taken before a migration keeps the old one), so every step looks at the
tables the file actually has instead of assuming the latest schema.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from shopguide.privacy import log as plog

ERASED = "[erased]"
# Free-text columns that may mention a person other than their owner.
TEXT_COLUMNS = (("messages", "text"), ("notes", "text"), ("followups", "text"),
                ("privacy_log", "reason"),
                # masked when written (shopguide/review), but a customer added since was not
                # known to the masking then
                ("review_actions", "question"), ("review_actions", "detail"))
# Tables keyed by customer_id that are deleted outright (purchases are handled apart).
_OWNED = ("notes", "followups", "consents")


@dataclass
class Removal:
    deleted: dict[str, int] = field(default_factory=dict)
    purchases_anonymised: int = 0
    mentions_masked: int = 0

    @property
    def changed(self) -> int:
        return sum(self.deleted.values()) + self.purchases_anonymised + self.mentions_masked


def identifiers(conn: sqlite3.Connection, customer_id: str) -> list[str]:
    """The person's id, name, phone (also as bare digits) and e-mail in this file;
    only the id when the file has no row for them."""
    row = conn.execute("SELECT name, phone, email FROM customers WHERE id = ?",
                       (customer_id,)).fetchone()
    if row is None:
        return [customer_id]
    found = [v for v in (*row, customer_id) if v]
    digits = re.sub(r"\D", "", row[1] or "")
    if len(digits) >= 7 and digits != row[1]:
        found.append(digits)  # the same phone typed without separators
    return found


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def remove_person(conn: sqlite3.Connection, customer_id: str, idents: list[str], *,
                  anonymise_purchases: bool) -> Removal:
    """Delete the person's rows and mask their identifiers in other rows' free text.
    Runs in the caller's transaction."""
    have = tables(conn)
    out = Removal()
    if "conversations" in have:
        convs = [r[0] for r in conn.execute(
            "SELECT id FROM conversations WHERE customer_id = ?", (customer_id,))]
        if "messages" in have:
            marks = ",".join("?" * len(convs))
            out.deleted["messages"] = conn.execute(
                f"DELETE FROM messages WHERE conversation_id IN ({marks})", convs).rowcount
        out.deleted["conversations"] = conn.execute(
            "DELETE FROM conversations WHERE customer_id = ?", (customer_id,)).rowcount
    for table in _OWNED:
        if table in have:
            out.deleted[table] = conn.execute(
                f"DELETE FROM {table} WHERE customer_id = ?", (customer_id,)).rowcount
    if "purchases" in have:
        if anonymise_purchases:
            out.purchases_anonymised = conn.execute(
                "UPDATE purchases SET customer_id = NULL WHERE customer_id = ?",
                (customer_id,)).rowcount
        else:
            out.deleted["purchases"] = conn.execute(
                "DELETE FROM purchases WHERE customer_id = ?", (customer_id,)).rowcount
    # From schema v2 on, the customers_ad trigger removes the customers_fts entry.
    out.deleted["customers"] = conn.execute(
        "DELETE FROM customers WHERE id = ?", (customer_id,)).rowcount
    out.mentions_masked = mask_mentions(conn, idents, have)
    return out


def mask_mentions(conn: sqlite3.Connection, idents: list[str], have: set[str]) -> int:
    """Mask the person's identifiers wherever free text still names them."""
    idents = [i for i in idents if i]
    if not idents:
        return 0
    patterns = [plog._ident_pattern(i) for i in sorted(set(idents), key=len, reverse=True)
                if len(i) >= 2]
    changed = 0
    for table, col in TEXT_COLUMNS:
        if table not in have:
            continue
        likes = " OR ".join(f"instr(lower({col}), ?) > 0" for _ in idents)
        rows = conn.execute(f"SELECT id, {col} FROM {table} WHERE {likes}",
                            [i.lower() for i in idents]).fetchall()
        for key, text in rows:
            new = text
            for pat in patterns:
                new = pat.sub(ERASED, new)
            if new != text:
                conn.execute(f"UPDATE {table} SET {col} = ? WHERE id = ?", (new, key))
                changed += 1
    return changed


def optimize_indexes(conn: sqlite3.Connection) -> None:
    """Merge every FTS5 index into one segment: a deleted word otherwise lives on in
    old segments until a merge happens to reach them."""
    fts = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")]
    for table in fts:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
