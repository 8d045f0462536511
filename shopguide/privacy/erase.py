"""Erasure (PIPL Art. 47, GDPR Art. 17): the person's rows go everywhere, then the file
is scrubbed so the name cannot be found in its bytes, and so is every backup copy
ShopGuide made of the store.

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

Then the copies (``copies.py``): pre-upgrade copies and ``db backup`` copies
are cleaned the same way. The live store goes first, so a backup taken while
the copies are being cleaned is already clean. A copy that cannot be cleaned is
named in ``ErasureReport.backups`` with the reason; the erasure can be run
again for the same id once it is writable (the store no longer has the person,
the copies still do).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopguide.privacy import copies as pcopies
from shopguide.privacy import log as plog
from shopguide.privacy import scrub
from shopguide.store import maintenance

ERASED = scrub.ERASED


class ErasureError(ValueError):
    pass


@dataclass
class ErasureReport:
    deleted: dict[str, int] = field(default_factory=dict)
    purchases_anonymised: int = 0
    mentions_masked: int = 0
    wal_emptied: bool = False
    # Copies that could not be cleaned and may still hold the person, with the reason.
    backups: list[Path] = field(default_factory=list)
    backup_problems: dict[Path, str] = field(default_factory=dict)
    backups_cleaned: list[Path] = field(default_factory=list)  # held the person, now clean
    unfinished_removed: list[Path] = field(default_factory=list)  # half-written copies

    @property
    def complete(self) -> bool:
        """Nothing of the person is known to be left in any file ShopGuide made."""
        return self.wal_emptied and not self.backups

    def summary(self) -> str:
        parts = [f"{k} {v}" for k, v in self.deleted.items()]
        if self.purchases_anonymised:
            parts.append(f"purchases kept without the person {self.purchases_anonymised}")
        if self.mentions_masked:
            parts.append(f"mentions masked elsewhere {self.mentions_masked}")
        if self.backups_cleaned:
            parts.append(f"backup copies cleaned {len(self.backups_cleaned)}")
        if self.unfinished_removed:
            parts.append(f"unfinished copies deleted {len(self.unfinished_removed)}")
        return ", ".join(parts)


def is_known(store: Any, customer_id: str) -> bool:
    """The store or one of its backup copies still has a row for this customer."""
    if store.conn.execute("SELECT 1 FROM customers WHERE id = ?", (customer_id,)).fetchone():
        return True
    found = pcopies.find(Path(store.path), store.conn)
    return any(pcopies.holds(p, customer_id) for p in found.copies)


def erase_customer(store: Any, customer_id: str, *, reason: str,
                   anonymise_purchases: bool = False) -> ErasureReport:
    """Erase one person from the store and every copy of it that ShopGuide made.
    ``reason`` is required (accountability). A person already erased from the store
    but left in a copy (read-only at the time) is erased from the copies."""
    if not reason.strip():
        raise ErasureError("an erasure needs a reason (for the privacy log)")
    in_store = store.conn.execute("SELECT 1 FROM customers WHERE id = ?",
                                  (customer_id,)).fetchone() is not None
    if not in_store and not is_known(store, customer_id):
        raise ErasureError(f"no customer with id {customer_id!r}")
    idents = scrub.identifiers(store.conn, customer_id)
    report = ErasureReport()
    store.conn.execute("PRAGMA secure_delete = ON")
    if in_store:
        with store.transaction() as conn:
            removal = scrub.remove_person(conn, customer_id, idents,
                                          anonymise_purchases=anonymise_purchases)
            store.mark_wipe_pending(conn)
            report.deleted = removal.deleted
            report.purchases_anonymised = removal.purchases_anonymised
            report.mentions_masked = removal.mentions_masked
            plog.record(store, plog.ERASE, customer_id=customer_id, detail=report.summary(),
                        reason=reason, identifiers=list(idents))
    report.wal_emptied = wipe(store)
    _clean_copies(store, customer_id, idents, anonymise_purchases, report)
    if report.backups_cleaned or report.backups or not in_store:
        # A second entry: the store's own rows are already gone (and logged) whatever
        # happens to the copies.
        detail = f"backup copies cleaned {len(report.backups_cleaned)}"
        if report.backups:
            detail += f", not cleaned {len(report.backups)}"
        # (Its reason is masked like the first's; the WAL gains only this clean row.)
        plog.record(store, plog.ERASE, customer_id=customer_id, detail=detail,
                    reason=reason, identifiers=list(idents))
    return report


def _clean_copies(store: Any, customer_id: str, idents: list[str], anonymise: bool,
                  report: ErasureReport) -> None:
    found = pcopies.find(Path(store.path), store.conn)
    for part in found.unfinished:
        problem = pcopies.remove_unfinished(part)
        if problem:
            report.backups.append(part)
            report.backup_problems[part] = problem
        else:
            report.unfinished_removed.append(part)
    identity = maintenance.store_identity(store.conn)
    for path in found.copies:
        outcome = pcopies.clean(path, customer_id, idents, anonymise_purchases=anonymise,
                                identity=identity)
        if outcome.problem:
            report.backups.append(path)
            report.backup_problems[path] = outcome.problem
        elif outcome.held_person:
            report.backups_cleaned.append(path)
    if found.gone:
        with store.transaction() as conn:
            maintenance.forget_backups(conn, found.gone)


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

