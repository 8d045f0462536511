"""The privacy log: every export, erasure, consent change and retention run.

The log says what was done, when and why, never who. Each entry that concerns
one person carries an opaque reference instead: a keyed hash (HMAC-SHA256, a
random per-store key kept in the store's settings) of the internal customer id.

Why not the id itself: ids can be chosen by the merchant on import (``c-wang``,
a membership number, a phone-derived code) and so can be personal data, and
after an erasure a bare id would still match old CSV exports lying around.
Why not nothing at all: the shop must be able to show what it did for one
person (GDPR Art. 5(2), PIPL Art. 54): given the id from that person's request
or from the export they received, ``subject_ref`` finds their entries again,
while the log on its own names nobody. The reason a clerk types is free text,
so any name, phone or e-mail of the person in it is masked before it is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.logging_setup import redact

KEY_SETTING = "id_privacy_ref_key"  # id_* settings are secrets `db info` never shows
MAX_REASON = 500
MASK = "[customer]"

# Verbs written to the log's action column.
EXPORT = "export"
ERASE = "erase"
CONSENT_GRANT = "consent.grant"
CONSENT_WITHDRAW = "consent.withdraw"
RETENTION = "retention"
VERBS = (EXPORT, ERASE, CONSENT_GRANT, CONSENT_WITHDRAW, RETENTION)

# action column: "<verb>[ <detail>][ ref=<16 hex>]"; detail holds counts or a purpose only.
_ACTION = re.compile(r"^(?P<verb>\S+)(?: (?P<detail>.*?))?(?: ref=(?P<ref>[0-9a-f]{16}))?$")


@dataclass(frozen=True)
class PrivacyEvent:
    id: int
    time: datetime
    verb: str
    detail: str
    ref: str | None  # opaque subject reference, None for store-wide actions
    reason: str


def _key(store: Any) -> bytes:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_SETTING,)).fetchone()
    if row:
        return bytes.fromhex(row[0])
    key = secrets.token_hex(32)
    with store.transaction() as conn:
        # INSERT OR IGNORE: two connections creating it at once keep the first one.
        conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                     (KEY_SETTING, key))
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_SETTING,)).fetchone()
    return bytes.fromhex(row[0])


def subject_ref(store: Any, customer_id: str) -> str:
    """The opaque reference the log uses for ``customer_id`` in this store."""
    digest = hmac.new(_key(store), customer_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:16]


def mask_person(text: str, identifiers: list[str | None]) -> str:
    """``text`` with the person's identifiers (and any phone/e-mail shape) masked."""
    out = text
    for ident in sorted({i.strip() for i in identifiers if i and i.strip()}, key=len,
                        reverse=True):
        out = _ident_pattern(ident).sub(MASK, out)
    return redact(out)


def _ident_pattern(ident: str) -> re.Pattern[str]:
    """Latin words match as whole words (Li is not in Lightweight); CJK matches anywhere,
    since Chinese has no spaces between words."""
    escaped = re.escape(ident)
    if re.fullmatch(r"[\w\s.'-]+", ident, flags=re.ASCII):
        return re.compile(rf"(?<!\w){escaped}(?!\w)", re.IGNORECASE)
    return re.compile(escaped, re.IGNORECASE)


def record(store: Any, verb: str, *, customer_id: str | None = None, detail: str = "",
           reason: str = "", identifiers: list[str | None] | None = None) -> PrivacyEvent:
    """Write one entry. ``identifiers``: the person's name, phone, e-mail, masked in the
    reason; taken from the store when ``customer_id`` is given and they are not."""
    if verb not in VERBS:
        raise ValueError(f"unknown privacy-log action {verb!r}; one of {', '.join(VERBS)}")
    if identifiers is None and customer_id is not None:
        identifiers = person_identifiers(store, customer_id)
    clean_reason = mask_person(" ".join((reason or "").split()), identifiers or [])[:MAX_REASON]
    clean_detail = mask_person(" ".join(detail.split()), identifiers or [])
    action = verb + (f" {clean_detail}" if clean_detail else "")
    if customer_id is not None:
        action += f" ref={subject_ref(store, customer_id)}"
    entry = store.log_privacy(action, clean_reason)
    return _event(entry.id, entry.time, entry.action, entry.reason)


def person_identifiers(store: Any, customer_id: str) -> list[str | None]:
    rows = store.conn.execute("SELECT name, phone, email FROM customers WHERE id = ?",
                              (customer_id,)).fetchall()
    return [*rows[0], customer_id] if rows else [customer_id]


def _event(id_: int, time: datetime, action: str, reason: str) -> PrivacyEvent:
    m = _ACTION.match(action)
    if m is None:  # written by something else: show it as it is
        return PrivacyEvent(id_, time, action, "", None, reason)
    return PrivacyEvent(id_, time, m["verb"], m["detail"] or "", m["ref"], reason)


def entries(store: Any, limit: int = 500, customer_id: str | None = None) -> list[PrivacyEvent]:
    """Newest first; only one person's when ``customer_id`` is given (matched by ref)."""
    events = [_event(e.id, e.time, e.action, e.reason)
              for e in store.privacy_log(limit if customer_id is None else 1_000_000)]
    if customer_id is not None:
        ref = subject_ref(store, customer_id)
        events = [e for e in events if e.ref == ref][:limit]
    return events
