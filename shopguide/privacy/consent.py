"""Consent per purpose: a history of decisions, the latest one in force.

Granting and withdrawing both add a record (date, source, optional expiry);
nothing is ever updated or deleted except by erasing the person. Every change
goes to the privacy log. Without a "history" consent in force the store does
not link conversations to the person (see ``Store.start_conversation``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from shopguide.privacy import log as plog
from shopguide.store.models import CONSENT_HISTORY, CONSENT_MARKETING, Consent

PURPOSES = (CONSENT_MARKETING, CONSENT_HISTORY)
SOURCES = ("counter", "kiosk", "import")


class ConsentError(ValueError):
    """A consent decision that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class ConsentState:
    purpose: str
    in_force: bool
    latest: Consent | None  # None: never asked

    @property
    def expired(self) -> bool:
        return bool(self.latest and self.latest.granted and not self.in_force)

    @property
    def status(self) -> str:
        """never-asked, granted, withdrawn or expired."""
        if self.latest is None:
            return "never-asked"
        if self.in_force:
            return "granted"
        return "expired" if self.latest.granted else "withdrawn"


def _check(store: Any, customer_id: str, purpose: str, source: str) -> None:
    if purpose not in PURPOSES:
        raise ConsentError(f"unknown consent purpose {purpose!r}; use one of "
                           f"{', '.join(PURPOSES)}")
    if source not in SOURCES:
        raise ConsentError(f"unknown consent source {source!r}; use one of {', '.join(SOURCES)}")
    if store.customer(customer_id) is None:
        raise ConsentError(f"no customer with id {customer_id!r}")


def record(store: Any, customer_id: str, purpose: str, granted: bool, *,
           source: str = "counter", expiry: date | None = None, reason: str = "",
           when: datetime | None = None, today: date | None = None) -> Consent:
    """Add one decision and log it; both or neither are stored."""
    _check(store, customer_id, purpose, source)
    if expiry is not None and not granted:
        raise ConsentError("a withdrawal has no expiry date")
    if expiry is not None and expiry < (today or date.today()):
        raise ConsentError(f"expiry {expiry.isoformat()} is in the past")
    with store.transaction():
        consent = store.add_consent(customer_id, purpose, granted, source=source,
                                    expiry=expiry, when=when)
        detail = purpose + (f" until {expiry.isoformat()}" if expiry else "") + f" via {source}"
        plog.record(store, plog.CONSENT_GRANT if granted else plog.CONSENT_WITHDRAW,
                    customer_id=customer_id, detail=detail, reason=reason)
    return consent


def grant(store: Any, customer_id: str, purpose: str, **kw: Any) -> Consent:
    return record(store, customer_id, purpose, True, **kw)


def withdraw(store: Any, customer_id: str, purpose: str, **kw: Any) -> Consent:
    """A new record saying no; the earlier grant stays in the history."""
    return record(store, customer_id, purpose, False, **kw)


def current(store: Any, customer_id: str, today: date | None = None) -> dict[str, ConsentState]:
    """Every known purpose (and any other one on record) → its state today."""
    history = store.consents(customer_id)
    purposes = list(PURPOSES) + sorted({c.purpose for c in history} - set(PURPOSES))
    out: dict[str, ConsentState] = {}
    for purpose in purposes:
        mine = [c for c in history if c.purpose == purpose]
        latest = mine[-1] if mine else None
        out[purpose] = ConsentState(purpose, bool(latest and latest.in_force(today)), latest)
    return out


def may_keep_history(store: Any, customer_id: str | None) -> bool:
    return bool(customer_id) and store.consent_in_force(customer_id, CONSENT_HISTORY)
