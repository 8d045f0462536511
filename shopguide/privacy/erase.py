"""Erasure (PIPL Art. 47, GDPR Art. 17): the person's rows go everywhere, then the file
is scrubbed so the name cannot be found in its bytes.

One transaction deletes the customer, notes, follow-ups, consents, linked
conversations with their messages, and purchases (or, with
``anonymise_purchases``, keeps the sales rows without the person so sales totals
stay right). Stray mentions of the person's name, phone or e-mail in other rows
(a message typed in an unlinked conversation, another customer's note, a reason
in the privacy log) are masked. The privacy log records the erasure with counts
and the opaque reference only.

Then the bytes: ``secure_delete`` overwrites deleted content, the FTS indexes are
merged (a deleted word otherwise lives on in old index segments), VACUUM
rewrites the file without free pages, and a TRUNCATE checkpoint empties the WAL
file, which otherwise keeps old copies of changed pages.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopguide.privacy import log as plog

ERASED = "[erased]"
# Free-text columns that may mention a person other than their owner.
_TEXT_COLUMNS = (("messages", "text"), ("notes", "text"), ("followups", "text"),
                 ("privacy_log", "reason"))


class ErasureError(ValueError):
    pass


@dataclass
class ErasureReport:
    deleted: dict[str, int] = field(default_factory=dict)
    purchases_anonymised: int = 0
    mentions_masked: int = 0
    wal_emptied: bool = False
    backups: list[Path] = field(default_factory=list)  # older copies that still hold the person

    def summary(self) -> str:
        parts = [f"{k} {v}" for k, v in self.deleted.items()]
        if self.purchases_anonymised:
            parts.append(f"purchases kept without the person {self.purchases_anonymised}")
        if self.mentions_masked:
            parts.append(f"mentions masked elsewhere {self.mentions_masked}")
        return ", ".join(parts)


def erase_customer(store: Any, customer_id: str, *, reason: str,
                   anonymise_purchases: bool = False) -> ErasureReport:
    """Erase one person and scrub the file. ``reason`` is required (accountability)."""
    if not reason.strip():
        raise ErasureError("an erasure needs a reason (for the privacy log)")
    row = store.conn.execute("SELECT name, phone, email FROM customers WHERE id = ?",
                             (customer_id,)).fetchone()
    if row is None:
        raise ErasureError(f"no customer with id {customer_id!r}")
    identifiers = [v for v in (*row, customer_id) if v]
    digits = re.sub(r"\D", "", row[1] or "")
    if len(digits) >= 7 and digits != row[1]:
        identifiers.append(digits)  # the same phone typed without separators
    report = ErasureReport()
    store.conn.execute("PRAGMA secure_delete = ON")
    with store.transaction() as conn:
        ref_entry_reason = reason  # masked by plog.record with the identifiers below
        convs = [r[0] for r in conn.execute(
            "SELECT id FROM conversations WHERE customer_id = ?", (customer_id,))]
        marks = ",".join("?" * len(convs))
        report.deleted["messages"] = conn.execute(
            f"DELETE FROM messages WHERE conversation_id IN ({marks})", convs).rowcount
        report.deleted["conversations"] = conn.execute(
            "DELETE FROM conversations WHERE customer_id = ?", (customer_id,)).rowcount
        for table in ("notes", "followups", "consents"):
            report.deleted[table] = conn.execute(
                f"DELETE FROM {table} WHERE customer_id = ?", (customer_id,)).rowcount
        if anonymise_purchases:
            report.purchases_anonymised = conn.execute(
                "UPDATE purchases SET customer_id = NULL WHERE customer_id = ?",
                (customer_id,)).rowcount
        else:
            report.deleted["purchases"] = conn.execute(
                "DELETE FROM purchases WHERE customer_id = ?", (customer_id,)).rowcount
        # customers_ad removes the customers_fts entry.
        report.deleted["customers"] = conn.execute(
            "DELETE FROM customers WHERE id = ?", (customer_id,)).rowcount
        report.mentions_masked = _mask_mentions(conn, identifiers)
        plog.record(store, plog.ERASE, customer_id=customer_id, detail=report.summary(),
                    reason=ref_entry_reason, identifiers=identifiers)
    report.wal_emptied = wipe(store)
    report.backups = backup_copies(Path(store.path))
    return report


def _mask_mentions(conn: Any, identifiers: list[str]) -> int:
    """Mask the person's identifiers wherever free text still names them."""
    patterns = [plog._ident_pattern(i) for i in sorted(set(identifiers), key=len, reverse=True)
                if len(i) >= 2]
    changed = 0
    for table, col in _TEXT_COLUMNS:
        pk = "id"
        likes = " OR ".join(f"instr(lower({col}), ?) > 0" for _ in identifiers)
        rows = conn.execute(f"SELECT {pk}, {col} FROM {table} WHERE {likes}",
                            [i.lower() for i in identifiers]).fetchall()
        for key, text in rows:
            new = text
            for pat in patterns:
                new = pat.sub(ERASED, new)
            if new != text:
                conn.execute(f"UPDATE {table} SET {col} = ? WHERE {pk} = ?", (new, key))
                changed += 1
    return changed


def wipe(store: Any, attempts: int = 20) -> bool:
    """Merge FTS segments, VACUUM, empty the WAL. True when the WAL file is empty
    (False: another connection kept reading; run again once it is closed)."""
    store.wipe_free_space()
    for _ in range(attempts):
        busy, _frames, _done = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            wal = Path(f"{store.path}-wal")
            return not wal.exists() or wal.stat().st_size == 0
        time.sleep(0.05)
    return False


_BACKUP = re.compile(r"\.v\d+-backup")


def backup_copies(path: Path) -> list[Path]:
    """Copies of the store that ShopGuide made (before a migration, ``db backup``); they
    still hold the erased person and must be deleted or erased in too."""
    if str(path) == ":memory:":
        return []
    found = [p for p in path.parent.glob(f"{path.stem}.v*-backup*") if _BACKUP.search(p.name)]
    backups = path.parent / "backups"
    if backups.is_dir():
        found += sorted(backups.glob("*.sqlite"))
    return sorted(found)
